import Foundation
import Testing
import EvalSheetModel
import EvalSheetText
import TestSupport

/// One problem a fixture must produce: its line, its id and words its Japanese message contains.
struct ExpectedProblem: Sendable, CustomStringConvertible {
    var line: Int
    var id: String
    var ja: String
    init(_ line: Int, _ id: String, _ ja: String) {
        self.line = line
        self.id = id
        self.ja = ja
    }
    var description: String { "\(line) \(id)" }
}

/// A fixture of Tests/Fixtures/text-malformed/ made from the whole real year with one thing broken
/// (Tests/Fixtures/make_text_fixtures.py), and what reading it must give.
struct FaultCase: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        /// The sheet is refused with exactly these problems, in this order; the other eight sheets
        /// read exactly as the real year.
        case refused(policy: String, [ExpectedProblem])
        /// Every sheet is read; the broken sheet is the real one with `change` applied (the value
        /// kept as typed, for validation to report) and carries exactly `warnings` (line, id).
        case kept(policy: String, change: @Sendable (inout EvaluationSheet) -> Void, warnings: [(Int, String)])
    }

    var file: String
    var outcome: Outcome
    var testDescription: String { file }

    static let all: [FaultCase] = [
        // Class 3: a value never silently replaces another.
        .init(file: "second-person-line.txt", outcome: .refused(policy: "511", [
            .init(12, "text.duplicate-label", "「担当者」が2回あります(1列目。最初は 11 行目)"),
            .init(12, "text.duplicate-label", "「役職」が2回あります(4列目。最初は 11 行目)"),
            .init(12, "text.duplicate-label", "「内線」が2回あります(7列目。最初は 11 行目)"),
        ])),
        .init(file: "second-policy-code-line.txt", outcome: .refused(policy: "511", [
            .init(8, "text.duplicate-label", "「施策コード」が2回あります(1列目。最初は 7 行目)"),
            .init(8, "text.duplicate-label", "「施策名」が2回あります(4列目。最初は 7 行目)"),
        ])),
        .init(file: "indicator-name-label-mistyped.txt", outcome: .refused(policy: "511", [
            .init(39, "text.unknown-label", "「名前」はまちづくり指標の行の名前ではありません(2列目)"),
        ])),
        .init(file: "challenge-label-misspelled.txt", outcome: .refused(policy: "511", [
            .init(72, "text.unknown-label", "「施策を進める上の課題」は施策を進める上での課題の項目名ではありません(2列目)"),
        ])),
        .init(file: "money-header-misspelled.txt", outcome: .refused(policy: "511", [
            .init(24, "text.unknown-column", "構成事業の見出し「令和元年度実績」(7列目)は読めません"),
        ])),
        .init(file: "basic-information-label-mistyped.txt", outcome: .refused(policy: "511", [
            .init(3, "text.missing-record", "基本情報に「担当課」がありません"),
            .init(10, "text.unknown-label", "「担当家」は基本情報の項目名ではありません(4列目)。値「企画課」を置く項目が分かりません"),
        ])),
        .init(file: "vision-line-twice.txt", outcome: .refused(policy: "511", [
            .init(17, "text.duplicate-label", "「10年後の姿」が2回あります(最初は 16 行目)"),
        ])),
        .init(file: "indicator-description-row-twice.txt", outcome: .refused(policy: "511", [
            .init(38, "text.duplicate-label", "指標①の「説明」の行が2回あります(最初は 37 行目)"),
        ])),
        .init(file: "related-projects-line-twice.txt", outcome: .refused(policy: "511", [
            .init(70, "text.duplicate-label", "課題①の「関連する事務事業名」が2回あります(最初は 69 行目)"),
        ])),
        .init(file: "rating-row-twice.txt", outcome: .refused(policy: "511", [
            .init(49, "text.duplicate-label", "評価の行が2つあります(最初は 48 行目)"),
        ])),
        .init(file: "section-heading-twice.txt", outcome: .refused(policy: "511", [
            .init(21, "text.duplicate-heading", "見出し「3. 構成事業の状況」が2回あります(最初は 20 行目)"),
        ])),
        .init(file: "totals-row-twice.txt", outcome: .refused(policy: "511", [
            .init(32, "text.duplicate-label", "「総事業費(施策の合計)」の行が2回あります(最初は 31 行目)"),
        ])),
        .init(file: "project-after-totals-row.txt", outcome: .refused(policy: "511", [
            .init(31, "text.row-after-totals", "事業 0110050114 の行が「総事業費(施策の合計)」の行(30 行目)より後にあります"),
        ])),
        .init(file: "challenge-numbers-differ.txt", outcome: .refused(policy: "512", [
            .init(144, "text.conflicting-number", "課題の番号が行によって違います(143 行目は ②、この行は ③)"),
        ])),
        .init(file: "future-actions-year-differs.txt", outcome: .refused(policy: "511", [
            .init(75, "text.conflicting-year", "71 行目は令和3年度、この行は令和4年度"),
        ])),
        .init(file: "indicator-row-missing.txt", outcome: .refused(policy: "511", [
            .init(39, "text.missing-record", "指標②に「抽出方法」の行がありません"),
        ])),
        .init(file: "challenge-part-missing.txt", outcome: .refused(policy: "511", [
            .init(68, "text.missing-record", "課題①に「関連する事務事業名」の行がありません"),
        ])),
        .init(file: "amount-unit-not-thousand-yen.txt", outcome: .refused(policy: "511", [
            .init(22, "text.unit", "金額の単位は千円です(1列目): \"(単位:円)\""),
        ])),
        // Arithmetic never traps; amounts keep to the one bound.
        .init(file: "amount-beyond-bound.txt", outcome: .refused(policy: "511", [
            .init(25, "text.amount-range", "金額が上限 999,999,999,999 千円を超えています(6列目): \"1,000,000,000,000\""),
        ])),
        .init(file: "total-beyond-int-max.txt", outcome: .refused(policy: "511", [
            .init(31, "text.amount-range", "金額が上限 999,999,999,999 千円を超えています(6列目): \"99999999999999999999\""),
        ])),
        .init(file: "indicator-number-too-long.txt", outcome: .refused(policy: "511", [
            .init(36, "text.indicator-number", "目標値の数値 \"1234567890123456\"(8列目)は扱えません(有効数字 15 桁、小数点以下 10 桁まで)"),
        ])),
        // All problems of one sheet in one run.
        .init(file: "many-problems-in-one-sheet.txt", outcome: .refused(policy: "511", [
            .init(26, "text.amount", "金額が 0 以上の整数ではありません(8列目): \"6,6O3\""),
            .init(27, "text.directions", "事業 0110010328 の施策の方向性が読めません(4列目。例: 1,2): \"二\""),
            .init(37, "text.indicator-value", "実績値が数値・「—」・空欄のいずれでもありません(7列目): \"32.2(*)\""),
            .init(57, "text.assessment", "外部要因に対する評価が読めません(3列目。例: 1. 施策遂行に役立つ・有利): \"必要性が高まる\""),
        ])),
        // One bad sheet does not stop the others.
        .init(file: "bad-sheet-in-the-middle.txt", outcome: .refused(policy: "532", [
            .init(502, "text.unknown-column", "構成事業の見出し「令和2年度予定」(8列目)は読めません"),
        ])),
        // The model's invariants, each at its line: data never becomes a path; text fits a cell.
        .init(file: "policy-code-with-path.txt", outcome: .refused(policy: "511", [
            .init(7, "text.policy-code", "施策コード「../../x」は使えません"),
        ])),
        .init(file: "reason-too-long.txt", outcome: .refused(policy: "511", [
            .init(48, "text.invariant", "文字数(33295)が1つのセルに入る上限 32767 文字を超えています"),
        ])),
        .init(file: "combining-marks-run.txt", outcome: .refused(policy: "511", [
            .init(25, "text.invariant", "結合文字(濁点・アクセント記号など)が 30000 個続いています。1文字に続けられるのは 30 個までです(Unicode のストリームセーフ形式)"),
        ])),
        // Kept as typed: validation reports it at its place (validate exits 1, not 2).
        .init(file: "rating-not-in-list.txt", outcome: .kept(policy: "511", change: {
            $0.evaluation.rating = Rating(rawValue: "良好")
        }, warnings: [])),
        .init(file: "rating-blank.txt", outcome: .kept(policy: "511", change: {
            $0.evaluation.rating = Rating(rawValue: "")
        }, warnings: [])),
        .init(file: "project-code-wrong-length.txt", outcome: .kept(policy: "511", change: {
            $0.projects.rows[0].code = "010201080"
        }, warnings: [])),
        .init(file: "assessment-code-4.txt", outcome: .kept(policy: "511", change: {
            $0.environment[0].assessments = [Assessment(code: 4, label: "施策の必要性を高める")]
        }, warnings: [])),
        // Warnings: accepted, the line named, the model unchanged.
        .init(file: "stray-note-beside-factor.txt", outcome: .kept(policy: "511", change: { _ in },
                                                               warnings: [(57, "text.unplaced-cell")])),
        .init(file: "criterion-reworded.txt", outcome: .kept(policy: "511", change: { _ in },
                                                         warnings: [(48, "text.criterion-wording")])),
        .init(file: "heading-with-extra-words.txt", outcome: .kept(policy: "511", change: { _ in },
                                                               warnings: [(20, "text.heading-wording")])),
        .init(file: "extra-cell-on-evaluation-header.txt", outcome: .kept(policy: "511", change: { _ in },
                                                                      warnings: [(47, "text.unplaced-cell")])),
    ]
}

