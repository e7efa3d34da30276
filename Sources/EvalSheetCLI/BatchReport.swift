import Foundation
import EvalSheetModel
import EvalSheetValidation

/// The end-of-run report of a batch: failures with their places, validation findings, and where
/// the outputs are.
enum BatchReport {
    static func print(results: [BatchConverter.FileResult], findings: [Finding], yearOutputs: YearOutputs,
                      validated: Bool, global: GlobalOptions) {
        let ja = global.lang == .ja
        let report = Reporter(global: global)
        if !findings.isEmpty, !global.quiet {
            Reporter.printError(Findings.renderText(findings, language: global.lang).trimmingCharacters(in: .newlines))
        }
        for r in results { r.errors.forEach(report.error) }
        yearOutputs.errors.forEach(report.error)
        let written = results.reduce(0) { $0 + $1.outcome.written.count }
        let skipped = results.flatMap(\.outcome.skipped)
        // What was not converted: each unreadable file or sheet, each policy not written.
        let failedInputs = results.reduce(0) { $0 + $1.outcome.readFailures.count + $1.outcome.policies.filter { $0.error != nil }.count }
        let index = yearOutputs.indexPath
        let indexNote = yearOutputs.written.contains(index) || yearOutputs.skipped.contains(index)
            ? (ja ? "一覧: \(index)" : "Index: \(index)") : (ja ? "一覧は書き出せませんでした" : "the index was not written")
        let summary = ja
            ? "変換 \(written) 件、スキップ(既存) \(skipped.count) 件、失敗 \(failedInputs) 件。\(indexNote)"
            : "converted \(written), skipped (existing) \(skipped.count), failed \(failedInputs). \(indexNote)"
        let kept = skipped + yearOutputs.skipped
        if !kept.isEmpty, !global.quiet {
            let names = kept.prefix(5).map { ($0 as NSString).lastPathComponent }.joined(separator: ", ") + (kept.count > 5 ? " …" : "")
            Reporter.printError(ja ? "既存のファイル \(kept.count) 件は上書きしていません(上書きするには --force): \(names)"
                                   : "\(kept.count) existing files were kept (use --force to overwrite): \(names)")
        }
        if !global.quiet || failedInputs > 0 || !yearOutputs.errors.isEmpty { Reporter.printError(summary) }
    }
}
