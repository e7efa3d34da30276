import Foundation
import Testing
import EvalSheetModel
import EvalSheetWorkbook
import TestSupport

/// The default template's text with replacements, written to a temporary file and loaded.
func loadEditedTemplate(_ edits: [(String, String)], _ function: String = #function) throws -> (path: String, error: TemplateError?) {
    var text = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("templates/kiyose-default.json"), encoding: .utf8)
    for (old, new) in edits {
        guard text.components(separatedBy: old).count == 2 else { throw WorkbookDump.DumpError(message: "\(old) is not in the template once") }
        text = text.replacingOccurrences(of: old, with: new)
    }
    let dir = RepositoryPaths.temporaryDirectory("template")
    let path = dir.appendingPathComponent("bad.json").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    do {
        _ = try WorkbookTemplate.load(path: path)
        return (path, nil)
    } catch let error as TemplateError {
        return (path, error)
    }
}

@Suite("The layout template")
struct TemplateTests {
    @Test("a template saved in NFD is the template: one digest, whichever was asked first")
    func digestOfCanonicallyEqualTemplates() throws {
        let file = RepositoryPaths.root.appendingPathComponent("templates/kiyose-default.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        let dir = RepositoryPaths.temporaryDirectory("template-nfd")
        defer { try? FileManager.default.removeItem(at: dir) }
        let nfdPath = dir.appendingPathComponent("nfd.json").path, otherPath = dir.appendingPathComponent("other.json").path
        try text.decomposedStringWithCanonicalMapping.write(toFile: nfdPath, atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: #""name": "kiyose-default""#, with: #""name": "kiyose-other""#)
            .write(toFile: otherPath, atomically: true, encoding: .utf8)
        let nfd = try WorkbookTemplate.load(path: nfdPath), other = try WorkbookTemplate.load(path: otherPath)
        #expect(text.decomposedStringWithCanonicalMapping.utf8.count > text.utf8.count)  // really spelled otherwise
        #expect(nfd == WorkbookTemplate.standard)
        // Each asked right after another template, so neither digest is the other's kept one.
        let otherDigest = other.digest
        let nfdDigest = nfd.digest
        #expect(other.digest == otherDigest)
        #expect(WorkbookTemplate.standard.digest == nfdDigest)
        #expect(otherDigest != nfdDigest)
    }

    @Test("the embedded default is templates/kiyose-default.json (run scripts/embed-template.sh after editing it)")
    func embeddedMatchesFile() throws {
        let file = try WorkbookTemplate.load(path: RepositoryPaths.root.appendingPathComponent("templates/kiyose-default.json").path)
        #expect(file == WorkbookTemplate.standard)
        #expect(WorkbookTemplate.standard.problems() == [])
    }

    @Test func sheetNamesAreUsable() {
        let names = WorkbookTemplate.standard.sheets.all.map(\.name)
        #expect(names == ["1 基本情報", "2 施策の方向", "3 構成事業", "4 まちづくり指標", "5 評価", "6 施策を取り巻く環境", "7 課題"])
        #expect(names.allSatisfy { $0.count <= 31 })
    }

    @Test("a template with a bad sheet name is refused with its file and key")
    func badTemplate() throws {
        let (path, error) = try loadEditedTemplate([("\"name\": \"3 構成事業\"", "\"name\": \"3/構成事業\"")])
        #expect(error?.file == path)
        #expect(error?.pointer == "/sheets/projects/name")
        #expect(error?.message.ja.contains("3/構成事業") == true)
    }

    @Test("every value the writer cannot honour is an error naming its key, all at once, in document order")
    func values() throws {
        let (path, error) = try loadEditedTemplate([
            ("\"size\": 10.5", "\"size\": 0"),
            ("\"labelFill\": \"DDEBF7\"", "\"labelFill\": \"red\""),
            ("\"paper\": \"A4\"", "\"paper\": \"A5\""),
            ("\"footer\": \"&L&9&A&R&9&P / &N ページ\"", "\"footer\": \"&L&G {policy}\""),
            ("\"orientation\": \"landscape\",\n                     \"columnWidths\": [13,", "\"orientation\": \"sideways\",\n                     \"columnWidths\": [13,"),
            ("[20, 12, 12, 12, 14, 12, 10, 14]", "[20, 12, 12, 300, 14, 12, 10, 14]"),
            ("\"future\": \"{year}以降の取組\"", "\"future\": \"今後の取組\""),
            ("\"amount\": \"千円単位の", "\"amount\": \"\(String(repeating: "長", count: 260))千円単位の"),
        ])
        let e = try #require(error)
        #expect(e.problems.map(\.location) == [
            "\(path)#/font/size", "\(path)#/colors/labelFill", "\(path)#/print/paper",
            "\(path)#/print/footer", "\(path)#/print/footer",
            "\(path)#/sheets/basic/columnWidths/3", "\(path)#/sheets/projects/orientation", "\(path)#/labels/future",
            "\(path)#/inputHelp/amount",
        ])
        #expect(e.lines(.ja) == [
            "\(path)#/font/size: 0 は使えません(2.5〜409 ポイント)",
            "\(path)#/colors/labelFill: 色「red」は使えません(RRGGBB の16進6桁、例: DDEBF7)",
            "\(path)#/print/paper: 用紙「A5」は使えません(A4, A3, B4, B5, Letter)",
            "\(path)#/print/footer: 差し込み「{policy}」は使えません(使えるもの: {code} {fiscalYear} {name})",
            "\(path)#/print/footer: 画像の差し込み(&G)は使えません",
            "\(path)#/sheets/basic/columnWidths/3: 300 は使えません(0〜255 文字分)",
            "\(path)#/sheets/projects/orientation: 向き「sideways」は使えません(portrait か landscape)",
            "\(path)#/labels/future: 「{year}」で始め、その後に見出しを続けてください(例: {year}以降の取組)",
            "\(path)#/inputHelp/amount: 長すぎます(299 文字、上限 255 文字)",
        ])
        #expect(e.lines(.en)[2] == "\(path)#/print/paper: the paper \"A5\" is not supported (A4, A3, B4, B5, Letter)")
        #expect(e.lines(.en)[1] == "\(path)#/colors/labelFill: the colour \"red\" is not RRGGBB (six hex digits, e.g. DDEBF7)")
    }

    @Test("unknown, repeated, missing and mistyped keys are errors naming the key (JSONDecoder would ignore or overwrite them)")
    func structure() throws {
        let (path, error) = try loadEditedTemplate([
            ("\"paper\": \"A4\",", "\"paper\": \"A4\", \"paperSize\": 9,"),
            ("\"border\": \"7F7F7F\",", "\"border\": \"7F7F7F\", \"border\": \"000000\","),
            (", \"noteText\": \"595959\"", ""),
            ("\"titleSize\": 14", "\"titleSize\": \"big\""),
        ])
        let e = try #require(error)
        #expect(e.problems.map(\.id) == ["template.type", "template.duplicate-key", "template.missing-key", "template.unknown-key"])
        #expect(e.problems.map(\.location) == ["\(path)#/font/titleSize", "\(path)#/colors/border", "\(path)#/colors/noteText",
                                                "\(path)#/print/paperSize"])
        #expect(e.lines(.ja)[0] == "\(path)#/font/titleSize: 値は数値で書いてください(文字列になっています)")
        #expect(e.lines(.ja)[1] == "\(path)#/colors/border: キー「border」が2回あります(後の値が前の値を黙って置き換えるため使えません)")
        #expect(e.lines(.en)[2] == "\(path)#/colors/noteText: the key \"noteText\" is missing")
        #expect(e.lines(.en)[3].hasPrefix("\(path)#/print/paperSize: the key \"paperSize\" is not a template key (check its spelling; known keys: footer, header, marginsCm, paper)"))
    }

    @Test("every repeated key of a template is reported, each at its pointer, with the file's other problems; a number no double holds is refused")
    func everyRepeatedKey() throws {
        let (path, error) = try loadEditedTemplate([
            ("\"border\": \"7F7F7F\",", "\"border\": \"7F7F7F\", \"border\": \"000000\","),
            ("\"paper\": \"A4\",", "\"paper\": \"A4\", \"paper\": \"A3\","),
            ("\"titleSize\": 14", "\"titleSize\": \"big\""),
        ])
        let e = try #require(error)
        #expect(e.problems.map(\.id) == ["template.type", "template.duplicate-key", "template.duplicate-key"])
        #expect(e.problems.map(\.location) == ["\(path)#/font/titleSize", "\(path)#/colors/border", "\(path)#/print/paper"])

        let (_, huge) = try loadEditedTemplate([("\"titleSize\": 14", "\"titleSize\": 1e400")], "huge")
        #expect(huge?.id == "template.syntax")
        #expect(huge?.message.ja.hasPrefix("JSON として読めません: 数値 1e400 は大きすぎて扱えません(") == true)
    }

    @Test("broken JSON names its line and column (the JSON reader's own message); deep nesting is refused without recursion trouble")
    func syntax() throws {
        let (path, error) = try loadEditedTemplate([("\"version\": 1,", "\"version\": 1")])
        #expect(error?.problems.count == 1)
        #expect(error?.id == "template.syntax")
        #expect(error?.location == path)
        #expect(error?.message.en.hasPrefix("not valid JSON: expected ',' or '}' in an object (line ") == true)
        #expect(error?.message.ja.hasPrefix("JSON として読めません: オブジェクトの「,」か「}」がありません(") == true)

        let dir = RepositoryPaths.temporaryDirectory("deep")
        defer { try? FileManager.default.removeItem(at: dir) }
        let deep = dir.appendingPathComponent("deep.json").path
        try (String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).write(toFile: deep, atomically: true, encoding: .utf8)
        let e = #expect(throws: TemplateError.self) { try WorkbookTemplate.load(path: deep) }
        #expect(e?.message.ja.contains("64 段まで") == true)
    }

    @Test("the exporter refuses a template built in code that it cannot honour, and writes nothing")
    func programmaticTemplate() throws {
        var t = WorkbookTemplate.standard
        t.colors.border = "GGGGGG"
        t.print.paper = "A0"
        let dir = RepositoryPaths.temporaryDirectory("badtemplate")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("511.xlsx").path
        let e = #expect(throws: TemplateError.self) {
            try WorkbookExporter(template: t, toolVersion: "test").export(RealYear.sheet("511"), to: path)
        }
        #expect(e?.problems.map(\.location) == ["テンプレート kiyose-default#/colors/border", "テンプレート kiyose-default#/print/paper"])
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(throws: TemplateError.self) { try YearIndexWriter(template: t).write([], to: dir.appendingPathComponent("index.xlsx").path, overwrite: false) }
    }

    @Test("a long policy name is shortened in the page header (the cell keeps it whole); & and control characters are made harmless")
    func header() throws {
        let dir = RepositoryPaths.temporaryDirectory("header")
        defer { try? FileManager.default.removeItem(at: dir) }
        var s = RealYear.sheet("511")
        s.policy.name = "R&G\n{fiscalYear}" + String(repeating: "長い施策名", count: 100)
        let path = dir.appendingPathComponent("511.xlsx").path
        try WorkbookExporter(toolVersion: "test").export(s, to: path)
        let dump = try #require(try WorkbookDump.load([path])[path])
        let header = try #require(dump.print["1 基本情報"]?.header)
        #expect(header.hasPrefix("施策 511 R＆G {fiscalYear}長い施策名"), "\(header)")
        #expect(header.hasSuffix("…"))
        #expect(dump.names["ES_PolicyName"]?.value == .string(s.policy.name))
        let loaded = try WorkbookImporter().read(path: path)
        #expect(loaded.sheet == s)
    }

    @Test("a reference column label that would read as a money column is refused (last year's budget would become this year's data)",
          arguments: ["{column}", " {column} "])
    func referenceColumnMustNotBeAMoneyColumn(_ label: String) {
        var t = WorkbookTemplate.standard
        t.labels.referenceColumn = label
        #expect(t.problems().map(\.pointer).contains("/labels/referenceColumn"))
        #expect(!WorkbookTemplate.standard.problems().map(\.pointer).contains("/labels/referenceColumn"))
    }

    @Test("more column widths than a form needs (17,000) are refused at the template's key, not blamed on the workbook written")
    func tooManyColumnWidthsAreRefused() {
        var t = WorkbookTemplate.standard
        t.sheets.projects.columnWidths = Array(repeating: 10, count: 17_000)
        let problems = t.problems().filter { $0.pointer == "/sheets/projects/columnWidths" }
        #expect(problems.map(\.message.ja) == ["列幅が多すぎます(17000 列分、上限 256 列分)"])
    }

    @Test("a label of more than 30 combining marks in a row is refused (every cell would be compared with it)")
    func labelWithALongRunOfCombiningMarksIsRefused() {
        var t = WorkbookTemplate.standard
        t.labels.referenceColumn = "前年度" + String(repeating: "\u{301}\u{323}", count: 20)
        let problem = t.problems().first { $0.pointer == "/labels/referenceColumn" }
        #expect(problem?.message.ja == "結合文字が 40 個続いています(30 個まで)")
    }

    @Test("validate keeps the last template's problems, never another template's: good, bad, good, bad again")
    func validateAnswersForEachTemplate() throws {
        var bad = WorkbookTemplate.standard
        bad.labels.referenceColumn = "{column}"
        for _ in 0..<2 {
            try WorkbookTemplate.standard.validate(file: "standard")
            #expect(throws: TemplateError.self) { try bad.validate(file: "bad") }
            do {
                try bad.validate(file: "bad again")
            } catch let error as TemplateError {
                #expect(error.file == "bad again")
                #expect(([error] + error.additional).map(\.pointer).contains("/labels/referenceColumn"))
            }
        }
        // An export with the bad template is refused, one with the standard template is not.
        let s = RealYear.sheet("511")
        let dir = RepositoryPaths.temporaryDirectory("template-memo")
        #expect(throws: TemplateError.self) {
            try WorkbookExporter(template: bad, toolVersion: "test").export(s, to: dir.appendingPathComponent("bad.xlsx").path)
        }
        try WorkbookExporter(toolVersion: "test").export(s, to: dir.appendingPathComponent("good.xlsx").path)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("good.xlsx").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.xlsx").path))
    }
}
