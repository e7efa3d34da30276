import Foundation
import Testing
import EvalSheetModel
import EvalSheetForm
import EvalSheetText
import TestSupport

/// A template with one piece of wording changed, and what the text form does with it.
struct RenamedWording: Sendable, CustomTestStringConvertible {
    /// What the default template makes of text written with the renamed one.
    enum DefaultReading: Sendable {
        /// Every sheet refused with exactly these problems (line, id, words of the Japanese message),
        /// given the lines of the sheet's renamed cells and the line of its §1 heading.
        case refused(@Sendable (_ renamedLines: [Int], _ heading: Int) -> [ExpectedProblem])
        /// Every sheet read as the real one, with one warning of this id at each renamed cell's line.
        case noted(String)
    }

    var name: String
    var rename: @Sendable (inout FormTemplate) -> Void
    /// The cell as the default template prints it, and as the renamed one does.
    var before: String, after: String
    /// How many cells of the whole year carry it.
    var cells: Int
    var defaultReading: DefaultReading
    var testDescription: String { name }

    static let all: [RenamedWording] = [
        .init(name: "labels.target 目標値 → 目標", rename: { $0.labels.target = "目標" },
              before: "目標値", after: "目標", cells: 21,
              defaultReading: .refused { lines, _ in
                  lines.map { .init($0, "text.missing-label", "指標の行に「目標値」の見出しがありません") }
              }),
        .init(name: "labels.department 担当部署 → 所管部", rename: { $0.labels.department = "所管部" },
              before: "担当部署", after: "所管部", cells: 9,
              defaultReading: .refused { lines, heading in
                  [.init(heading, "text.missing-record", "基本情報に「担当部署」がありません")]
                      + lines.map { .init($0, "text.unknown-label", "「所管部」は基本情報の項目名ではありません(1列目)。値「") }
              }),
        .init(name: "sheets.evaluation.title with の before 実績",
              rename: { $0.sheets.evaluation.title = "5. 評価({fiscalYear}の実績に対する)" },
              before: "5. 評価(令和元年度実績に対する)", after: "5. 評価(令和元年度の実績に対する)", cells: 9,
              defaultReading: .noted("text.heading-wording")),
        .init(name: "the legend's second line", rename: { $0.legend[1] = "維持「10年後の姿」達成に向け、進捗に一部課題がある" },
              before: FormTemplate.standard.legend[1], after: "維持「10年後の姿」達成に向け、進捗に一部課題がある", cells: 9,
              defaultReading: .noted("text.legend-wording")),
    ]
}

@Suite("The text form's wording comes from the template")
struct TemplateWordingTests {
    /// The lines (1-based) of the cells equal to `cell`, and the text with them replaced by `by`.
    static func replacingCells(_ text: String, _ cell: String, by other: String) -> (lines: [Int], text: String) {
        var lines: [Int] = []
        let out = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { n, line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { c -> String in
                guard c == cell else { return String(c) }
                if lines.last != n + 1 { lines.append(n + 1) }
                return other
            }.joined(separator: "\t")
        }.joined(separator: "\n")
        return (lines, out)
    }

