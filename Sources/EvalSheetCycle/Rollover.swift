import EvalSheetModel

/// Next year's sheet from this year's — what the planning division sends departments each spring.
/// A pure transform of the model; no file format is involved.
///
/// For an evaluation year Y rolled to Y+1:
/// - 評価対象年度 becomes Y+1 (every heading naming it follows), 「…年度以降の取組」 moves on by one.
/// - §3 money columns move on by one year each (FY2019's 平成30年度決算 · 令和元年度決算 · 令和2年度予算
///   become 令和元年度決算 · 令和2年度決算 · 令和3年度予算). A value is carried where this year's sheet
///   has a column of the same year and kind (令和元年度決算); the others are blank for the department.
///   This year's budget for Y+1 (令和2年度予算) is kept as `lastYear` reference, shown beside the blank
///   決算 of Y+1, never as next year's data.
/// - §4 years follow `IndicatorYearRule`; every target is carried, actuals and rates of years before
///   Y+1 are carried, those of Y+1 and later are blank.
/// - §5 rating and reason are blank; last year's are kept as `lastYear` reference.
/// - §1, §2, §6 and §7 are carried for editing; codes, names and organisation unchanged.
public enum Rollover {
    /// How the §4 year columns move on.
    public enum IndicatorYearRule: String, Sendable, CaseIterable {
        /// The previous evaluation year, the new evaluation year, and the plan's target years after it:
        /// FY2019's 平成30・令和元・2・4・7 become 令和元・2・4・7 (Kiyose's sheets).
        case planTargets = "plan"
        /// As `planTargets`, plus the year after the new evaluation year (its target is blank when
        /// this year's sheet has none): 令和元・2・3・4・7.
        case withNextYear = "next"
    }

    /// Why a sheet cannot be rolled over to the year asked.
    public struct RolloverError: Error, Hashable, Sendable {
        public var message: LocalizedMessage
    }

    /// The sheet for `year` (which must be the year after `sheet.fiscalYear`).
    public static func nextYear(of sheet: EvaluationSheet, to year: Int,
                                indicatorYears rule: IndicatorYearRule = .planTargets) throws(RolloverError) -> EvaluationSheet {
        guard sheet.fiscalYear < Int.max, year == sheet.fiscalYear + 1 else {
            throw RolloverError(message: .init(
                ja: "施策 \(sheet.policy.code) は\(FiscalYearText.japanese(sheet.fiscalYear))のシートです。次の年度(\(FiscalYearText.japanese(sheet.fiscalYear &+ 1)))へだけ繰り越せます"
                    + (year > sheet.fiscalYear ? "(\(year) 年度へは1年ずつ繰り返してください)" : year == sheet.fiscalYear ? "(同じ年度へは繰り越せません)" : "(前の年度へは繰り越せません)"),
                en: "policy \(sheet.policy.code) is a sheet for FY\(sheet.fiscalYear): it rolls over to FY\(sheet.fiscalYear &+ 1) only"
                    + (year > sheet.fiscalYear ? " (repeat one year at a time to reach FY\(year))" : year == sheet.fiscalYear ? " (never to the same year)" : " (never to an earlier year)")))
        }
        let years = sheet.indicators.years
        guard zip(years, years.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw RolloverError(message: .init(
                ja: "施策 \(sheet.policy.code) の指標の年度見出しに、重複または順序の誤りがあるため繰り越せません(\(years.map(FiscalYearText.japanese).joined(separator: "・")))。先に validate の indicators.years の指摘を直してください",
                en: "policy \(sheet.policy.code): the indicator year header repeats a year or is out of order (\(years.map { "FY\($0)" }.joined(separator: ", "))), so it cannot roll over; fix validate's indicators.years finding first"))
        }
        var next = sheet
        next.fiscalYear = year
        next.futureActionsFromYear = sheet.futureActionsFromYear + 1
        next.projects = projects(sheet.projects)
        next.indicators = indicators(sheet.indicators, newYear: year, rule: rule)
        next.evaluation = Evaluation(rating: Rating(rawValue: ""), reason: "")
        let budget = sheet.projects.columns.firstIndex { $0.kind == .budget && $0.fiscalYear == year }
        next.lastYear = LastYearReference(
            fiscalYear: sheet.fiscalYear, budget: budget.map { sheet.projects.columns[$0] },
            budgetAmounts: budget.map { c in sheet.projects.rows.map { ProjectAmount(code: $0.code, amount: c < $0.amounts.count ? $0.amounts[c] : nil) } } ?? [],
            rating: sheet.evaluation.rating, reason: sheet.evaluation.reason)
        return next
    }

    /// Every column one year on; values carried where the same year and kind existed.
    static func projects(_ table: ProjectTable) -> ProjectTable {
        let columns = table.columns.map { MoneyColumn(fiscalYear: $0.fiscalYear + 1, kind: $0.kind) }
        let source = columns.map { c in table.columns.firstIndex(of: c) }
        let rows = table.rows.map { row -> Project in
            var r = row
            r.amounts = source.map { s in s.flatMap { $0 < row.amounts.count ? row.amounts[$0] : nil } }
            return r
        }
        var next = ProjectTable(columns: columns, rows: rows, totals: [])
        next.totals = next.computedTotals.map { $0 }
        return next
    }

    /// The §4 year columns of the new year, and the values carried into them.
    static func indicators(_ table: IndicatorTable, newYear: Int, rule: IndicatorYearRule) -> IndicatorTable {
        var years = [newYear - 1, newYear]
        if rule == .withNextYear { years.append(newYear + 1) }
        years += table.years.filter { $0 > years.last! }
        let source = years.map { y in table.years.firstIndex(of: y) }
        func carried(_ values: [IndicatorValue], through last: Int) -> [IndicatorValue] {
            zip(years, source).map { y, s in
                guard let s, s < values.count, y <= last else { return .blank }
                return values[s]
            }
        }
        let items = table.items.map { item -> Indicator in
            var i = item
            i.targets = carried(item.targets, through: Int.max)
            i.actuals = carried(item.actuals, through: newYear - 1)
            i.rates = carried(item.rates, through: newYear - 1)
            return i
        }
        var next = IndicatorTable(years: years, items: items, footnote: nil)
        next.footnote = next.hasFootnoteMark ? table.footnote : nil
        return next
    }
}
