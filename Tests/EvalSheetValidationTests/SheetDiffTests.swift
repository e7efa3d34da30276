import Foundation
import Testing
import EvalSheetModel
import EvalSheetText
import EvalSheetValidation
import TestSupport

/// The real year's text with lines replaced, inserted and deleted, read back (so the new
/// sheet's locations are real lines of the edited file).
struct YearText {
    var lines = RealYear.text.components(separatedBy: "\n")

    /// Replaces the only occurrence of `old` in 1-based line `n`.
    mutating func replace(_ n: Int, _ old: String, _ new: String) throws {
        let parts = lines[n - 1].components(separatedBy: old)
        try #require(parts.count == 2, "line \(n) must hold \"\(old)\" once: \(lines[n - 1])")
        lines[n - 1] = parts.joined(separator: new)
    }

    /// Inserts lines after 1-based line `n`.
    mutating func insert(after n: Int, _ new: [String]) { lines.insert(contentsOf: new, at: n) }

    /// Deletes 1-based line `n`, which must start with `prefix`.
    mutating func delete(_ n: Int, startingWith prefix: String) throws {
        try #require(lines[n - 1].hasPrefix(prefix), "line \(n): \(lines[n - 1])")
        lines.remove(at: n - 1)
    }

    func loaded() throws -> [LoadedSheet] {
        try TextFormReader.read(Data(lines.joined(separator: "\n").utf8), file: "kiyose-2019.txt")
    }
}

/// A compact, comparable form of a change for assertions.
struct ChangeRow: Hashable, CustomStringConvertible {
    var kind: Change.Kind
    var section: String
    var row: String?
    var field: String
    var old: String?
    var new: String?
    var location: String

    init(_ kind: Change.Kind, _ section: String, _ row: String?, _ field: String, _ old: String?, _ new: String?, _ location: String) {
        (self.kind, self.section, self.row, self.field, self.old, self.new, self.location) = (kind, section, row, field, old, new, location)
    }

    init(_ c: Change) {
        self.init(c.kind, c.sectionTitle.ja, c.row, c.field.ja, c.old, c.new, c.location)
    }

    var description: String { "\(kind) \(section) \(row ?? "-") \(field): \(old ?? "nil") → \(new ?? "nil") @ \(location)" }
}

@Suite("Diff of two versions of a sheet")
struct SheetDiffTests {
    /// 533 (one indicator, so its name row is located exactly) with six edits, bottom to top so
    /// the line numbers below are the original ones.
    static func edited533() throws -> LoadedSheet {
        var t = YearText()
        t.insert(after: 635, [
            "③\t施策を進める上での課題\t広域での人材育成を進める必要がある。\t",
            "\t関連する事務事業名\t広域行政圏協議会運営事業\t",
            "\t現在の取組状況\t合同研修を試行している。\t",
            "\t令和3年度以降の取組\t合同研修を本格実施する。\t",
        ])
        try t.replace(611, " 維持\t", " 順調\t")                               // rating
        try t.replace(604, "目標値\t14\t14\t14\t", "目標値\t14\t14\t15\t")       // 令和2年度 target
        try t.delete(597, startingWith: "0102010819\t友好交流都市事業")          // a row deleted
        try t.replace(596, "53,166", "53,200")                                 // an amount
        t.insert(after: 595, ["0102010899\t広域連携推進事業\t\t1\t企画課\t\t500\t1,000"])  // a row inserted
        return try t.loaded()[7]
    }

