import EvalSheetModel

extension FieldPath {
    /// The path a JSON pointer names (the inverse of `jsonPointer`); nil when it names no field.
    public init?(jsonPointer pointer: String) {
        guard pointer.hasPrefix("/") else { return nil }
        let parts = pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let path = Self.parse(parts) else { return nil }
        self = path
    }

    private static func parse(_ p: [String]) -> FieldPath? {
        func int(_ i: Int) -> Int? {
            guard i < p.count, let n = Int(p[i]), n >= 0, String(n) == p[i] else { return nil }
            return n
        }
        let scalars: [String: FieldPath] = [
            "fiscalYear": .fiscalYear, "policy/code": .policyCode, "policy/name": .policyName,
            "vision/code": .visionCode, "vision/name": .visionName, "goal/code": .goalCode, "goal/name": .goalName,
            "organization/department": .department, "organization/section": .section,
            "organization/subsection": .subsection, "organization/person": .person,
            "organization/title": .title, "organization/phoneExtension": .phoneExtension,
            "futureVision": .futureVision, "indicators/footnote": .indicatorFootnote,
            "evaluation/rating": .rating, "evaluation/reason": .ratingReason,
            "futureActionsFromYear": .futureActionsFromYear,
            "lastYear/rating": .lastYearRating, "lastYear/reason": .lastYearReason,
        ]
        if let s = scalars[p.joined(separator: "/")] { return s }
        switch (p.first, p.count) {
        case ("lastYear", 4) where p[1] == "budgetAmounts" && p[3] == "amount":
            return int(2).map { .lastYearBudget($0) }
        case ("organization", 3) where p[1] == "relatedSections":
            return int(2).map { .relatedSection($0) }
        case ("directions", 3):
            guard let i = int(1) else { return nil }
            switch p[2] {
            case "number": return .direction(i, .number)
            case "text": return .direction(i, .text)
            default: return nil
            }
        case ("projects", 3):
            guard let i = int(2) else { return nil }
            switch p[1] {
            case "columns": return .moneyColumn(i)
            case "totals": return .projectTotal(i)
            default: return nil
            }
        case ("projects", 4) where p[1] == "rows":
            guard let i = int(2) else { return nil }
            let fields: [String: ProjectField] = [
                "code": .code, "name": .name, "inExecutionPlan": .executionPlan,
                "directions": .directions, "section": .section,
            ]
            return fields[p[3]].map { .project(i, $0) }
        case ("projects", 5) where p[1] == "rows" && p[3] == "amounts":
            guard let i = int(2), let c = int(4) else { return nil }
            return .project(i, .amount(c))
        case ("indicators", 3) where p[1] == "years":
            return int(2).map { .indicatorYear($0) }
        case ("indicators", 4) where p[1] == "items":
            guard let i = int(2) else { return nil }
            let fields: [String: IndicatorField] = [
                "number": .number, "name": .name, "description": .description, "unit": .unit,
                "method": .method, "direction": .direction,
            ]
            return fields[p[3]].map { .indicator(i, $0) }
        case ("indicators", 5) where p[1] == "items":
            guard let i = int(2), let c = int(4) else { return nil }
            switch p[3] {
            case "targets": return .indicator(i, .target(c))
            case "actuals": return .indicator(i, .actual(c))
            case "rates": return .indicator(i, .rate(c))
            default: return nil
            }
        case ("environment", 3):
            guard let i = int(1) else { return nil }
            let fields: [String: FactorField] = [
                "category": .category, "status": .status, "assessments": .assessments, "reason": .reason,
            ]
            return fields[p[2]].map { .factor(i, $0) }
        case ("challenges", 3):
            guard let i = int(1) else { return nil }
            let fields: [String: ChallengeField] = [
                "number": .number, "challenge": .challenge, "current": .current, "future": .future,
            ]
            return fields[p[2]].map { .challenge(i, $0) }
        case ("challenges", 4) where p[2] == "relatedProjects":
            guard let i = int(1), let k = int(3) else { return nil }
            return .challenge(i, .relatedProject(k))
        default:
            return nil
        }
    }
}
