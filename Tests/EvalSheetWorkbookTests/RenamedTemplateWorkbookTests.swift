import Foundation
import Testing
import EvalSheetModel
import EvalSheetWorkbook
import XLSX
import XLSXReader
import TestSupport

/// A template with 評価の向き renamed 指標の向き and §3's sheet renamed: the exported workbook
/// changes exactly there, and import with that template reads it back to the identical model.
@Suite("A renamed label changes the workbook")
struct RenamedTemplateWorkbookTests {
    static let renamed: FormTemplate = {
        var t = FormTemplate.standard
        t.labels.indicatorDirection = "指標の向き"
        t.sheets.projects.name = "3 事業一覧"
        return t
    }()

    /// Every non-empty cell of every sheet, by sheet name, as text.
    static func cells(_ path: String) throws -> [String: [CellReference: String]] {
        let document = try XLSXDocument(path: path)
        var out: [String: [CellReference: String]] = [:]
        for info in document.sheets where info.kind == .worksheet {
            let ws = try document.worksheet(at: info.index)
            var cells: [CellReference: String] = [:]
            for c in ws.cells {
                switch c.value {
                case .string(let s): cells[c.reference] = s
                case .number(_, let raw): cells[c.reference] = raw
                case .empty: continue
                default: cells[c.reference] = "\(c.value)"
                }
            }
            out[info.name] = cells
        }
        return out
    }