    @Test("a renamed label changes what the writer prints, reads back identical with its template, and is never taken silently by the default one",
          arguments: RenamedWording.all)
    func renamed(_ c: RenamedWording) throws {
        var template = FormTemplate.standard
        c.rename(&template)
        #expect(template.problems().isEmpty)
        let standardText = TextFormWriter.write(RealYear.sheets)
        let renamedText = TextFormWriter.write(RealYear.sheets, template: template)

        // The writer prints the new wording exactly where the default prints the old, nowhere else.
        let (lines, restored) = Self.replacingCells(renamedText, c.after, by: c.before)
        #expect(restored == standardText)
        #expect(Self.replacingCells(standardText, c.before, by: c.after).lines == lines)
        #expect(Self.replacingCells(renamedText, c.after, by: c.before).lines.count == c.cells)
        #expect(Self.replacingCells(renamedText, c.before, by: c.after).lines.isEmpty)

        // Its template reads it back to the identical model, placing every cell.
        let again = try TextFormReader.read(Data(renamedText.utf8), file: "renamed.txt", template: template)
        #expect(again.map(\.sheet) == RealYear.sheets)
        #expect(again.allSatisfy { $0.notes.isEmpty })

        // The default template does not take the new wording for the old.
        let (sheets, failures) = TextFormReader.readEach(Data(renamedText.utf8), file: "renamed.txt")
        let headings = Self.replacingCells(standardText, FormTemplate.standard.sheets.basic.title, by: "").lines
        #expect(headings.count == 9)
        switch c.defaultReading {
        case .refused(let expected):
            #expect(sheets.isEmpty)
            #expect(failures.count == 9)
            for (k, failure) in failures.enumerated() {
                let end = k + 1 < headings.count ? headings[k + 1] : Int.max
                let own = lines.filter { $0 >= headings[k] && $0 < end }
                let want = expected(own, headings[k])
                let got = failure.problems
                #expect(got.map(\.location) == want.map { "renamed.txt:\($0.line)" })
                #expect(got.map(\.id) == want.map(\.id))
                for (g, w) in zip(got, want) { #expect(g.message.ja.contains(w.ja), "\(g.message.ja)") }
            }
        case .noted(let id):
            #expect(failures.isEmpty)
            #expect(sheets.map(\.sheet) == RealYear.sheets)
            let notes = sheets.flatMap(\.notes)
            #expect(notes.map(\.id) == Array(repeating: id, count: c.cells))
            #expect(notes.map(\.location) == lines.map { "renamed.txt:\($0)" })
        }
    }

    @Test("messages name the part of the form as the template does")
    func messagesUseTheTemplatesWords() throws {
        var template = FormTemplate.standard
        template.labels.target = "目標"
        let standardText = TextFormWriter.write(RealYear.sheet("511"))
        let (_, failures) = TextFormReader.readEach(Data(standardText.utf8), file: "511.txt", template: template)
        let e = try #require(failures.first)
        #expect(e.problems.map(\.id) == ["text.missing-label", "text.missing-label"])
        #expect(e.problems.map(\.message.ja) == Array(repeating: "指標の行に「目標」の見出しがありません", count: 2))
        #expect(e.problems.map(\.message.en) == Array(repeating: "indicator row has no \"目標\" label", count: 2))

        var retitled = FormTemplate.standard
        retitled.sheets.projects.title = "3. 事業の状況"
        let refused = TextFormReader.readEach(Data(standardText.utf8), file: "511.txt", template: retitled).failures
        let missing = try #require(refused.first?.problems.first { $0.id == "text.missing-section" })
        #expect(missing.message.ja == "見出し「3. 事業の状況」が見つからないうちに「4. まちづくり指標」が現れました")
    }

    @Test("§1 label variants are the template's: a variant read as its label, never printed")
    func labelVariants() throws {
        let sheet = RealYear.sheet("522")  // printed with 主担当部 / 主担当課 / 主担当係
        let source = RealYear.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(source.contains { $0.hasPrefix("主担当部\t") })
        var template = FormTemplate.standard
        template.textForm.labelVariants.department = ["担当部"]
        #expect(template.problems().isEmpty)
        let (sheets, failures) = TextFormReader.readEach(Data(RealYear.text.utf8), file: "year.txt", template: template)
        // 522 and 533 print 主担当部: without the variant it is no §1 label.
        #expect(sheets.map(\.sheet.policy.code) == ["511", "512", "513", "521", "531", "532", "541"])
        #expect(failures.map { $0.problems.map(\.id) } == [["text.missing-record", "text.unknown-label"],
                                                          ["text.missing-record", "text.unknown-label"]])
        #expect(!TextFormWriter.write(sheet).contains("主担当部"))
    }

    @Test("textForm values the reader could not honour are template problems naming their key")
    func textFormChecks() throws {
        var t = FormTemplate.standard
        t.textForm.labelVariants.section = ["担当係"]
        t.textForm.fiscalYearCell = "({fiscalYear}) {label}"
        t.textForm.amountUnitWord = "単価"
        t.textForm.criterionVariants = [""]
        let problems = t.problems()
        #expect(problems.map(\.pointer) == ["/textForm/labelVariants/section/0", "/textForm/fiscalYearCell",
                                            "/textForm/amountUnitWord", "/textForm/criterionVariants/0"])
        #expect(problems[0].message.ja == "「担当係」は基本情報の別の項目名です(その項目と区別できません)")
    }
}
