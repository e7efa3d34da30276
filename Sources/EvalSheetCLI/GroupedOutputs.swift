import Foundation
import EvalSheet
import FileOutput

/// import's outputs, committed in groups (`FileOutput.GroupCommit`: one sync of the disk for many
/// files, each still linked only once its data are on the disk), and its inputs' outcomes reported
/// in input order — each once all its outputs are in place or have failed — so messages,
/// exit codes and files are those of writing each output on its own.
///
/// An output queued with `queueLater` is rendered and its temporary file written on one of the
/// `OutputWriters` threads, while the reading thread goes on to the next sheet; what rendering or
/// writing throws then becomes that output's result, reported with its input as before.
final class GroupedOutputs: @unchecked Sendable {
    private let group = GroupCommit()
    private let writers: OutputWriters
    private let output: Output
    /// False when outputs are rendered on the calling thread, `queue`d, never `queueLater`ed
    /// (export's workbooks: the workers are the `--jobs` asked for, with no writer threads beside them).
    let rendersOnWriters: Bool
    private let skipExisting: Bool
    /// The output directory and the working directory, resolved once (nil when they cannot be).
    private let directory: String?
    private let workingDirectory: String?

    private let lock = NSLock()
    private var nextTicket = 0
    /// Each settled ticket's result: nil when its output is in place, else why it is not.
    private var results: [Int: (any Error)?] = [:]
    private var waiting: [FileOutcome] = []
    private var settled: [FileOutcome] = []
    /// False when the settled outcomes are only shown, not returned by `finish()` (batch: a year's
    /// outcomes are not held).
    private let keepsSettled: Bool
    private var show: @Sendable (FileOutcome) -> Void = { _ in }

    /// How an output is made before its group commits it.
    enum Output: Sendable {
        /// Rendered as bytes, written to its temporary file here (JSON, text).
        case bytes(@Sendable (LoadedSheet) throws -> [UInt8])
        /// Written to its temporary file by `write` (libxlsxwriter) and handed over uncommitted;
        /// `commitError` is the error to report when its group cannot commit it.
        case written(@Sendable (LoadedSheet, _ path: String, _ overwrite: Bool) throws -> AtomicOutput,
                     commitError: @Sendable (OutputError, AtomicOutput) -> any Error)
    }

    /// Outputs written into `directory`, each rendered by `render` (with `queueLater`, on one of
    /// `writers` threads).
    convenience init(directory: String, skipExisting: Bool = false, writers: Int = 1, render: @escaping @Sendable (LoadedSheet) throws -> [UInt8]) {
        self.init(directory: directory, skipExisting: skipExisting, writers: writers, output: .bytes(render))
    }

    /// Outputs written into `directory` as `output` says; with `writers` nil, rendered on the
    /// calling thread (`rendersOnWriters` false); without `keepsSettled`, `finish()` returns nothing.
    init(directory: String, skipExisting: Bool = false, writers: Int?, output: Output, keepsSettled: Bool = true) {
        self.output = output
        self.keepsSettled = keepsSettled
        self.writers = OutputWriters(count: writers ?? 1)
        rendersOnWriters = writers != nil
        self.skipExisting = skipExisting
        self.directory = AtomicOutput.canonicalPath(directory)
        workingDirectory = AtomicOutput.canonicalPath(".")
    }

    /// Renders `loaded` and queues it for `path`; returns the ticket its result will come under.
    /// Throws what rendering throws, and what writing throws before the sync (the output exists…).
    func queue(_ loaded: LoadedSheet, to path: String, overwrite: Bool) throws -> Int {
        let ticket = newTicket()
        try make(loaded, to: path, overwrite: overwrite, ticket: ticket)
        return ticket
    }

    /// Queues `loaded` for `path` to be rendered and written on a writer thread; returns the ticket
    /// its result will come under — what `queue` would have thrown included.
    func queueLater(_ loaded: LoadedSheet, to path: String, overwrite: Bool) -> Int {
        let ticket = newTicket()
        writers.submit { [self] in
            do {
                try make(loaded, to: path, overwrite: overwrite, ticket: ticket)
            } catch {
                resolved(ticket, error)
            }
        }
        return ticket
    }

    /// Renders `loaded`, writes its temporary file and queues it in the group under `ticket`.
    private func make(_ loaded: LoadedSheet, to path: String, overwrite: Bool, ticket: Int) throws {
        switch output {
        case .bytes(let render):
            let bytes = try render(loaded)
            try group.write(bytes, to: path, overwrite: overwrite) { [self] error in resolved(ticket, error) }
        case .written(let write, let commitError):
            let written = try write(loaded, path, overwrite)
            do {
                try group.commitWritten(written) { [self] error in resolved(ticket, error.map { commitError($0, written) }) }
            } catch {
                throw commitError(error, written)
            }
        }
    }

    private func newTicket() -> Int { lock.withLock { nextTicket += 1; return nextTicket } }

    /// Every output queued so far, written and committed.
    private func flush() {
        writers.waitForSubmitted()
        group.flush()
    }