@Suite("The real year with one thing broken")
struct FaultFixtureTests {
    static func url(_ file: String) -> URL {
        RepositoryPaths.fixtures.appendingPathComponent("text-malformed/\(file)")
    }

    @Test("the fault is reported at its line (or kept as typed), every other value unchanged", arguments: FaultCase.all)
    func fault(_ c: FaultCase) throws {
        let (sheets, failures) = TextFormReader.readEach(contentsOf: Self.url(c.file), displayName: c.file)
        switch c.outcome {
        case .refused(let policy, let expected):
            try #require(failures.count == 1, "\(failures)")
            let f = failures[0]
            let problems = [f] + f.additional
            #expect(problems.map { "\($0.line) \($0.id)" } == expected.map(\.description))
            for (p, e) in zip(problems, expected) {
                #expect(p.message.ja.contains(e.ja), "\(p.message.ja)")
                #expect(!p.message.en.isEmpty && p.message.en != p.message.ja)
                #expect(p.file == c.file)
                #expect(p.location == "\(c.file):\(e.line)")
                #expect(p.sheetLines?.contains(e.line) == true)
            }
            let start = RealYear.loadedSheet(policy).sourceMap.sections[1]
            #expect(f.sheetLines.map { SourceLocation.line($0.lowerBound) } == start)
            // Every other sheet is read, and exactly as the real year.
            #expect(sheets.map(\.sheet.policy.code) == RepositoryPaths.policyCodes.filter { $0 != policy })
            for s in sheets { #expect(s.sheet == RealYear.sheet(s.sheet.policy.code)) }
            // The throwing reader reports the same first problem, with the rest appended.
            let thrown = #expect(throws: TextFormError.self) {
                try TextFormReader.read(contentsOf: Self.url(c.file), displayName: c.file)
            }
            #expect(thrown.map { [$0] + $0.additional }?.map(\.location) == problems.map(\.location))
        case .kept(let policy, let change, let warnings):
            #expect(failures.isEmpty, "\(failures.map(\.description))")
            #expect(sheets.map(\.sheet.policy.code) == RepositoryPaths.policyCodes)
            for s in sheets where s.sheet.policy.code != policy {
                #expect(s.sheet == RealYear.sheet(s.sheet.policy.code))
            }
            var expected = RealYear.sheet(policy)
            change(&expected)
            let loaded = try #require(sheets.first { $0.sheet.policy.code == policy })
            #expect(loaded.sheet == expected, "\(NothingLostOracle.difference(loaded.sheet, expected))")
            #expect(loaded.notes.map { "\($0.location) \($0.id)" } == warnings.map { "\(c.file):\($0.0) \($0.1)" })
        }
        #expect(NothingLostOracle.check(try Data(contentsOf: Self.url(c.file)), file: c.file) == [])
    }

