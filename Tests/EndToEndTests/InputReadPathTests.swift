import Foundation
import Testing
import EvalSheet
import EvalSheetJSON
import TestSupport
@testable import EvalSheetCLI

/// The cheap paths of reading an input and of deciding whether it may be an output of the run give
/// the answers and messages of the ways they replace: a JSON file read by open, fstat and read, and
/// falling back to `Data(contentsOf:)` for its error; an input's folder resolved once a run.
@Suite("input reading paths", .serialized)
struct InputReadPathTests {
    /// The message reading `path` gave before: `Data(contentsOf:)`'s error made an input error.
    static func messageBefore(_ path: String) -> LocalizedMessage? {
        do {
            _ = try (try? Data(contentsOf: URL(fileURLWithPath: path, isDirectory: false))) ?? Data(contentsOf: URL(fileURLWithPath: path))
            return nil
        } catch {
            return InputFileError.unreadable(path, error).message
        }
    }

    /// Runs `body` in a new temporary directory (its path), removed afterwards.
    static func inScratch(_ name: String, _ body: (String) throws -> Void) throws {
        let root = RepositoryPaths.temporaryDirectory(name)
        defer { try? FileManager.default.removeItem(at: root) }
        try body(root.path)
    }

    @Test func aJSONInputThatCannotBeReadHasTheMessageItAlwaysHad() throws { try Self.inScratch("json-read-errors") { dir in
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/folder.json", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: dir + "/dangling.json", withDestinationPath: dir + "/nowhere.json")
        try fm.createSymbolicLink(atPath: dir + "/folder-link.json", withDestinationPath: dir + "/folder.json")
        for name in ["folder.json", "dangling.json", "folder-link.json", "missing.json", "missing/deeper.json"] {
            let path = dir + "/" + name
            let read = SheetSource.read(path)
            #expect(read.sheets.isEmpty, "\(name)")
            let failure = read.failures.first as? InputFileError
            #expect(read.failures.count == 1 && failure?.id == "input.unreadable", "\(name)")
            let before = try #require(Self.messageBefore(path), "\(name)")
            #expect(failure?.message == before, "\(name)")
        }
        // (On the command line a folder, even one named like a JSON file, is read as a folder.)
    } }

