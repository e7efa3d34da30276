import Foundation
import Testing
import EvalSheetModel
import EvalSheetText
import TestSupport

/// Inputs where reading and writing could disagree: each is a one-line edit of 511.txt that the
/// reader accepts, and each must satisfy the nothing-lost oracle (every cell kept or warned about,
/// text → model → text → model identical).
struct EdgeCase: Sendable, CustomTestStringConvertible {
    var name: String
    var line: Int
    var old: String
    var new: String
    /// What the model must then hold.
    var check: @Sendable (EvaluationSheet) -> Bool
    var testDescription: String { name }

    static let all: [EdgeCase] = [
        .init(name: "an assessment label that starts like a code", line: 55,
              old: "3. 施策の必要性を高める", new: "3.2. 施策の必要性を高める") {
            $0.environment[0].assessments == [Assessment(code: 3, label: "2. 施策の必要性を高める")]
        },
        .init(name: "an empty assessment label before another", line: 56,
              old: "2. 施策遂行に不利 3.", new: "2. 3.") {
            $0.environment[1].assessments.map(\.code) == [2, 3] && $0.environment[1].assessments[0].label == ""
        },
        .init(name: "no rating, and a reason on the next line that starts with a rating word", line: 46,
              old: "総合的に評価) 維持\t", new: "総合的に評価)\t\n<p>維持 の判断は保留する。</p>") {
            $0.evaluation.rating.rawValue == "" && $0.evaluation.reason.hasPrefix("維持 の判断は保留する。</p>地域コミュニティ")
        },
        .init(name: "a rating with a parenthesis", line: 46, old: " 維持\t", new: " 維(持)\t") {
            $0.evaluation.rating.rawValue == "維(持)"
        },
        .init(name: "a rating typed alone in the 評価※ column (sheet 521's layout)", line: 46,
              old: "総合評価(成果、投入財源等を総合的に評価) 維持", new: "まあまあ") {
            $0.evaluation.rating.rawValue == "まあまあ"
        },
        .init(name: "a description that starts with 単位", line: 35, old: "\t説明\t単位\t%\t", new: "\t説明\t単位当たりの割合\t単位 %\t") {
            $0.indicators.items[0].description == "単位当たりの割合" && $0.indicators.items[0].unit == "%"
        },
        .init(name: "a unit that starts with 単位", line: 35, old: "\t単位\t%\t", new: "\t単位\t単位数\t") {
            $0.indicators.items[0].unit == "単位数" && $0.indicators.items[0].description == nil
        },
        .init(name: "a direction text that starts with a number", line: 16, old: "\t2\t地域を", new: "\t2\t3 地域を") {
            $0.directions[1] == Direction(number: 2, text: "3 地域を基盤とした住民活動の活性化を支援します")
        },
        .init(name: "a vision code and name in one cell", line: 6, old: "\t5\t都市格", new: "\t5 都市格") {
            $0.vision == CodedName(code: "5", name: "都市格が高いまち(「しくみづくり」の分野)")
        },
        .init(name: "a line separator inside a text", line: 14, old: "関係が広がり、", new: "関係が広がり、\u{2028}") {
            $0.futureVision.contains("\u{2028}")
        },
        .init(name: "full-width digits in an amount and an indicator value", line: 23, old: "\t2,450\t2,450", new: "\t２，４５０\t2,450") {
            $0.projects.rows[0].amounts[0] == 2450
        },
        .init(name: "a column that sums exactly to the bound", line: 23, old: "\t2,450\t2,450\t2,500", new: "\t999,999,907,425\t2,450\t2,500") {
            Amount.sum($0.projects.rows.map { $0.amounts[0] }) == Amount.maximum
        },
        .init(name: "a challenge number in the (n) form", line: 66, old: "①\t", new: "(1)\t") {
            $0.challenges[0].number == 1
        },
        .init(name: "a related section that looks like a label", line: 10, old: "\t教育総務課\t", new: "\t担当者\t") {
            $0.organization.relatedSections == ["地域包括ケア推進課", "担当者", "生涯学習スポーツ課"]
        },
    ]
}

@Suite("Edge cases of reading and writing")
struct EdgeCaseTests {
    static let base = try! String(contentsOf: RepositoryPaths.sampleYear.appendingPathComponent("511.txt"), encoding: .utf8)

    @Test("accepted, as expected, and nothing lost", arguments: EdgeCase.all)
    func edge(_ c: EdgeCase) throws {
        var lines = Self.base.components(separatedBy: "\n")
        let parts = lines[c.line - 1].components(separatedBy: c.old)
        try #require(parts.count == 2, "line \(c.line) does not hold \"\(c.old)\" once: \(lines[c.line - 1])")
        lines[c.line - 1] = parts.joined(separator: c.new)
        let data = Data(lines.joined(separator: "\n").utf8)
        let (sheets, failures) = TextFormReader.readEach(data, file: "edge.txt")
        #expect(failures.isEmpty, "\(failures.map(\.description))")
        let sheet = try #require(sheets.first?.sheet)
        #expect(c.check(sheet))
        #expect(NothingLostOracle.check(data, file: "edge.txt") == [])
    }
}