    @Test("export: the renamed label and sheet name where the default has theirs, nothing else; import reads it back", arguments: ["512", "531"])
    func renamedWorkbook(_ code: String) throws {
        let dir = RepositoryPaths.temporaryDirectory("renamed-\(code)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sheet = RealYear.sheet(code)
        let standardPath = dir.appendingPathComponent("standard.xlsx").path
        let renamedPath = dir.appendingPathComponent("renamed.xlsx").path
        try WorkbookExporter(toolVersion: "test").export(sheet, to: standardPath)
        try WorkbookExporter(template: Self.renamed, toolVersion: "test").export(sheet, to: renamedPath)

        let standard = try Self.cells(standardPath), renamed = try Self.cells(renamedPath)
        #expect(Set(renamed.keys) == Set(standard.keys).subtracting(["3 構成事業"]).union(["3 事業一覧"]))
        #expect(renamed["3 事業一覧"] == standard["3 構成事業"])
        let indicators = "4 まちづくり指標"
        let changed = standard[indicators]!.filter { renamed[indicators]![$0.key] != $0.value }
        #expect(Set(changed.values) == ["評価の向き"])
        #expect(changed.count == sheet.indicators.items.count)
        #expect(changed.keys.allSatisfy { renamed[indicators]![$0] == "指標の向き" })
        #expect(Set(renamed[indicators]!.keys) == Set(standard[indicators]!.keys))
        for name in standard.keys where name != indicators && name != "3 構成事業" { #expect(renamed[name] == standard[name], "\(name)") }

        // The renamed template reads its workbook back exactly, with nothing to report.
        let again = try WorkbookImporter(template: Self.renamed).read(path: renamedPath, displayName: "renamed.xlsx")
        #expect(again.sheet == sheet)
        #expect(again.notes.isEmpty)
        #expect(again.sourceMap.describe(.project(0, .name)) == "renamed.xlsx '3 事業一覧'!B5")

        // The default template does not read a workbook made with another: it is refused, naming
        // the template it was made with (the digest in its properties), never read with another layout.
        do {
            _ = try WorkbookImporter().read(path: renamedPath, displayName: "renamed.xlsx")
            Issue.record("a workbook of another template was read with the default one")
        } catch {
            #expect(error.problems.map(\.id) == ["xlsx.template-mismatch"])
            #expect(error.lines(.ja).first?.hasPrefix("renamed.xlsx: このブックは別のテンプレート「\(Self.renamed.name)」で作られています") == true)
        }
    }

    /// Rewrites docProps/custom.xml of a workbook: the one match of the regular expression `pattern` replaced.
    static func editCustomProperties(_ path: String, _ pattern: String, _ replacement: String) throws {
        let script = """
        import re, sys, zipfile, shutil
        src, pattern, repl = sys.argv[1], sys.argv[2], sys.argv[3]
        tmp = src + ".tmp"
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "docProps/custom.xml":
                    text, n = re.subn(pattern, repl, data.decode("utf-8"))
                    assert n == 1, n
                    data = text.encode("utf-8")
                zout.writestr(item, data)
        shutil.move(tmp, src)
        """
        let run = try ProcessRunner.run(try #require(ProcessRunner.which("python3")), ["-c", script, path, pattern, replacement])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test("a workbook whose template record was removed, or an older one naming another template, is read with a warning to check the template")
    func templateUnverified() throws {
        let dir = RepositoryPaths.temporaryDirectory("template-unverified")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sheet = RealYear.sheet("531")
        let digest = #"<property [^>]*name="EvalSheetTemplateDigest"><vt:lpwstr>[^<]*</vt:lpwstr></property>"#
        // Made by this tool (which records the digest): the digest removed.
        let removed = dir.appendingPathComponent("removed.xlsx").path
        try WorkbookExporter(toolVersion: "0.2.0").export(sheet, to: removed)
        try Self.editCustomProperties(removed, digest, "")
        let a = try WorkbookImporter().read(path: removed, displayName: "removed.xlsx")
        #expect(a.sheet == sheet)
        #expect(a.notes.map(\.id) == ["xlsx.template-unverified"])
        #expect(a.notes.first?.message.ja.hasPrefix("このブックからは作成時のテンプレートの記録(EvalSheetTemplateDigest)が消されています") == true)
        // Made before digests were recorded: quiet when it names the template reading it, a warning when another.
        let older = dir.appendingPathComponent("older.xlsx").path
        try WorkbookExporter(toolVersion: "0.1.0").export(sheet, to: older)
        try Self.editCustomProperties(older, digest, "")
        #expect(try WorkbookImporter().read(path: older).notes.isEmpty)
        try Self.editCustomProperties(older, #"<vt:lpwstr>kiyose-default</vt:lpwstr>"#, "<vt:lpwstr>another-city</vt:lpwstr>")
        let b = try WorkbookImporter().read(path: older, displayName: "older.xlsx")
        #expect(b.notes.map(\.location) == ["older.xlsx"])
        #expect(b.notes.first?.message.ja.contains("テンプレート名「another-city」も読み込みに使う「kiyose-default」と違います") == true)
        // A hostile name (a line break that would forge a message line, a bidi override) is shown escaped.
        try Self.editCustomProperties(older, #"<vt:lpwstr>another-city</vt:lpwstr>"#, "<vt:lpwstr>x&#10;error: 999.xlsx: FORGED&#x202E;</vt:lpwstr>")
        let forged = try WorkbookImporter().read(path: older, displayName: "older.xlsx")
        let message = try #require(forged.notes.first?.message)
        #expect(!message.ja.contains("\n") && !message.en.contains("\n") && !message.ja.unicodeScalars.contains("\u{202E}"))
        #expect(message.ja.contains("「x\\nerror: 999.xlsx: FORGED\\u{202e}」"), "\(message.ja)")
        // A workbook with the digest is quiet (the digest decides).
        let kept = dir.appendingPathComponent("kept.xlsx").path
        try WorkbookExporter(toolVersion: "0.2.0").export(sheet, to: kept)
        #expect(try WorkbookImporter().read(path: kept).notes.isEmpty)
    }

    @Test("a policy code typed over the one the workbook was exported for is read with a warning at its cell")
    func retypedCode() throws {
        let dir = RepositoryPaths.temporaryDirectory("retyped-code")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("511.xlsx").path
        try WorkbookExporter(toolVersion: "0.2.0").export(RealYear.sheet("511"), to: path)
        let code = try #require(try WorkbookImporter().read(path: path).sourceMap.location(of: .policyCode))
        guard case .cell(let sheetName, let a1) = code else { Issue.record("the code has no cell"); return }
        let script = "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\nwb[sys.argv[2]][sys.argv[3]] = '513'\nwb.save(sys.argv[1])"
        let run = try ProcessRunner.run(try #require(ProcessRunner.which("python3")), ["-c", script, path, sheetName, a1])
        #expect(run.status == 0, "\(run.stderr)")
        let back = try WorkbookImporter().read(path: path, displayName: "511.xlsx")
        #expect(back.sheet.policy.code == "513")
        #expect(back.notes.filter { $0.id == "xlsx.policy-code-changed" }.map(\.location) == ["511.xlsx '\(sheetName)'!\(a1)"])
        #expect(back.notes.first { $0.id == "xlsx.policy-code-changed" }?.message.ja == "施策コードが、このブックを書き出したときの「511」から「513」に変わっています(「513」として読みます)")
    }

    @Test("the template's direction words are the dropdown and what import reads")
    func directionWords() throws {
        var t = FormTemplate.standard
        t.labels.higherIsBetter = "大きいほど良い"
        t.labels.lowerIsBetter = "小さいほど良い"
        #expect(t.problems().isEmpty)
        let dir = RepositoryPaths.temporaryDirectory("direction-words")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sheet = RealYear.sheet("531")
        let path = dir.appendingPathComponent("531.xlsx").path
        try WorkbookExporter(template: t, toolVersion: "test").export(sheet, to: path)
        let texts = Set(try Self.cells(path)["4 まちづくり指標"]!.values)
        #expect(texts.contains("大きいほど良い") && !texts.contains("高いほど良い"))
        let again = try WorkbookImporter(template: t).read(path: path)
        #expect(again.sheet == sheet)
        #expect(again.notes.isEmpty)
        // The default template refuses the words it does not know, at their cells.
        #expect(throws: WorkbookImportError.self) { try WorkbookImporter().read(path: path) }
    }
}