    @Test func aJSONInputIsReadWholeThroughALinkAndWithItsBOM() throws { try Self.inScratch("json-read") { dir in
        let fm = FileManager.default
        let root = URL(fileURLWithPath: dir)
        let bytes = try EvaluationSheetJSON.encode(RealYear.sheet("511"))
        try bytes.write(to: root.appendingPathComponent("511.json"))
        try (Data([0xEF, 0xBB, 0xBF]) + bytes).write(to: root.appendingPathComponent("bom.json"))
        try fm.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: dir + "/511.json")
        #expect(fm.createFile(atPath: dir + "/empty.json", contents: Data()))
        for name in ["511.json", "bom.json", "link.json"] {
            let read = SheetSource.read(dir + "/" + name)
            #expect(read.failures.isEmpty, "\(name)")
            #expect(read.sheets.map(\.sheet) == [RealYear.sheet("511")], "\(name)")
            #expect(read.sheets.first?.sourceMap.file == dir + "/" + name)
        }
        let empty = SheetSource.read(dir + "/empty.json")
        #expect(empty.sheets.isEmpty && empty.failures.count == 1)
        #expect(empty.failures.first?.problems.first?.id == "json.syntax")
        #expect(empty.failures.first?.problems.first?.message.en == "the JSON text ends too early (line 1, column 1)")
    } }

    /// `mayBeAnOutput` before the input's folder was resolved once a run: the file resolved, always.
    static func mayBeAnOutputBefore(_ file: String, directory: String?, workingDirectory: String?) -> Bool {
        guard let directory, let resolved = realpath(file) else { return true }
        let base = file.hasPrefix("/") ? "" : workingDirectory == "/" ? "" : workingDirectory
        guard let base else { return true }
        var literal = base
        for component in file.split(separator: "/") where component != "." {
            if component == ".." { return true }
            literal += "/" + component
        }
        return resolved != literal || (resolved as NSString).deletingLastPathComponent == directory
    }

    static func realpath(_ path: String) -> String? {
        guard let resolved = Foundation.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    @Test func whetherAnInputMayBeAnOutputIsAnsweredAsResolvingItDoes() throws { try Self.inScratch("may-be-output") { dir in
        let fm = FileManager.default
        for folder in ["out", "in", "in/sub"] { try fm.createDirectory(atPath: dir + "/" + folder, withIntermediateDirectories: true) }
        for file in ["out/511.json", "in/512.json", "in/sub/513.json"] { #expect(fm.createFile(atPath: dir + "/" + file, contents: Data("x".utf8))) }
        try fm.createSymbolicLink(atPath: dir + "/in/link.json", withDestinationPath: dir + "/out/511.json")
        try fm.createSymbolicLink(atPath: dir + "/in/local-link.json", withDestinationPath: "512.json")
        try fm.createSymbolicLink(atPath: dir + "/outlink", withDestinationPath: dir + "/out")
        try fm.createSymbolicLink(atPath: dir + "/inlink", withDestinationPath: "in")
        try fm.createSymbolicLink(atPath: dir + "/in/dangling.json", withDestinationPath: dir + "/nowhere.json")
        let names = ["out/511.json", "out/513.json", "in/512.json", "in/sub/513.json", "in/sub", "in/sub/", "in/link.json",
                     "in/local-link.json", "inlink/512.json", "inlink/sub/513.json", "outlink/511.json", "in/dangling.json",
                     "in/./512.json", "./in/512.json", "in//512.json", "in/sub/../512.json", "in/../out/511.json", "out/.",
                     "out/..", "in/", "nowhere.json", "in/512.json/", "in/512.json/x"]
        let workingDirectory = Self.realpath(".")
        for output in ["out", "outlink", "in", "in/sub", "nowhere"] {
            let grouped = GroupedOutputs(directory: dir + "/" + output) { _ in [] }
            let resolvedOutput = Self.realpath(dir + "/" + output)
            var files = names.map { dir + "/" + $0 } + ["/", "//", "/tmp", "Package.swift", "./Package.swift", "Sources/../Package.swift",
                                                          "Sources/EvalSheet", "Sources//EvalSheet/SheetSource.swift", "nowhere.json"]
            files += files  // asked twice: the folders are resolved once, and the second answers are the same
            for file in files {
                #expect(grouped.mayBeAnOutput(file) == Self.mayBeAnOutputBefore(file, directory: resolvedOutput, workingDirectory: workingDirectory),
                        "\(output): \(file)")
            }
            _ = grouped.finish()
        }
    } }

    @Test func aJSONFileOverTheLimitIsRefusedBeforeItIsRead() throws { try Self.inScratch("json-too-large") { dir in
        // Sparse: one byte over the limit, nothing on the disk; read whole it would be 256 MiB in memory.
        let path = dir + "/year.json"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(SheetSource.maxJSONBytes) + 1)
        try handle.close()
        let read = SheetSource.read(path)
        #expect(read.sheets.isEmpty)
        #expect(read.failures.count == 1)
        let failure = try #require(read.failures.first as? InputFileError)
        #expect(failure.id == "input.too-large")
        #expect(failure.message.ja == "JSON ファイルが大きすぎます(\(SheetSource.maxJSONBytes + 1) バイト。上限は 256 MiB)。施策ごとのファイルに分けてください")
        let validate = try EvalsheetBinary.run(["validate", path])
        #expect(validate.status == 2)
        #expect(validate.stdout.contains("input.too-large"))
        let imported = try EvalsheetBinary.run(["import", path, "-o", dir + "/out", "--lang", "en"])
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("the JSON file is too large (\(SheetSource.maxJSONBytes + 1) bytes; at most 256 MiB)"))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir + "/out")) ?? []).isEmpty)
    } }

    @Test func anInputFolderSwappedForALinkToTheOutputsDuringARunIsSeen() throws { try Self.inScratch("folder-swapped") { dir in
        let fm = FileManager.default
        for folder in ["in", "out"] { try fm.createDirectory(atPath: dir + "/" + folder, withIntermediateDirectories: true) }
        for file in ["in/511.json", "out/511.json"] { #expect(fm.createFile(atPath: dir + "/" + file, contents: Data("x".utf8))) }
        let grouped = GroupedOutputs(directory: dir + "/out") { _ in [] }
        #expect(grouped.mayBeAnOutput(dir + "/in/511.json") == false)
        // The folder read from a moment ago now leads to the outputs: its files may be this run's.
        try fm.moveItem(atPath: dir + "/in", toPath: dir + "/in.before")
        try fm.createSymbolicLink(atPath: dir + "/in", withDestinationPath: dir + "/out")
        #expect(grouped.mayBeAnOutput(dir + "/in/511.json") == true)
        #expect(grouped.mayBeAnOutput(dir + "/in/511.json") == Self.mayBeAnOutputBefore(dir + "/in/511.json", directory: Self.realpath(dir + "/out"),
                                                                                        workingDirectory: Self.realpath(".")))
        _ = grouped.finish()
    } }
}
