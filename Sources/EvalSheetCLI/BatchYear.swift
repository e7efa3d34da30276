import EvalSheetModel
import EvalSheetWorkbook
import EvalSheetValidation

/// What a batch gathers of its files' results, taken in input order as the files are converted
/// (`WorkerPool.forEachIndexedInOrder`): the report's tally, the findings (spooled, `BatchFindings`), the
/// index's rows, and each policy given to the year's rules (`YearValidation`) — so no file's result
/// waits for the end, and the year's rules keep what they need keyed by project code, not the
/// year's sheets.
///
/// Not locked: `take` is called one file at a time.
final class BatchYear: @unchecked Sendable {
    private(set) var tally = BatchTally()
    /// The findings, the year rules' after the files' once `finish` was called.
    let findings: BatchFindings
    /// The index's rows, held compactly (`PolicySummaryRows`).
    private(set) var summaries = PolicySummaryRows()
    private var year: YearValidation?
    private let digests: YearRuleDigests

    /// Gathers results whose digests are in `digests`; the year's rules run when `validate`.
    /// (`expected`: how many rows to make room for at once — the inputs; a text input may hold more.)
    init(digests: YearRuleDigests, validate: Bool, directory: String, expected: Int = 0) {
        self.digests = digests
        summaries.reserveCapacity(expected)
        findings = BatchFindings(directory: directory)
        year = validate ? YearValidation(rules: Validator.yearRules) : nil
    }

    /// Takes the next file's result (files in input order).
    func take(_ result: BatchConverter.FileResult) {
        tally.add(result.outcome)
        findings.add(result.findings)
        for s in result.summaries { summaries.append(s) }
        for digest in result.digests { year?.add(digests.sheet(digest)) }
    }

    /// Ends the gathering: the year rules' findings are added after the files' ones, and the tally is
    /// the report's.
    func finish() -> BatchTally {
        if var y = year {
            year = nil  // the only copy: its rules' state is freed as their findings are made
            y.takeFindings { findings.add($0) }
        }
        digests.removeAll()
        return tally
    }

    /// The index's rows gathered, given up here.
    func takeSummaries() -> PolicySummaryRows {
        defer { summaries = PolicySummaryRows() }
        return summaries
    }
}
