import Foundation
import Testing
import EvalSheetModel
import EvalSheetValidation
import TestSupport

/// The defects an adversarial pass over the hardening found (D1–D13, reproduced by
/// `Tests/Fixtures/attack/repro.sh` with the fixtures `make_attack_fixtures.py` writes), each run
/// through the built tool: the message at its place, the exit status, and what was (not) written.
@Suite("What the attack on the hardening found stays fixed (end to end)")
struct AttackRegressionTests {
    static let attack = "Tests/Fixtures/attack/"

    private func run(_ args: [String]) throws -> ProcessResult { try EvalsheetBinary.run(args) }

    private func files(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    @Test("D1: a policy coded findings or index cannot take the year's own outputs, even with --force")
    func policyCodesNamedLikeTheYearOutputs() throws {
        let dir = RepositoryPaths.temporaryDirectory("d1")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (fixture, name, to) in [("policy-code-named-findings", "findings.json", "json"), ("policy-code-named-index", "index.xlsx", "xlsx")] {
            let out = dir.appendingPathComponent(fixture)
            let r = try run(["batch", Self.attack + fixture + ".txt", "-o", out.path, "--to", to, "--force", "-q"])
            #expect(r.status == 1)
            #expect(r.stderr.contains("の出力 \(name) は年度の一覧に使う名前のため書き出せません"), "\(r.stderr)")
            #expect(files(out) == ["findings.json", "index.xlsx"])
            // What stands there is the year's own output, not the policy.
            let findings = try Findings.decodeJSON(Data(contentsOf: out.appendingPathComponent("findings.json")))
            #expect(findings.map(\.ruleID) == ["output.not-written", "policy.code-prefix"])
            #expect(findings.allSatisfy { $0.severity == .error && $0.policy == fixture.replacingOccurrences(of: "policy-code-named-", with: "") })
            let asSheet = try run(["import", out.appendingPathComponent("index.xlsx").path, "-o", dir.appendingPathComponent("x").path])
            #expect(asSheet.stderr.contains("batch が書いた年度の一覧(index.xlsx)のため、施策のシートとしては読みません"))
            #expect(files(dir.appendingPathComponent("x")).isEmpty)
        }
    }

    @Test("D2, D3, D10: a cell with two values, money shown as a date, a number that is no number — an error at F5 in Japanese, nothing written",
          arguments: [("money-cell-two-values", "1つのセルに値が2つあります"),
                      ("money-cell-date-format", "平成30年度決算は日付や時刻として入力されています(千円の整数で入力してください): 43466"),
                      ("numeric-cell-not-a-number", "セルの値が不正です: \"0x10\"")])
    func cellsThatDoNotHoldOneAmount(_ fixture: String, _ message: String) throws {
        let out = RepositoryPaths.temporaryDirectory("d2")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try run(["import", Self.attack + fixture + ".xlsx", "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("エラー: \(Self.attack)\(fixture).xlsx '3 構成事業'!F5: \(message)"), "\(r.stderr)")
        #expect(files(out).isEmpty)
        #expect(r.stderr.range(of: "[A-Za-z]{4,} [a-z]{3,}", options: .regularExpression) == nil, "English inside Japanese: \(r.stderr)")
    }

    @Test("D4: a year header named twice is an error at its line; validate exits 1")
    func repeatedIndicatorYear() throws {
        let r = try run(["validate", Self.attack + "indicator-year-header-repeated.txt"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("\(Self.attack)indicator-year-header-repeated.txt:33: [エラー] indicators.years: まちづくり指標の年度見出しで令和4年度が2回あります(4番目と5番目)"), "\(r.stdout)")
        #expect(!r.stdout.contains("問題は見つかりませんでした"))
    }

    @Test("D5: a blank 単位 label is a warning at its line, and the value is kept where it was read")
    func blankUnitLabel() throws {
        let out = RepositoryPaths.temporaryDirectory("d5")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try run(["import", Self.attack + "indicator-unit-label-blank.txt", "-o", out.path])
        #expect(r.status == 0)
        #expect(r.stderr.contains("\(Self.attack)indicator-unit-label-blank.txt:35: 警告: 「説明」の行に「単位」の見出しがないため、「%」を説明として読みました"), "\(r.stderr)")
        let v = try run(["validate", Self.attack + "indicator-unit-label-blank.txt"])
        #expect(v.stdout.contains(":35: [警告] text.unit-label-missing"))
    }

    @Test("D6: --to text refuses a TAB, a line break or outer spaces, naming the field; nothing written",
          arguments: ["text-with-tab", "text-with-newline", "text-with-outer-spaces"])
    func textFormCannotCarry(_ fixture: String) throws {
        let out = RepositoryPaths.temporaryDirectory("d6")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try run(["import", Self.attack + fixture + ".json", "--to", "text", "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("エラー: \(Self.attack)\(fixture).json#/evaluation/reason: テキスト形式ではタブ・改行・前後の空白を表せないため"), "\(r.stderr)")
        #expect(files(out).isEmpty)
        // The same value goes to JSON whole.
        let json = try run(["import", Self.attack + fixture + ".json"])
        #expect(json.status == 0)
    }

    @Test("D7: a number printed otherwise (-0, 001) is read, and the reading is said at its line",
          arguments: [("indicator-target-minus-zero", "-0", "0"), ("indicator-target-leading-zeros", "001", "1")])
    func numbersPrintedOtherwise(_ fixture: String, _ typed: String, _ read: String) throws {
        let r = try run(["import", Self.attack + fixture + ".txt"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("\(Self.attack)\(fixture).txt:34: 警告: 目標値の「\(typed)」(8列目)を「\(read)」として読みました"), "\(r.stderr)")
        let sheet = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let items = (sheet?["indicators"] as? [String: Any])?["items"] as? [[String: Any]]
        #expect((items?.first?["targets"] as? [String])?[2] == read)
    }

    @Test("D8: a policy on one side of a diff only is a change, exit 1")
    func diffWithAPolicyOnOneSide() throws {
        let dir = RepositoryPaths.temporaryDirectory("d8")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (a, b) = (dir.appendingPathComponent("a"), dir.appendingPathComponent("b"))
        #expect(try run(["import", "samples/kiyose-2019/511.txt", "samples/kiyose-2019/512.txt", "-o", a.path, "-q"]).status == 0)
        #expect(try run(["import", "samples/kiyose-2019/511.txt", "-o", b.path, "-q"]).status == 0)
        let r = try run(["diff", a.path, b.path])
        #expect(r.status == 1)
        #expect((r.stdout + r.stderr).contains("施策 512 が \(b.path) にありません(削除)"))
        #expect(!r.stdout.contains("変更はありません"))
    }

    @Test("D9: a batch's output folder validates: its index and findings are passed over with a word, not read as sheets")
    func batchOutputFolderAsInput() throws {
        let out = RepositoryPaths.temporaryDirectory("d9")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try run(["batch", "samples/kiyose-2019/kiyose-2019.txt", "-o", out.path, "-q"]).status == 0)
        let r = try run(["validate", out.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("findings.json: [警告] input.year-output: 検証の指摘の一覧(findings.json)のため、施策のシートとしては読みません"))
        #expect(r.stdout.contains("index.xlsx: [警告] input.year-output: batch が書いた年度の一覧(index.xlsx)のため、施策のシートとしては読みません"))
        #expect(!r.stdout.contains("[エラー]"))
        // The total names how many files were checked, not only those with findings.
        #expect(r.stdout.contains("合計(11 ファイルを検証、8 ファイルに指摘)"), "\(r.stdout.suffix(200))")
    }

    @Test("D11: an empty folder is nothing to read (exit 2); what a folder holds besides sheets is named")
    func foldersSayWhatTheyPassOver() throws {
        let dir = RepositoryPaths.temporaryDirectory("d11")
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty"), mixed = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: mixed.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: RepositoryPaths.root.appendingPathComponent("samples/kiyose-2019/511.txt").path,
                                         toPath: mixed.appendingPathComponent("511.txt").path)
        try Data("x".utf8).write(to: mixed.appendingPathComponent("513.xls"))
        try FileManager.default.createDirectory(at: mixed.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: mixed.appendingPathComponent(".古い版"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: mixed.appendingPathComponent(".古い版/512.xlsx"))
        let none = try run(["validate", empty.path])
        #expect(none.status == 2)
        #expect(none.stdout.contains("[エラー] input.nothing: 読み込むファイルがありません"))
        let r = try run(["validate", mixed.path])
        #expect(r.stdout.contains("フォルダの中のフォルダは読みません"))
        #expect(r.stdout.contains("対応していない形式のため読み飛ばしました(.txt / .json / .xlsx)"))
        // A hidden folder of sheets is named (another program's, without sheets, is not).
        #expect(r.stdout.contains("\(mixed.appendingPathComponent(".古い版").path): [警告] input.passed-over: 隠しフォルダのため、中のシート(1 件)を読みません"), "\(r.stdout)")
        #expect(!r.stdout.contains(".git"))
        #expect(!r.stdout.contains("問題は見つかりませんでした"))
    }

    @Test("D13: a workbook made with another template is refused by an import with the default one, and read with its own")
    func workbookMadeWithAnotherTemplate() throws {
        let dir = RepositoryPaths.temporaryDirectory("d13")
        defer { try? FileManager.default.removeItem(at: dir) }
        var template = try JSONSerialization.jsonObject(
            with: Data(contentsOf: RepositoryPaths.root.appendingPathComponent("templates/kiyose-default.json"))) as! [String: Any]
        template["endMarker"] = "以上"
        let tpl = dir.appendingPathComponent("tpl.json")
        try JSONSerialization.data(withJSONObject: template).write(to: tpl)
        let out = dir.appendingPathComponent("x")
        #expect(try run(["export", "samples/kiyose-2019/511.txt", "--template", tpl.path, "-o", out.path, "-q"]).status == 0)
        let book = out.appendingPathComponent("511.xlsx").path
        let wrong = try run(["import", book, "-o", dir.appendingPathComponent("j").path])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("511.xlsx: このブックは別のテンプレート「kiyose-default」で作られています"), "\(wrong.stderr)")
        #expect(wrong.stderr.contains("書き出しに使ったテンプレートを --template で指定してください"))
        #expect(files(dir.appendingPathComponent("j")).isEmpty)
        let right = try run(["import", book, "--template", tpl.path])
        #expect(right.status == 0)
        let sheet = try JSONSerialization.jsonObject(with: Data(right.stdout.utf8)) as? [String: Any]
        #expect((sheet?["environment"] as? [Any])?.count == RealYear.sheet("511").environment.count)
    }

    @Test("status -o FILE --force never replaces a sheet sent or returned; an earlier status workbook it does replace")
    func statusNeverOverwritesAnInput() throws {
        let dir = RepositoryPaths.temporaryDirectory("status-force")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (sent, back) = (dir.appendingPathComponent("sent"), dir.appendingPathComponent("back"))
        #expect(try run(["rollover", "samples/kiyose-2019/511.txt", "--to-year", "2020", "-o", sent.path, "-q"]).status == 0)
        try FileManager.default.copyItem(at: sent, to: back)
        let returned = back.appendingPathComponent("511.xlsx")
        let before = try Data(contentsOf: returned)
        let r = try run(["status", sent.path, back.path, "-o", returned.path, "--force"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("は回収状況のブックではないため、--force でも上書きしません"), "\(r.stderr)")
        #expect(try Data(contentsOf: returned) == before)
        let status = dir.appendingPathComponent("status.xlsx").path
        _ = try run(["status", sent.path, back.path, "-o", status, "-q"])
        let again = try run(["status", sent.path, back.path, "-o", status, "--force"])
        #expect(!again.stderr.contains("上書きしません"), "\(again.stderr)")
    }

    @Test("rollover --by-department never writes through a department folder that is a symbolic link")
    func departmentFolderSymlink() throws {
        let dir = RepositoryPaths.temporaryDirectory("dept-symlink")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (out, outside) = (dir.appendingPathComponent("out"), dir.appendingPathComponent("outside"))
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("企画課"), withDestinationURL: outside)
        let r = try run(["rollover", "samples/kiyose-2019/511.txt", "--to-year", "2020", "-o", out.path, "--by-department"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("はシンボリックリンクのため書き出しません"), "\(r.stderr)")
        #expect(files(outside).isEmpty)
    }

    @Test("status names a hidden returned sheet instead of passing over it without a word")
    func statusNamesAHiddenReturnedSheet() throws {
        let dir = RepositoryPaths.temporaryDirectory("status-hidden")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (sent, back) = (dir.appendingPathComponent("sent"), dir.appendingPathComponent("back"))
        #expect(try run(["rollover", "samples/kiyose-2019/511.txt", "--to-year", "2020", "-o", sent.path, "-q"]).status == 0)
        try FileManager.default.createDirectory(at: back, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: sent.appendingPathComponent("511.xlsx"), to: back.appendingPathComponent(".511.xlsx"))
        let r = try run(["status", sent.path, back.path])
        #expect(r.status == 1)
        #expect((r.stdout + r.stderr).contains(".511.xlsx"), "\(r.stdout)\n\(r.stderr)")
        #expect(r.stderr.contains("隠しファイルのため読みません"), "\(r.stderr)")
    }

    @Test("a file name with a newline or an escape sequence cannot forge a line of a report or drive the terminal")
    func fileNamesCannotForgeReportLines() throws {
        let dir = RepositoryPaths.temporaryDirectory("forged-lines")
        defer { try? FileManager.default.removeItem(at: dir) }
        let name = "bad\n511.txt:3: [エラー] fake\u{1B}[31m.txt"
        let text = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("samples/kiyose-2019/511.txt"), encoding: .utf8)
        try text.replacingOccurrences(of: "\n担当者\t", with: "\n担当者X\t").write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        for args in [["validate", dir.path], ["import", dir.path, "-o", dir.appendingPathComponent("out").path],
                     ["batch", dir.path, "-o", dir.appendingPathComponent("year").path, "--no-validate"]] {
            let r = try run(args)
            let lines = (r.stdout + r.stderr).split(separator: "\n")
            #expect(!lines.contains { $0.hasPrefix("511.txt:3") || $0.contains("\u{1B}") }, "\(args[0]): \(r.stdout)\(r.stderr)")
            #expect((r.stdout + r.stderr).contains("bad\\n511.txt:3: [エラー] fake\\u{1b}[31m.txt"), "\(args[0]): \(r.stdout)\(r.stderr)")
        }
    }
}
