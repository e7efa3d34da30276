import EvalSheetModel

/// `policy.code-prefix` (error): the 施策コード starts with the まちづくりの基本目標 code, which
/// starts with the 将来像 code (`511` ⊃ `51` ⊃ `5`). The first hit is on the policy code,
/// the second on the goal code.
public struct PolicyCodePrefixRule: SheetRule {
    public let id = "policy.code-prefix"
    public let severity = Severity.error

    public init() {}

    public func check(_ sheet: EvaluationSheet) -> [RuleHit] {
        var hits: [RuleHit] = []
        let (policy, goal, vision) = (sheet.policy.code, sheet.goal.code, sheet.vision.code)
        if goal.isEmpty || !policy.hasPrefix(goal) {
            hits.append(RuleHit(.policyCode,
                ja: "施策コード \(policy) が、まちづくりの基本目標のコード \(goal) で始まっていません",
                en: "policy code \(policy) does not start with the goal code \(goal)"))
        }
        if vision.isEmpty || !goal.hasPrefix(vision) {
            hits.append(RuleHit(.goalCode,
                ja: "まちづくりの基本目標のコード \(goal) が、将来像のコード \(vision) で始まっていません",
                en: "goal code \(goal) does not start with the vision code \(vision)"))
        }
        return hits
    }
}
