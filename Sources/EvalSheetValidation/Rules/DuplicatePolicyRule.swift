import EvalSheetModel
import EvalSheetForm

/// `year.policy-duplicate` (error): one year's sheets validated together hold each 施策コード
/// once. The hit is on every repeat after the first.
public struct DuplicatePolicyRule: YearRule {
    public let id = "year.policy-duplicate", severity = Severity.error
    public let reads: SheetParts = [.basics]

    public init() {}

    public func check(_ sheets: [EvaluationSheet], template: FormTemplate) -> [YearRuleHit] {
        sheets.enumerated().compactMap { s, sheet -> YearRuleHit? in
            let earlier = sheets[..<s].filter { $0.policy.code == sheet.policy.code }.count
            guard earlier > 0 else { return nil }
            return (s, RuleHit(.policyCode,
                ja: "\(template.labels.policyCode) \(sheet.policy.code) の\(Wording.year(sheet.fiscalYear))のシートが重複しています(\(earlier + 1)枚目)",
                en: "policy \(sheet.policy.code) has more than one sheet for \(Wording.yearEN(sheet.fiscalYear)) (this is number \(earlier + 1))"))
        }
    }
}
