import Foundation
import Testing
import EvalSheetModel
import EvalSheetJSON
import EvalSheetWorkbook
import EvalSheetValidation
import TestSupport

@Suite("evalsheet export / validate / diff (end to end)")
struct ExportValidateDiffCommandTests {
    @Test("export writes nine workbooks that import back to the models; refuses to overwrite without --force")
    func export() throws {
        let dir = RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try EvalsheetBinary.run(["export", "samples/kiyose-2019/kiyose-2019.txt", "-o", dir.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == RepositoryPaths.policyCodes.map { "\($0).xlsx" })
        for code in RepositoryPaths.policyCodes {
            #expect(try WorkbookImporter().read(path: dir.appendingPathComponent("\(code).xlsx").path).sheet == RealYear.sheet(code))
        }
        let again = try EvalsheetBinary.run(["export", "samples/kiyose-2019/511.txt", "-o", dir.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("511.xlsx は既にあります"))
        #expect(try EvalsheetBinary.run(["export", "samples/kiyose-2019/511.txt", "-o", dir.path, "--force", "-q"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy { !$0.hasPrefix(".") }, "no temporary files left")
    }

    @Test("export of a malformed file writes nothing and names the line")
    func exportMalformed() throws {
        let dir = RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try EvalsheetBinary.run(["export", "Tests/Fixtures/text-malformed/missing-section-4.txt", "-o", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("missing-section-4.txt:31:"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("import reads an .xlsx; an unusable workbook exits 1 naming the cell")
    func importWorkbook() throws {
        let ok = try EvalsheetBinary.run(["import", "Tests/Fixtures/xlsx-resaved/libreoffice/533.xlsx"])
        #expect(ok.status == 0)
        #expect(try EvaluationSheetJSON.decode(Data(ok.stdout.utf8), file: "-") == [RealYear.sheet("533")])
        let bad = try EvalsheetBinary.run(["import", "Tests/Fixtures/xlsx-edited/text-in-amount-cell.xlsx"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("text-in-amount-cell.xlsx '3 構成事業'!G6: 令和元年度決算に数値でない文字が入力されています: \"未定\""))
        #expect(bad.stdout.isEmpty)
    }

    @Test("validate the real year: no errors, the 17 rule warnings and the reader's 3 notes, exit 0; as JSON too")
    func validateRealYear() throws {
        let r = try EvalsheetBinary.run(["validate", "samples/kiyose-2019/kiyose-2019.txt"])
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("エラー 0 件、警告 20 件\n"))
        #expect(r.stdout.contains("kiyose-2019.txt:677: [警告] projects.section-unknown:"))
        #expect(r.stdout.contains("kiyose-2019.txt:531: [警告] text.unplaced-cell: 読み取れない内容を無視しました(9列目): \"28\""))
        let json = try EvalsheetBinary.run(["validate", "samples/kiyose-2019/kiyose-2019.txt", "--format", "json"])
        let findings = try Findings.decodeJSON(Data(json.stdout.utf8))
        #expect(findings.filter { $0.path != nil }.count == 17)
        #expect(findings.filter { $0.path == nil }.map(\.location) == ["samples/kiyose-2019/kiyose-2019.txt:531",
            "samples/kiyose-2019/kiyose-2019.txt:532", "samples/kiyose-2019/kiyose-2019.txt:702"])
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test("validate: errors exit 1; an unreadable input exits 2 while the others are still checked")
    func validateExitCodes() throws {
        let dir = RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOf: RepositoryPaths.sampleYear.appendingPathComponent("511.txt"), encoding: .utf8)
        text = text.replacingOccurrences(of: "95,024\t108,114", with: "95,025\t108,114")
        try text.write(to: dir.appendingPathComponent("511.txt"), atomically: true, encoding: .utf8)
        let errors = try EvalsheetBinary.run(["validate", dir.appendingPathComponent("511.txt").path, "--lang", "en"])
        #expect(errors.status == 1)
        #expect(errors.stdout.contains("511.txt:29: [error] projects.total:"))
        let unusable = try EvalsheetBinary.run(["validate", "samples/kiyose-2019/512.txt", "Tests/Fixtures/text-malformed/empty-file.txt"])
        #expect(unusable.status == 2)
        #expect(unusable.stdout.contains("Tests/Fixtures/text-malformed/empty-file.txt: [エラー] text.empty: ファイルが空です"))
        #expect(!unusable.stdout.contains("問題は見つかりませんでした"))
    }

    @Test("diff of an exported workbook and its edited copy lists exactly the edits, with cells")
    func diff() throws {
        let dir = RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let same = try EvalsheetBinary.run(["diff", "samples/kiyose-2019/511.txt", "Tests/Fixtures/xlsx-resaved/libreoffice/511.xlsx"])
        #expect(same.status == 0)
        #expect(same.stdout == "変更はありません\n")
        let r = try EvalsheetBinary.run(["diff", "Tests/Fixtures/xlsx-resaved/libreoffice/511.xlsx", "Tests/Fixtures/xlsx-edited/changed-amount.xlsx"])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "Tests/Fixtures/xlsx-edited/changed-amount.xlsx '3 構成事業'!F5: 3 構成事業 0102010806 平成30年度決算: 2,450 → 2,460",
            "Tests/Fixtures/xlsx-edited/changed-amount.xlsx '3 構成事業'!F11: 3 構成事業 総事業費 平成30年度決算: 95,024 → 95,034",
            "変更 2 件",
        ])
    }
}
