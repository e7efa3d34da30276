import EvalSheetModel

/// One row of the year's index workbook: what the planning division reads at a glance.
public struct PolicySummary: Hashable, Sendable {
    public var fiscalYear: Int
    public var code: String
    public var name: String
    public var goal: CodedName
    public var department: String
    public var section: String
    public var rating: String
    public var columns: [MoneyColumn]
    public var totals: [Int]
    /// Each indicator's number and its latest printed achievement rate (blank when none yet).
    public var latestRates: [(number: Int, rate: IndicatorValue)]
    public var errors: Int
    public var warnings: Int
    /// The policy's own workbook, relative to the index (e.g. `511.xlsx`); nil when none was written.
    public var workbook: String?

    public init(_ s: EvaluationSheet, errors: Int, warnings: Int, workbook: String?) {
        fiscalYear = s.fiscalYear
        code = s.policy.code
        name = s.policy.name
        goal = s.goal
        department = s.organization.department
        section = s.organization.section
        rating = s.evaluation.rating.rawValue
        columns = s.projects.columns
        totals = s.projects.computedTotals
        latestRates = s.indicators.items.map { item in
            (item.number, item.rates.last(where: { $0 != .blank }) ?? .blank)
        }
        self.errors = errors
        self.warnings = warnings
        self.workbook = workbook
    }

    /// A summary of the given values (`PolicySummaryRows` reads its rows back this way).
    init(fiscalYear: Int, code: String, name: String, goal: CodedName, department: String, section: String,
         rating: String, columns: [MoneyColumn], totals: [Int], latestRates: [(number: Int, rate: IndicatorValue)],
         errors: Int, warnings: Int, workbook: String?) {
        (self.fiscalYear, self.code, self.name, self.goal) = (fiscalYear, code, name, goal)
        (self.department, self.section, self.rating) = (department, section, rating)
        (self.columns, self.totals, self.latestRates) = (columns, totals, latestRates)
        (self.errors, self.warnings, self.workbook) = (errors, warnings, workbook)
    }

    public static func == (a: PolicySummary, b: PolicySummary) -> Bool {
        a.code == b.code && a.name == b.name && a.totals == b.totals && a.rating == b.rating
            && a.latestRates.map(\.number) == b.latestRates.map(\.number) && a.latestRates.map(\.rate) == b.latestRates.map(\.rate)
            && a.errors == b.errors && a.warnings == b.warnings && a.workbook == b.workbook
    }

    public func hash(into h: inout Hasher) { h.combine(code) }
}
