import Foundation
import Testing
@testable import FileOutput

@Suite("Output names")
struct OutputNameTests {
    @Test(arguments: ["511.xlsx", "05010201.json", "011-01.txt", "評価.xlsx", "a", String(repeating: "x", count: 255)])
    func plainNamesAreAccepted(_ name: String) {
        #expect(OutputName.isPlain(name))
    }

    @Test(arguments: ["", ".", "..", "../x.xlsx", "a/b.xlsx", "/x", ".hidden.xlsx", "x\0y", "x\ny", "a\\b", "\u{7F}x",
                      String(repeating: "x", count: 256)])
    func namesThatCouldLeaveTheDirectoryAreRefused(_ name: String) {
        #expect(!OutputName.isPlain(name))
        #expect(throws: OutputError.notAPlainFileName(name)) { _ = try OutputName.path(name, in: "out") }
    }

    @Test func pathJoinsOnlyPlainNames() throws {
        #expect(try OutputName.path("511.xlsx", in: "out") == "out/511.xlsx")
        #expect(try OutputName.path("511.xlsx", in: "out/") == "out/511.xlsx")
        #expect(try OutputName.path("511.xlsx", in: ".") == "511.xlsx")
    }
}

@Suite("Atomic output")
struct AtomicOutputTests {
    @Test func writeCreatesTheWholeFileAndNoTemporary() throws {
        let dir = try makeDirectory("fileoutput")
        let path = dir + "/511.json"
        try AtomicOutput.write(Array("{}\n".utf8), to: path, overwrite: false)
        #expect(contents(dir) == ["511.json"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}\n")
        #expect(TemporaryFiles.shared.registered.allSatisfy { !$0.hasPrefix(dir) })
    }

    @Test func anExistingFileIsKeptUnlessOverwriting() throws {
        let dir = try makeDirectory("fileoutput")
        let path = dir + "/511.json"
        try AtomicOutput.write(Array("old".utf8), to: path, overwrite: false)
        #expect(throws: OutputError.fileExists(path)) { try AtomicOutput.write(Array("new".utf8), to: path, overwrite: false) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        try AtomicOutput.write(Array("new".utf8), to: path, overwrite: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(contents(dir) == ["511.json"])
    }

    @Test func aFileThatAppearsWhileWritingWinsAndTheTemporaryGoes() throws {
        let dir = try makeDirectory("fileoutput")
        let path = dir + "/511.json"
        let mine = try AtomicOutput(path: path, overwrite: false)
        try mine.writeTemporary(Array("mine".utf8))
        try AtomicOutput.write(Array("theirs".utf8), to: path, overwrite: false)
        #expect(throws: OutputError.fileExists(path)) { try mine.commit() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "theirs")
        #expect(contents(dir) == ["511.json"])
    }

    @Test func manyWritersOfOneNameAtOnceLeaveExactlyOneWholeFile() throws {
        let dir = try makeDirectory("fileoutput")
        let path = dir + "/511.json"
        let wins = Counter()
        DispatchQueue.concurrentPerform(iterations: 16) { k in
            let body = Array(String(repeating: "\(k % 10)", count: 100_000).utf8)
            if (try? AtomicOutput.write(body, to: path, overwrite: false)) != nil { wins.add() }
        }
        #expect(wins.value == 1)
        #expect(contents(dir) == ["511.json"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.count == 100_000 && Set(text).count == 1)
    }

    @Test func theWriterRefusesNamesOutsideItsDirectory() throws {
        let dir = try makeDirectory("fileoutput")
        #expect(throws: OutputError.notAPlainFileName("..")) { _ = try AtomicOutput(directory: dir, name: "..", overwrite: true) }
        #expect(throws: OutputError.notAPlainFileName("../../x.xlsx")) {
            _ = try AtomicOutput(directory: dir, name: "../../x.xlsx", overwrite: true)
        }
        #expect(throws: OutputError.notAPlainFileName(".511.xlsx")) { _ = try AtomicOutput(path: dir + "/.511.xlsx", overwrite: true) }
        #expect(throws: OutputError.directoryNotWritable(dir + "/missing")) {
            _ = try AtomicOutput(path: dir + "/missing/511.xlsx", overwrite: true)
        }
        #expect(contents(dir).isEmpty)
    }

    @Test func discardRemovesTheTemporaryAndUnregistersIt() throws {
        let dir = try makeDirectory("fileoutput")
        let output = try AtomicOutput(path: dir + "/a.json", overwrite: false)
        #expect(output.temporaryPath.hasPrefix(dir + "/.a.json.tmp-\(getpid())-"))
        #expect(TemporaryFiles.shared.registered.contains(output.temporaryPath))
        try output.writeTemporary([1, 2, 3])
        #expect(contents(dir).count == 1)
        output.discard()
        output.discard()
        #expect(contents(dir).isEmpty)
        #expect(!TemporaryFiles.shared.registered.contains(output.temporaryPath))
    }
}

@Suite("Stale temporaries")
struct StaleTemporariesTests {
    @Test func theOwnerIsReadFromOurNamesOnly() {
        #expect(TemporaryName.owner(of: ".511.xlsx.tmp-4242-9fa3c0") == 4242)
        #expect(TemporaryName.owner(of: ".a.b.tmp-1-0") == 1)
        #expect(TemporaryName.owner(of: ".511.xlsx.tmp-4242-9fa3c0.Xy12Zq") == 4242)  // libzip's scratch copy of ours
        #expect(TemporaryName.owner(of: ".511.xlsx.tmp-4242-9fa3c0.") == nil)
        #expect(TemporaryName.owner(of: "511.xlsx.tmp-4242-9fa3") == nil)   // no leading dot
        #expect(TemporaryName.owner(of: ".511.xlsx.tmp-abc-9fa3") == nil)   // pid not a number
        #expect(TemporaryName.owner(of: ".511.xlsx.tmp-12-xyz") == nil)     // not hex
        #expect(TemporaryName.owner(of: ".tmp-12-ab") == nil)               // no name
        #expect(TemporaryName.owner(of: ".511.xlsx") == nil)
    }

    @Test func onlyTemporariesOfDeadProcessesAreRemoved() throws {
        let dir = try makeDirectory("fileoutput")
        // A process that has ended: its pid no longer exists.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let dead = child.processIdentifier
        let names = [".511.xlsx.tmp-\(dead)-ab12", ".512.json.tmp-\(getpid())-cd34", "511.xlsx", ".hidden", ".x.tmp-zz-1"]
        for n in names { _ = FileManager.default.createFile(atPath: dir + "/" + n, contents: Data("x".utf8)) }
        #expect(StaleTemporaries.sweep(dir) == [".511.xlsx.tmp-\(dead)-ab12"])
        #expect(contents(dir) == [".512.json.tmp-\(getpid())-cd34", ".hidden", ".x.tmp-zz-1", "511.xlsx"].sorted())
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