    /// Before an input is read: when it could be an output of this run (it is in the output
    /// directory, or a symbolic link, `.` or `..` is on its way), every queued output is put in place
    /// first, so the input reads what it would read had each output been written at once.
    /// `earlierInputsDone` is called first in that case: it returns once every earlier input has
    /// handed over its outputs (with several workers they may still be converting).
    func beforeReading(_ file: String, earlierInputsDone: () -> Void = {}) {
        if mayBeAnOutput(file) {
            earlierInputsDone()
            flush()
        }
    }

    /// `show` is called for each input's outcome, settled, in input order.
    func reportSettled(_ show: @escaping @Sendable (FileOutcome) -> Void) {
        lock.withLock { self.show = show }
    }

    /// An input has been read and its policies queued (called in input order, `WorkerPool`).
    func finished(_ outcome: FileOutcome) {
        lock.withLock {
            waiting.append(outcome)
            showSettled()
        }
    }

    /// Commits everything queued; returns every input's settled outcome, in input order.
    func finish() -> [FileOutcome] {
        flush()
        return lock.withLock { settled }
    }

    private func resolved(_ ticket: Int, _ error: (any Error)?) {
        lock.withLock {
            results[ticket] = .some(error)
            showSettled()
        }
    }

    /// Shows the inputs at the head of the line whose outputs all have a result (under the lock).
    private func showSettled() {
        var shown = 0
        for var outcome in waiting {
            guard outcome.policies.allSatisfy({ $0.ticket.map { results[$0] != nil } ?? true }) else { break }
            for i in outcome.policies.indices {
                guard let ticket = outcome.policies[i].ticket, let result = results.removeValue(forKey: ticket) else { continue }
                outcome.policies[i].ticket = nil
                if let error = result { outcome.policies[i].failed(error, skipExisting: skipExisting) }
            }
            if keepsSettled { settled.append(outcome) }
            show(outcome)
            shown += 1
        }
        waiting.removeFirst(shown)
    }

    /// Whether reading `file` could meet an output of this run that is not in place yet: when a
    /// symbolic link, `.` or `..` is on its way, or it is in the output directory (or either path
    /// cannot be resolved).
    func mayBeAnOutput(_ file: String) -> Bool {
        guard let directory else { return true }
        guard let (folder, name) = Self.folderAndName(file) else { return slowMayBeAnOutput(file, directory: directory) }
        // `folder/name` resolves to the folder resolved, then `name`, when `name` is there and is not
        // a symbolic link: the folder is resolved once a run, the file only looked at (`lstat`).
        guard AtomicOutput.existsAndIsNotASymbolicLink(file) else { return true }
        let resolved = resolvedFolder(folder)
        guard let canonical = resolved.canonical, let literal = resolved.literal else { return true }
        return (canonical == "/" ? "" : canonical) != literal || canonical == directory
    }

    /// `file` split at its last `/` into a folder and a name that is neither empty, `.` nor `..`;
    /// nil for any other path (a bare name, `dir/`, `dir/..`).
    private static func folderAndName(_ file: String) -> (folder: String, name: Substring)? {
        guard let slash = file.lastIndex(of: "/") else { return nil }
        let name = file[file.index(after: slash)...]
        guard !name.isEmpty, name != ".", name != ".." else { return nil }
        return (slash == file.startIndex ? "/" : String(file[..<slash]), name)
    }

    /// An input folder, resolved (`realpath`) and spelled out from the working directory without
    /// `.` (nil when `..` is in it), with the directory it led to then.
    private struct ResolvedFolder {
        let canonical: String?
        let literal: String?
        let identity: FileIdentity?
    }
    private let foldersLock = NSLock()
    private var folders: [String: ResolvedFolder] = [:]

    /// The folder resolved once a run — and again whenever it leads to another directory than it did
    /// (one `stat` a file: a folder swapped for a link during the run is resolved anew).
    private func resolvedFolder(_ folder: String) -> ResolvedFolder {
        let identity = AtomicOutput.identity(folder)
        if let known = foldersLock.withLock({ folders[folder] }), let identity, known.identity == identity { return known }
        let resolved = ResolvedFolder(canonical: AtomicOutput.canonicalPath(folder), literal: literalPath(folder), identity: identity)
        foldersLock.withLock { folders[folder] = resolved }
        return resolved
    }

    /// `path` made absolute from the working directory, its `.` components and empty ones left
    /// out; nil when `..` is in it or the working directory is unknown. The root is "".
    private func literalPath(_ path: String) -> String? {
        let base = path.hasPrefix("/") ? "" : workingDirectory == "/" ? "" : workingDirectory
        guard var literal = base else { return nil }
        for component in path.split(separator: "/") where component != "." {
            if component == ".." { return nil }
            literal += "/" + component
        }
        return literal
    }

    /// `mayBeAnOutput` by resolving the file itself (a path with no folder, or ending in `/`, `.` or `..`).
    private func slowMayBeAnOutput(_ file: String, directory: String) -> Bool {
        guard let resolved = AtomicOutput.canonicalPath(file), let literal = literalPath(file) else { return true }
        return resolved != literal || (resolved as NSString).deletingLastPathComponent == directory
    }
}
