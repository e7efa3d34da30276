import Foundation
import EvalSheetModel
import EvalSheetValidation

/// The end-of-run report of a batch: failures with their places, validation findings, and where
/// the outputs are.
enum BatchReport {
    static func print(tally: BatchTally, findings: BatchFindings, yearOutputs: YearOutputs,
                      validated: Bool, global: GlobalOptions) {
        let ja = global.lang == .ja
        let report = Reporter(global: global)
        if findings.count > 0, !global.quiet { printFindings(findings, language: global.lang, reporter: report) }
        tally.errors.forEach(report.error)
        yearOutputs.errors.forEach(report.error)
        let written = tally.written, failedInputs = tally.failedInputs
        let index = yearOutputs.indexPath
        // An index kept from an earlier run is not this run's year: said, with how to replace it.
        let indexNote = yearOutputs.written.contains(index) ? (ja ? "一覧: \(index)" : "Index: \(index)")
            : yearOutputs.skipped.contains(index)
            ? (ja ? "一覧: \(index)(前回の実行のままです。この実行の内容にするには --force)"
                  : "Index: \(index) (kept from an earlier run; use --force for this run's)")
            : (ja ? "一覧は書き出せませんでした" : "the index was not written")
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

extension BatchReport {
    /// `Findings.renderText` of all the findings, without the newlines it starts and ends with, and
    /// a newline — written one file at a time as the findings are read back. When some could not be
    /// read back, the ending (its counts, or "no problems") is not printed but an error saying so.
    static func printFindings(_ findings: BatchFindings, language: Language, reporter: Reporter) {
        var text = TrimmedText { StandardStreams.err(Data($0.utf8)) }
        var report = Findings.TextReport(language: language)
        for file in findings.files() { text.write(report.file(file)) }
        if let lost = findings.lost {
            StandardStreams.err(Data("\n".utf8))
            reporter.error(CLIError(lost.reportIncomplete))
            return
        }
        text.write(report.ending())
        StandardStreams.err(Data("\n".utf8))
    }

    /// Text written in pieces as `trimmingCharacters(in: .newlines)` of the whole would be: newlines
    /// before the first other character are dropped, and those after the last are held back until
    /// more text follows (so the ones at the very end are never written).
    struct TrimmedText {
        /// Where the text goes.
        let output: (String) -> Void
        private var started = false
        private var held: [Unicode.Scalar] = []

        init(output: @escaping (String) -> Void) { self.output = output }

        mutating func write(_ piece: String) {
            let scalars = Array(piece.unicodeScalars)
            var start = 0
            if !started {
                while start < scalars.count, CharacterSet.newlines.contains(scalars[start]) { start += 1 }
                if start == scalars.count { return }
                started = true
            }
            var end = scalars.count
            while end > start, CharacterSet.newlines.contains(scalars[end - 1]) { end -= 1 }
            guard end > start else { return held += scalars[start...] }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: held)
            out.append(contentsOf: scalars[start..<end])
            output(String(out))
            held = Array(scalars[end...])
        }
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
