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

    @Test("sheets given one at a time: the findings over the year at once, each fiscal year on its own")
    func sheetsOneAtATime() {
        let next = RealYear.loaded.map { loaded -> LoadedSheet in
            var l = loaded
            l.sheet.fiscalYear += 1
            l.sourceMap.file = "next-" + l.sourceMap.file
            return l
        }
        let all = RealYear.loaded + next + RealYear.loaded
        var year = YearValidation()
        for loaded in all { year.add(Validator.yearRuleInput(loaded)) }
        #expect(year.count == all.count)
        let streamed = year.findings()
        let atOnce = Validator.validate(all, sheetRules: [], yearRules: Validator.yearRules)
        #expect(streamed == atOnce)
        #expect(streamed.map(\.location) == atOnce.map(\.location))
        let first = Validator.validate(RealYear.loaded + RealYear.loaded, sheetRules: [], yearRules: Validator.yearRules)
        let second = Validator.validate(next, sheetRules: [], yearRules: Validator.yearRules)
        #expect(streamed.count == first.count + second.count)
        #expect(Set(streamed) == Set(first + second))
        for rule in ["year.policy-duplicate", "year.execution-plan-mismatch", "challenges.related-project-unknown"] {
            #expect(streamed.contains { $0.ruleID == rule }, "\(rule)")
        }
    }

    @Test("a digest gives back exactly what yearRuleInput keeps, sheet and source map")
    func digestRoundTrip() {
        let table = YearRuleDigests()
        // Twice over: the second time every project is already in the table.
        let digests = (RealYear.loaded + RealYear.loaded).map(table.digest)
        for (loaded, digest) in zip(RealYear.loaded + RealYear.loaded, digests) {
            let kept = Validator.yearRuleInput(loaded), back = table.sheet(digest)
            #expect(back.sheet == kept.sheet)
            #expect(back.sourceMap == kept.sourceMap)
            #expect(back.notes.isEmpty)
        }
        let rows = RealYear.loaded.flatMap(\.sheet.projects.rows)
        #expect(table.projectCount == Set(rows).count)
    }

    @Test("the year's findings over digests equal those over the whole sheets")
    func sameFindingsOverDigests() {
        let table = YearRuleDigests()
        let whole = Validator.validate(RealYear.loaded, sheetRules: [], yearRules: Validator.yearRules)
        let digested = Validator.validate(RealYear.loaded.map(table.digest).map(table.sheet), sheetRules: [], yearRules: Validator.yearRules)
        #expect(digested == whole)
        #expect(digested.map(\.location) == whole.map(\.location))
    }

    @Test("a digest of other rules keeps what those rules read")
    func digestOfOtherRules() {
        let table = YearRuleDigests(rules: [DuplicatePolicyRule()])
        for loaded in RealYear.loaded {
            let back = table.sheet(table.digest(loaded))
            #expect(back.sheet == Validator.yearRuleInput(loaded, rules: [DuplicatePolicyRule()]).sheet)
            #expect(back.sheet.projects.rows.isEmpty)
        }
        #expect(table.projectCount == 0)
    }
}
