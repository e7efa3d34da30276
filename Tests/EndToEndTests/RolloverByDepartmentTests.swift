import Foundation
import Testing
import EvalSheetModel
import EvalSheetJSON
import TestSupport

/// `rollover --by-department`: one folder per 担当課, named safely whatever the sheet says.
@Suite("evalsheet rollover --by-department (end to end)")
struct RolloverByDepartmentTests {
    /// Every file under `dir`, as relative paths, sorted.
    static func files(under dir: URL) -> [String] {
        (FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String } ?? []).filter { p in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: dir.appendingPathComponent(p).path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    @Test func theRealYearGoesToOneFolderPerSection() throws {
        let dir = RepositoryPaths.temporaryDirectory("by-dept")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try EvalsheetBinary.run(["rollover", "samples/kiyose-2019/kiyose-2019.txt", "--to-year", "2020", "-o", dir.path, "--by-department", "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.files(under: dir) == ["企画課/511.xlsx", "企画課/512.xlsx", "企画課/522.xlsx", "企画課/533.xlsx", "企画課/541.xlsx",
                                           "新庁舎建設室/532.xlsx", "秘書広報課/513.xlsx", "職員課/521.xlsx", "財政課/531.xlsx"])
    }

    @Test func hostileSectionNamesStayInsideAndNeverMerge() throws {
        let dir = RepositoryPaths.temporaryDirectory("by-dept-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in"), out = dir.appendingPathComponent("out")
        #expect(try EvalsheetBinary.run(["import", "samples/kiyose-2019/kiyose-2019.txt", "-o", input.path, "-q"]).status == 0)
        let sections = ["511": "../x", "512": "CON", "513": "課/係\u{1}\u{7F}\u{0}", "521": "課:係", "522": ""]
        for (code, section) in sections {
            let url = input.appendingPathComponent("\(code).json")
            var sheet = try #require(EvaluationSheetJSON.decodeEach(try Data(contentsOf: url), file: code).sheets.first?.sheet)
            sheet.organization.section = section
            try EvaluationSheetJSON.encode(sheet).write(to: url)
        }
        let r = try EvalsheetBinary.run(["rollover", input.path, "--to-year", "2020", "-o", out.path, "--by-department", "--to", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.files(under: out) == ["CON_/512.json", "_x/511.json", "企画課/533.json", "企画課/541.json", "担当課なし/522.json",
                                           "新庁舎建設室/532.json", "課_係 (2)/521.json", "課_係/513.json", "財政課/531.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["in", "out"], "nothing outside the output folder")
        #expect(r.stderr.contains("警告: 担当課「課:係」のフォルダ名が担当課「課/係\\u{1}\\u{7F}\\u{0}」と同じになるため、課_係 (2) に書き出します"))
        #expect(r.stderr.contains("警告: 施策 522 は担当課「」をフォルダ名にできないため、担当課なし に書き出します"))
        // The data is not changed by the folder it is filed in.
        for (code, section) in sections {
            let folder = Self.files(under: out).first { $0.hasSuffix("/\(code).json") }!
            let sheet = try #require(EvaluationSheetJSON.decodeEach(try Data(contentsOf: out.appendingPathComponent(folder)), file: code).sheets.first?.sheet)
            #expect(sheet.organization.section == section)
            #expect(sheet.fiscalYear == 2020)
        }
    }

    @Test func aPolicyCodeTwiceIsAnErrorEvenInTwoFolders() throws {
        let dir = RepositoryPaths.temporaryDirectory("by-dept-twice")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in"), out = dir.appendingPathComponent("out")
        #expect(try EvalsheetBinary.run(["import", "samples/kiyose-2019/511.txt", "-o", input.path, "-q"]).status == 0)
        var sheet = try #require(EvaluationSheetJSON.decodeEach(try Data(contentsOf: input.appendingPathComponent("511.json")), file: "511").sheets.first?.sheet)
        sheet.organization.section = "別の課"
        try EvaluationSheetJSON.encode(sheet).write(to: input.appendingPathComponent("511-copy.json"))
        let r = try EvalsheetBinary.run(["rollover", input.path, "--to-year", "2020", "-o", out.path, "--by-department", "--to", "json"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("施策コード 511 が複数あります"))
        #expect(Self.files(under: out).count == 1)
    }
}
