import Foundation
import Testing
@testable import FileOutput

private func text(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

/// What each output's `done` said, by path (`.some(nil)`: written), and how often it was called.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var byPath: [String: OutputError?] = [:]
    private var calls = 0
    let allDone = DispatchSemaphore(value: 0)

    func done(_ path: String) -> @Sendable (OutputError?) -> Void {
        { error in
            self.lock.withLock { self.byPath[path] = .some(error); self.calls += 1 }
            self.allDone.signal()
        }
    }
    subscript(_ path: String) -> OutputError?? { lock.withLock { byPath[path] } }
    var count: Int { lock.withLock { calls } }
}

/// A counter the fake disk calls share.
private final class Calls: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    private var seen: [[String]] = []
    func next() -> Int { lock.withLock { n += 1; return n } }
    func record(_ names: [String]) { lock.withLock { seen.append(names) } }
    var recorded: [[String]] { lock.withLock { seen } }
}

/// A group that is committed only by `flush()` (or by reaching `maxFiles`), never by its delay.
private func waitingGroup(maxFiles: Int = 100, disk: GroupCommit.Disk = .init()) -> GroupCommit {
    GroupCommit(maxFiles: maxFiles, maxDelay: 3600, disk: disk)
}

@Suite("Group commit")
struct GroupCommitTests {
    @Test("syncfs is trusted only on local disk file systems: tmpfs yes, procfs (like FUSE, NFS, anything unknown) no, so each file is fsynced there")
    func syncfsOnlyWhereItWritesEveryFile() throws {
        let shm = open("/dev/shm", O_RDONLY)
        if shm >= 0 {
            defer { close(shm) }
            #expect(Syscalls.syncsEveryFile(shm))
        }
        let proc = open("/proc/self/stat", O_RDONLY)
        try #require(proc >= 0)
        defer { close(proc) }
        #expect(!Syscalls.syncsEveryFile(proc))
        #expect(Syscalls.syncFileSystem(proc) == Errno(ENOTSUP))
    }

    /// A waiting group whose every `syncfs` records what `dir` held at that moment.
    private func recordingGroup(_ dir: String) -> (GroupCommit, Calls) {
        let calls = Calls()
        var disk = GroupCommit.Disk()
        disk.syncFileSystem = { fd in calls.record(contents(dir)); return Syscalls.syncFileSystem(fd) }
        return (waitingGroup(disk: disk), calls)
    }

    @Test func outputsAppearOnlyOnceTheirGroupIsSynced() throws {
        let dir = try makeDirectory("groupcommit")
        let (group, calls) = recordingGroup(dir)
        let results = Results()
        for name in ["a.json", "b.json", "c.json"] {
            try group.write(Array("{\"\(name)\":1}\n".utf8), to: dir + "/" + name, overwrite: false, done: results.done(dir + "/" + name))
        }
        // Queued: only our temporaries are there, each registered for removal on a signal.
        let queued = contents(dir)
        #expect(queued.count == 3 && queued.allSatisfy { $0.hasPrefix(".") && TemporaryName.owner(of: $0) == getpid() })
        #expect(queued.allSatisfy { TemporaryFiles.shared.registered.contains(dir + "/" + $0) })
        #expect(results.count == 0)
        group.flush()
        #expect(calls.recorded == [queued], "one syncfs for the group, before any output was linked")
        #expect(contents(dir) == ["a.json", "b.json", "c.json"])
        for name in ["a.json", "b.json", "c.json"] {
            #expect(text(dir + "/" + name) == "{\"\(name)\":1}\n")
            #expect(results[dir + "/" + name] == .some(nil))
        }
        #expect(results.count == 3)
        #expect(TemporaryFiles.shared.registered.allSatisfy { !$0.hasPrefix(dir) })
    }

    /// An output whose temporary another writer (libxlsxwriter) created and closed.
    private func writtenElsewhere(_ path: String, _ content: String) throws -> AtomicOutput {
        let output = try AtomicOutput(path: path, overwrite: false)
        try output.creatingTemporary { try Data(content.utf8).write(to: URL(fileURLWithPath: output.temporaryPath)) }
        return output
    }

