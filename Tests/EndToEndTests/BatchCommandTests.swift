import Foundation
import Testing
import EvalSheetModel
import EvalSheetJSON
import EvalSheetValidation
import EvalSheetWorkbook
import TestSupport
@testable import EvalSheetCLI

/// `evalsheet batch` over the nine real policies plus two broken files.
@Suite("evalsheet batch (end to end)", .serialized)
struct BatchCommandTests {
    /// samples/kiyose-2019/5xx.txt + a malformed text file + an unusable workbook.
    static func inputDirectory() throws -> URL {
        let dir = RepositoryPaths.temporaryDirectory("batch-in")
        for code in RepositoryPaths.policyCodes {
            try FileManager.default.copyItem(at: RepositoryPaths.sampleYear.appendingPathComponent("\(code).txt"),
                                             to: dir.appendingPathComponent("\(code).txt"))
        }
        try FileManager.default.copyItem(at: RepositoryPaths.fixtures.appendingPathComponent("text-malformed/amount-not-a-number.txt"),
                                         to: dir.appendingPathComponent("broken-amount.txt"))
        try FileManager.default.copyItem(at: RepositoryPaths.fixtures.appendingPathComponent("xlsx-domain/negative-amount.xlsx"),
                                         to: dir.appendingPathComponent("broken-negative.xlsx"))
        return dir
    }

