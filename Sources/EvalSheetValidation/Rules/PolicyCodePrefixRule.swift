import EvalSheetModel
import EvalSheetForm

/// `policy.code-prefix` (error): the 施策コード starts with the まちづくりの基本目標 code, which
/// starts with the 将来像 code (`511` ⊃ `51` ⊃ `5`). The first hit is on the policy code,
/// the second on the goal code.
public struct PolicyCodePrefixRule: SheetRule {
    public let id = "policy.code-prefix", severity = Severity.error

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        let l = template.labels
        var hits: [RuleHit] = []
        let (policy, goal, vision) = (sheet.policy.code, sheet.goal.code, sheet.vision.code)
        if goal.isEmpty || !policy.hasPrefix(goal) {
            hits.append(RuleHit(.policyCode,
                ja: "\(l.policyCode) \(policy) が、\(l.goal)のコード \(goal) で始まっていません",
                en: "policy code \(policy) does not start with the goal code \(goal)"))
        }
        if vision.isEmpty || !goal.hasPrefix(vision) {
            hits.append(RuleHit(.goalCode,
                ja: "\(l.goal)のコード \(goal) が、\(l.vision)のコード \(vision) で始まっていません",
                en: "goal code \(goal) does not start with the vision code \(vision)"))
        }
        return hits
    }
}