    @Test func aTemporaryWrittenElsewhereIsSyncedWithItsGroupThenLinked() throws {
        let dir = try makeDirectory("groupcommit")
        let (group, calls) = recordingGroup(dir)
        let results = Results()
        try group.write(Array("{}".utf8), to: dir + "/a.json", overwrite: false, done: results.done(dir + "/a.json"))
        let b = try writtenElsewhere(dir + "/b.xlsx", "PK workbook")
        try group.commitWritten(b, done: results.done(dir + "/b.xlsx"))
        let queued = contents(dir)
        #expect(queued.count == 2 && queued.allSatisfy { TemporaryName.owner(of: $0) == getpid() })
        #expect(TemporaryFiles.shared.registered.contains(b.temporaryPath))
        group.flush()
        #expect(calls.recorded == [queued], "one syncfs for both, before either was linked")
        #expect(contents(dir) == ["a.json", "b.xlsx"])
        #expect(text(dir + "/b.xlsx") == "PK workbook")
        #expect(results[dir + "/b.xlsx"] == .some(nil))
        #expect(!TemporaryFiles.shared.registered.contains(b.temporaryPath))
    }

    @Test func aTemporaryWrittenElsewhereThatFailsItsSyncOrIsGoneIsNotLinked() throws {
        let dir = try makeDirectory("groupcommit")
        var disk = GroupCommit.Disk()
        disk.syncFileSystem = { _ in Errno(EIO) }
        disk.sync = { _ in Errno(EIO) }
        let group = waitingGroup(disk: disk)
        let results = Results()
        let a = try writtenElsewhere(dir + "/a.xlsx", "a")
        try group.commitWritten(a, done: results.done(dir + "/a.xlsx"))
        group.flush()
        #expect(contents(dir).isEmpty, "neither the output nor its temporary")
        #expect(results[dir + "/a.xlsx"] == .some(.cannotWrite(dir + "/a.xlsx", Errno(EIO))))
        // A temporary that is not there (or was replaced by a link) is refused at once.
        let gone = try writtenElsewhere(dir + "/b.xlsx", "b")
        try FileManager.default.removeItem(atPath: gone.temporaryPath)
        try FileManager.default.createSymbolicLink(atPath: gone.temporaryPath, withDestinationPath: dir + "/elsewhere")
        #expect(throws: OutputError.cannotWrite(dir + "/b.xlsx", Errno(ELOOP))) { try group.commitWritten(gone, done: results.done(dir + "/b.xlsx")) }
        #expect(contents(dir).isEmpty)
        #expect(results[dir + "/b.xlsx"] == nil)
    }

