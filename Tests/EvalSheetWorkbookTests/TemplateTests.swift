import Foundation
import Testing
import EvalSheetWorkbook
import TestSupport

@Suite("The layout template")
struct TemplateTests {
    @Test("the embedded default is templates/kiyose-default.json (run scripts/embed-template.sh after editing it)")
    func embeddedMatchesFile() throws {
        let file = try WorkbookTemplate.load(path: RepositoryPaths.root.appendingPathComponent("templates/kiyose-default.json").path)
        #expect(file == WorkbookTemplate.standard)
    }

    @Test func sheetNamesAreUsable() {
        let names = WorkbookTemplate.standard.sheets.all.map(\.name)
        #expect(names == ["1 基本情報", "2 施策の方向", "3 構成事業", "4 まちづくり指標", "5 評価", "6 施策を取り巻く環境", "7 課題"])
        #expect(names.allSatisfy { $0.count <= 31 })
    }

    @Test("a template with a bad sheet name is refused with its file")
    func badTemplate() throws {
        let dir = RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("templates/kiyose-default.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"name\": \"3 構成事業\"", with: "\"name\": \"3/構成事業\"")
        let path = dir.appendingPathComponent("bad.json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: TemplateError.self) { try WorkbookTemplate.load(path: path) }
        #expect(error?.file == path)
        #expect(error?.message.ja.contains("3/構成事業") == true)
    }
}
