import EvalSheetModel
import EvalSheetForm

/// `year.policy-duplicate` (error): one year's sheets validated together hold each 施策コード
/// once. The hit is on every repeat after the first.
public struct DuplicatePolicyRule: YearRule {
    public let id = "year.policy-duplicate", severity = Severity.error
    public let reads: SheetParts = [.basics]

    public init() {}

    public func check(_ sheets: [EvaluationSheet], template: FormTemplate) -> [YearRuleHit] {
        checkByStreaming(sheets, template: template)
    }

    public func stream() -> any YearRuleStream { Stream() }

    /// How many sheets of each code came so far, and each repeat.
    private struct Stream: YearRuleStream {
        var seen: [String: Int] = [:]
        var repeats: [(index: Int, code: String, fiscalYear: Int, earlier: Int)] = []

        mutating func add(_ sheet: EvaluationSheet, index: Int) {
            let code = sheet.policy.code, earlier = seen[code, default: 0]
            seen[code] = earlier &+ 1
            if earlier > 0 { repeats.append((index, code, sheet.fiscalYear, earlier)) }
        }

        func hits(template: FormTemplate) -> [YearRuleHit] {
            repeats.map { r in
                (r.index, RuleHit(.policyCode,
                    ja: "\(template.labels.policyCode) \(r.code) の\(Wording.year(r.fiscalYear))のシートが重複しています(\(r.earlier + 1)枚目)",
                    en: "policy \(r.code) has more than one sheet for \(Wording.yearEN(r.fiscalYear)) (this is number \(r.earlier + 1))"))
            }
        }
    }
}
