import Foundation
import Testing
import EvalSheetModel
import EvalSheetCycle
import EvalSheetWorkbook
import EvalSheetValidation
import XLSX
import TestSupport

/// A rolled-over sheet (next year's, with last year's reference) as a workbook: the reference is
/// shown locked beside the blank inputs, is never imported as this year's data, and comes back
/// into `lastYear`, so rollover → export → import is the identity.
@Suite("Rolled-over workbooks")
struct RolledOverWorkbookTests {
    static func rolled(_ code: String) throws -> EvaluationSheet {
        try Rollover.nextYear(of: RealYear.sheet(code), to: 2020)
    }

    /// openpyxl's view of two sheets: each cell's value and whether it is locked, by A1 reference.
    static func openpyxl(_ path: String, sheets: [String]) throws -> [String: [String: OpenpyxlCell]] {
        let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {}
        for name in sys.argv[2:]:
            ws = wb[name]
            out[name] = {c.coordinate: {"value": c.value if c.value is None or isinstance(c.value, (int, float)) else str(c.value),
                                        "locked": bool(c.protection.locked)}
                         for row in ws.iter_rows() for c in row if c.has_style or c.value is not None}
            out[name]["__protected"] = {"value": None, "locked": bool(ws.protection.sheet)}
        print(json.dumps(out))
        """
        let python = try #require(ProcessRunner.which("python3"))
        let result = try ProcessRunner.run(python, ["-c", script, path] + sheets)
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([String: [String: OpenpyxlCell]].self, from: Data(result.stdout.utf8))
    }

    struct OpenpyxlCell: Decodable, Equatable {
        var value: JSONValue?
        var locked: Bool
    }

    @Test("rollover → export → import is identical, with nothing to report (FY2020 and FY2021)", arguments: RepositoryPaths.policyCodes)
    func roundTrip(_ code: String) throws {
        let dir = RepositoryPaths.temporaryDirectory("rolled-\(code)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fy2020 = try Self.rolled(code)
        let fy2021 = try Rollover.nextYear(of: fy2020, to: 2021)
        for (year, sheet) in [(2020, fy2020), (2021, fy2021)] {
            let path = dir.appendingPathComponent("\(year).xlsx").path
            try WorkbookExporter(toolVersion: "test").export(sheet, to: path)
            let loaded = try WorkbookImporter().read(path: path, displayName: "\(code).xlsx")
            #expect(loaded.sheet == sheet, "\(code) FY\(year)")
            #expect(loaded.sheet.lastYear == sheet.lastYear)
            #expect(loaded.notes.isEmpty, "\(loaded.notes)")
            #expect(loaded.sourceMap.describe(.lastYearRating) == "\(code).xlsx '5 評価'!B11")
        }
        // A sheet that was not rolled over shows no reference and reads back without one.
        let plain = try WorkbookImporter().read(path: ExportedYear.path(code))
        #expect(plain.sheet.lastYear == nil)
    }

    @Test("the reference typed over (protection removed in openpyxl) is read, each change said by diff at its cell; a value typed in the reference column's total row is named")
    func referenceTypedOver() throws {
        let dir = RepositoryPaths.temporaryDirectory("rolled-typed-over")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sent = dir.appendingPathComponent("sent.xlsx").path, back = dir.appendingPathComponent("back.xlsx").path
        try WorkbookExporter(toolVersion: "test").export(try Self.rolled("511"), to: sent)
        let script = """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb['3 構成事業']; ws.protection.sheet = False; ws['H5'] = 9999; ws['H11'] = 123
        ws = wb['5 評価']; ws.protection.sheet = False; ws['B12'] = '書き換えた理由'
        wb.save(sys.argv[2])
        """
        let python = try #require(ProcessRunner.which("python3"))
        let edit = try ProcessRunner.run(python, ["-c", script, sent, back])
        try #require(edit.status == 0, "\(edit.stderr)")
        let old = try WorkbookImporter().read(path: sent, displayName: "sent.xlsx")
        let new = try WorkbookImporter().read(path: back, displayName: "back.xlsx")
        #expect(new.sheet.lastYear?.budgetAmounts[0].amount == 9_999)
        #expect(new.sheet.lastYear?.reason == "書き換えた理由")
        // (openpyxl drops the totals' saved results: xlsx.total-not-saved, as for any openpyxl save)
        #expect(new.notes.filter { $0.id != "xlsx.total-not-saved" }.map { "\($0.id) \($0.location)" } == ["xlsx.unread-cell back.xlsx '3 構成事業'!H11"])
        let changes = SheetDiff.diff(old: old, new: new)
        #expect(changes.map { new.sourceMap.describe($0.path) } == ["back.xlsx '3 構成事業'!H5", "back.xlsx '5 評価'!B12"])
        #expect(changes.first?.new == "9,999")
    }

    @Test("openpyxl sees last year's budget, rating and reason locked beside blank unlocked inputs", arguments: ["511", "533"])
    func referenceCells(_ code: String) throws {
        let dir = RepositoryPaths.temporaryDirectory("rolled-cells-\(code)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = RealYear.sheet(code), new = try Self.rolled(code)
        let path = dir.appendingPathComponent("\(code).xlsx").path
        try WorkbookExporter(toolVersion: "test").export(new, to: path)
        let cells = try Self.openpyxl(path, sheets: ["3 構成事業", "5 評価"])
        let projects = try #require(cells["3 構成事業"]), evaluation = try #require(cells["5 評価"])
        #expect(projects["__protected"]?.locked == true && evaluation["__protected"]?.locked == true)
        #expect(["F4", "G4", "H4", "I4"].map { projects[$0]?.value } == ["令和元年度決算", "令和2年度決算", "(参考)令和2年度予算", "令和3年度予算"].map { .string($0) })
        for (i, row) in old.projects.rows.enumerated() {
            let r = 5 + i
            #expect(projects["F\(r)"] == OpenpyxlCell(value: row.amounts[1].map { .number(Double($0)) }, locked: false), "carried 決算 \(r)")
            #expect(projects["G\(r)"] == OpenpyxlCell(value: nil, locked: false), "blank new 決算 \(r)")
            #expect(projects["H\(r)"] == OpenpyxlCell(value: row.amounts[2].map { .number(Double($0)) }, locked: true), "reference \(r)")
            #expect(projects["I\(r)"] == OpenpyxlCell(value: nil, locked: false), "blank new 予算 \(r)")
        }
        #expect(evaluation["B5"] == OpenpyxlCell(value: nil, locked: false))
        #expect(evaluation["C4"] == OpenpyxlCell(value: nil, locked: false))
        #expect(evaluation["A11"] == OpenpyxlCell(value: .string("(参考)令和元年度の総合評価"), locked: true))
        #expect(evaluation["B11"] == OpenpyxlCell(value: .string(old.evaluation.rating.rawValue), locked: true))
        #expect(evaluation["A12"] == OpenpyxlCell(value: .string("(参考)令和元年度の評価理由"), locked: true))
        #expect(evaluation["B12"] == OpenpyxlCell(value: .string(old.evaluation.reason), locked: true))
    }

    @Test("a reference that does not follow the project rows is refused naming its field, nothing written")
    func mismatchedReference() throws {
        let dir = RepositoryPaths.temporaryDirectory("rolled-mismatch")
        defer { try? FileManager.default.removeItem(at: dir) }
        var sheet = try Self.rolled("511")
        sheet.lastYear!.budgetAmounts.removeFirst()
        let path = dir.appendingPathComponent("511.xlsx").path
        let e = #expect(throws: WorkbookExportError.self) { try WorkbookExporter(toolVersion: "test").export(sheet, to: path) }
        #expect(e?.problems.map(\.id) == ["export.last-year"])
        #expect(e?.problems.first?.path == .lastYearBudget(0))
        #expect(e?.problems.first?.message.ja.hasPrefix("「(参考)令和2年度予算」の事業が構成事業の行と対応していません(1番目)") == true)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
