import Foundation
import Testing
import EvalSheetModel
import EvalSheetWorkbook
import TestSupport

/// Workbooks edited through LibreOffice's own API (Tests/Fixtures/edit_with_libreoffice.py) import to
/// exactly the expected model: the real sheet with the same edit applied in Swift.
@Suite("Import of edited workbooks")
struct ImportEditTests {
    let importer = WorkbookImporter()

    func imported(_ name: String) throws -> LoadedSheet {
        try importer.read(path: RepositoryPaths.fixtures.appendingPathComponent("xlsx-edited/\(name).xlsx").path,
                          displayName: "\(name).xlsx")
    }

    /// Totals follow the rows (the import recomputes them).
    func withTotals(_ s: EvaluationSheet) -> EvaluationSheet {
        var s = s
        s.projects.totals = s.projects.computedTotals.map { $0 }
        return s
    }

    @Test func insertedProjectRow() throws {
        var expected = RealYear.sheet("511")
        expected.projects.rows.insert(Project(code: "0102019999", name: "テスト事業", inExecutionPlan: true, directions: [1],
                                              section: "企画課", amounts: [100, nil, 300]), at: 3)
        let loaded = try imported("inserted-project-row")
        #expect(loaded.sheet == withTotals(expected))
        #expect(loaded.sheet.projects.totals == [95_124, 108_114, 185_374])
        #expect(loaded.notes.isEmpty, "LibreOffice grew the SUM ranges, so the saved totals are current")
        #expect(loaded.sourceMap.describe(.project(3, .code)) == "inserted-project-row.xlsx '3 構成事業'!A8")
        #expect(loaded.sourceMap.describe(.projectTotal(0)) == "inserted-project-row.xlsx '3 構成事業'!F12")
    }

    @Test func changedAmount() throws {
        var expected = RealYear.sheet("511")
        expected.projects.rows[0].amounts[0] = 2_460
        #expect(try imported("changed-amount").sheet == withTotals(expected))
    }

    @Test func deletedProjectRow() throws {
        var expected = RealYear.sheet("511")
        expected.projects.rows.remove(at: 1)
        let loaded = try imported("deleted-project-row")
        #expect(loaded.sheet == withTotals(expected))
        #expect(loaded.sheet.projects.rows.count == 5)
        #expect(loaded.notes.isEmpty)
    }

    @Test func changedRating() throws {
        var expected = RealYear.sheet("511")
        expected.evaluation.rating = .onTrack
        #expect(try imported("changed-rating").sheet == expected)
    }

    @Test func addedChallenge() throws {
        var expected = RealYear.sheet("511")
        expected.challenges.append(Challenge(number: 4, challenge: "新しい課題を追加した。",
                                             relatedProjects: ["市民まつり事業", "学校支援本部事業"],
                                             current: "検討中である。", future: "具体的な方法を検討する。"))
        #expect(try imported("added-challenge").sheet == expected)
    }

    @Test("numbers typed as text are read, each with a warning naming its cell")
    func numbersTypedAsText() throws {
        var expected = RealYear.sheet("511")
        expected.projects.rows[0].amounts[1] = 1_234
        expected.indicators.items[0].targets[2] = .number(PrintedNumber(parsing: "33.5")!)
        let loaded = try imported("numbers-typed-as-text")
        #expect(loaded.sheet == withTotals(expected))
        let warnings = loaded.notes.map { "\($0.id) \($0.location)" }
        #expect(warnings == [
            "xlsx.number-as-text numbers-typed-as-text.xlsx '3 構成事業'!G5",
            "xlsx.total-stale numbers-typed-as-text.xlsx '3 構成事業'!G11",
            "xlsx.number-as-text numbers-typed-as-text.xlsx '4 まちづくり指標'!I4",
        ])
    }

    @Test("sheets reordered and one renamed are found by their titles")
    func sheetsReorderedAndRenamed() throws {
        let loaded = try imported("sheets-reordered-and-renamed")
        #expect(loaded.sheet == RealYear.sheet("532"))
        #expect(loaded.sourceMap.describe(.project(0, .code)) == "sheets-reordered-and-renamed.xlsx '構成事業(修正版)'!A5")
    }

    @Test("text where an amount must be is an error naming the cell")
    func textInAmountCell() throws {
        let error = #expect(throws: WorkbookImportError.self) { try imported("text-in-amount-cell") }
        #expect(error?.place == "'3 構成事業'!G6")
        #expect(error?.message.ja.contains("\"未定\"") == true)
    }
}

/// Valid .xlsx files that are not usable evaluation sheets (Tests/Fixtures/make_domain_fixtures.py):
/// each is an error naming the file and the sheet or cell.
@Suite("Workbooks that are not usable evaluation sheets")
struct ImportDomainErrorTests {
    static let cases: [(file: String, place: String, ja: String)] = [
        ("missing-section-sheet", "", "4 まちづくり指標"),
        ("workbook-of-another-form", "", "施策評価シートのブックではありません"),
        ("boolean-in-amount-cell", "'3 構成事業'!F6", "値が不正"),
        ("formula-without-cached-value", "'3 構成事業'!G5", "計算結果が保存されていません"),
        ("negative-amount", "'3 構成事業'!F5", "0 以上の整数"),
        ("fractional-amount", "'3 構成事業'!F5", "0 以上の整数"),
        ("text-in-indicator-value", "'4 まちづくり指標'!I4", "\"約33\""),
        ("directions-not-numbers", "'3 構成事業'!D6", "\"一と二\""),
        ("fiscal-year-unreadable", "'1 基本情報'!B3", "評価対象年度"),
        ("totals-row-removed", "'3 構成事業'", "総事業費"),
        ("unknown-indicator-direction", "'4 まちづくり指標'!E6", "評価の向き"),
        ("assessment-not-from-the-list", "'6 施策を取り巻く環境'!C4", "\"とても有利\""),
        ("combining-marks-run", "'3 構成事業'!B5", "結合文字(濁点・アクセント記号など)が 30000 個続いています"),
    ]

    @Test(arguments: cases.map(\.file))
    func refused(_ name: String) throws {
        let c = Self.cases.first { $0.file == name }!
        let error = #expect(throws: WorkbookImportError.self) {
            try WorkbookImporter().read(path: RepositoryPaths.fixtures.appendingPathComponent("xlsx-domain/\(name).xlsx").path,
                                        displayName: "\(name).xlsx")
        }
        #expect(error?.file == "\(name).xlsx")
        #expect(error?.place == c.place)
        #expect(error?.message.ja.contains(c.ja) == true, "\(error?.message.ja ?? "")")
    }

    @Test("every domain fixture has a case")
    func allCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.fixtures.appendingPathComponent("xlsx-domain").path)
        #expect(files.sorted() == Self.cases.map { "\($0.file).xlsx" }.sorted())
    }
}
