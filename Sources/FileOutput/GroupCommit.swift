import Foundation

/// Atomic outputs committed in groups, so that many small files cost one sync of the disk, not one
/// each, with the guarantees of `AtomicOutput.write`: an output appears whole or not at all, never
/// replaces a file unless `overwrite` says so, and its data are on the disk before it appears.
///
/// `write` writes the content to the output's temporary file (not synced, kept open) and queues it.
/// A committer thread takes the queue in groups — `maxFiles` outputs, or what came within
/// `maxDelay` of the oldest, or everything when `flush()` asks — and for each group calls
/// `syncfs(2)` once per file system, then checks each file's own write and moves it into place, in
/// the order queued. When `syncfs` fails (or is missing) each file of the group is synced on its own
/// (`fsync(2)`), so a failure is reported for the file it concerns and the others are kept, exactly
/// as `AtomicOutput.write` reports it. Every output's `done` is called once, from the committer
/// thread, with nil or the error `AtomicOutput.write` would have thrown. Temporaries stay registered
/// with `TemporaryFiles` until committed, so an interrupted run leaves none; `flush()` must be called
/// before the process ends (queued outputs are otherwise never linked).
public final class GroupCommit: @unchecked Sendable {
    /// The most outputs one group syncs; also bounds the open files (three groups' worth at most).
    public let maxFiles: Int
    /// How long the oldest queued output waits for others before its group is committed.
    public let maxDelay: TimeInterval

    private let condition = NSCondition()
    private var queue: [Queued] = []
    private var queuedCount = 0
    private var settledCount = 0
    private var committerRunning = false
    private var flushesWaiting = 0

    /// An output written and waiting for its group's sync.
    struct Queued {
        let output: AtomicOutput
        let file: Int32
        let device: UInt64?
        let since: Date
        let done: @Sendable (OutputError?) -> Void
    }

    /// The calls a group's commit makes to the disk (tests replace them to make one fail).
    struct Disk: Sendable {
        var syncFileSystem: @Sendable (Int32) -> Errno? = Syscalls.syncFileSystem
        var checkWritten: @Sendable (Int32) -> Errno? = Syscalls.checkWritten
        var sync: @Sendable (Int32) -> Errno? = Syscalls.sync
    }
    private let disk: Disk

    /// A committer taking up to `maxFiles` outputs at a time, waiting at most `maxDelay` seconds.
    public convenience init(maxFiles: Int = 64, maxDelay: TimeInterval = 0.02) {
        self.init(maxFiles: maxFiles, maxDelay: maxDelay, disk: Disk())
    }

    init(maxFiles: Int, maxDelay: TimeInterval, disk: Disk) {
        // Up to three groups' files are open at once (one committing, two queued): within an eighth of
        // the process's open-file limit, whatever it is (`ulimit -n`), so the rest of the run keeps its own.
        let room = Syscalls.openFileLimit().map { max(1, $0 / 24) } ?? maxFiles
        self.maxFiles = max(1, min(maxFiles, room))
        self.maxDelay = max(0, maxDelay)
        self.disk = disk
    }

    /// Writes `bytes` as the whole content of `path`'s temporary file and queues it for its group.
    /// Throws at once what `AtomicOutput.write` throws before syncing (the output exists, a bad name,
    /// a failed write — nothing is then left behind and `done` is never called); later failures
    /// (the sync, the move into place) go to `done`. Waits while three groups are queued already.
    public func write(_ bytes: some Collection<UInt8>, to path: String, overwrite: Bool,
                      done: @escaping @Sendable (OutputError?) -> Void) throws(OutputError) {
        let output = try AtomicOutput(path: path, overwrite: overwrite, checkingDirectoryOnFailure: true)
        let fd = try output.writeTemporaryUnsynced(Array(bytes))
        enqueue(Queued(output: output, file: fd, device: Syscalls.device(fd), since: Date(), done: done))
    }

    /// Queues an output whose temporary file another writer wrote and closed (libxlsxwriter's) for
    /// its group, as `write` queues its own: synced with the group, then moved into place. Throws at
    /// once when the temporary cannot be opened (it is removed; `done` is never called).
    public func commitWritten(_ output: AtomicOutput, done: @escaping @Sendable (OutputError?) -> Void) throws(OutputError) {
        let fd = try output.openWrittenTemporary()
        enqueue(Queued(output: output, file: fd, device: Syscalls.device(fd), since: Date(), done: done))
    }

    private func enqueue(_ item: Queued) {
        condition.lock()
        while queue.count >= 2 * maxFiles { condition.wait() }
        queue.append(item)
        queuedCount += 1
        if !committerRunning {
            committerRunning = true
            Thread.detachNewThread { [self] in commitQueued() }
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Commits everything queued so far and returns once each of those outputs' `done` has returned.
    public func flush() {
        condition.lock()
        let target = queuedCount
        flushesWaiting += 1
        condition.broadcast()
        while settledCount < target { condition.wait() }
        flushesWaiting -= 1
        condition.unlock()
    }

    /// The committer: takes groups off the queue until it is empty, then ends (the next `write`
    /// starts another).
    private func commitQueued() {
        condition.lock()
        while let oldest = queue.first {
            let deadline = oldest.since.addingTimeInterval(maxDelay)
            while queue.count < maxFiles, flushesWaiting == 0, Date() < deadline {
                _ = condition.wait(until: deadline)
            }
            let group = Array(queue.prefix(maxFiles))
            queue.removeFirst(group.count)
            condition.broadcast()
            condition.unlock()
            commit(group)
            condition.lock()
            settledCount += group.count
            condition.broadcast()
        }
        committerRunning = false
        condition.unlock()
    }

    /// Syncs a group (one `syncfs` per file system, each file on its own where that fails), then
    /// moves each synced file into place and reports it.
    private func commit(_ group: [Queued]) {
        var tried: Set<UInt64> = []
        var unsynced: Set<UInt64> = []
        for item in group {
            guard let device = item.device, tried.insert(device).inserted else { continue }
            if disk.syncFileSystem(item.file) != nil { unsynced.insert(device) }
        }
        for item in group {
            let synced = item.device.map { !unsynced.contains($0) } ?? false
            let written = synced ? disk.checkWritten(item.file) : disk.sync(item.file)
            let closed = Syscalls.closeFile(item.file)
            if let failure = written ?? closed {
                item.output.discard()
                item.done(.cannotWrite(item.output.path, failure))
                continue
            }
            do {
                try item.output.commit()
                item.done(nil)
            } catch {
                item.done(error)
            }
        }
    }
}
