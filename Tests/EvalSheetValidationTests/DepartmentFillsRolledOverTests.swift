import Foundation
import Testing
import EvalSheetModel
import EvalSheetCycle
import EvalSheetValidation
import EvalSheetWorkbook
import TestSupport

/// Issue 11's proof: a rolled-over workbook filled the way a department fills it — in LibreOffice
/// (through its API, a project row inserted) and in openpyxl — imports as exactly the filled model;
/// the live 達成率 shows the right value (LibreOffice recalculated, and the cached or computed
/// value on import); and validate reports exactly the inputs still blank.
@Suite("A department fills a rolled-over workbook")
struct DepartmentFillsRolledOverTests {
    static let projects = "3 構成事業", indicators = "4 まちづくり指標", evaluation = "5 評価"
    static let reason = "自治会への支援を続け、円卓会議は全校区で開催された。"

    /// 511 rolled to FY2020 and exported: the workbook sent to the department.
    static func sent(_ dir: URL) throws -> (EvaluationSheet, String) {
        let rolled = try Rollover.nextYear(of: RealYear.sheet("511"), to: 2020)
        let path = dir.appendingPathComponent("sent-511.xlsx").path
        try WorkbookExporter(toolVersion: "test").export(rolled, to: path)
        return (rolled, path)
    }

    /// What the department typed, in the model: 令和2年度決算 for every project but the last,
    /// indicator ①'s 令和2年度 actual (its rate computed from it), the rating and the reason.
    static func filled(_ rolled: EvaluationSheet, amounts: [Int?]) throws -> EvaluationSheet {
        var s = rolled
        let settled = try #require(s.projects.columns.firstIndex(of: MoneyColumn(fiscalYear: 2020, kind: .settled)))
        for (i, a) in amounts.enumerated() { s.projects.rows[i].amounts[settled] = a }
        s.projects.totals[settled] = amounts.compactMap { $0 }.reduce(0, +)
        let item = s.indicators.items[0]
        let target = try #require(item.targets[1].number)
        let rate = try #require(AchievementRate.percent(actual: 34, target: target.value, direction: item.direction))
        s.indicators.items[0].actuals[1] = .number(PrintedNumber(value: 34, fractionDigits: 1))  // the cell prints 0.0, as the targets
        s.indicators.items[0].rates[1] = .number(PrintedNumber(value: rate, fractionDigits: 1, percent: true))
        s.evaluation = Evaluation(rating: .onTrack, reason: reason)
        return s
    }

    /// The blanks validate reports on `loaded`: rule id, place.
    static func blanks(_ loaded: LoadedSheet) -> [String] {
        Validator.validate([loaded], sheetRules: [BlankInputRule()], yearRules: []).map(\.location)
    }

    @Test("in LibreOffice, with a project row inserted: exactly the filled model; the rate recalculated; the blanks left are reported at their cells")
    func libreOffice() throws {
        let dir = RepositoryPaths.temporaryDirectory("fill-lo")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (rolled, sent) = try Self.sent(dir)
        let back = dir.appendingPathComponent("back.xlsx").path
        // Rows 5…10 hold the six projects; a new row 10 goes in before the last one (which moves to 11).
        let amounts = [1_000, 2_000, 3_000, 4_000, 5_000]
        var cells: [[Any]] = amounts.enumerated().map { [Self.projects, "G\(5 + $0.offset)", $0.element] }
        cells += [[Self.projects, "A10", "0102019999"], [Self.projects, "B10", "新規事業"], [Self.projects, "D10", "2"],
                  [Self.projects, "E10", "企画課"], [Self.projects, "G10", 700],
                  [Self.indicators, "H5", 34], [Self.evaluation, "B5", "順調"], [Self.evaluation, "C4", Self.reason]]
        let spec: [String: Any] = ["insert": [Self.projects, 10], "cells": cells, "show": [[Self.indicators, "H6"], [Self.projects, "G12"]]]
        let specPath = dir.appendingPathComponent("spec.json")
        try JSONSerialization.data(withJSONObject: spec).write(to: specPath)
        let script = RepositoryPaths.root.appendingPathComponent("Tests/Fixtures/fill_with_libreoffice.py").path
        let run = try ProcessRunner.run("/usr/bin/python3", [script, sent, back, specPath.path])
        try #require(run.status == 0, "\(run.stderr)")
        // LibreOffice shows the live rate and the live total.
        #expect(run.stdout.contains("\(Self.indicators)!H6=103.0%"), "\(run.stdout)")
        #expect(run.stdout.contains("\(Self.projects)!G12=15,700"), "\(run.stdout)")

        let loaded = try WorkbookImporter().read(path: back, displayName: "back.xlsx")
        var expected = try Self.filled(rolled, amounts: amounts.map { $0 } + [nil])
        let settled = 1
        expected.projects.rows.insert(Project(code: "0102019999", name: "新規事業", inExecutionPlan: false, directions: [2],
                                              section: "企画課", amounts: [nil, 700, nil]), at: 5)
        expected.projects.totals[settled] = 15_700
        expected.lastYear?.budgetAmounts.insert(ProjectAmount(code: "0102019999", amount: nil), at: 5)
        #expect(loaded.sheet.projects == expected.projects)
        #expect(loaded.sheet.indicators == expected.indicators)
        #expect(loaded.sheet.evaluation == expected.evaluation)
        #expect(loaded.sheet.lastYear == expected.lastYear)
        #expect(loaded.sheet == expected)
        #expect(!loaded.notes.contains { $0.id == "xlsx.formula-in-input" }, "\(loaded.notes)")
        // Still blank: the last project's 令和2年度決算 (row 11 now) and indicator ②'s actual.
        #expect(Self.blanks(loaded) == ["back.xlsx '3 構成事業'!G11", "back.xlsx '4 まちづくり指標'!H8"])
    }