    @Test("nine converted, two reported with their places, exit 1, no partial files, index of nine")
    func nineGoodTwoBroken() throws {
        let input = try Self.inputDirectory(), out = RepositoryPaths.temporaryDirectory("batch-out")
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: out) }
        let r = try EvalsheetBinary.run(["batch", input.path, "-o", out.path, "--jobs", "2"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("broken-amount.txt:25: 金額が 0 以上の整数ではありません"))
        #expect(r.stderr.contains("broken-negative.xlsx '3 構成事業'!F5: "))
        #expect(r.stderr.contains("変換 9 件、スキップ(既存) 0 件、失敗 2 件"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == RepositoryPaths.policyCodes.map { "\($0).xlsx" } + ["findings.json", "index.xlsx"])
        // Progress, one line per file when not on a terminal.
        let progress = r.stderr.split(separator: "\n").filter { $0.hasPrefix("[") }
        #expect(progress.count == 11)
        #expect(progress.filter { $0.contains("] 失敗 ") }.count == 2)
        #expect(progress.allSatisfy { $0.range(of: #"^\[ ?\d+/11\] (OK  |失敗) "#, options: .regularExpression) != nil })
        // The year's findings: the real data's 17 rule warnings (all nine policies were validated
        // together), the reader's 3 notes, and the two unreadable files as errors at their places.
        let findings = try Findings.decodeJSON(Data(contentsOf: out.appendingPathComponent("findings.json")))
        #expect(findings.filter { $0.path != nil }.count == 17)
        #expect(findings.filter { $0.path != nil }.allSatisfy { $0.severity == .warning })
        let name = { (f: Finding) in f.location.replacingOccurrences(of: input.path + "/", with: "") }
        #expect(findings.filter { $0.path == nil && $0.severity == .warning }.map(name) == ["532.txt:52", "532.txt:53", "541.txt:66"])
        #expect(findings.filter { $0.severity == .error }.map(name) == ["broken-amount.txt:25", "broken-negative.xlsx '3 構成事業'!F5"])

        // The index lists nine rows whose figures equal the models.
        let dump = try #require(try WorkbookDump.load([out.appendingPathComponent("index.xlsx").path]).values.first)
        let list = try #require(dump.calamine["施策一覧"])
        let rows = list.filter { row in RepositoryPaths.policyCodes.contains(row.first?.string ?? "") }
        #expect(rows.count == 9)
        for row in rows {
            let s = RealYear.sheet(row[0].string!)
            #expect(row[1] == .string(s.policy.name))
            #expect(row[2] == .string(s.goal.code))
            #expect(row[5] == .string(s.evaluation.rating.rawValue))
            #expect(Array(row[6...8]) == s.projects.totals.map { .number(Double($0!)) })
            let warnings = findings.filter { $0.policy == s.policy.code }.count
            #expect(row[13] == .number(Double(warnings)), "\(s.policy.code)")
        }
        #expect(dump.sheets == ["施策一覧", "基本目標別"])
        let goals = try #require(dump.calamine["基本目標別"])
        #expect(goals.first { $0.first == .string("53") }?[3] == .number(580_450 + 2_325_939 + 542_984))

        // The index opens in LibreOffice without error (it is printed to PDF: list, goals and chart).
        let pdf = RepositoryPaths.temporaryDirectory("index-pdf")
        defer { try? FileManager.default.removeItem(at: pdf) }
        try LibreOffice.convert([out.appendingPathComponent("index.xlsx").path], to: "pdf", outdir: pdf)
        let info = try ProcessRunner.run(try #require(ProcessRunner.which("pdfinfo")), [pdf.appendingPathComponent("index.pdf").path])
        #expect(info.stdout.contains("Pages:           2"))
    }

    @Test("what the folder holds and batch does not read — another type, a folder, a hidden sheet, a named pipe, last year's index — is a finding: in the report once and in findings.json")
    func passedOverEntriesAreFindings() throws {
        let dir = RepositoryPaths.temporaryDirectory("batch-passed-over")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (input, out) = (dir.appendingPathComponent("in"), dir.appendingPathComponent("out"))
        try FileManager.default.createDirectory(at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: RepositoryPaths.sampleYear.appendingPathComponent("511.txt"), to: input.appendingPathComponent("511.txt"))
        try Data("memo".utf8).write(to: input.appendingPathComponent("notes.doc"))
        try FileManager.default.copyItem(at: RepositoryPaths.sampleYear.appendingPathComponent("531.txt"), to: input.appendingPathComponent(".531.txt"))
        #expect(mkfifo(input.appendingPathComponent("pipe.txt").path, 0o600) == 0)  // read, it would never end
        // Last year's index, left among the inputs.
        let earlier = dir.appendingPathComponent("earlier")
        #expect(try EvalsheetBinary.run(["batch", "samples/kiyose-2019/512.txt", "-o", earlier.path, "-q"]).status == 0)
        try FileManager.default.copyItem(at: earlier.appendingPathComponent("index.xlsx"), to: input.appendingPathComponent("index.xlsx"))
        let r = try EvalsheetBinary.run(["batch", input.path, "-o", out.path, "--to", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.components(separatedBy: "対応していない形式のため読み飛ばしました").count == 2, "\(r.stderr)")  // once
        #expect(r.stderr.components(separatedBy: "フォルダの中のフォルダは読みません").count == 2, "\(r.stderr)")
        let findings = try Findings.decodeJSON(Data(contentsOf: out.appendingPathComponent("findings.json")))
        let passedOver = findings.filter { $0.ruleID == "input.passed-over" || $0.ruleID == "input.year-output" }
        #expect(passedOver.map { "\($0.ruleID) \($0.location.replacingOccurrences(of: input.path + "/", with: ""))" } == [
            "input.passed-over .531.txt", "input.year-output index.xlsx", "input.passed-over notes.doc", "input.passed-over pipe.txt",
            "input.passed-over sub",
        ])  // in file order
        #expect(passedOver.allSatisfy { $0.severity == .warning && $0.policy == "" })
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["511.json", "findings.json", "index.xlsx"])
        // With nothing to read, they still say why (there are no findings to carry them).
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Data("memo".utf8).write(to: empty.appendingPathComponent("notes.doc"))
        let none = try EvalsheetBinary.run(["batch", empty.path, "-o", dir.appendingPathComponent("out2").path])
        #expect(none.status == 1)
        #expect(none.stderr.contains("対応していない形式のため読み飛ばしました"), "\(none.stderr)")
    }

    @Test("a policy whose output fails at its group's commit: its error becomes a finding and the index gets no link to it")
    func aFailedCommitSettlesAsAnError() {
        let file = "in/year.txt"
        var outcome = FileOutcome(file: file)
        outcome.policies = ["511", "512"].map { PolicyOutcome(code: $0, output: "out/\($0).xlsx", ticket: 1) }
        var result = BatchConverter.FileResult(outcome: outcome)
        result.summaries = ["511", "512"].map { PolicySummary(RealYear.sheet($0), errors: 0, warnings: 0, workbook: "\($0).xlsx") }
        var settled = outcome
        settled.policies[1].ticket = nil
        settled.policies[1].error = CLIError(.init(ja: "書き込めません", en: "cannot write"))
        result.settle(settled)
        #expect(result.summaries.map(\.workbook) == ["511.xlsx", nil])
        #expect(result.findings.map { "\($0.ruleID) \($0.policy) \($0.message.ja)" } == ["output.not-written 512 書き込めません"])
        #expect(result.outcome.written == ["out/511.xlsx"])
    }

    @Test("re-running keeps existing files unless --force; --to json; --no-validate")
    func rerun() throws {
        let out = RepositoryPaths.temporaryDirectory("batch-rerun")
        defer { try? FileManager.default.removeItem(at: out) }
        let first = try EvalsheetBinary.run(["batch", "samples/kiyose-2019/kiyose-2019.txt", "-o", out.path, "--to", "json", "-q"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try EvalsheetBinary.run(["batch", "samples/kiyose-2019/kiyose-2019.txt", "-o", out.path, "--to", "json", "--no-validate"])
        #expect(second.status == 0)
        #expect(second.stderr.contains("変換 0 件、スキップ(既存) 9 件、失敗 0 件"))
        #expect(second.stderr.contains("一覧: \(out.path)/index.xlsx(前回の実行のままです。この実行の内容にするには --force)"), "\(second.stderr)")
        let forced = try EvalsheetBinary.run(["batch", "samples/kiyose-2019/kiyose-2019.txt", "-o", out.path, "--to", "json", "--force", "-q"])
        #expect(forced.status == 0)
        for code in RepositoryPaths.policyCodes {
            #expect(try EvaluationSheetJSON.decode(Data(contentsOf: out.appendingPathComponent("\(code).json")), file: code) == [RealYear.sheet(code)])
        }
    }

    @Test("on a terminal (a pseudo-terminal made by script(1)) a bar is redrawn in place")
    func progressBarOnATerminal() throws {
        let out = RepositoryPaths.temporaryDirectory("batch-tty")
        defer { try? FileManager.default.removeItem(at: out) }
        let script = try #require(ProcessRunner.which("script"), "script(1) from util-linux is needed")
        let command = "\(EvalsheetBinary.path) batch samples/kiyose-2019/kiyose-2019.txt -o \(out.path) --no-validate --jobs 1"
        let r = try ProcessRunner.run(script, ["-qefc", command, "/dev/null"], currentDirectory: RepositoryPaths.root)
        #expect(r.status == 0, "\(r.stdout)")
        // Each redraw starts with a carriage return and clears the line.
        #expect(r.stdout.contains("\r\u{1B}[K["))
        #expect(r.stdout.contains("████████████████████████] 100% 1/1 kiyose-2019.txt  残り 0:00"))
        #expect(!r.stdout.contains("] OK  "), "no line-per-file output on a terminal")
    }

    @Test("the bar's pieces: fraction, counts, file name, time left")
    func barFormat() {
        #expect(ProgressDisplay.bar(done: 3, total: 12, file: "in/511.txt", elapsed: 6, width: 8)
                == "[██░░░░░░]  25% 3/12 511.txt  残り 0:18")
        #expect(ProgressDisplay.line(done: 3, total: 12, file: "in/511.txt", ok: false, detail: "")
                == "[ 3/12] 失敗 in/511.txt")
    }
}

