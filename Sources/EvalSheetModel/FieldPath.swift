/// A format-neutral address of one value in an `EvaluationSheet`: "the 2nd project's 令和元年度 amount",
/// "indicator ③'s 目標値 for the 5th year". Readers record where each path came from (a `SourceMap`);
/// validation and diff name paths, and the map turns them into `file:line` or `Sheet!Cell`.
public enum FieldPath: Hashable, Sendable {
    case fiscalYear
    case policyCode, policyName, visionCode, visionName, goalCode, goalName
    case department, section, subsection, person, title, phoneExtension
    case relatedSection(Int)
    case futureVision
    case direction(Int, DirectionField)
    case moneyColumn(Int)
    case project(Int, ProjectField)
    case projectTotal(Int)
    case indicatorYear(Int)
    case indicator(Int, IndicatorField)
    case indicatorFootnote
    case rating, ratingReason
    case factor(Int, FactorField)
    case challenge(Int, ChallengeField)
    case futureActionsFromYear
    /// Last year's reference (rollover): the k-th project's budget, the rating, the reason.
    case lastYearBudget(Int), lastYearRating, lastYearReason

    /// A field of a §2 direction.
    public enum DirectionField: Hashable, Sendable { case number, text }
    /// A field of a §3 project row; `amount(c)` is the c-th money column.
    public enum ProjectField: Hashable, Sendable { case code, name, executionPlan, directions, section, amount(Int) }
    /// A field of a §4 indicator; the Int is the year column.
    public enum IndicatorField: Hashable, Sendable {
        case number, name, description, unit, method, direction
        case target(Int), actual(Int), rate(Int)
    }
    /// A field of a §6 factor row.
    public enum FactorField: Hashable, Sendable { case category, status, assessments, reason }
    /// A field of a §7 challenge; `relatedProject(k)` is the k-th related project.
    public enum ChallengeField: Hashable, Sendable { case number, challenge, relatedProject(Int), current, future }

    /// The section (1…7) the value belongs to.
    public var section: Int {
        switch self {
        case .fiscalYear, .policyCode, .policyName, .visionCode, .visionName, .goalCode, .goalName,
             .department, .section, .subsection, .person, .title, .phoneExtension, .relatedSection: 1
        case .futureVision, .direction: 2
        case .moneyColumn, .project, .projectTotal, .lastYearBudget: 3
        case .indicatorYear, .indicator, .indicatorFootnote: 4
        case .rating, .ratingReason, .lastYearRating, .lastYearReason: 5
        case .factor: 6
        case .challenge, .futureActionsFromYear: 7
        }
    }

    /// A coarser path to fall back on when a reader recorded no location for this one
    /// (e.g. a project's amount → the project row). Nil at the top.
    public var parent: FieldPath? {
        switch self {
        case .direction(let i, .text): .direction(i, .number)
        case .project(let i, let f) where f != .code: .project(i, .code)
        case .indicator(let i, .target), .indicator(let i, .actual), .indicator(let i, .rate),
             .indicator(let i, .name), .indicator(let i, .description), .indicator(let i, .unit),
             .indicator(let i, .method), .indicator(let i, .direction): .indicator(i, .number)
        case .factor(let i, let f) where f != .category: .factor(i, .category)
        case .challenge(let i, let f) where f != .number: .challenge(i, .number)
        case .relatedSection(let i) where i > 0: .relatedSection(0)
        default: nil
        }
    }
}
