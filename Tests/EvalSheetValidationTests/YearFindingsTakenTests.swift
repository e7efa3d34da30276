import Testing
import EvalSheetModel
import EvalSheetValidation
import TestSupport

/// A batch takes the year's findings one at a time, freeing each rule's state as its hits are made:
/// the same findings in the same order, field by field, as `findings(template:)` gives.
@Suite("Year findings taken one at a time")
struct YearFindingsTakenTests {
    static func check(_ loaded: [LoadedSheet]) {
        var year = YearValidation()
        for l in loaded { year.add(l) }
        let expected = year.findings()
        var taken: [Finding] = []
        year.takeFindings { taken.append($0) }
        #expect(!expected.isEmpty)
        #expect(taken == expected)
        #expect(taken.map(\.location) == expected.map(\.location))
        #expect(taken.map(\.place) == expected.map(\.place))
        #expect(year.count == 0)
        #expect(year.findings().isEmpty)
    }

    @Test("the real year, read from its text file")
    func realYear() { Self.check(RealYear.loaded) }

    @Test("the real year twice over under other codes, with repeats and a shared project changed")
    func repeatedYear() {
        var loaded = RealYear.loaded
        for var l in RealYear.loaded {
            l.sheet.policy.code += "9"
            if !l.sheet.projects.rows.isEmpty { l.sheet.projects.rows[0].name += "(改)" }
            loaded.append(l)
        }
        loaded.append(RealYear.loaded[0])  // a duplicate policy
        Self.check(loaded)
    }
}