/// findings.json written in groups: the same bytes as rendering every finding at once.
@Suite("findings.json in groups")
struct FindingsFileTests {
    static func findings(_ n: Int) -> [Finding] {
        (0..<n).map { i in
            Finding(ruleID: i % 3 == 0 ? "output.not-written" : "indicators.short-target-row", severity: i % 2 == 0 ? .error : .warning,
                    message: .init(ja: "指標\(i) の目標値 \"引用\" / \\ \u{1}", en: "indicator \(i)"),
                    policy: "\(5_110_000 + i)", path: nil, file: "/in/\(i).json", location: "/in/\(i).json#/a/\(i)")
        }
    }

    @Test(arguments: [0, 1, 2, 3, 7, 128, 129, 300])
    func theGroupsJoinedAreTheWholeRendering(_ n: Int) {
        let all = Self.findings(n), whole = Array(Findings.renderJSONData(all))
        for size in [1, 2, 3, 128] {
            let pieces = Array(FindingsFile.chunks(groups: AnySequence([all]), groupSize: size))
            #expect(pieces.flatMap { $0 } == whole, "\(n) findings in groups of \(size)")
            #expect(pieces.count == (n == 0 ? 1 : (n + size - 1) / size + 1))
        }
        #expect(Array(FindingsFile.chunks(groups: AnySequence([all]), groupSize: 0)).flatMap { $0 } == whole)
    }
}

/// What the batch report keeps of the files' results.
@Suite("batch tally")
struct BatchTallyTests {
    struct Refused: Error, Equatable { var code: String }

    static func outcome(_ file: String, _ policies: [PolicyOutcome]) -> FileOutcome {
        FileOutcome(file: file, policies: policies)
    }

    @Test func countsErrorsAndTheFirstSkippedNames() {
        var tally = BatchTally()
        tally.add(Self.outcome("a.txt", [PolicyOutcome(code: "511", output: "/o/511.xlsx"),
                                         PolicyOutcome(code: "512", output: "/o/512.xlsx", skipped: true),
                                         PolicyOutcome(code: "513", output: nil, error: Refused(code: "513"))]))
        for i in 0..<6 {
            tally.add(Self.outcome("s\(i).txt", [PolicyOutcome(code: "6\(i)", output: "/o/6\(i).xlsx", skipped: true)]))
        }
        tally.add(Self.outcome("empty.txt", []))
        #expect(tally.written == 1)
        #expect(tally.skipped == 7)
        #expect(tally.firstSkipped == ["/o/512.xlsx", "/o/60.xlsx", "/o/61.xlsx", "/o/62.xlsx", "/o/63.xlsx"])
        #expect(tally.failedInputs == 1)
        #expect(tally.errors.compactMap { $0 as? Refused } == [Refused(code: "513")])
    }
}
