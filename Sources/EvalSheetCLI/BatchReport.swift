import Foundation
import EvalSheetModel
import EvalSheetValidation

/// The end-of-run report of a batch: failures with their locations, validation findings, and where
/// the outputs are.
enum BatchReport {
    static func print(results: [BatchConverter.FileResult], failed: [BatchConverter.FileResult], findings: [Finding],
                      skipped: [String], index: String, validated: Bool, global: GlobalOptions) {
        let ja = global.lang == .ja
        let report = Reporter(global: global)
        report.notes(results.flatMap(\.notes))
        if validated, !findings.isEmpty, !global.quiet {
            Reporter.printError(Findings.renderText(findings, language: global.lang).trimmingCharacters(in: .newlines))
        }
        for f in failed {
            for e in f.errors { report.error(e) }
        }
        let written = results.reduce(0) { $0 + $1.outputs.count }
        let summary = ja
            ? "変換 \(written) 件、スキップ(既存) \(skipped.count) 件、失敗 \(failed.count) 件。一覧: \(index)"
            : "converted \(written), skipped (existing) \(skipped.count), failed \(failed.count). Index: \(index)"
        if !skipped.isEmpty, !global.quiet {
            Reporter.printError(ja ? "既存のファイルは上書きしていません(上書きするには --force)" : "existing files were kept (use --force to overwrite)")
        }
        if !global.quiet || !failed.isEmpty { Reporter.printError(summary) }
    }
}
