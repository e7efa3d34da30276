import Testing
import EvalSheetModel
import EvalSheetText
import TestSupport

/// What each of the nine real sheets must read as (figures from the city's file, checked by hand
/// against seed-format.md).
struct SheetFacts: Sendable, CustomTestStringConvertible {
    var code: String
    var name: String
    var directions: Int
    var projects: Int
    var indicators: Int
    var factors: Int
    var challenges: Int
    var relatedSections: Int
    var totals: [Int?]
    var footnote: Bool
    var testDescription: String { code }

    static let all: [SheetFacts] = [
        .init(code: "511", name: "地域コミュニティの活性化", directions: 2, projects: 6, indicators: 2, factors: 8,
              challenges: 3, relatedSections: 3, totals: [95_024, 108_114, 185_074], footnote: true),
        .init(code: "512", name: "協働によるまちづくりの推進", directions: 2, projects: 2, indicators: 2, factors: 4,
              challenges: 2, relatedSections: 1, totals: [65, 95, 13_549], footnote: true),
        .init(code: "513", name: "行政情報の積極的な公開・共有", directions: 2, projects: 5, indicators: 3, factors: 7,
              challenges: 3, relatedSections: 4, totals: [82_101, 140_746, 55_460], footnote: true),
        .init(code: "521", name: "職員の育成強化", directions: 2, projects: 4, indicators: 3, factors: 6,
              challenges: 3, relatedSections: 3, totals: [166_777, 167_537, 189_008], footnote: true),
        .init(code: "522", name: "組織の強化と業務変革の推進", directions: 4, projects: 10, indicators: 2, factors: 7,
              challenges: 4, relatedSections: 6, totals: [400_628, 502_690, 596_501], footnote: false),
        .init(code: "531", name: "持続可能な財政運営", directions: 4, projects: 11, indicators: 3, factors: 7,
              challenges: 4, relatedSections: 18, totals: [580_450, 556_806, 417_554], footnote: false),
        .init(code: "532", name: "長期的視点に立った公共施設等の維持・活用", directions: 3, projects: 29, indicators: 2,
              factors: 6, challenges: 3, relatedSections: 16, totals: [2_325_939, 2_768_467, 4_732_474], footnote: false),
        .init(code: "533", name: "広域行政", directions: 2, projects: 6, indicators: 1, factors: 5,
              challenges: 2, relatedSections: 2, totals: [542_984, 546_529, 560_947], footnote: false),
        .init(code: "541", name: "経営資源を戦略的に配分", directions: 4, projects: 17, indicators: 3, factors: 7,
              challenges: 4, relatedSections: 24, totals: [813_745, 1_705_786, 3_504_639], footnote: true),
    ]
}

@Suite("The nine real FY2019 sheets")
struct RealYearFactsTests {
    @Test("file holds the nine policies in order")
    func nineSheets() {
        #expect(RealYear.sheets.map(\.policy.code) == RepositoryPaths.policyCodes)
    }

    @Test("counts, totals, rating and header years", arguments: SheetFacts.all)
    func facts(_ f: SheetFacts) {
        let s = RealYear.sheet(f.code)
        #expect(s.policy.name == f.name)
        #expect(s.fiscalYear == 2019)
        #expect(s.directions.count == f.directions)
        #expect(s.directions.map(\.number) == Array(1...f.directions))
        #expect(s.projects.rows.count == f.projects)
        #expect(s.indicators.items.count == f.indicators)
        #expect(s.environment.count == f.factors)
        #expect(s.challenges.count == f.challenges)
        #expect(s.challenges.map(\.number) == Array(1...f.challenges))
        #expect(s.organization.relatedSections.count == f.relatedSections)
        #expect(s.projects.totals == f.totals)
        #expect(s.projects.computedTotals == f.totals.map { $0! })
        #expect(s.evaluation.rating == .holding)
        #expect(s.projects.columns == [
            MoneyColumn(fiscalYear: 2018, kind: .settled), MoneyColumn(fiscalYear: 2019, kind: .settled),
            MoneyColumn(fiscalYear: 2020, kind: .budget),
        ])
        #expect(s.indicators.years == [2018, 2019, 2020, 2022, 2025])
        #expect((s.indicators.footnote != nil) == f.footnote)
        #expect(s.indicators.hasFootnoteMark == f.footnote)
        #expect(s.futureActionsFromYear == 2021)
        #expect(s.vision == CodedName(code: "5", name: "都市格が高いまち(「しくみづくり」の分野)"))
        #expect(s.goal.code == String(f.code.prefix(2)))
        #expect(s.invariantViolations().isEmpty)
    }

    @Test("the only notes are 532's stray cells and 541's legend wording")
    func notes() {
        let notes = RealYear.loaded.flatMap(\.notes)
        #expect(notes.map(\.location) == ["kiyose-2019.txt:531", "kiyose-2019.txt:532", "kiyose-2019.txt:702"])
        #expect(notes.map(\.id) == ["text.unplaced-cell", "text.unplaced-cell", "text.legend-wording"])
        #expect(notes[0].message.ja.contains("\"28\""))
        #expect(notes[1].message.ja.contains("\"29\""))
    }

    @Test("the per-policy sample files read as the whole year does")
    func sampleFiles() throws {
        for code in RepositoryPaths.policyCodes {
            let url = RepositoryPaths.sampleYear.appendingPathComponent("\(code).txt")
            let sheets = try TextFormReader.read(contentsOf: url)
            #expect(sheets.map(\.sheet) == [RealYear.sheet(code)])
        }
    }
}
