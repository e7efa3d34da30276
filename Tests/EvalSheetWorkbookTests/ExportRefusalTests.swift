import Foundation
import Testing
import EvalSheetModel
import EvalSheetWorkbook
import XLSXWriter
import TestSupport

/// A small tmpfs for one test (`make test` runs as root); `unmount()` removes it.
struct FullFileSystem {
    let url: URL

    init(kilobytes: Int) throws {
        url = RepositoryPaths.temporaryDirectory("fullfs")
        let r = try ProcessRunner.run("/usr/bin/env", ["mount", "-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", url.path])
        guard r.status == 0 else {
            try? FileManager.default.removeItem(at: url)
            throw WorkbookDump.DumpError(message: "mounting a tmpfs needs root (make test runs as root): \(r.stderr)")
        }
    }

    func unmount() {
        _ = try? ProcessRunner.run("/usr/bin/env", ["umount", url.path])
        try? FileManager.default.removeItem(at: url)
    }
}

@Suite("Export refuses what import refuses, and says which file and which field", .serialized)
struct ExportRefusalTests {
    let exporter = WorkbookExporter(toolVersion: "test")

    func contents(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    @Test("a sheet breaking invariants is not written; every violation is listed with its field, in both languages")
    func invariants() throws {
        let dir = RepositoryPaths.temporaryDirectory("refuse")
        defer { try? FileManager.default.removeItem(at: dir) }
        var s = RealYear.sheet("511")
        s.policy.code = "../x"
        s.projects.rows[0].amounts[0] = Amount.maximum + 1
        s.indicators.items[0].targets[0] = .number(PrintedNumber(value: Decimal(string: "1234567890123456")!, fractionDigits: 0))
        s.evaluation.reason = String(repeating: "理", count: EvaluationSheet.maximumTextLength + 1)
        let path = dir.appendingPathComponent("511.xlsx").path
        let error = #expect(throws: WorkbookExportError.self) { try exporter.export(s, to: path) }
        #expect(contents(dir) == [])
        let e = try #require(error)
        #expect(e.file == path)
        #expect(e.problems.map(\.id) == Array(repeating: "export.invariant", count: 4))
        #expect(e.violations.map(\.path) == [.policyCode, .project(0, .amount(0)), .indicator(0, .target(0)), .ratingReason])
        #expect(e.writeError == nil)
        let code = s.projects.rows[0].code
        #expect(e.lines(.ja) == [
            "\(path): 「1 基本情報」の「施策コード」: 施策コード「../x」は使えません(半角英数字・-・_ の 1〜32 文字で、英数字で始めてください。CON などの Windows の予約名は使えません)",
            "\(path): 「3 構成事業」1行目の事業の「平成30年度決算」: 事業 \(code) の金額が上限 999,999,999,999 千円を超えています",
            "\(path): 「4 まちづくり指標」指標①の「目標値(平成30年度)」: 数値 1234567890123456 は扱えません(有効数字 15 桁、小数点以下 10 桁まで)",
            "\(path): 「5 評価」の「評価理由」: 文字数(32768)が1つのセルに入る上限 32767 文字を超えています",
        ])
        #expect(e.lines(.en) == [
            "\(path): 1 基本情報, \"施策コード\": the policy code \"../x\" is not allowed (1–32 ASCII letters, digits, - or _, starting with a letter or digit; not a Windows device name such as CON)",
            "\(path): 3 構成事業, project row 1, \"平成30年度決算\": project \(code) exceeds the bound of 999,999,999,999 thousand yen",
            "\(path): 4 まちづくり指標, indicator ①, \"目標値(平成30年度)\": the number 1234567890123456 is outside what a cell holds exactly (15 significant digits, 10 decimals)",
            "\(path): 5 評価, \"評価理由\": the text has 32768 characters, more than one cell holds (32767)",
        ])
    }

    @Test("the largest amount import accepts exports, comes back, and is the largest a user may type")
    func largestAmount() throws {
        let dir = RepositoryPaths.temporaryDirectory("maxamount")
        defer { try? FileManager.default.removeItem(at: dir) }
        var s = RealYear.sheet("511")
        for i in s.projects.rows.indices { s.projects.rows[i].amounts[0] = i == 0 ? Amount.maximum : 0 }
        s.projects.totals[0] = s.projects.computedTotals[0]
        let path = dir.appendingPathComponent("511.xlsx").path
        try exporter.export(s, to: path)
        let loaded = try WorkbookImporter().read(path: path, displayName: "511.xlsx")
        #expect(loaded.sheet == s)
        struct Rule: Decodable { var type: String; var formula1: String; var formula2: String?; var error: String? }
        let rules = try python("""
            import json, re, sys, zipfile
            xml = re.sub(r'<dataValidation [^>]*/>', '', zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet3.xml").decode())
            out = []
            for attrs, body in re.findall(r'<dataValidation ([^>]*)>(.*?)</dataValidation>', xml):
                f = re.findall(r'<formula(\\d)>([^<]*)</formula\\d>', body)
                e = re.search(r'error="([^"]*)"', attrs)
                t = re.search(r'type="([^"]*)"', attrs)
                if not f: continue
                out.append({"type": t.group(1) if t else "any", "formula1": f[0][1],
                            "formula2": f[1][1] if len(f) > 1 else None, "error": e.group(1) if e else None})
            print(json.dumps(out))
            """, [path], as: [Rule].self)
        let whole = try #require(rules.first { $0.type == "whole" })
        #expect(whole.formula1 == "0" && whole.formula2 == String(Amount.maximum))
        #expect(whole.error == "0〜999,999,999,999 の整数を入力してください(千円単位)")
    }

    @Test("a value that cannot be written names the output file, the sheet and cell, and the field; nothing is written")
    func cellFailure() throws {
        let dir = RepositoryPaths.temporaryDirectory("cellfail")
        defer { try? FileManager.default.removeItem(at: dir) }
        var s = RealYear.sheet("511")
        s.challenges[0].relatedProjects = (0..<16_400).map { "事業\($0)" }  // more than the sheet's 16,384 columns
        let path = dir.appendingPathComponent("511.xlsx").path
        let error = #expect(throws: WorkbookExportError.self) { try exporter.export(s, to: path) }
        #expect(contents(dir) == [])
        let e = try #require(error)
        #expect(e.problems.count == 1)
        #expect(e.problems.first?.id == "export.cell")
        #expect(e.violations.map(\.path) == [.challenge(0, .relatedProject(16_382))])
        #expect(e.lines(.ja) == ["\(path): 「7 課題」課題①の「関連する事務事業名(16383番目)」 '7 課題'!XFE4: セル(4 行目、16385 列目)がシートの範囲(1,048,576 行 × 16,384 列)の外です"])
        #expect(e.lines(.en) == ["\(path): 7 課題, challenge ①, \"関連する事務事業名 (no. 16383)\" '7 課題'!XFE4: the cell at row 4, column 16385 lies outside the sheet (1,048,576 rows × 16,384 columns)"])
    }

    @Test("an existing file is kept and named")
    func existingFile() throws {
        let dir = RepositoryPaths.temporaryDirectory("exists")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("511.xlsx").path
        try Data("keep".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: WorkbookExportError.self) { try exporter.export(RealYear.sheet("511"), to: path) }
        #expect(error?.writeError == .fileExists(path))
        #expect(error?.lines(.ja) == ["\(path) は既にあります(上書きしませんでした)"])
        #expect(error?.lines(.en) == ["the file \(path) already exists (it was not overwritten)"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("keep".utf8))
        #expect(contents(dir) == ["511.xlsx"])
    }

    @Test("a full disk: the message names the output file and says why; nothing partial is left")
    func fullDisk() throws {
        let fs = try FullFileSystem(kilobytes: 64)
        defer { fs.unmount() }
        var s = RealYear.sheet("511")
        // Text deflate cannot shrink below 64 KB.
        var state: UInt64 = 7
        s.evaluation.reason = String(String.UnicodeScalarView((0..<30_000).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Unicode.Scalar(UInt32(0x4E00 + (state >> 33) % 20_000))!
        }))
        let path = fs.url.appendingPathComponent("511.xlsx").path
        let error = #expect(throws: WorkbookExportError.self) { try exporter.export(s, to: path) }
        let e = try #require(error)
        #expect(e.problems.map(\.id) == ["export.file"])
        #expect(e.lines(.ja) == ["ブック \(path) を書き込めません: ディスクの空き容量が足りません"])
        #expect(e.lines(.en) == ["could not write \(path): No space left on device"])
        #expect(contents(fs.url) == [])
    }

    @Test("the year index never traps on sums: a goal total beyond Int is an error naming the file; nothing is written")
    func indexOverflow() throws {
        let dir = RepositoryPaths.temporaryDirectory("indexoverflow")
        defer { try? FileManager.default.removeItem(at: dir) }
        var a = PolicySummary(RealYear.sheet("511"), errors: 0, warnings: 0, workbook: nil)
        var b = PolicySummary(RealYear.sheet("512"), errors: 0, warnings: 0, workbook: nil)
        a.totals = [Int.max, 0, 0]
        b.totals = [1, 0, 0]
        b.goal = a.goal
        let path = dir.appendingPathComponent("index.xlsx").path
        let e = #expect(throws: WorkbookExportError.self) { try YearIndexWriter().write([a, b], to: path, overwrite: false) }
        #expect(e?.lines(.ja) == ["\(path): '基本目標別': 基本目標 \(a.goal.code) の総事業費の合計が大きすぎて計算できません"])
        #expect(contents(dir) == [])
    }
}
