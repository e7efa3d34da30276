import Foundation
import Testing
import EvalSheetModel
import EvalSheetCycle
import EvalSheetWorkbook
import TestSupport

/// 達成率 as a live formula from 目標値, 実績値 and 評価の向き, its value cached: every reader sees
/// the printed rate, LibreOffice recalculates it when an actual is typed, and import reads it
/// (or computes it when the value was not saved) without taking it for a formula typed in.
@Suite("Live achievement rates")
struct LiveRateTests {
    /// Formulas (openpyxl) and cached values (python-calamine) of one sheet, by A1 reference.
    static func read(_ path: String, sheet: String) throws -> (formulas: [String: String], values: [String: JSONValue]) {
        let script = """
        import json, sys, openpyxl
        from python_calamine import CalamineWorkbook
        ws = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]
        formulas = {c.coordinate: c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")}
        rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name(sys.argv[2]).to_python(skip_empty_area=False)
        values = {openpyxl.utils.get_column_letter(c + 1) + str(r + 1): v for r, row in enumerate(rows) for c, v in enumerate(row) if v != ""}
        print(json.dumps({"formulas": formulas, "values": values}))
        """
        let python = try #require(ProcessRunner.which("python3"))
        let result = try ProcessRunner.run(python, ["-c", script, path, sheet])
        try #require(result.status == 0, "\(result.stderr)")
        struct Dump: Decodable { var formulas: [String: String]; var values: [String: JSONValue] }
        let dump = try JSONDecoder().decode(Dump.self, from: Data(result.stdout.utf8))
        return (dump.formulas, dump.values)
    }

    @Test("a printed rate that is the computation is a formula with its value cached; a dash or blank target stays a value")
    func exported() throws {
        let (formulas, values) = try Self.read(ExportedYear.path("512"), sheet: "4 まちづくり指標")
        // ① 協働で提供されている行政サービスの数, 平成30年度: 94.8% (G6), from G4 and G5, direction in E6.
        #expect(formulas["G6"] == #"=IF(AND(ISNUMBER(G4),ISNUMBER(G5)),IF(IF($E6="低いほど良い",G5,G4)=0,"",ROUND(IF($E6="低いほど良い",G4/G5,G5/G4)*100,1)/100),"")"#)
        #expect(values["G6"] == .number(0.948))
        #expect(formulas["H6"] == nil && values["H6"] == .string("—"))  // 令和元年度: a dash, as printed
        // A later year with its actual still blank: live, showing nothing until the actual is typed.
        #expect(formulas["I6"]?.hasPrefix("=IF(AND(ISNUMBER(I4),ISNUMBER(I5))") == true)
        #expect(values["I6"] == nil)
    }

    @Test("LibreOffice recalculates the rate when the department types the actual; import reads it, no formula warning")
    func libreOfficeRecalculates() throws {
        let dir = RepositoryPaths.temporaryDirectory("live-rate-lo")
        defer { try? FileManager.default.removeItem(at: dir) }
        var sheet = try Rollover.nextYear(of: RealYear.sheet("512"), to: 2020)
        let sent = dir.appendingPathComponent("sent.xlsx").path, back = dir.appendingPathComponent("back.xlsx").path
        try WorkbookExporter(toolVersion: "test").export(sheet, to: sent)
        // ① in FY2020: target H4, actual H5 (blank), rate H6.
        let target = try #require(sheet.indicators.items[0].targets[1].number)
        let script = RepositoryPaths.root.appendingPathComponent("Tests/Fixtures/fill_with_libreoffice.py").path
        let spec = dir.appendingPathComponent("spec.json")
        try Data(#"{"cells": [["4 まちづくり指標", "H5", 52]], "show": [["4 まちづくり指標", "H6"]]}"#.utf8).write(to: spec)
        let run = try ProcessRunner.run("/usr/bin/python3", [script, sent, back, spec.path])
        try #require(run.status == 0, "\(run.stderr)")
        let computed = try #require(AchievementRate.percent(actual: 52, target: target.value, direction: sheet.indicators.items[0].direction))
        let shown = PrintedNumber(value: computed, fractionDigits: 1, percent: true).text
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "4 まちづくり指標!H6=" + shown)  // what LibreOffice shows

        let loaded = try WorkbookImporter().read(path: back, displayName: "back.xlsx")
        sheet.indicators.items[0].actuals[1] = .number(PrintedNumber(value: 52, fractionDigits: 0))
        sheet.indicators.items[0].rates[1] = .number(PrintedNumber(value: computed, fractionDigits: 1, percent: true))
        #expect(loaded.sheet == sheet)
        #expect(loaded.notes.map(\.id) == [], "\(loaded.notes)")
    }

    @Test("saved by openpyxl (formulas without values): the rate is computed from the target and actual, with a note at its cell")
    func openpyxlWithoutValues() throws {
        let dir = RepositoryPaths.temporaryDirectory("live-rate-openpyxl")
        defer { try? FileManager.default.removeItem(at: dir) }
        var sheet = try Rollover.nextYear(of: RealYear.sheet("512"), to: 2020)
        let sent = dir.appendingPathComponent("sent.xlsx").path, back = dir.appendingPathComponent("back.xlsx").path
        try WorkbookExporter(toolVersion: "test").export(sheet, to: sent)
        let script = """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        wb["4 まちづくり指標"]["H5"] = 52
        wb.save(sys.argv[2])
        """
        let run = try ProcessRunner.run(try #require(ProcessRunner.which("python3")), ["-c", script, sent, back])
        try #require(run.status == 0, "\(run.stderr)")
        let loaded = try WorkbookImporter().read(path: back, displayName: "back.xlsx")
        let target = try #require(sheet.indicators.items[0].targets[1].number)
        let computed = try #require(AchievementRate.percent(actual: 52, target: target.value, direction: sheet.indicators.items[0].direction))
        sheet.indicators.items[0].actuals[1] = .number(PrintedNumber(value: 52, fractionDigits: 0))
        sheet.indicators.items[0].rates[1] = .number(PrintedNumber(value: computed, fractionDigits: 1, percent: true))
        #expect(loaded.sheet == sheet)
        // The totals lost their saved results too (reported as before); the rate is the one computed.
        let rate = loaded.notes.filter { $0.id == "xlsx.rate-recomputed" }
        #expect(rate.map(\.location) == ["back.xlsx '4 まちづくり指標'!H6"])
        #expect(loaded.notes.filter { $0.id != "xlsx.rate-recomputed" }.allSatisfy { $0.id == "xlsx.total-not-saved" })
        #expect(!loaded.notes.contains { $0.id == "xlsx.formula-in-input" })
    }
}
