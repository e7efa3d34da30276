import Foundation
import EvalSheetModel
import EvalSheetValidation

/// The end-of-run report of a batch: failures with their places, validation findings, and where
/// the outputs are.
enum BatchReport {
    static func print(tally: BatchTally, findings: [Finding], yearOutputs: YearOutputs,
                      validated: Bool, global: GlobalOptions) {
        let ja = global.lang == .ja
        let report = Reporter(global: global)
        if !findings.isEmpty, !global.quiet {
            Reporter.printError(Findings.renderText(findings, language: global.lang).trimmingCharacters(in: .newlines))
        }
        tally.errors.forEach(report.error)
        yearOutputs.errors.forEach(report.error)
        let written = tally.written, failedInputs = tally.failedInputs
        let index = yearOutputs.indexPath
        let indexNote = yearOutputs.written.contains(index) || yearOutputs.skipped.contains(index)
            ? (ja ? "一覧: \(index)" : "Index: \(index)") : (ja ? "一覧は書き出せませんでした" : "the index was not written")
        let summary = ja
            ? "変換 \(written) 件、スキップ(既存) \(tally.skipped) 件、失敗 \(failedInputs) 件。\(indexNote)"
            : "converted \(written), skipped (existing) \(tally.skipped), failed \(failedInputs). \(indexNote)"
        let keptCount = tally.skipped &+ yearOutputs.skipped.count
        if keptCount > 0, !global.quiet {
            let shown = (tally.firstSkipped + yearOutputs.skipped).prefix(BatchTally.namesShown)
            let names = shown.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ") + (keptCount > BatchTally.namesShown ? " …" : "")
            Reporter.printError(ja ? "既存のファイル \(keptCount) 件は上書きしていません(上書きするには --force): \(names)"
                                   : "\(keptCount) existing files were kept (use --force to overwrite): \(names)")
        }
        if !global.quiet || failedInputs > 0 || !yearOutputs.errors.isEmpty { Reporter.printError(summary) }
    }
}

/// What the end-of-run report needs of the files' results, kept in their place: the errors to
/// report, how many outputs were written, skipped (and the first names shown) and not converted —
/// so that nothing per converted policy waits for the report.
struct BatchTally {
    /// How many skipped outputs the report names.
    static let namesShown = 5

    private(set) var errors: [any Error] = []
    private(set) var written = 0
    private(set) var skipped = 0
    private(set) var firstSkipped: [String] = []
    /// Each unreadable file or sheet, each policy not written.
    private(set) var failedInputs = 0

    mutating func add(_ outcome: FileOutcome) {
        errors += outcome.errors
        written &+= outcome.written.count
        let skippedHere = outcome.skipped
        skipped &+= skippedHere.count
        firstSkipped += skippedHere.prefix(max(0, Self.namesShown &- firstSkipped.count))
        failedInputs &+= outcome.readFailures.count &+ outcome.policies.filter { $0.error != nil }.count
    }
}