    @Test("in openpyxl (cached values dropped): exactly the filled model, the rate computed on import; the blanks left are reported")
    func openpyxl() throws {
        let dir = RepositoryPaths.temporaryDirectory("fill-openpyxl")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (rolled, sent) = try Self.sent(dir)
        let back = dir.appendingPathComponent("back.xlsx").path
        let amounts = [1_000, 2_000, 3_000, 4_000, 5_000, 6_000]
        let script = """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        p = wb["\(Self.projects)"]
        for i, a in enumerate([\(amounts.map(String.init).joined(separator: ","))]):
            p.cell(row=5 + i, column=7).value = a
        wb["\(Self.indicators)"]["H5"] = 34
        wb["\(Self.evaluation)"]["B5"] = "順調"
        wb["\(Self.evaluation)"]["C4"] = "\(Self.reason)"
        wb.save(sys.argv[2])
        """
        let run = try ProcessRunner.run(try #require(ProcessRunner.which("python3")), ["-c", script, sent, back])
        try #require(run.status == 0, "\(run.stderr)")
        let loaded = try WorkbookImporter().read(path: back, displayName: "back.xlsx")
        let expected = try Self.filled(rolled, amounts: amounts)
        #expect(loaded.sheet.projects == expected.projects)
        #expect(loaded.sheet.indicators == expected.indicators)
        #expect(loaded.sheet.evaluation == expected.evaluation)
        #expect(loaded.sheet == expected)
        #expect(loaded.notes.filter { $0.id == "xlsx.rate-recomputed" }.map(\.location) == ["back.xlsx '4 まちづくり指標'!H6"])
        #expect(!loaded.notes.contains { $0.id == "xlsx.formula-in-input" })
        // Last year's reference came back as reference, never as this year's data.
        #expect(loaded.sheet.lastYear == rolled.lastYear)
        #expect(Self.blanks(loaded) == ["back.xlsx '4 まちづくり指標'!H8"])
    }

    @Test("an actual typed with more decimals than the cell shows is read as typed, with a warning at its cell — never rounded to what it shows")
    func moreDecimalsThanShown() throws {
        let dir = RepositoryPaths.temporaryDirectory("fill-decimals")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, sent) = try Self.sent(dir)
        let back = dir.appendingPathComponent("back.xlsx").path
        let script = """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        wb["\(Self.indicators)"]["H5"] = 30.25
        wb.save(sys.argv[2])
        """
        let run = try ProcessRunner.run(try #require(ProcessRunner.which("python3")), ["-c", script, sent, back])
        try #require(run.status == 0, "\(run.stderr)")
        let loaded = try WorkbookImporter().read(path: back, displayName: "back.xlsx")
        #expect(loaded.sheet.indicators.items[0].actuals[1].text == "30.25")
        let hidden = loaded.notes.filter { $0.id == "xlsx.hidden-decimals" }
        #expect(hidden.map(\.location) == ["back.xlsx '4 まちづくり指標'!H5"])
        #expect(hidden.first?.message.ja.contains("セルの表示は 30.3 ですが、入力されている値は 30.25 です") == true)
        // The rate is computed from the value typed, as the live formula computes it.
        #expect(loaded.sheet.indicators.items[0].rates[1].text == "91.7%")
    }
}
