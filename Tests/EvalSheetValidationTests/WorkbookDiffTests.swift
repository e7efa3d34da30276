import Foundation
import Testing
import EvalSheetModel
import EvalSheetValidation
import EvalSheetWorkbook
import TestSupport

/// An exported workbook edited by a script (openpyxl) in several places: the diff lists exactly
/// those changes, in section order, each with its cell.
@Suite("Diff of an exported workbook and its edited copy")
struct WorkbookDiffTests {
    @Test func severalEdits() throws {
        let dir = RepositoryPaths.temporaryDirectory("diff")
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = dir.appendingPathComponent("511.xlsx").path
        let edited = dir.appendingPathComponent("511-edited.xlsx").path
        try WorkbookExporter(toolVersion: "test").export(RealYear.sheet("511"), to: original)
        let spec: [[String: Any]] = [[
            "src": original, "out": edited,
            "edits": [
                ["1 基本情報", "B8", "山田 太郎"],             // 担当者
                ["3 構成事業", "G5", 2_451],                    // 0102010806 令和元年度決算
                ["4 まちづくり指標", "J4", 36.0],               // ① 目標値 令和4年度 (format 0.0)
                ["5 評価", "B5", "順調"],                       // 総合評価
                ["7 課題", "C5", "新しい取組の説明。"],          // ① 現在の取組状況
            ],
        ]]
        let specURL = dir.appendingPathComponent("spec.json")
        try JSONSerialization.data(withJSONObject: spec).write(to: specURL)
        let script = RepositoryPaths.root.appendingPathComponent("Tests/EvalSheetValidationTests/edit_workbook.py").path
        let r = try ProcessRunner.run("/usr/bin/env", ["python3", script, specURL.path])
        #expect(r.status == 0, "\(r.stderr)")

        let old = try WorkbookImporter().read(path: original, displayName: "511.xlsx")
        let new = try WorkbookImporter().read(path: edited, displayName: "511-edited.xlsx")
        let changes = SheetDiff.diff(old: old, new: new)
        #expect(changes.map(\.location) == [
            "511-edited.xlsx '1 基本情報'!B8",
            "511-edited.xlsx '3 構成事業'!G5",
            "511-edited.xlsx '3 構成事業'!G11",
            "511-edited.xlsx '4 まちづくり指標'!J4",
            "511-edited.xlsx '5 評価'!B5",
            "511-edited.xlsx '7 課題'!C5",
        ])
        #expect(changes.map(\.old) == ["今村 広司", "2,450", "108,114", "35.0", "維持", RealYear.sheet("511").challenges[0].current])
        #expect(changes.map(\.new) == ["山田 太郎", "2,451", "108,115", "36.0", "順調", "新しい取組の説明。"])
        #expect(changes.map(\.section) == [1, 3, 3, 4, 5, 7])
        #expect(SheetDiff.diff(old: old, new: old).isEmpty)
    }
}