    @Test func aFullGroupIsCommittedWithoutAFlush() throws {
        let dir = try makeDirectory("groupcommit")
        let group = waitingGroup(maxFiles: 2)
        let results = Results()
        for name in ["a", "b"] { try group.write(Array(name.utf8), to: dir + "/" + name, overwrite: false, done: results.done(dir + "/" + name)) }
        for _ in 0..<2 { #expect(results.allDone.wait(timeout: .now() + 120) == .success) }
        #expect(contents(dir) == ["a", "b"])
        #expect(results["\(dir)/a"] == .some(nil) && results["\(dir)/b"] == .some(nil))
    }

    @Test func whenSyncfsFailsEachFileIsSyncedAndOnlyTheOneThatFailsIsLost() throws {
        let dir = try makeDirectory("groupcommit")
        let calls = Calls()
        var disk = GroupCommit.Disk()
        disk.syncFileSystem = { _ in Errno(EIO) }
        disk.sync = { fd in calls.next() == 2 ? Errno(EIO) : Syscalls.sync(fd) }
        let group = waitingGroup(disk: disk)
        let results = Results()
        for name in ["a", "b", "c"] { try group.write(Array(name.utf8), to: dir + "/" + name, overwrite: false, done: results.done(dir + "/" + name)) }
        group.flush()
        #expect(contents(dir) == ["a", "c"], "the file whose sync failed is not linked, and no temporary is left")
        #expect(text(dir + "/a") == "a" && text(dir + "/c") == "c")
        #expect(results["\(dir)/b"] == .some(.cannotWrite(dir + "/b", Errno(EIO))))
        #expect(results["\(dir)/a"] == .some(nil) && results["\(dir)/c"] == .some(nil))
        #expect(TemporaryFiles.shared.registered.allSatisfy { !$0.hasPrefix(dir) })
    }

    @Test func aFileWhoseWriteFailedUnderASuccessfulSyncfsIsLost() throws {
        let dir = try makeDirectory("groupcommit")
        let calls = Calls()
        var disk = GroupCommit.Disk()
        disk.checkWritten = { fd in calls.next() == 1 ? Errno(ENOSPC) : Syscalls.checkWritten(fd) }
        let group = waitingGroup(disk: disk)
        let results = Results()
        for name in ["a", "b"] { try group.write(Array(name.utf8), to: dir + "/" + name, overwrite: false, done: results.done(dir + "/" + name)) }
        group.flush()
        #expect(contents(dir) == ["b"])
        guard case .cannotWrite(let path, let e)?? = results["\(dir)/a"] else { Issue.record("a: \(String(describing: results["\(dir)/a"]))"); return }
        #expect(path == dir + "/a" && e.isDiskFull)
    }

    @Test func anExistingOutputIsRefusedAtOnceAndOneThatAppearsMeanwhileIsKept() throws {
        let dir = try makeDirectory("groupcommit")
        let group = waitingGroup()
        let results = Results()
        try AtomicOutput.write(Array("old".utf8), to: dir + "/a", overwrite: false)
        #expect(throws: OutputError.fileExists(dir + "/a")) {
            try group.write(Array("new".utf8), to: dir + "/a", overwrite: false, done: results.done(dir + "/a"))
        }
        try group.write(Array("mine".utf8), to: dir + "/b", overwrite: false, done: results.done(dir + "/b"))
        try AtomicOutput.write(Array("theirs".utf8), to: dir + "/b", overwrite: false)
        try group.write(Array("replaced".utf8), to: dir + "/a", overwrite: true, done: results.done(dir + "/a"))
        group.flush()
        #expect(contents(dir) == ["a", "b"])
        #expect(text(dir + "/a") == "replaced" && text(dir + "/b") == "theirs")
        #expect(results["\(dir)/b"] == .some(.fileExists(dir + "/b")))
        #expect(results["\(dir)/a"] == .some(nil))
        #expect(results.count == 2, "done is never called for a write that threw")
    }

    @Test func aMissingOrFileDirectoryIsRefusedAtOnceAsAtomicOutputRefusesIt() throws {
        // The directory is looked at only when the temporary cannot be created (or the output
        // exists): the error is still `.directoryNotWritable`, thrown at once, with nothing left.
        let dir = try makeDirectory("groupcommit")
        let group = waitingGroup()
        let results = Results()
        #expect(FileManager.default.createFile(atPath: dir + "/file", contents: Data("x".utf8)))
        for directory in [dir + "/missing", dir + "/file", dir + "/missing/deeper"] {
            for overwrite in [false, true] {
                #expect(throws: OutputError.directoryNotWritable(directory)) {
                    try group.write(Array("new".utf8), to: directory + "/a.json", overwrite: overwrite, done: results.done(directory))
                }
                #expect(throws: OutputError.directoryNotWritable(directory)) {
                    try AtomicOutput.write(Array("new".utf8), to: directory + "/a.json", overwrite: overwrite)
                }
            }
        }
        // A bad name is still refused before the directory is looked at.
        #expect(throws: OutputError.notAPlainFileName(".hidden")) {
            try group.write(Array("new".utf8), to: dir + "/missing/.hidden", overwrite: false, done: results.done(dir))
        }
        group.flush()
        #expect(contents(dir) == ["file"])
        #expect(TemporaryFiles.shared.registered.filter { $0.hasPrefix(dir) }.isEmpty)
        #expect(results.count == 0, "done is never called for a write that threw")
    }

    @Test func manyWritersAtOnceAreEachCommittedOnce() throws {
        let dir = try makeDirectory("groupcommit")
        let group = GroupCommit(maxFiles: 8, maxDelay: 0.001)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            for i in 0..<50 {
                let path = "\(dir)/\(k)-\(i)"
                try? group.write(Array(String(repeating: "\(k)", count: 1000 + i).utf8), to: path, overwrite: false, done: results.done(path))
            }
        }
        group.flush()
        #expect(results.count == 200)
        #expect(contents(dir).count == 200)
        for k in 0..<4 { for i in 0..<50 { #expect(text("\(dir)/\(k)-\(i)") == String(repeating: "\(k)", count: 1000 + i)) } }
    }

    @Test func aFlushWithNothingQueuedReturns() {
        GroupCommit().flush()
    }
}
