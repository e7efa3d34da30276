import Foundation
import Testing
import EvalSheetModel
import EvalSheetValidation
import TestSupport
@testable import EvalSheetCLI

/// Class 10 of the hardening issue: the CLI speaks plainly. Whole help texts are compared with
/// their snapshots (Japanese by default, English with --lang en); every command's exit status is the
/// README's; no Swift value is ever printed; --lang en reaches every message.
@Suite("The command line speaks plainly (end to end)")
struct PlainCLITests {
    static let commands = ["evalsheet", "import", "export", "validate", "diff", "batch", "rollover", "status"]

    @Test(arguments: commands, [Language.ja, .en])
    func helpIsExactlyTheSnapshot(_ command: String, _ language: Language) throws {
        let args = (command == "evalsheet" ? [] : [command]) + ["--help", "--lang", language.rawValue]
        let r = try EvalsheetBinary.run(args)
        #expect(r.status == 0)
        let snapshot = RepositoryPaths.root.appendingPathComponent("Tests/EndToEndTests/Snapshots/help-\(command)-\(language.rawValue).txt")
        #expect(r.stdout == (try String(contentsOf: snapshot, encoding: .utf8)))
    }

    @Test func helpListsXlsxWhereItIsAcceptedAndHasExamples() throws {
        for command in ["import", "export", "validate"] {
            let r = try EvalsheetBinary.run([command, "--help"])
            #expect(r.stdout.contains("入力ファイルまたはフォルダ(.txt / .json / .xlsx)。"), "\(command)")
            #expect(r.stdout.contains("例:\n  evalsheet \(command) "), "\(command)")
        }
    }

    /// Every command, each way it can end, with the status the README's table gives.
    @Test func exitStatusesAreTheDocumentedOnes() throws {
        let dir = RepositoryPaths.temporaryDirectory("exit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = "no-such-file.txt"
        let cases: [(args: [String], status: Int32)] = [
            (["import", "samples/kiyose-2019/511.txt", "-o", dir.appendingPathComponent("i").path], 0),
            (["import", missing, "-o", dir.appendingPathComponent("i2").path], 1),
            (["import", "Tests/Fixtures/json-malformed/duplicate-key-policy-code.json"], 1),
            (["export", "samples/kiyose-2019/511.txt", "-o", dir.appendingPathComponent("e").path], 0),
            (["export", missing, "-o", dir.appendingPathComponent("e2").path], 1),
            (["validate", "samples/kiyose-2019/511.txt"], 0),
            (["validate", "Tests/Fixtures/json-malformed/amount-near-int-max.json"], 2),
            (["validate", missing], 2),
            (["diff", "samples/kiyose-2019/511.txt", "samples/kiyose-2019/511.txt"], 0),
            (["diff", "samples/kiyose-2019/511.txt", "samples/kiyose-2019/512.txt"], 1),
            (["diff", "samples/kiyose-2019/511.txt", missing], 2),
            (["batch", "samples/kiyose-2019/kiyose-2019.txt", "-o", dir.appendingPathComponent("b").path], 0),
            (["batch", missing, "-o", dir.appendingPathComponent("b2").path], 1),
            (["rollover", "samples/kiyose-2019/511.txt", "--to-year", "2020", "-o", dir.appendingPathComponent("r").path], 0),
            (["rollover", "samples/kiyose-2019/511.txt", "--to-year", "2021", "-o", dir.appendingPathComponent("r2").path], 1),
            (["rollover", missing, "--to-year", "2020", "-o", dir.appendingPathComponent("r3").path], 1),
            (["rollover", "samples/kiyose-2019/511.txt", "-o", dir.appendingPathComponent("r4").path], 64),
            (["rollover", "samples/kiyose-2019/511.txt", "--to-year", "0", "-o", dir.appendingPathComponent("r5").path], 64),
            (["status", "samples/kiyose-2019/511.txt", "samples/kiyose-2019/511.txt"], 0),
            (["status", "samples/kiyose-2019/511.txt", "samples/kiyose-2019/512.txt"], 1),
            (["status", missing, "samples/kiyose-2019/511.txt"], 2),
            (["status", "samples/kiyose-2019/511.txt", missing], 2),
            (["import", "--no-such-option", "x.txt"], 64),
            (["batch", "samples/kiyose-2019/kiyose-2019.txt"], 64),
            (["validate", "samples/kiyose-2019/511.txt", "--lang", "fr"], 64),
        ]
        for c in cases {
            let r = try EvalsheetBinary.run(c.args + ["-q"].filter { _ in c.status != 64 })
            #expect(r.status == c.status, "\(c.args.joined(separator: " ")): \(r.stderr)")
        }
    }

    @Test("a full standard output or error is reported (exit 1) or passed over, never a crash")
    func fullStandardStreamsDoNotCrash() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let dir = RepositoryPaths.temporaryDirectory("full-streams")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bin = EvalsheetBinary.path
        let toStdout = try ProcessRunner.run("/bin/sh", ["-c", "'\(bin)' import samples/kiyose-2019/511.txt --lang en > /dev/full"],
                                            currentDirectory: RepositoryPaths.root)
        #expect(toStdout.status == 1, "\(toStdout.stderr)")
        #expect(toStdout.stderr.contains("cannot write to standard output"), "\(toStdout.stderr)")
        // A report nobody received is not a success: exit 2 (the run could not be done), not 0 or
        // 1 (which would say there were no errors, or some).
        for args in ["validate samples/kiyose-2019/511.txt", "diff samples/kiyose-2019/511.txt samples/kiyose-2019/511.txt",
                     "diff samples/kiyose-2019/511.txt samples/kiyose-2019/512.txt"] {
            let report = try ProcessRunner.run("/bin/sh", ["-c", "'\(bin)' \(args) --lang en > /dev/full"], currentDirectory: RepositoryPaths.root)
            #expect(report.status == 2, "\(args): \(report.stderr)")
            #expect(report.stderr.contains("cannot write to standard output"), "\(args): \(report.stderr)")
        }
        let out = dir.appendingPathComponent("b").path
        let errFull = try ProcessRunner.run("/bin/sh", ["-c", "'\(bin)' batch samples/kiyose-2019/kiyose-2019.txt -o '\(out)' 2> /dev/full"],
                                           currentDirectory: RepositoryPaths.root)
        #expect(errFull.status == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/index.xlsx"))
        #expect(FileManager.default.fileExists(atPath: out + "/findings.json"))
    }

