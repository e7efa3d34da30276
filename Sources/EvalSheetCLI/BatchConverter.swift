import Foundation
import EvalSheet
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

    struct FileResult: @unchecked Sendable {
        var outcome: FileOutcome
        /// The readers' findings (an error per problem of what could not be read, a warning per note),
        /// an error per output not written, and the per-policy rules' findings.
        var findings: [Finding] = []
        var digests: [YearRuleDigest] = []
        var summaries: [PolicySummary] = []

        var file: String { outcome.file }
        var errors: [any Error] { outcome.errors }

        /// The result once its outputs are in place or have failed (`GroupedOutputs`): a policy
        /// whose output failed only at its commit gets its error as a finding, and no link in the index.
        mutating func settle(_ settled: FileOutcome) {
            var summary = 0
            for (i, policy) in settled.policies.enumerated() {
                defer { if !policy.duplicate { summary += 1 } }
                guard let error = policy.error, i < outcome.policies.count, outcome.policies[i].error == nil, !policy.duplicate else { continue }
                findings.append(BatchConverter.notWritten(error, policy: policy, file: file))
                if summary < summaries.count { summaries[summary].workbook = nil }
            }
            outcome = settled
        }
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
                        summary: PolicySummary(loaded.sheet, errors: 0, warnings: 0, workbook: link))
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

    /// The conversion's outputs committed in groups (`GroupedOutputs`: one sync of the disk for many
    /// files): workbooks written by libxlsxwriter and handed over uncommitted, JSON and text rendered.
    static func groupedOutputs(_ format: SheetFormat, into directory: OutputDirectory, template: WorkbookTemplate) -> GroupedOutputs {
        let output: GroupedOutputs.Output
        switch format {
        case .xlsx:
            output = .written({ loaded, path, overwrite in
                try SheetOutput.workbookUncommitted(loaded, to: path, overwrite: overwrite, template: template)
            }, commitError: WorkbookExporter.commitError)
        case .json: output = .bytes { try SheetOutput.json($0) }
        case .text: output = .bytes { try SheetOutput.text($0, template: template) }
        }
        return GroupedOutputs(directory: directory.path, skipExisting: true, writers: nil, output: output, keepsSettled: false)
    }

    /// A policy whose output could not be written, as a finding of its input.
    /// (`counted` false: a duplicate's error is not charged to the copy that stands for the policy.)
    static func notWritten(_ error: any Error, policy: PolicyOutcome, file: String, counted: Bool = true) -> Finding {
        Finding(ruleID: "output.not-written", severity: .error,
                message: .init(ja: ErrorText.lines(error, .ja).joined(separator: " / "),
                               en: ErrorText.lines(error, .en).joined(separator: " / ")),
                policy: counted ? policy.code : "", path: nil, file: file, location: file)
    }
}
