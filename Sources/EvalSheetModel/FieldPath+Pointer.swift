/// A path as the steps of an RFC 6901 pointer into the JSON form, made of the model's field names
/// (`ModelKey`) — written once, for both directions.
extension FieldPath {
    private typealias S = ModelKey.Sheet

    /// The steps of the pointer, e.g. ["projects", "rows", "1", "amounts", "0"].
    public var pointerSteps: [String] {
        typealias O = ModelKey.Organization
        typealias P = ModelKey.Project
        typealias I = ModelKey.Indicator
        typealias F = ModelKey.Factor
        typealias C = ModelKey.Challenge
        typealias N = ModelKey.Coded
        switch self {
        case .fiscalYear: return [S.fiscalYear]
        case .policyCode: return [S.policy, N.code]
        case .policyName: return [S.policy, N.name]
        case .visionCode: return [S.vision, N.code]
        case .visionName: return [S.vision, N.name]
        case .goalCode: return [S.goal, N.code]
        case .goalName: return [S.goal, N.name]
        case .department: return [S.organization, O.department]
        case .section: return [S.organization, O.section]
        case .subsection: return [S.organization, O.subsection]
        case .person: return [S.organization, O.person]
        case .title: return [S.organization, O.title]
        case .phoneExtension: return [S.organization, O.phoneExtension]
        case .relatedSection(let i): return [S.organization, O.relatedSections, String(i)]
        case .futureVision: return [S.futureVision]
        case .direction(let i, let f):
            return [S.directions, String(i), f == .number ? ModelKey.Direction.number : ModelKey.Direction.text]
        case .moneyColumn(let c): return [S.projects, ModelKey.Projects.columns, String(c)]
        case .project(let i, let f):
            let row = [S.projects, ModelKey.Projects.rows, String(i)]
            switch f {
            case .code: return row + [P.code]
            case .name: return row + [P.name]
            case .executionPlan: return row + [P.inExecutionPlan]
            case .directions: return row + [P.directions]
            case .section: return row + [P.section]
            case .amount(let c): return row + [P.amounts, String(c)]
            }
        case .projectTotal(let c): return [S.projects, ModelKey.Projects.totals, String(c)]
        case .indicatorYear(let c): return [S.indicators, ModelKey.Indicators.years, String(c)]
        case .indicator(let i, let f):
            let item = [S.indicators, ModelKey.Indicators.items, String(i)]
            switch f {
            case .number: return item + [I.number]
            case .name: return item + [I.name]
            case .description: return item + [I.description]
            case .unit: return item + [I.unit]
            case .method: return item + [I.method]
            case .direction: return item + [I.direction]
            case .target(let c): return item + [I.targets, String(c)]
            case .actual(let c): return item + [I.actuals, String(c)]
            case .rate(let c): return item + [I.rates, String(c)]
            }
        case .indicatorFootnote: return [S.indicators, ModelKey.Indicators.footnote]
        case .rating: return [S.evaluation, ModelKey.Evaluation.rating]
        case .ratingReason: return [S.evaluation, ModelKey.Evaluation.reason]
        case .factor(let i, let f):
            let row = [S.environment, String(i)]
            switch f {
            case .category: return row + [F.category]
            case .status: return row + [F.status]
            case .assessments: return row + [F.assessments]
            case .reason: return row + [F.reason]
            }
        case .challenge(let i, let f):
            let row = [S.challenges, String(i)]
            switch f {
            case .number: return row + [C.number]
            case .challenge: return row + [C.challenge]
            case .relatedProject(let k): return row + [C.relatedProjects, String(k)]
            case .current: return row + [C.current]
            case .future: return row + [C.future]
            }
        case .futureActionsFromYear: return [S.futureActionsFromYear]
        case .lastYearBudget(let k): return [S.lastYear, ModelKey.LastYear.budgetAmounts, String(k), ModelKey.ProjectAmount.amount]
        case .lastYearRating: return [S.lastYear, ModelKey.LastYear.rating]
        case .lastYearReason: return [S.lastYear, ModelKey.LastYear.reason]
        }
    }

    /// The RFC 6901 JSON pointer of this value in the JSON form, e.g. `/projects/rows/1/amounts/0`.
    public var jsonPointer: String { pointerSteps.map { "/" + $0 }.joined() }

    /// The path a JSON pointer names (the inverse of `jsonPointer`); nil when it names no field.
    /// Every path is tried with the pointer's indices, so the two directions cannot disagree.
    public init?(jsonPointer pointer: String) {
        guard pointer.hasPrefix("/") else { return nil }
        let steps = pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var indices: [Int] = []
        for step in steps where step.first?.isNumber == true {
            guard let n = Int(step), n >= 0, String(n) == step else { return nil }
            indices.append(n)
        }
        guard indices.count <= 2 else { return nil }
        let (i, k) = (indices.first ?? 0, indices.count > 1 ? indices[1] : 0)
        guard let path = Self.shapes(i, k).first(where: { $0.pointerSteps == steps }) else { return nil }
        self = path
    }

    /// Every shape of path, with the given row index `i` and column index `k`.
    private static func shapes(_ i: Int, _ k: Int) -> [FieldPath] {
        let scalars: [FieldPath] = [.fiscalYear, .policyCode, .policyName, .visionCode, .visionName, .goalCode, .goalName,
                                    .department, .section, .subsection, .person, .title, .phoneExtension, .futureVision,
                                    .indicatorFootnote, .rating, .ratingReason, .futureActionsFromYear, .lastYearRating, .lastYearReason]
        let projectFields: [ProjectField] = [.code, .name, .executionPlan, .directions, .section, .amount(k)]
        let indicatorFields: [IndicatorField] = [.number, .name, .description, .unit, .method, .direction, .target(k), .actual(k), .rate(k)]
        let factorFields: [FactorField] = [.category, .status, .assessments, .reason]
        let challengeFields: [ChallengeField] = [.number, .challenge, .relatedProject(k), .current, .future]
        return scalars + [.relatedSection(i), .direction(i, .number), .direction(i, .text), .moneyColumn(i), .projectTotal(i),
                          .indicatorYear(i), .lastYearBudget(i)]
            + projectFields.map { .project(i, $0) } + indicatorFields.map { .indicator(i, $0) }
            + factorFields.map { .factor(i, $0) } + challengeFields.map { .challenge(i, $0) }
    }
}
