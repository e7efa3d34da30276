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

    /// Where this reference (a returned sheet's) differs from `sent`, the one the sheet was made
    /// with: the budget column, each project's budget (a row added since, its budget blank, is no
    /// difference; a row removed takes its budget with it), the rating and the reason — each by its
    /// own field, so that each is said at its place.
    public func changedFields(from sent: LastYearReference) -> [FieldPath] {
        var changed: [FieldPath] = []
        if budget != sent.budget { changed.append(.lastYearBudget(0)) }
        for (k, amount) in budgetAmounts.enumerated() {
            let before = sent.budget(of: amount.code)
            if before.map({ $0 != amount.amount }) ?? (amount.amount != nil) { changed.append(.lastYearBudget(k)) }
        }
        if rating != sent.rating || fiscalYear != sent.fiscalYear { changed.append(.lastYearRating) }
        if reason != sent.reason { changed.append(.lastYearReason) }
        return changed
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
