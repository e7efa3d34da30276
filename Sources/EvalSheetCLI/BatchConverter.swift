import Foundation
import EvalSheetModel
import EvalSheetText
import EvalSheetWorkbook
import EvalSheetValidation

/// Converts one input file of a batch through the shared `PolicyConversion`, runs the per-policy
/// rules on each policy read, and keeps only what the year needs afterwards (a summary row and a
/// compact copy for the cross-policy rules), so memory does not grow with the size of the year.
struct BatchConverter: Sendable {
    let conversion: PolicyConversion
    let validate: Bool
    let workbookLinks: Bool
    /// The distinct values behind every policy's digest for the year's rules.
    let digests = YearRuleDigests()
    /// The values the summary rows of the index repeat, stored once.
    let summaryValues = SummaryValues()

    struct FileResult: @unchecked Sendable {
        var outcome: FileOutcome
        /// The readers' findings (an error per problem of what could not be read, a warning per note),
        /// an error per output not written, and the per-policy rules' findings.
        var findings: [Finding] = []
        var digests: [YearRuleDigest] = []
        var summaries: [PolicySummary] = []

        var file: String { outcome.file }
        var errors: [any Error] { outcome.errors }
    }

    /// What the year keeps of one policy.
    private struct Kept {
        var findings: [Finding]
        var digest: YearRuleDigest?
        var summary: PolicySummary
    }

    /// Converts `file`, the input at `turn` among the batch's (see `PolicyConversion.convert`).
    func convert(_ file: String, turn: Int? = nil) -> FileResult {
        let (outcome, kept) = conversion.convert(file, turn: turn) { loaded, policy in
            var findings = Finding.readerNotes([loaded])
            if let error = policy.error { findings.append(Self.notWritten(error, policy: policy, file: file)) }
            if validate { findings += Validator.validate([loaded], sheetRules: Validator.sheetRules, yearRules: []) }
            let link = workbookLinks && policy.error == nil ? policy.output.map { ($0 as NSString).lastPathComponent } : nil
            return Kept(findings: findings, digest: validate ? digests.digest(loaded) : nil,
                        summary: summaryValues.shared(PolicySummary(loaded.sheet, errors: 0, warnings: 0, workbook: link)))
        }
        var r = FileResult(outcome: outcome)
        // A duplicate policy is reported (its error is a finding) but not counted in the year: the
        // first copy stands for the policy in the index and the rules across policies.
        let counted = zip(outcome.policies, kept).filter { !$0.0.duplicate }.map(\.1)
        let duplicates = zip(outcome.policies, kept).filter { $0.0.duplicate }
        // A file this tool wrote (last run's index.xlsx, findings.json) is not read, and findings.json says so.
        r.findings = outcome.passedOver.map { [Finding(readerNote: $0, policy: "")] } ?? []
        r.findings += outcome.readFailures.flatMap { Finding.unreadable($0) } + counted.flatMap(\.findings)
            + duplicates.compactMap { p, _ in p.error.map { Self.notWritten($0, policy: p, file: file, counted: false) } }
        r.digests = counted.compactMap(\.digest)
        r.summaries = counted.map(\.summary)
        return r
    }

    /// A policy whose output could not be written, as a finding of its input.
    /// (`counted` false: a duplicate's error is not charged to the copy that stands for the policy.)
    private static func notWritten(_ error: any Error, policy: PolicyOutcome, file: String, counted: Bool = true) -> Finding {
        Finding(ruleID: "output.not-written", severity: .error,
                message: .init(ja: ErrorText.lines(error, .ja).joined(separator: " / "),
                               en: ErrorText.lines(error, .en).joined(separator: " / ")),
                policy: counted ? policy.code : "", path: nil, file: file, location: file)
    }
}
