/// What a department sees of last year's sheet beside this year's blanks, read-only: last year's
/// budget column (shown beside this year's blank 決算 column) and last year's rating and reason.
/// It is reference, not this year's data: no rule reads it as such, and import never turns it into
/// this year's values. Only a sheet made by rollover carries one.
public struct LastYearReference: Hashable, Sendable, Codable {
    /// The fiscal year the reference comes from (the year before the sheet's).
    public var fiscalYear: Int
    /// Last year's budget column, e.g. 令和2年度予算 in the FY2019 sheet; nil when it had none.
    public var budget: MoneyColumn?
    /// The budget per project, by project code, in last year's row order.
    public var budgetAmounts: [ProjectAmount]
    /// Last year's 総合評価.
    public var rating: Rating
    /// Last year's 評価理由.
    public var reason: String

    public init(fiscalYear: Int, budget: MoneyColumn?, budgetAmounts: [ProjectAmount], rating: Rating, reason: String) {
        self.fiscalYear = fiscalYear
        self.budget = budget
        self.budgetAmounts = budgetAmounts
        self.rating = rating
        self.reason = reason
    }

    /// The budget of the project with this code, if last year's sheet had it (nil inside: blank).
    public func budget(of code: String) -> Int?? {
        budgetAmounts.first { $0.code == code }.map(\.amount)
    }
}

/// One project's amount in a reference column: the project code and the amount (nil: blank).
public struct ProjectAmount: Hashable, Sendable, Codable {
    public var code: String
    public var amount: Int?

    public init(code: String, amount: Int?) {
        self.code = code
        self.amount = amount
    }
}
