import Foundation
import Testing
import EvalSheetModel
import EvalSheetCycle
import EvalSheetValidation
import TestSupport

/// `cycle.blank-input`: what a department has not filled in a rolled-over year, each at its value.
@Suite("What is still blank in a rolled-over year")
struct BlankInputRuleTests {
    @Test(arguments: RepositoryPaths.policyCodes)
    func aFreshRolloverListsEveryInputToFill(_ code: String) throws {
        let sheet = try Rollover.nextYear(of: RealYear.sheet(code), to: 2020)
        let hits = BlankInputRule().check(sheet)
        let expected = sheet.projects.rows.indices.map { FieldPath.project($0, .amount(1)) }
            + sheet.indicators.items.indices.map { FieldPath.indicator($0, .actual(1)) } + [.rating, .ratingReason]
        #expect(hits.map(\.path) == expected)
        #expect(hits.first?.message.ja.hasSuffix("の令和2年度決算がまだ空欄です") == true)
        // The blank rating is "still to fill", not a wrong rating.
        #expect(RatingRule().check(sheet).isEmpty)
    }

    @Test func filledInputsAreNoLongerReported() throws {
        var sheet = try Rollover.nextYear(of: RealYear.sheet("511"), to: 2020)
        for i in sheet.projects.rows.indices { sheet.projects.rows[i].amounts[1] = 100 }
        sheet.indicators.items[0].actuals[1] = .number(PrintedNumber(parsing: "34.0")!)
        sheet.evaluation = Evaluation(rating: .onTrack, reason: "順調に推移した。")
        #expect(BlankInputRule().check(sheet).map(\.path) == [.indicator(1, .actual(1))])
    }

    @Test func aSheetThatWasNotRolledOverHasNoBlankInputFindings() {
        #expect(RealYear.sheets.allSatisfy { BlankInputRule().check($0).isEmpty })
        var blank = RealYear.sheet("511")
        blank.evaluation.rating = Rating(rawValue: "")
        #expect(RatingRule().check(blank).map(\.path) == [.rating], "a blank rating in a finished year is an error")
    }
}
