import Foundation
import Testing
import EvalSheetModel
import EvalSheetValidation
import EvalSheetWorkbook
import TestSupport

/// The workbook half of "each rule fires once where the real data is broken once": the real
/// policies are exported, one cell is edited with openpyxl as a department would, the workbook is
/// imported, and the rule fires exactly once at that cell (`Sheet!Cell`).
struct WorkbookBreak: Sendable, CustomTestStringConvertible {
    var rule: String
    var policy: String
    /// Edits: (sheet, cell, value); nil clears the cell.
    var edits: [(String, String, JSONScalar?)]
    /// Where the finding must be, as `Sheet!Cell`.
    var at: String
    /// Other policy workbooks validated together (for the rules across policies).
    var alongside: [String] = []
    var testDescription: String { rule }

    enum JSONScalar: Sendable { case s(String), n(Double) }

    static let all: [WorkbookBreak] = [
        .init(rule: "indicators.rate", policy: "512", edits: [("4 まちづくり指標", "G6", .n(0.95))], at: "'4 まちづくり指標'!G6"),
        .init(rule: "indicators.rate-presence", policy: "511", edits: [("4 まちづくり指標", "G6", .n(0.5))], at: "'4 まちづくり指標'!G6"),
        .init(rule: "evaluation.rating", policy: "511", edits: [("5 評価", "B5", .s("好調"))], at: "'5 評価'!B5"),
        .init(rule: "environment.assessment", policy: "511", edits: [("6 施策を取り巻く環境", "C4", .s("4. 施策遂行に役立つ・有利"))], at: "'6 施策を取り巻く環境'!C4"),
        .init(rule: "environment.category", policy: "511", edits: [("6 施策を取り巻く環境", "A4", .s("市民の声"))], at: "'6 施策を取り巻く環境'!A4"),
        .init(rule: "projects.code-format", policy: "511", edits: [("3 構成事業", "A5", .s("010201080"))], at: "'3 構成事業'!A5"),
        .init(rule: "projects.code-unique", policy: "511", edits: [("3 構成事業", "A6", .s("0102010806"))], at: "'3 構成事業'!A6"),
        .init(rule: "policy.code-prefix", policy: "511", edits: [("1 基本情報", "B4", .s("611"))], at: "'1 基本情報'!B4"),
        .init(rule: "projects.direction-undeclared", policy: "511", edits: [("3 構成事業", "D5", .s("3"))], at: "'3 構成事業'!D5"),
        .init(rule: "directions.unused", policy: "511", edits: [("3 構成事業", "D6", .s("2"))], at: "'2 施策の方向'!B4"),
        .init(rule: "projects.section-unknown", policy: "511", edits: [("3 構成事業", "E5", .s("未来課"))], at: "'3 構成事業'!E5"),
        .init(rule: "indicators.short-target-row", policy: "511", edits: [("4 まちづくり指標", "K4", nil)], at: "'4 まちづくり指標'!K4"),
        .init(rule: "indicators.footnote", policy: "511", edits: [("4 まちづくり指標", "A11", nil)], at: "'4 まちづくり指標'!H5"),
        .init(rule: "sheet.numbering", policy: "511", edits: [("4 まちづくり指標", "A7", .s("③"))], at: "'4 まちづくり指標'!A7"),
        .init(rule: "challenges.related-project-unknown", policy: "511", edits: [("7 課題", "C4", .s("存在しない事業"))], at: "'7 課題'!C4"),
        .init(rule: "year.project-mismatch", policy: "512", edits: [("3 構成事業", "H5", .n(6604))], at: "'3 構成事業'!H5", alongside: ["511"]),
        .init(rule: "year.execution-plan-mismatch", policy: "512", edits: [("3 構成事業", "C5", nil)], at: "'3 構成事業'!C5", alongside: ["511"]),
        .init(rule: "year.policy-duplicate", policy: "512", edits: [("1 基本情報", "B4", .s("511"))], at: "'1 基本情報'!B4", alongside: ["511"]),
    ]
}

@Suite("Each rule fires once where an exported workbook is edited once", .serialized)
struct WorkbookRuleBreakTests {
    /// All broken workbooks, made by one openpyxl run.
    static let made: Result<URL, any Error> = Result {
        let dir = RepositoryPaths.temporaryDirectory("rule-breaks")
        let exporter = WorkbookExporter(toolVersion: "test")
        for code in ["511", "512"] {
            try exporter.export(RealYear.sheet(code), to: dir.appendingPathComponent("\(code).xlsx").path)
        }
        let spec: [[String: Any]] = WorkbookBreak.all.map { b in
            ["src": dir.appendingPathComponent("\(b.policy).xlsx").path,
             "out": dir.appendingPathComponent("\(b.rule).xlsx").path,
             "edits": b.edits.map { sheet, cell, value -> [Any] in
                 switch value {
                 case .s(let s)?: [sheet, cell, s]
                 case .n(let n)?: [sheet, cell, n]
                 case nil: [sheet, cell, NSNull()]
                 }
             }]
        }
        let specURL = dir.appendingPathComponent("spec.json")
        try JSONSerialization.data(withJSONObject: spec).write(to: specURL)
        let script = RepositoryPaths.root.appendingPathComponent("Tests/EvalSheetValidationTests/edit_workbook.py").path
        let r = try ProcessRunner.run("/usr/bin/env", ["python3", script, specURL.path])
        guard r.status == 0 else { throw WorkbookDump.DumpError(message: "edit_workbook.py failed (openpyxl installed? run `make test`): \(r.stderr)") }
        return dir
    }

    @Test("one finding at the edited cell", arguments: WorkbookBreak.all)
    func breaks(_ b: WorkbookBreak) throws {
        let dir = try Self.made.get()
        let importer = WorkbookImporter()
        var sheets = try b.alongside.map { try importer.read(path: dir.appendingPathComponent("\($0).xlsx").path, displayName: "\($0).xlsx") }
        sheets.append(try importer.read(path: dir.appendingPathComponent("\(b.rule).xlsx").path, displayName: "edited.xlsx"))
        let hits = Validator.validate(sheets).filter { $0.ruleID == b.rule }
        #expect(hits.count == 1, "\(hits.map(\.location))")
        #expect(hits.first?.location == "edited.xlsx \(b.at)")
    }

    @Test("the unedited exports have no error, and only the real data's warnings")
    func baseline() throws {
        let dir = try Self.made.get()
        let sheets = try ["511", "512"].map { try WorkbookImporter().read(path: dir.appendingPathComponent("\($0).xlsx").path) }
        #expect(!Findings.hasErrors(Validator.validate(sheets)))
    }

    @Test("a stale saved total is reported by the import at its cell (totals are recomputed, so projects.total cannot fire)")
    func staleTotal() throws {
        let dir = try Self.made.get()
        // openpyxl dropped every cached result in the edited workbooks: reported, never read as 0.
        let loaded = try WorkbookImporter().read(path: dir.appendingPathComponent("evaluation.rating.xlsx").path, displayName: "e.xlsx")
        #expect(loaded.notes.map(\.location) == ["e.xlsx '3 構成事業'!F11", "e.xlsx '3 構成事業'!G11", "e.xlsx '3 構成事業'!H11"])
        #expect(loaded.sheet.projects.totals == [95_024, 108_114, 185_074])
        #expect(Validator.validate([loaded]).filter { $0.ruleID == "projects.total" }.isEmpty)
    }
}
