import Testing
import EvalSheetModel
import EvalSheetValidation
import TestSupport

/// A batch keeps of each sheet only what the year's rules declare they read; a rule that declares
/// a part gets it whole, and the year's findings are the same as over the whole sheets.
@Suite("Year rules see the parts they declare")
struct YearRuleInputTests {
    @Test("the kept parts are equal to the sheet's, field by field; the others are empty")
    func keepsExactlyTheDeclaredParts() {
        for loaded in RealYear.loaded {
            let full = loaded.sheet
            let kept = loaded.keeping([.projects, .relatedProjects]).sheet
            #expect(kept.fiscalYear == full.fiscalYear)
            #expect(kept.policy == full.policy)
            #expect(kept.goal == full.goal)
            #expect(kept.organization.section == full.organization.section)
            #expect(kept.projects == full.projects)
            #expect(kept.challenges.map(\.relatedProjects) == full.challenges.map(\.relatedProjects))
            #expect(kept.challenges.map(\.number) == full.challenges.map(\.number))
            #expect(kept.challenges.allSatisfy { $0.challenge.isEmpty && $0.current.isEmpty && $0.future.isEmpty })
            #expect(kept.directions.isEmpty && kept.futureVision.isEmpty)
            #expect(kept.indicators.items.isEmpty && kept.environment.isEmpty)
            #expect(kept.evaluation.reason.isEmpty)
            #expect(kept.organization.relatedSections.isEmpty)
            // Where the kept values came from is kept; nothing else is.
            #expect(loaded.keeping([.projects]).sourceMap.describe(.project(0, .amount(0))) == loaded.sourceMap.describe(.project(0, .amount(0))))
            #expect(loaded.keeping([.projects]).sourceMap.locations.keys.allSatisfy { SheetParts([.basics, .projects]).isSuperset(of: SheetParts.of($0)) })
        }
    }

    @Test("a part declared is handed over whole: directions for a rule that reads them")
    func aDeclaredPartIsWhole() {
        for loaded in RealYear.loaded {
            let kept = loaded.keeping([.directions]).sheet
            #expect(kept.directions == loaded.sheet.directions)
            #expect(kept.futureVision == loaded.sheet.futureVision)
            #expect(kept.projects.rows.isEmpty)
            #expect(loaded.keeping(.all).sheet == loaded.sheet)
        }
    }

    @Test("the year's findings over what the rules declare equal those over the whole sheets")
    func sameFindingsAsOverWholeSheets() {
        let whole = Validator.validate(RealYear.loaded, sheetRules: [], yearRules: Validator.yearRules)
        let kept = Validator.validate(RealYear.loaded.map { Validator.yearRuleInput($0) }, sheetRules: [], yearRules: Validator.yearRules)
        #expect(!whole.isEmpty)
        #expect(kept == whole)
    }
}