    @Test func noSwiftValueIsEverPrinted() throws {
        let dir = RepositoryPaths.temporaryDirectory("plain")
        defer { try? FileManager.default.removeItem(at: dir) }
        FileManager.default.createFile(atPath: dir.appendingPathComponent("file-not-dir").path, contents: Data())
        let runs = [
            ["import", "missing.txt"], ["export", "missing.txt", "-o", dir.path], ["validate", "missing.txt"],
            ["diff", "missing.txt", "also-missing.json"], ["batch", "missing", "-o", dir.path],
            ["export", "samples/kiyose-2019/511.txt", "-o", dir.appendingPathComponent("file-not-dir").path],
            ["export", "samples/kiyose-2019/511.txt", "-o", dir.path, "--template", "missing-template.json"],
            ["import", "Tests/Fixtures/json-malformed/nesting-too-deep.json"],
            ["import", "README.md"],
            ["rollover", "missing.txt", "--to-year", "2020", "-o", dir.path],
            ["rollover", "samples/kiyose-2019/511.txt", "--to-year", "2022", "-o", dir.appendingPathComponent("r").path],
            ["status", "missing", "also-missing"],
            ["status", "README.md", "samples"],
        ]
        for args in runs {
            for lang in ["ja", "en"] {
                let r = try EvalsheetBinary.run(args + ["--lang", lang])
                let out = r.stdout + r.stderr
                #expect(r.status != 0)
                for dump in ["CLIError(", "LocalizedMessage(", "Error(", "message:", "Optional(", "EvalSheet"] {
                    #expect(!out.contains(dump), "\(args) \(lang): \(out)")
                }
                #expect(out.contains(lang == "en" ? "error" : "エラー"), "\(args) \(lang): \(out)")
            }
        }
        let missing = try EvalsheetBinary.run(["import", "missing.txt", "--lang", "en"])
        #expect(missing.stderr == "error: missing.txt: no such file or directory\n")
        let notDir = try EvalsheetBinary.run(["export", "samples/kiyose-2019/511.txt", "-o", dir.appendingPathComponent("file-not-dir").path])
        #expect(notDir.stderr == "エラー: \(dir.appendingPathComponent("file-not-dir").path) はフォルダではありません\n")
    }

    @Test func englishReachesTheBatchProgressAndReport() throws {
        let input = RepositoryPaths.temporaryDirectory("lang-in"), out = RepositoryPaths.temporaryDirectory("lang-out")
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: out) }
        try FileManager.default.copyItem(at: RepositoryPaths.sampleYear.appendingPathComponent("511.txt"), to: input.appendingPathComponent("511.txt"))
        try FileManager.default.copyItem(at: RepositoryPaths.fixtures.appendingPathComponent("text-malformed/amount-not-a-number.txt"),
                                         to: input.appendingPathComponent("broken.txt"))
        let r = try EvalsheetBinary.run(["batch", input.path, "-o", out.path, "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("] FAIL \(input.path)/broken.txt"))
        #expect(r.stderr.contains("converted 1, skipped (existing) 0, failed 1."))
        #expect(r.stderr.contains("broken.txt:25: [error] text.amount: amount in cell 8 is not a whole number ≥ 0"))
        for japanese in ["失敗", "残り", "エラー", "警告", "変換"] { #expect(!r.stderr.contains(japanese), "\(japanese)") }
        #expect(ProgressDisplay.bar(done: 1, total: 4, file: "a/511.txt", elapsed: 3, width: 4, language: .en) == "[█░░░]  25% 1/4 511.txt  left 0:09")
    }
}
