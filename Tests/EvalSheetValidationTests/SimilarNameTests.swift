import Testing
@testable import EvalSheetValidation
import EvalSheetModel
import TestSupport

/// The "did you mean" suggestion of the rules that name a project or a section: the nearest name by
/// edit distance, close enough — and none for texts too long to be names (a hostile cell).
@Suite("Similar names")
struct SimilarNameTests {
    @Test("the nearest close name is suggested, ties to the first; none when nothing is close")
    func nearest() {
        let names = ["市民まつり事業", "市民協働推進事業", "コミュニティハウス事業"]
        #expect(SimilarName.nearest(to: "市民まつり事槃", in: names) == "市民まつり事業")
        #expect(SimilarName.nearest(to: "市民協働推進", in: names) == "市民協働推進事業")
        #expect(SimilarName.nearest(to: "学校支援本部事業", in: names) == nil)
        #expect(SimilarName.nearest(to: "市民まつり事業", in: names) == nil)  // itself is no suggestion
        #expect(SimilarName.nearest(to: "ab", in: ["ac", "ad"]) == "ac")
    }

    @Test("a name of thousands of combining marks gets no suggestion and is none (it took minutes)")
    func hostileNames() {
        let marks = "x" + String(repeating: "\u{301}", count: 30_000)
        #expect(SimilarName.nearest(to: marks, in: [marks + "y", "x", "市民まつり事業"]) == nil)
        #expect(SimilarName.nearest(to: "x\u{301}", in: [marks, "x\u{300}"]) == "x\u{300}")
        #expect(SimilarName.distance(Array("kitten"), Array("sitting")) == 3)
    }
}

/// A finding names a value; it does not repeat a cell of thousands of characters.
@Suite("Long texts in findings")
struct LongTextFindingTests {
    @Test("a long section or related project name is quoted cut to 120 characters with …; real names whole")
    func longNamesAreCut() throws {
        var sheet = RealYear.sheet("511")
        let long = String(repeating: "課", count: 5_000)
        sheet.projects.rows[0].section = long
        sheet.challenges[0].relatedProjects[0] = String(repeating: "事", count: 5_000)
        let findings = Validator.validate([LoadedSheet(sheet: sheet, sourceMap: SourceMap(file: "511.json", usesJSONPointers: true))])
        let section = try #require(findings.first { $0.ruleID == "projects.section-unknown" })
        #expect(section.message.ja.contains("の担当課「" + String(repeating: "課", count: 120) + "…」が、"), "\(section.message.ja.prefix(200))")
        #expect(section.message.en.contains("\"" + String(repeating: "課", count: 120) + "…\""))
        let related = try #require(findings.first { $0.ruleID == "challenges.related-project-unknown" })
        #expect(related.message.ja.contains("「" + String(repeating: "事", count: 120) + "…」が、"))
        #expect(findings.allSatisfy { $0.message.ja.count < 600 })
        #expect("市民まつり事業".quotedInMessage() == "市民まつり事業")
        #expect("a\nb".quotedInMessage() == PolicyCodeSyntax.visible("a\nb"))
        #expect("a\u{1B}[31m\nb\u{202E}".withControlsVisible == "a\\u{1b}[31m\\nb\\u{202e}")
        #expect("施策（511）\t".withControlsVisible == "施策（511）\\t")
        #expect("市民まつり事業".withControlsVisible == "市民まつり事業")
    }
}

/// How diff pairs the rows of two versions of a table.
@Suite("Row matching")
struct RowMatchingTests {
    static func describe(_ events: [RowMatching.Event]) -> [String] {
        events.map {
            switch $0 {
            case .both(let i, let j): "both \(i) \(j)"
            case .added(let j): "added \(j)"
            case .removed(let i): "removed \(i)"
            }
        }
    }

    @Test("removed rows come before the first new row that followed them; shared rows by key")
    func events() {
        let m = RowMatching(old: ["a", "b", "c", "d", "e"], new: ["d", "x", "b"])
        #expect(Self.describe(m.events) == ["removed 0", "removed 2", "both 3 0", "added 1", "both 1 2", "removed 4"])
        #expect(m.firstMoved == 0)
        #expect(m.orders.old == "b、d" && m.orders.new == "d、b")
    }

    @Test("50,000 rows in reverse order pair up one by one (this was quadratic: 32,000 rows took 57 s)")
    func reversedRows() {
        let keys = (0..<50_000).map { String(format: "%010d", $0) }
        let m = RowMatching(old: keys, new: keys.reversed())
        #expect(m.events.count == 50_000)
        if case .both(let i, let j)? = m.events.first { #expect(i == 49_999 && j == 0) } else { Issue.record("\(String(describing: m.events.first))") }
        if case .both(let i, let j)? = m.events.last { #expect(i == 0 && j == 49_999) } else { Issue.record("\(String(describing: m.events.last))") }
    }
}
