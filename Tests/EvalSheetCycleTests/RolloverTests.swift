import Foundation
import Testing
import EvalSheetModel
import EvalSheetJSON
import EvalSheetCycle
import TestSupport

/// Rollover of the real FY2019 year to FY2020 (and on to FY2021), field by field.
@Suite("Rollover: next year's sheet from this year's")
struct RolloverTests {
    static func rolled(_ code: String, rule: Rollover.IndicatorYearRule = .planTargets) throws -> EvaluationSheet {
        try Rollover.nextYear(of: RealYear.sheet(code), to: 2020, indicatorYears: rule)
    }

    @Test(arguments: RepositoryPaths.policyCodes)
    func moneyColumnsMoveOnByOneAndOnlyTheSettledYearIsCarried(_ code: String) throws {
        let old = RealYear.sheet(code), new = try Self.rolled(code)
        #expect(new.fiscalYear == 2020)
        #expect(new.projects.columns == [.init(fiscalYear: 2019, kind: .settled), .init(fiscalYear: 2020, kind: .settled),
                                          .init(fiscalYear: 2021, kind: .budget)])
        #expect(new.projects.columns.map(\.label) == ["令和元年度決算", "令和2年度決算", "令和3年度予算"])
        #expect(new.projects.rows.map(\.code) == old.projects.rows.map(\.code))
        for (o, n) in zip(old.projects.rows, new.projects.rows) {
            #expect(n.amounts == [o.amounts[1], nil, nil], "\(o.code)")
            #expect(n.name == o.name && n.section == o.section && n.directions == o.directions && n.inExecutionPlan == o.inExecutionPlan)
        }
        #expect(new.projects.totals == [old.projects.totals[1], 0, 0])
        // This year's 令和2年度予算 is kept as reference, never as next year's data.
        let last = try #require(new.lastYear)
        #expect(last.fiscalYear == 2019)
        #expect(last.budget == .init(fiscalYear: 2020, kind: .budget))
        #expect(last.budgetAmounts == old.projects.rows.map { ProjectAmount(code: $0.code, amount: $0.amounts[2]) })
        #expect(new.invariantViolations().isEmpty)
    }

    @Test(arguments: RepositoryPaths.policyCodes)
    func indicatorYearsFollowTheRuleAndEveryTargetIsCarried(_ code: String) throws {
        let old = RealYear.sheet(code), new = try Self.rolled(code)
        #expect(old.indicators.years == [2018, 2019, 2020, 2022, 2025])
        #expect(new.indicators.years == [2019, 2020, 2022, 2025])
        for (o, n) in zip(old.indicators.items, new.indicators.items) {
            #expect(n.targets == Array(o.targets[1...]), "every remaining year's target is carried")
            #expect(n.actuals == [o.actuals[1], .blank, .blank, .blank])
            #expect(n.rates == [o.rates[1], .blank, .blank, .blank])
            #expect(n.name == o.name && n.unit == o.unit && n.method == o.method && n.direction == o.direction)
        }
        #expect(new.indicators.footnote == (new.indicators.hasFootnoteMark ? old.indicators.footnote : nil))
        let withNext = try Self.rolled(code, rule: .withNextYear)
        #expect(withNext.indicators.years == [2019, 2020, 2021, 2022, 2025])
        #expect(withNext.indicators.items.allSatisfy { $0.targets[2] == .blank })
    }

    @Test func theRatingIsBlankAndLastYearsIsReference() throws {
        let old = RealYear.sheet("531"), new = try Self.rolled("531")
        #expect(new.evaluation == Evaluation(rating: Rating(rawValue: ""), reason: ""))
        #expect(new.lastYear?.rating == .holding)
        #expect(new.lastYear?.reason == old.evaluation.reason)
        #expect(new.futureActionsFromYear == 2022)
        // Everything else is carried as it is.
        var expected = old
        expected.fiscalYear = new.fiscalYear
        expected.futureActionsFromYear = new.futureActionsFromYear
        expected.projects = new.projects
        expected.indicators = new.indicators
        expected.evaluation = new.evaluation
        expected.lastYear = new.lastYear
        #expect(new == expected)
    }

    @Test func rollingOverTwiceGivesTheExpectedColumnsAgain() throws {
        let once = try Self.rolled("511")
        let twice = try Rollover.nextYear(of: once, to: 2021)
        #expect(twice.projects.columns.map(\.label) == ["令和2年度決算", "令和3年度決算", "令和4年度予算"])
        #expect(twice.projects.rows.allSatisfy { $0.amounts == [nil, nil, nil] }, "FY2020's 決算 was left blank")
        #expect(twice.indicators.years == [2020, 2021, 2022, 2025])
        let o = once.indicators.items[0], t = twice.indicators.items[0]
        #expect(t.targets == [o.targets[1], .blank, o.targets[2], o.targets[3]], "令和3年度 had no target column")
        #expect(twice.lastYear?.budget == .init(fiscalYear: 2021, kind: .budget))
        #expect(twice.futureActionsFromYear == 2023)
        #expect(twice.invariantViolations().isEmpty)
    }

    @Test func onlyTheNextYearIsAccepted() {
        let error = #expect(throws: Rollover.RolloverError.self) { try Rollover.nextYear(of: RealYear.sheet("511"), to: 2021) }
        #expect(error?.message.ja.contains("次の年度(令和2年度)へだけ繰り越せます") == true)
        #expect(throws: Rollover.RolloverError.self) { try Rollover.nextYear(of: RealYear.sheet("511"), to: 2019) }
    }

    @Test func aRolledSheetRoundTripsThroughJSON() throws {
        for code in RepositoryPaths.policyCodes {
            let rolled = try Self.rolled(code)
            let back = EvaluationSheetJSON.decodeEach(try EvaluationSheetJSON.encode(rolled), file: "\(code).json")
            #expect(back.failures.isEmpty)
            #expect(back.sheets.map(\.sheet) == [rolled])
        }
    }

    @Test("a sheet whose indicator years repeat or are out of order is refused, never merged (a column's targets would be lost)")
    func repeatedIndicatorYearIsRefused() throws {
        var sheet = RealYear.sheet("511")
        sheet.indicators.years[1] = sheet.indicators.years[0]
        #expect(throws: Rollover.RolloverError.self) { try Rollover.nextYear(of: sheet, to: 2020) }
        do {
            _ = try Rollover.nextYear(of: sheet, to: 2020)
        } catch {
            #expect(error.message.ja.contains("施策 511 の指標の年度見出しに、重複または順序の誤りがあるため繰り越せません(平成30年度・平成30年度・"))
        }
        sheet.indicators.years.swapAt(2, 3)
        #expect(throws: Rollover.RolloverError.self) { try Rollover.nextYear(of: sheet, to: 2020) }
    }
}