    @Test("a rating kept as typed keeps its line for validation")
    func ratingKeepsItsLine() throws {
        let (sheets, _) = TextFormReader.readEach(contentsOf: Self.url("rating-not-in-list.txt"), displayName: "r.txt")
        let s511 = try #require(sheets.first)
        #expect(s511.sourceMap.describe(.rating) == "r.txt:48")
    }

    @Test("no policy code that could leave the output directory is accepted; each is named at its line")
    func unsafePolicyCodes() throws {
        for code in ["", ".511", "..", "5/11", "511\u{0}", "5 11", "../511", "５１１", String(repeating: "5", count: 33)] {
            var lines = RealYear.text.components(separatedBy: "\n")
            lines[6] = lines[6].replacingOccurrences(of: "\t511\t", with: "\t\(code)\t")  // L7
            let (sheets, failures) = TextFormReader.readEach(Data(lines.joined(separator: "\n").utf8), file: "y.txt")
            #expect(sheets.count == 8, "\(PolicyCodeSyntax.visible(code))")
            #expect(failures.map { ([$0] + $0.additional).map { "\($0.location) \($0.id)" } } == [["y.txt:7 text.policy-code"]],
                    "\(PolicyCodeSyntax.visible(code))")
        }
        // Codes real cities use are accepted.
        for code in ["05010201", "011-01", "5110001"] {
            var lines = RealYear.text.components(separatedBy: "\n")
            lines[6] = lines[6].replacingOccurrences(of: "\t511\t", with: "\t\(code)\t")
            let (sheets, failures) = TextFormReader.readEach(Data(lines.joined(separator: "\n").utf8), file: "y.txt")
            #expect(failures.isEmpty && sheets.first?.sheet.policy.code == code)
        }
    }

    @Test("a whole-file problem is one failure with no sheets")
    func wholeFile() {
        for (file, id) in [("empty-file.txt", "text.empty"), ("invalid-utf8-on-line-5.txt", "text.encoding"),
                           ("not-an-evaluation-sheet.txt", "text.not-a-sheet")] {
            let (sheets, failures) = TextFormReader.readEach(contentsOf: Self.url(file), displayName: file)
            #expect(sheets.isEmpty)
            #expect(failures.map(\.id) == [id])
            #expect(failures.first?.sheetLines == nil)
        }
        let missing = TextFormReader.readEach(contentsOf: Self.url("no-such-file.txt"), displayName: "x.txt")
        #expect(missing.sheets.isEmpty && missing.failures.map(\.id) == ["text.open"])
        #expect(missing.failures.first?.location == "x.txt")
    }

    @Test("two bad sheets are two failures, each with all of its problems; the rest is read")
    func twoBadSheets() throws {
        var lines = RealYear.text.components(separatedBy: "\n")
        lines[24] = lines[24].replacingOccurrences(of: "2,450\t2,450", with: "2,45O\t2,450")  // 511 L25
        lines[25] = lines[25].replacingOccurrences(of: "\t1,2\t", with: "\t1.2\t")            // 511 L26
        lines[501] = lines[501].replacingOccurrences(of: "令和2年度予算", with: "令和2年度予定")    // 532 L502
        let data = Data(lines.joined(separator: "\n").utf8)
        let (sheets, failures) = TextFormReader.readEach(data, file: "year.txt")
        #expect(sheets.map(\.sheet.policy.code) == ["512", "513", "521", "522", "531", "533", "541"])
        #expect(failures.map { ([$0] + $0.additional).map(\.location) } == [["year.txt:25", "year.txt:26"], ["year.txt:502"]])
        let thrown = #expect(throws: TextFormError.self) { try TextFormReader.read(data, file: "year.txt") }
        #expect(thrown.map { ([$0] + $0.additional).map(\.location) } == ["year.txt:25", "year.txt:26", "year.txt:502"])
        #expect(thrown?.lines(.en).count == 3)
    }

    @Test("every year-based fixture in the folder is covered by a case")
    func allCovered() throws {
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.fixtures
            .appendingPathComponent("text-malformed").path))
        let covered = Set(FaultCase.all.map(\.file) + MalformedCase.all.map(\.file) + MalformedCase.keptAsTyped)
        #expect(files == covered)
    }
}
