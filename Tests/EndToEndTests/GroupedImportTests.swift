import Foundation
import Testing
import EvalSheetJSON
import TestSupport
@testable import EvalSheetCLI

/// import commits its outputs in groups (one sync of the disk for many files): the answers, files,
/// messages and cleaning up are those of writing each output on its own.
@Suite("import's grouped outputs (end to end)", .serialized)
struct GroupedImportTests {
    /// `sameFile` before outputs were grouped: both paths resolved, always.
    static func resolvedSameFile(_ a: String, _ b: String) -> Bool {
        let (x, y) = (URL(fileURLWithPath: a).resolvingSymlinksInPath().path, URL(fileURLWithPath: b).resolvingSymlinksInPath().path)
        return x == y && FileManager.default.fileExists(atPath: x)
    }

    @Test func sameFileAnswersAsResolvingBothPathsDoes() throws {
        let root = RepositoryPaths.temporaryDirectory("samefile")
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        let dir = root.path
        try fm.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        #expect(fm.createFile(atPath: dir + "/out/511.json", contents: Data("x".utf8)))
        #expect(fm.createFile(atPath: dir + "/in/512.json", contents: Data("y".utf8)))
        try fm.createSymbolicLink(atPath: dir + "/in/link.json", withDestinationPath: dir + "/out/511.json")
        try fm.createSymbolicLink(atPath: dir + "/outlink", withDestinationPath: dir + "/out")
        try fm.createSymbolicLink(atPath: dir + "/out/dangling.json", withDestinationPath: dir + "/nowhere.json")
        try fm.linkItem(atPath: dir + "/in/512.json", toPath: dir + "/out/512.json")
        let outputs = ["out/511.json", "out/512.json", "out/513.json", "outlink/511.json", "outlink/513.json", "out/./511.json",
                       "out//511.json", "in/../out/511.json", "in/../out/513.json", "out/dangling.json", "in/512.json", "in/link.json"]
        let inputs = ["out/511.json", "in/512.json", "in/link.json", "outlink/511.json", "out/513.json", "nowhere.json"]
        for output in outputs {
            for input in inputs {
                let (a, b) = (dir + "/" + output, dir + "/" + input)
                #expect(PolicyConversion.sameFile(a, b) == Self.resolvedSameFile(a, b), "\(a) \(b)")
            }
        }
        #expect(PolicyConversion.sameFile(dir + "/out/511.json", dir + "/in/link.json"))
        #expect(!PolicyConversion.sameFile(dir + "/out/512.json", dir + "/in/512.json"), "a hard link is another path")
    }

    @Test(arguments: [("out/511.json", true), ("/a/b/511.json", true), ("511.json", true), ("./511.json", false), ("out//511.json", false),
                      ("out/../511.json", false), ("out/", false), ("/", false), ("", false), ("out/.", false)])
    func lexicallyPlainPaths(_ path: String, _ plain: Bool) {
        #expect(PolicyConversion.isLexicallyPlain(path) == plain)
    }

    @Test func anInputInTheOutputDirectoryReadsWhatWasWrittenBeforeIt() throws {
        // out/511.json holds policy 512 at first; 511.txt, read first, replaces it (--force) with
        // policy 511, so reading out/511.json next finds 511 again: a duplicate, as when each output
        // was in place before the next input was read.
        let root = RepositoryPaths.temporaryDirectory("input-in-output")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try EvaluationSheetJSON.encode(RealYear.sheet("512")).write(to: out.appendingPathComponent("511.json"))
        let text = RepositoryPaths.sampleYear.appendingPathComponent("511.txt").path
        let r = try EvalsheetBinary.run(["import", text, out.appendingPathComponent("511.json").path, "-o", out.path,
                                         "--force", "--jobs", "1", "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("policy 511 appears more than once"), "\(r.stderr)")
        #expect(OutputSafetyTests.entries(out) == ["511.json"])
        let written = try EvaluationSheetJSON.decode(Data(contentsOf: out.appendingPathComponent("511.json")), file: "511.json")
        #expect(written.first?.policy.code == "511")
    }

    @Test func everyOutputIsReportedOnceInInputOrder() throws {
        let root = RepositoryPaths.temporaryDirectory("grouped-order")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        let codes = try SyntheticYear.write(count: 150, into: input)
        // One output exists already: its error comes at its place, the others are written.
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: out.appendingPathComponent("\(codes[70]).json").path, contents: Data("keep".utf8)))
        let r = try EvalsheetBinary.run(["import", input.path, "-o", out.path, "--jobs", "1", "--lang", "en"])
        #expect(r.status == 1)
        let expected = codes.sorted().map { code in
            code == codes[70] ? "error: \(out.path)/\(code).json exists (use --force to overwrite)" : "wrote \(out.path)/\(code).json"
        }
        #expect(r.stderr.split(separator: "\n").map(String.init) == expected)
        #expect(OutputSafetyTests.entries(out) == codes.map { "\($0).json" }.sorted())
        #expect(try String(contentsOf: out.appendingPathComponent("\(codes[70]).json"), encoding: .utf8) == "keep")
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedImportLeavesNoTemporaryAndOnlyWholeOutputs(_ signal: Int32) throws {
        let root = RepositoryPaths.temporaryDirectory("interrupt-import")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try SyntheticYear.write(count: 600, into: input)
        let arguments = ["import", input.path, input.path, input.path, "-o", out.path, "--jobs", "1", "-q"]
        let run = try OutputSafetyTests.interrupted(arguments, by: signal) { !OutputSafetyTests.entries(out).isEmpty }
        if run.terminationReason == .uncaughtSignal { #expect(run.terminationStatus == signal) }
        #expect(OutputSafetyTests.temporaries(out).isEmpty)
        for name in OutputSafetyTests.entries(out) {
            let data = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(try EvaluationSheetJSON.decode(data, file: name).first?.policy.code == String(name.dropLast(5)))
        }
    }
}
