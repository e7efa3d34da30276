import EvalSheetModel

/// The parts of a sheet a rule across policies reads. A batch holds the whole year for those rules,
/// so it keeps of each sheet only the parts the year's rules declare (`YearRule.reads`): a rule that
/// needs another part says so, and is never handed a sheet with that part silently emptied.
public struct SheetParts: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// §1 without 関係課: year, codes and names, the organisation. Always kept.
    public static let basics = SheetParts(rawValue: 1 << 0)
    /// §1's 関係課.
    public static let relatedSections = SheetParts(rawValue: 1 << 1)
    /// §2: 将来像 and the directions.
    public static let directions = SheetParts(rawValue: 1 << 2)
    /// §3: the money columns, projects and totals.
    public static let projects = SheetParts(rawValue: 1 << 3)
    /// §4: the indicators.
    public static let indicators = SheetParts(rawValue: 1 << 4)
    /// §5: the rating and its reason.
    public static let evaluation = SheetParts(rawValue: 1 << 5)
    /// §6: the external factors.
    public static let environment = SheetParts(rawValue: 1 << 6)
    /// §7's related project names only (with each challenge's number).
    public static let relatedProjects = SheetParts(rawValue: 1 << 7)
    /// §7 whole (related project names included).
    public static let challenges: SheetParts = [SheetParts(rawValue: 1 << 8), .relatedProjects]
    /// Last year's reference of a rolled-over sheet.
    public static let lastYear = SheetParts(rawValue: 1 << 9)

    /// Every part.
    public static let all: SheetParts = [.basics, .relatedSections, .directions, .projects, .indicators,
                                         .evaluation, .environment, .challenges, .lastYear]

    /// The part a value belongs to.
    public static func of(_ path: FieldPath) -> SheetParts {
        switch path {
        case .relatedSection: .relatedSections
        case .futureVision, .direction: .directions
        case .moneyColumn, .project, .projectTotal: .projects
        case .indicatorYear, .indicator, .indicatorFootnote: .indicators
        case .rating, .ratingReason: .evaluation
        case .factor: .environment
        case .challenge(_, .relatedProject), .challenge(_, .number): .relatedProjects
        case .challenge: .challenges
        case .lastYearBudget, .lastYearRating, .lastYearReason: .lastYear
        default: .basics
        }
    }
}

extension LoadedSheet {
    /// The sheet with only `parts` (and the basics) kept, the rest emptied, and the source map's
    /// locations of the kept parts only.
    public func keeping(_ parts: SheetParts) -> LoadedSheet {
        let parts = parts.union(.basics)
        var s = sheet
        if !parts.contains(.relatedSections) { s.organization.relatedSections = [] }
        if !parts.contains(.directions) { s.futureVision = ""; s.directions = [] }
        if !parts.contains(.projects) { s.projects = ProjectTable(columns: [], rows: [], totals: []) }
        if !parts.contains(.indicators) { s.indicators = IndicatorTable(years: [], items: [], footnote: nil) }
        if !parts.contains(.evaluation) { s.evaluation = Evaluation(rating: Rating(rawValue: ""), reason: "") }
        if !parts.contains(.environment) { s.environment = [] }
        if !parts.contains(.challenges) {
            s.challenges = parts.contains(.relatedProjects)
                ? s.challenges.map { Challenge(number: $0.number, challenge: "", relatedProjects: $0.relatedProjects, current: "", future: "") }
                : []
        }
        if !parts.contains(.lastYear) { s.lastYear = nil }
        var map = sourceMap
        map.locations = map.locations.filter { path, _ in parts.isSuperset(of: SheetParts.of(path)) }
        return LoadedSheet(sheet: s, sourceMap: map)
    }
}
