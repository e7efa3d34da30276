import Foundation
import Testing
import EvalSheetModel
import EvalSheetJSON
import EvalSheetText
import TestSupport

/// Runs the built `evalsheet` binary the way a user does and checks its output files,
/// messages and exit status.
@Suite("evalsheet import (end to end)")
struct ImportCommandTests {
    @Test func helpHasExamples() throws {
        let root = try EvalsheetBinary.run(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("import"))
        #expect(root.stdout.contains("例:"))
        let sub = try EvalsheetBinary.run(["import", "--help"])
        #expect(sub.status == 0)
        #expect(sub.stdout.contains("evalsheet import samples/kiyose-2019/kiyose-2019.txt -o out/json"))
    }

    @Test("the whole year becomes nine JSON files equal to the models")
    func wholeYearToJSON() throws {
        let dir = RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try EvalsheetBinary.run(["import", "samples/kiyose-2019/kiyose-2019.txt", "-o", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == RepositoryPaths.policyCodes.map { "\($0).json" })
        for code in RepositoryPaths.policyCodes {
            let data = try Data(contentsOf: dir.appendingPathComponent("\(code).json"))
            #expect(try EvaluationSheetJSON.decode(data, file: code) == [RealYear.sheet(code)])
        }
        // The stray cells of 532 and the legend of 541 are reported with their lines.
        #expect(r.stderr.contains("kiyose-2019.txt:531: 警告:"))
        #expect(r.stderr.contains("kiyose-2019.txt:532: 警告:"))
        #expect(r.stderr.contains("kiyose-2019.txt:702: 警告:"))
    }

    @Test("a single policy goes to standard output; --to text gives the canonical form")
    func singleToStdout() throws {
        let json = try EvalsheetBinary.run(["import", "samples/kiyose-2019/531.txt"])
        #expect(json.status == 0)
        #expect(try EvaluationSheetJSON.decode(Data(json.stdout.utf8), file: "stdout") == [RealYear.sheet("531")])
        let text = try EvalsheetBinary.run(["import", "samples/kiyose-2019/531.txt", "--to", "text"])
        #expect(text.status == 0)
        #expect(text.stdout == TextFormWriter.write(RealYear.sheet("531")))
    }

    @Test("JSON in, text out, and back")
    func jsonToText() throws {
        let dir = RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try EvalsheetBinary.run(["import", "samples/kiyose-2019/541.txt", "-o", dir.path]).status == 0)
        let r = try EvalsheetBinary.run(["import", dir.appendingPathComponent("541.json").path, "--to", "text", "-o", dir.path])
        #expect(r.status == 0)
        let back = try TextFormReader.read(contentsOf: dir.appendingPathComponent("541.txt"))
        #expect(back.map(\.sheet) == [RealYear.sheet("541")])
    }

    @Test("a malformed file: message with file:line, exit 1, no output file")
    func malformedLeavesNothing() throws {
        let dir = RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let r = try EvalsheetBinary.run(["import", "Tests/Fixtures/text-malformed/amount-not-a-number.txt", "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("エラー: Tests/Fixtures/text-malformed/amount-not-a-number.txt:25: "))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: out.path))?.isEmpty ?? true)
        let stdout = try EvalsheetBinary.run(["import", "Tests/Fixtures/text-malformed/empty-file.txt"])
        #expect(stdout.status == 1)
        #expect(stdout.stdout.isEmpty)
    }

    @Test("a named pipe given as an input is refused by its type, never opened (it would wait forever); validate too")
    func aNamedPipeIsRefused() throws {
        let dir = RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["pipe.xlsx", "pipe.txt", "pipe.json"] {
            let pipe = dir.appendingPathComponent(name).path
            #expect(mkfifo(pipe, 0o600) == 0)
            let r = try EvalsheetBinary.run(["import", pipe, "samples/kiyose-2019/511.txt", "-o", dir.appendingPathComponent("out").path, "--force"])
            #expect(r.status == 1)
            #expect(r.stderr.contains("エラー: \(pipe): 通常のファイルではないため読みません(名前付きパイプ・デバイスなど)"), "\(r.stderr)")
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/511.json").path))
            let v = try EvalsheetBinary.run(["validate", pipe, "--lang", "en"])
            #expect(v.status == 2)
            #expect((v.stdout + v.stderr).contains("not a regular file (a named pipe, a device…): not read"), "\(v.stdout)\(v.stderr)")
        }
    }

    @Test("good files are written past a bad one, which is reported; exit 1")
    func goesOnPastABadFile() throws {
        let dir = RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try EvalsheetBinary.run(["import", "samples/kiyose-2019/511.txt",
                                         "Tests/Fixtures/text-malformed/amount-not-a-number.txt",
                                         "samples/kiyose-2019/512.txt", "-o", dir.path, "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: Tests/Fixtures/text-malformed/amount-not-a-number.txt:25: amount in cell 8 is not a whole number ≥ 0: \"9O,000\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["511.json", "512.json"])
    }

    @Test("one bad sheet of a year file: the other eight are still converted; exit 1")
    func oneBadSheetOfAYear() throws {
        let dir = RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try EvalsheetBinary.run(["import", "Tests/Fixtures/text-malformed/bad-sheet-in-the-middle.txt", "-o", dir.path, "-q"])
        #expect(r.status == 1)
        #expect(r.stderr == "エラー: Tests/Fixtures/text-malformed/bad-sheet-in-the-middle.txt:502: " +
                "構成事業の見出し「令和2年度予定」(8列目)は読めません: 列の名前は No.・事務事業名・実行計画・施策の方向性・担当課 と年度の金額列(例: 令和元年度決算、令和2年度予算)です\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
                == RepositoryPaths.policyCodes.filter { $0 != "532" }.map { "\($0).json" })
    }

    @Test("an existing output is kept unless --force")
    func refusesToOverwrite() throws {
        let dir = RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("511.json")
        try Data("keep".utf8).write(to: target)
        let r = try EvalsheetBinary.run(["import", "samples/kiyose-2019/511.txt", "-o", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("--force"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep")
        #expect(try EvalsheetBinary.run(["import", "samples/kiyose-2019/511.txt", "-o", dir.path, "--force"]).status == 0)
        #expect(try EvaluationSheetJSON.decode(Data(contentsOf: target), file: "511") == [RealYear.sheet("511")])
    }

    @Test func unsupportedExtension() throws {
        let r = try EvalsheetBinary.run(["import", "Package.swift"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("対応していない形式"))
    }
}
