import Foundation
import Testing
import EvalSheetJSON
import EvalSheetModel
import TestSupport

/// With several workers, a run over several inputs does what it does with one: of two inputs with
/// one policy code the earlier is written, and everything is reported in input order. The first
/// input is a 90-policy text year whose last policy (5410089) comes back, renamed, in a small JSON
/// file read beside it: before inputs claimed their codes in turn, the JSON's copy usually won.
@Suite struct InputOrderTests {
    static let code = "5410089"

    /// A folder `in` under `root` holding the 90-policy year as `textName` and, as `jsonName`, a
    /// JSON file holding its last policy under another name. (Files in a folder are taken in name
    /// order.)
    private func inputs(_ root: URL, textName: String, jsonName: String) throws -> URL {
        let folder = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let made = try ProcessRunner.run("/usr/bin/env", ["python3", "bench/make_synthetic_text_year.py",
                                                          RepositoryPaths.wholeYear.path, "90", folder.appendingPathComponent(textName).path],
                                         currentDirectory: RepositoryPaths.root)
        #expect(made.status == 0, "\(made.stderr)")
        var copy = RealYear.sheet("541")
        copy.policy.code = Self.code
        copy.policy.name = "後から読まれる写し"
        try EvaluationSheetJSON.encode(copy).write(to: folder.appendingPathComponent(jsonName))
        return folder
    }

    /// An input in the output folder that this run replaces is read after the earlier inputs' outputs
    /// are in place, whatever `--jobs` says: here 511 of the year, then out/511.json (an older file
    /// with code 599) — it is the year's 511 by then, a duplicate; 599 is never written. (With two
    /// workers it used to be read at once, before it was replaced, and 599.json written with exit 0.)
    @Test(arguments: ["1", "2"])
    func anInputInTheOutputFolderIsReadAfterTheEarlierInputsOutputs(jobs: String) throws {
        let root = RepositoryPaths.temporaryDirectory("input-among-outputs")
        defer { try? FileManager.default.removeItem(at: root) }
        for run in 1...3 {
            let out = root.appendingPathComponent("out\(jobs)-\(run)")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            var older = RealYear.sheet("511")
            older.policy.code = "599"
            try EvaluationSheetJSON.encode(older).write(to: out.appendingPathComponent("511.json"))
            let r = try EvalsheetBinary.run(["import", RepositoryPaths.wholeYear.path, out.appendingPathComponent("511.json").path,
                                             "-o", out.path, "--force", "--jobs", jobs, "--lang", "en"])
            #expect(r.status == 1, "run \(run): \(r.stderr)")
            #expect(r.stderr.contains("policy 511 appears more than once"), "run \(run): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("599.json").path), "run \(run)")
            let written = try EvaluationSheetJSON.decode(Data(contentsOf: out.appendingPathComponent("511.json")), file: "511.json")
            #expect(written.first == RealYear.sheet("511"), "run \(run): the year's 511 is in place")
        }
    }

    @Test(arguments: [["import"], ["batch", "--to", "json"]])
    func theEarlierInputIsWritten(_ command: [String]) throws {
        let root = RepositoryPaths.temporaryDirectory("duplicate-order")
        defer { try? FileManager.default.removeItem(at: root) }
        // batch takes one input: the folder, whose names put the text first.
        let folder = try inputs(root, textName: "a-year.txt", jsonName: "b-copy.json")
        for run in 1...3 {
            let out = root.appendingPathComponent("out\(run)")
            let inputs = command[0] == "batch" ? [folder.path] : [folder.appendingPathComponent("a-year.txt").path,
                                                                 folder.appendingPathComponent("b-copy.json").path]
            let r = try EvalsheetBinary.run(command.prefix(1) + inputs + command.dropFirst() + ["-o", out.path, "--jobs", "2", "--lang", "en"])
            let said = "policy \(Self.code) appears more than once"
            let line = r.stderr.split(separator: "\n").first { $0.contains(said) }.map { String($0.split(separator: said)[1]) } ?? ""
            let (first, second) = (line.range(of: "a-year.txt:"), line.range(of: "b-copy.json"))
            #expect(first != nil && second != nil && first!.lowerBound < second!.lowerBound, "run \(run): \(line)")
            let written = try EvaluationSheetJSON.decode(Data(contentsOf: out.appendingPathComponent("\(Self.code).json")), file: "\(Self.code).json")
            #expect(written.first?.policy.name == RealYear.sheet("541").policy.name, "run \(run): \(r.stderr)")
        }
    }

    @Test(arguments: [["import"], ["batch", "--to", "json"], ["export"]])
    func messagesAreTheSameWhateverJobsSays(_ command: [String]) throws {
        let root = RepositoryPaths.temporaryDirectory("jobs-order")
        defer { try? FileManager.default.removeItem(at: root) }
        // A large input first, then the nine small ones and the duplicate: the small ones finish
        // first on the second worker.
        let folder = try inputs(root, textName: "0-year.txt", jsonName: "9-copy.json")
        for code in RepositoryPaths.policyCodes {
            try FileManager.default.copyItem(at: RepositoryPaths.sampleYear.appendingPathComponent("\(code).txt"),
                                             to: folder.appendingPathComponent("5-\(code).txt"))
        }
        var said: [String] = []
        for jobs in ["1", "2"] {
            let out = root.appendingPathComponent("out")
            try? FileManager.default.removeItem(at: out)
            let r = try EvalsheetBinary.run(command.prefix(1) + [folder.path] + command.dropFirst() + ["-o", out.path, "--jobs", jobs, "--lang", "en"])
            #expect(r.status == 1, "\(r.stderr)")
            said.append(r.stderr)
        }
        let (one, two) = (said[0].split(separator: "\n"), said[1].split(separator: "\n"))
        #expect(one == two, "first difference: \(zip(one, two).first { $0 != $1 }.map { "\($0) | \($1)" } ?? "in length \(one.count) / \(two.count)")")
        #expect(said[0].contains("policy \(Self.code) appears more than once"), "\(said[0])")
    }
}