    @Test("six edits give exactly six changes, in section order, located in the new file")
    func edits() throws {
        let old = RealYear.loaded[7]
        let new = try Self.edited533()
        #expect(new.sheet.policy.code == "533")
        let changes = SheetDiff.diff(old: old, new: new)
        #expect(changes.map(ChangeRow.init) == [
            ChangeRow(.added, "3 構成事業", "0102010899", "事務事業", nil, "広域連携推進事業 |  | 1 | 企画課 |  | 500 | 1,000", "kiyose-2019.txt:596"),
            ChangeRow(.changed, "3 構成事業", "0102010805", "令和元年度決算", "53,166", "53,200", "kiyose-2019.txt:597"),
            ChangeRow(.removed, "3 構成事業", "0102010819", "事務事業", "友好交流都市事業 | 対象 | 2 | 企画課 | 80 | 91 | 100", nil, "kiyose-2019.txt:597"),
            ChangeRow(.changed, "4 まちづくり指標", "①", "目標値(令和2年度)", "14", "15", "kiyose-2019.txt:604"),
            ChangeRow(.changed, "5 評価", nil, "総合評価", "維持", "順調", "kiyose-2019.txt:611"),
            ChangeRow(.added, "7 課題", "③", "課題", nil, "広域での人材育成を進める必要がある。", "kiyose-2019.txt:636"),
        ])
        #expect(changes.map(\.path) == [
            .project(2, .code), .project(3, .amount(1)), .project(3, .code), .indicator(0, .target(2)),
            .rating, .challenge(2, .number),
        ])
    }

    @Test("identical sheets have no changes", arguments: RepositoryPaths.policyCodes)
    func identical(_ code: String) throws {
        let a = RealYear.loadedSheet(code)
        #expect(SheetDiff.diff(old: a, new: a).isEmpty)
        // The same sheet from its own file (other line numbers) is still unchanged.
        let url = RepositoryPaths.sampleYear.appendingPathComponent("\(code).txt")
        let b = try #require(try TextFormReader.read(contentsOf: url, displayName: "\(code).txt").first)
        #expect(SheetDiff.diff(old: a, new: b).isEmpty)
    }

    @Test("reordering projects alone is one change")
    func reorder() throws {
        var t = YearText()
        let (a, b) = (t.lines[24], t.lines[25])  // 511 lines 25 and 26
        t.lines[24] = b
        t.lines[25] = a
        let changes = SheetDiff.diff(old: RealYear.loaded[0], new: try t.loaded()[0])
        #expect(changes.map(ChangeRow.init) == [
            ChangeRow(.reordered, "3 構成事業", nil, "事業",
                      "0102010806、0102010826、0110010328、0110050109、0110050118、0110050114",
                      "0102010826、0102010806、0110010328、0110050109、0110050118、0110050114", "kiyose-2019.txt:25"),
        ])
    }

    @Test("関係課 are matched by name; blank amounts show as (空欄); factors by category and occurrence")
    func valuesAndBlanks() throws {
        var t = YearText()
        try t.replace(12, "教育総務課", "企画課")                    // 511 関係課: one removed, one added
        try t.replace(26, "\t\t\t6,603", "\t1\t\t6,603")          // 511 市民協働推進事業 平成30年度 blank → 1
        try t.replace(64, "新型コロナウイルス感染症が拡大している。", "感染症が拡大している。")  // the 2nd その他
        let changes = SheetDiff.diff(old: RealYear.loaded[0], new: try t.loaded()[0])
        #expect(changes.map(ChangeRow.init) == [
            ChangeRow(.added, "1 基本情報", nil, "関係課", nil, "企画課", "kiyose-2019.txt:12"),
            ChangeRow(.removed, "1 基本情報", nil, "関係課", "教育総務課", nil, "kiyose-2019.txt:12"),
            ChangeRow(.changed, "3 構成事業", "0102010826", "平成30年度決算", "", "1", "kiyose-2019.txt:26"),
            ChangeRow(.changed, "6 施策を取り巻く環境", "その他 2", "状況", "新型コロナウイルス感染症が拡大している。",
                      "感染症が拡大している。", "kiyose-2019.txt:64"),
        ])
        let text = Changes.renderText(changes)
        #expect(text.contains("kiyose-2019.txt:26: 3 構成事業 0102010826 平成30年度決算: (空欄) → 1\n"))
        #expect(text.contains("kiyose-2019.txt:12: 1 基本情報 関係課を追加: 企画課\n"))
        #expect(text.hasSuffix("変更 4 件\n"))
    }

    @Test("header edits: fiscal year, a money column, an indicator year — the values stay paired")
    func headers() throws {
        var t = YearText()
        try t.replace(5, "(令和元 年度)", "(令和2 年度)")
        try t.replace(24, "令和2年度予算", "令和3年度予算")
        try t.replace(35, "令和7年度", "令和8年度")
        let changes = SheetDiff.diff(old: RealYear.loaded[0], new: try t.loaded()[0])
        #expect(changes.map(ChangeRow.init) == [
            ChangeRow(.changed, "1 基本情報", nil, "評価対象年度", "令和元年度", "令和2年度", "kiyose-2019.txt:5"),
            ChangeRow(.changed, "3 構成事業", nil, "金額列3", "令和2年度予算", "令和3年度予算", "kiyose-2019.txt:24"),
            ChangeRow(.changed, "4 まちづくり指標", nil, "指標の年度列5", "令和7年度", "令和8年度", "kiyose-2019.txt:35"),
        ])
    }

    @Test("a sheet from another reader is located in its own terms")
    func otherSource() throws {
        var json = try Self.edited533()
        json.sourceMap = SourceMap(file: "533.json", usesJSONPointers: true)
        let changes = SheetDiff.diff(old: RealYear.loaded[7], new: json)
        #expect(changes.map(\.location) == [
            "533.json#/projects/rows/2/code", "533.json#/projects/rows/3/amounts/1",
            "kiyose-2019.txt:597",  // removed: located in the old source
            "533.json#/indicators/items/0/targets/2", "533.json#/evaluation/rating", "533.json#/challenges/2/number",
        ])
    }

    @Test("text and JSON reports")
    func reports() throws {
        let changes = SheetDiff.diff(old: RealYear.loaded[7], new: try Self.edited533())
        let text = Changes.renderText(changes)
        #expect(text == """
            kiyose-2019.txt:596: 3 構成事業 0102010899 事務事業を追加: 広域連携推進事業 |  | 1 | 企画課 |  | 500 | 1,000
            kiyose-2019.txt:597: 3 構成事業 0102010805 令和元年度決算: 53,166 → 53,200
            kiyose-2019.txt:597: 3 構成事業 0102010819 事務事業を削除: 友好交流都市事業 | 対象 | 2 | 企画課 | 80 | 91 | 100
            kiyose-2019.txt:604: 4 まちづくり指標 ① 目標値(令和2年度): 14 → 15
            kiyose-2019.txt:611: 5 評価 総合評価: 維持 → 順調
            kiyose-2019.txt:636: 7 課題 ③ 課題を追加: 広域での人材育成を進める必要がある。
            変更 6 件

            """)
        #expect(Changes.renderText(changes, language: .en).contains("kiyose-2019.txt:604: 4 Indicators ① target (FY2020): 14 → 15\n"))
        #expect(Changes.renderText([]) == "変更はありません\n")
        let json = Changes.renderJSON(changes)
        #expect(try Changes.decodeJSON(Data(json.utf8)) == changes)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(objects[1]["pointer"] as? String == "/projects/rows/3/amounts/1")
        #expect(objects[1]["kind"] as? String == "changed")
        #expect((objects[1]["field"] as? [String: String])?["ja"] == "令和元年度決算")
        #expect(objects[0]["old"] is NSNull)
    }
}
