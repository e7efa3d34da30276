import Foundation
import Testing
import EvalSheetModel
import EvalSheetJSON
import EvalSheetWorkbook
import TestSupport

/// Class 9 of the hardening issue: outputs are safe against a second run and a kill. Two batches into
/// one directory never write the same file twice; a killed run leaves temporaries that the next run
/// sweeps; an interrupted run removes its own; a full disk names the file and leaves nothing partial.
@Suite("Outputs are safe against a second run and a kill (end to end)", .serialized)
struct OutputSafetyTests {
    static func entries(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    static func temporaries(_ dir: URL) -> [String] { entries(dir).filter { $0.hasPrefix(".") } }

    /// The `converted N` / `skipped (existing) N` counts of a batch's summary line (--lang en).
    static func counts(_ stderr: String) -> (converted: Int, skipped: Int)? {
        guard let line = stderr.split(separator: "\n").last(where: { $0.hasPrefix("converted ") }) else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return numbers.count >= 2 ? (numbers[0], numbers[1]) : nil
    }

    @Test func twoBatchesAtOnceWriteEachFileExactlyOnce() throws {
        let root = RepositoryPaths.temporaryDirectory("two-runs")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        let codes = try SyntheticYear.write(count: 180, into: input)
        let args = ["batch", input.path, "-o", out.path, "--to", "json", "--jobs", "2", "--lang", "en", "--no-validate"]
        nonisolated(unsafe) var results: [ProcessResult?] = [nil, nil]
        DispatchQueue.concurrentPerform(iterations: 2) { k in results[k] = try? EvalsheetBinary.run(args) }
        let (a, b) = (try #require(results[0]), try #require(results[1]))
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\n\(b.stderr)")
        let (ca, cb) = (try #require(Self.counts(a.stderr)), try #require(Self.counts(b.stderr)))
        #expect(ca.converted + cb.converted == codes.count, "each policy written by exactly one run")
        #expect(ca.skipped + cb.skipped == codes.count, "and found existing by the other")
        #expect(Self.entries(out) == (codes.map { "\($0).json" } + ["index.xlsx"]).sorted())
        for code in codes.prefix(20) {
            let data = try Data(contentsOf: out.appendingPathComponent("\(code).json"))
            #expect(try EvaluationSheetJSON.decode(data, file: code).first?.policy.code == code)
        }
    }

    @Test func aKilledBatchIsSweptByTheNextRunWhichLeavesOnlyCompleteOutputs() throws {
        let root = RepositoryPaths.temporaryDirectory("kill")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        let codes = try SyntheticYear.write(count: 120, into: input)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // A temporary of a process that no longer exists, as a killed run leaves it.
        let stale = ".5110000.xlsx.tmp-\(try Self.endedProcessID())-1f2e3d"
        FileManager.default.createFile(atPath: out.appendingPathComponent(stale).path, contents: Data("half a workbook".utf8))
        let run = Process()
        run.executableURL = URL(fileURLWithPath: EvalsheetBinary.path)
        run.arguments = ["batch", input.path, "-o", out.path, "--jobs", "2", "-q"]
        run.standardError = FileHandle.nullDevice
        try run.run()
        while Self.entries(out).filter({ $0.hasSuffix(".xlsx") && !$0.hasPrefix(".") }).count < 10 && run.isRunning { usleep(2_000) }
        kill(run.processIdentifier, SIGKILL)
        run.waitUntilExit()
        #expect(run.terminationReason == .uncaughtSignal)
        #expect(!Self.entries(out).contains("index.xlsx"), "killed before the end")

        let again = try EvalsheetBinary.run(["batch", input.path, "-o", out.path, "--jobs", "2", "--lang", "en"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(Self.temporaries(out).isEmpty, "the killed run's temporaries (and the stale one) are gone")
        #expect(Self.entries(out) == (codes.map { "\($0).xlsx" } + ["findings.json", "index.xlsx"]).sorted())
        for code in codes {
            let loaded = try WorkbookImporter().read(path: out.appendingPathComponent("\(code).xlsx").path)
            #expect(loaded.sheet.policy.code == code)
        }
    }

    /// Runs evalsheet with `arguments` (stderr discarded), sends it `signal` once `started` holds (or
    /// it has ended by then) and returns it ended.
    static func interrupted(_ arguments: [String], by signal: Int32, once started: () -> Bool) throws -> Process {
        let run = Process()
        run.executableURL = URL(fileURLWithPath: EvalsheetBinary.path)
        run.arguments = arguments
        run.standardError = FileHandle.nullDevice
        try run.run()
        while !started() && run.isRunning { usleep(1_000) }
        kill(run.processIdentifier, signal)
        run.waitUntilExit()
        return run
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedBatchRemovesItsTemporaries(_ signal: Int32) throws {
        let root = RepositoryPaths.temporaryDirectory("interrupt")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try SyntheticYear.write(count: 300, into: input)
        let run = try Self.interrupted(["batch", input.path, "-o", out.path, "--jobs", "2", "-q"], by: signal) {
            Self.entries(out).filter { $0.hasSuffix(".xlsx") }.count >= 5
        }
        #expect(run.terminationReason == .uncaughtSignal && run.terminationStatus == signal)
        #expect(Self.temporaries(out).isEmpty)
        for name in Self.entries(out) {
            #expect(throws: Never.self) { _ = try WorkbookImporter().read(path: out.appendingPathComponent(name).path) }
        }
    }

    /// A signal sent while the tool is starting — before, while or after its signal handling is set
    /// up — ends the run; it is never ignored (the signals were once ignored for a moment before
    /// the dispatch sources took them, and one sent then was lost: the run went on to the end).
    @Test func aSignalSentAtStartEndsTheRun() throws {
        let root = RepositoryPaths.temporaryDirectory("early-signal")
        defer { try? FileManager.default.removeItem(at: root) }
        for delay in stride(from: 0, through: 30_000, by: 1_500) {
            let out = root.appendingPathComponent("out\(delay)")
            let run = Process()
            run.executableURL = URL(fileURLWithPath: EvalsheetBinary.path)
            run.arguments = ["batch", RepositoryPaths.wholeYear.path, "-o", out.path, "-q"]
            run.standardError = FileHandle.nullDevice
            try run.run()
            usleep(useconds_t(delay))
            kill(run.processIdentifier, SIGINT)
            run.waitUntilExit()
            #expect(run.terminationReason == .uncaughtSignal && run.terminationStatus == SIGINT,
                    "a SIGINT \(delay) µs after the start was not taken (status \(run.terminationStatus))")
            #expect(Self.temporaries(out).isEmpty)
        }
    }

    /// Started with SIGHUP ignored (`nohup`), a run goes on when the terminal hangs up.
    @Test func aSignalIgnoredAtStartStaysIgnored() throws {
        let root = RepositoryPaths.temporaryDirectory("nohup")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let run = Process()
        run.executableURL = URL(fileURLWithPath: "/bin/sh")
        run.arguments = ["-c", "trap '' HUP; exec \"$0\" \"$@\"", EvalsheetBinary.path,
                         "batch", RepositoryPaths.wholeYear.path, "-o", out.path, "-q"]
        run.standardError = FileHandle.nullDevice
        try run.run()
        while !FileManager.default.fileExists(atPath: out.path) && run.isRunning { usleep(1_000) }
        kill(run.processIdentifier, SIGHUP)
        run.waitUntilExit()
        #expect(run.terminationReason == .exit && run.terminationStatus == 0)
        #expect(Self.entries(out).contains("index.xlsx"))
    }

    @Test func aFullDiskNamesTheFileAndLeavesNothingPartial() throws {
        let disk = try FullDisk(megabytes: 2)
        defer { disk.remove() }
        let input = RepositoryPaths.temporaryDirectory("full-in")
        defer { try? FileManager.default.removeItem(at: input) }
        try SyntheticYear.write(count: 150, into: input)
        let out = disk.directory.appendingPathComponent("out")
        let r = try disk.run(["batch", input.path, "-o", out.path, "--jobs", "1", "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: "))
        #expect(r.stderr.range(of: #"error: could not write \S+/out/\d+\.xlsx: (No space left on device|File too large)"#,
                                options: .regularExpression) != nil, "\(r.stderr.suffix(2000))")
        #expect(Self.temporaries(out).isEmpty)
        for name in Self.entries(out) where name.hasSuffix(".xlsx") && name != "index.xlsx" {
            #expect(throws: Never.self) { _ = try WorkbookImporter().read(path: out.appendingPathComponent(name).path) }
        }
        // JSON and text outputs too.
        let json = try disk.run(["import", input.path, "-o", disk.directory.appendingPathComponent("json").path, "-q", "--lang", "en"])
        #expect(json.status == 1)
        #expect(json.stderr.contains(".json was not written") || json.stderr.contains("cannot write"), "\(json.stderr.suffix(500))")
        #expect(Self.temporaries(disk.directory.appendingPathComponent("json")).isEmpty)
    }

    @Test func anOutputThatIsItsOwnInputIsRefusedEvenWithForce() throws {
        let dir = RepositoryPaths.temporaryDirectory("self")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("511.txt")
        try FileManager.default.copyItem(at: RepositoryPaths.sampleYear.appendingPathComponent("511.txt"), to: input)
        let before = try Data(contentsOf: input)
        let r = try EvalsheetBinary.run(["import", input.path, "--to", "text", "-o", dir.path, "--force"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("は入力と同じファイルです"))
        #expect(try Data(contentsOf: input) == before)
    }

    @Test func codesThatDifferOnlyInCaseClaimOneOutput() throws {
        let dir = RepositoryPaths.temporaryDirectory("case")
        defer { try? FileManager.default.removeItem(at: dir) }
        var a = RealYear.sheet("511"), b = RealYear.sheet("512")
        a.policy.code = "511a"
        b.policy.code = "511A"
        try EvaluationSheetJSON.encode(a).write(to: dir.appendingPathComponent("a.json"))
        try EvaluationSheetJSON.encode(b).write(to: dir.appendingPathComponent("b.json"))
        let r = try EvalsheetBinary.run(["import", dir.appendingPathComponent("a.json").path, dir.appendingPathComponent("b.json").path,
                                         "-o", dir.appendingPathComponent("out").path, "--jobs", "1"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("施策コード 511A が複数あります"))
        #expect(Self.entries(dir.appendingPathComponent("out")) == ["511a.json"])
    }

    /// The id of a process that has just ended.
    static func endedProcessID() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }
}

/// A small file system that fills up: a 2 MB tmpfs when the tests run as root (as in CI), else a
/// directory where every file is limited to a few kilobytes (`ulimit -f`, SIGXFSZ ignored), so a
/// write past the limit fails as on a full disk.
struct FullDisk {
    let directory: URL
    let mounted: Bool
    let limitKB: Int

    init(megabytes: Int) throws {
        directory = RepositoryPaths.temporaryDirectory("full-disk")
        let mount = try ProcessRunner.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", directory.path])
        mounted = mount.status == 0
        limitKB = 12
    }

    func run(_ arguments: [String]) throws -> ProcessResult {
        if mounted { return try EvalsheetBinary.run(arguments) }
        let quoted = ([EvalsheetBinary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try ProcessRunner.run("/bin/bash", ["-c", "trap '' XFSZ; ulimit -f \(limitKB); exec " + quoted.joined(separator: " ")],
                                     currentDirectory: RepositoryPaths.root)
    }

    func remove() {
        if mounted { _ = try? ProcessRunner.run("/bin/umount", [directory.path]) }
        try? FileManager.default.removeItem(at: directory)
    }
}
