/// A file that appears at its path whole or not at all, and never replaces another run's file.
///
/// The content goes to a temporary file `.<name>.tmp-<pid>-<random>` in the same directory (so the
/// final step never crosses file systems), registered with `TemporaryFiles` so an interrupted run
/// removes it. `commit()` moves it into place: without `overwrite` by `link(2)`, which fails if the
/// output exists — atomically, even against another process writing the same name at the same
/// moment; with `overwrite` by `rename(2)`. `discard()` deletes it. Temporaries a killed run left
/// behind are removed by `StaleTemporaries.sweep` at the start of the next run.
public struct AtomicOutput: Sendable {
    /// The final path.
    public let path: String
    /// Where the content is written until `commit()`.
    public let temporaryPath: String
    /// Whether `commit()` may replace an existing file.
    public let overwrite: Bool

    /// Prepares an output named `name` (a plain file name) in `directory`.
    public init(directory: String, name: String, overwrite: Bool) throws(OutputError) {
        try self.init(path: OutputName.path(name, in: directory), overwrite: overwrite)
    }

    /// Prepares an output at `path`, whose last component must be a plain file name.
    /// Throws `.fileExists` at once when the output exists and `overwrite` is false.
    public init(path: String, overwrite: Bool) throws(OutputError) {
        try self.init(path: path, overwrite: overwrite, checkingDirectoryOnFailure: false)
    }

    /// The directory whose check (`Syscalls.isWritableDirectory`) waits for a failure to create the
    /// temporary file (nil once made): see `init(path:overwrite:checkingDirectoryOnFailure:)`.
    private let directoryToCheck: String?

    /// `init(path:overwrite:)`; with `checkingDirectoryOnFailure`, for outputs whose temporary is
    /// written by `writeTemporaryUnsynced` (`GroupCommit`), the directory is looked at only when the
    /// output exists or the temporary cannot be created: a directory that is missing, not one or
    /// read-only makes either happen, so the error thrown is the same, for two calls less a file.
    init(path: String, overwrite: Bool, checkingDirectoryOnFailure: Bool) throws(OutputError) {
        let (directory, name) = OutputName.split(path)
        guard OutputName.isPlain(name) else { throw .notAPlainFileName(name) }
        if !checkingDirectoryOnFailure {
            guard Syscalls.isWritableDirectory(directory) else { throw .directoryNotWritable(directory) }
        }
        if !overwrite, Syscalls.exists(path) {
            if checkingDirectoryOnFailure, !Syscalls.isWritableDirectory(directory) { throw .directoryNotWritable(directory) }
            throw .fileExists(path)
        }
        directoryToCheck = checkingDirectoryOnFailure ? directory : nil
        self.path = path
        self.overwrite = overwrite
        let prefix = !path.contains("/") ? "" : directory == "/" ? "/" : directory + "/"
        temporaryPath = prefix + TemporaryName.make(for: name)
        TemporaryFiles.shared.register(temporaryPath)
    }

    /// Writes `bytes` as the whole content and commits: the output appears complete or not at all.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, overwrite: Bool) throws(OutputError) {
        let output = try AtomicOutput(path: path, overwrite: overwrite)
        try output.writeTemporary(Array(bytes))
        try output.commit()
    }

    /// `write(_:to:overwrite:)` of content given in pieces, each written as it comes, so that the
    /// whole content is never in memory at once.
    public static func write(chunks: some Sequence<[UInt8]>, to path: String, overwrite: Bool) throws(OutputError) {
        let output = try AtomicOutput(path: path, overwrite: overwrite)
        try output.writeTemporary(chunks: chunks)
        try output.commit()
    }

    /// `writeTemporary(_:)` of content given in pieces: created exclusively, each piece written as
    /// it comes, synced; on failure it is removed.
    public func writeTemporary(chunks: some Sequence<[UInt8]>) throws(OutputError) {
        let fd: Int32
        switch Syscalls.createExclusive(temporaryPath) {
        case .success(let d): fd = d
        case .failure(let e): discard(); throw .cannotWrite(path, e)
        }
        for chunk in chunks {
            if let failure = chunk.withUnsafeBytes({ Syscalls.writeAll(fd, $0) }) {
                Syscalls.closeQuietly(fd)
                discard()
                throw .cannotWrite(path, failure)
            }
        }
        if let failure = Syscalls.syncAndClose(fd) {
            discard()
            throw .cannotWrite(path, failure)
        }
    }

    /// Writes the temporary file (created exclusively, synced); on failure it is removed.
    public func writeTemporary(_ bytes: [UInt8]) throws(OutputError) {
        let fd = try writeTemporaryUnsynced(bytes)
        if let failure = Syscalls.syncAndClose(fd) {
            discard()
            throw .cannotWrite(path, failure)
        }
    }

    /// Writes the temporary file (created exclusively) and returns it still open and not synced, for
    /// `GroupCommit` to sync with others; on failure it is removed.
    func writeTemporaryUnsynced(_ bytes: [UInt8]) throws(OutputError) -> Int32 {
        let fd: Int32
        switch TemporaryFiles.shared.creating({ Syscalls.createExclusive(temporaryPath) }) {
        case .success(let d): fd = d
        case .failure(let e):
            discard()
            if let directory = directoryToCheck, !Syscalls.isWritableDirectory(directory) { throw .directoryNotWritable(directory) }
            throw .cannotWrite(path, e)
        }
        let failure = bytes.withUnsafeBytes { Syscalls.writeAll(fd, $0) }
        if let failure {
            Syscalls.closeQuietly(fd)
            discard()
            throw .cannotWrite(path, failure)
        }
        return fd
    }

    /// Syncs the temporary file another writer wrote and closed (libxlsxwriter's), so that `commit()`
    /// links only data that are on the disk; on failure it is removed.
    public func syncWrittenTemporary() throws(OutputError) {
        let fd = try openWrittenTemporary()
        if let failure = Syscalls.syncAndClose(fd) {
            discard()
            throw .cannotWrite(path, failure)
        }
    }

    /// The temporary file another writer wrote and closed, opened (read-only) to be synced; on
    /// failure it is removed.
    func openWrittenTemporary() throws(OutputError) -> Int32 {
        switch Syscalls.openWritten(temporaryPath) {
        case .success(let fd): return fd
        case .failure(let e): discard(); throw .cannotWrite(path, e)
        }
    }

    /// Moves the temporary file onto `path`. Without `overwrite`, an existing file at `path` (even
    /// one that appeared after `init`, from another run) is left alone and `.fileExists` is thrown.
    public func commit() throws(OutputError) {
        defer { TemporaryFiles.shared.unregister(temporaryPath) }
        if overwrite {
            if let e = Syscalls.renameFile(temporaryPath, path) { discard(); throw .cannotMoveIntoPlace(path, e) }
            return
        }
        guard let e = Syscalls.makeLink(temporaryPath, path) else {
            Syscalls.unlinkQuietly(temporaryPath)
            return
        }
        if e.isExists { discard(); throw .fileExists(path) }
        guard e.meansNoHardLinks else { discard(); throw .cannotMoveIntoPlace(path, e) }
        // A file system without hard links: check, then rename (not atomic against another run).
        if Syscalls.exists(path) { discard(); throw .fileExists(path) }
        if let e = Syscalls.renameFile(temporaryPath, path) { discard(); throw .cannotMoveIntoPlace(path, e) }
    }

    /// Deletes the temporary file if it exists. Safe to call more than once.
    public func discard() {
        Syscalls.unlinkQuietly(temporaryPath)
        TemporaryFiles.shared.unregister(temporaryPath)
    }

    /// Runs `write`, which creates the temporary file itself (a C library's own `fopen`, or its
    /// scratch copy beside it), as `writeTemporary` creates it: a signal's clean-up either waits for
    /// `write` and then removes what it made, or came first and `write` never runs.
    public func creatingTemporary<T>(_ write: () throws -> T) throws -> T {
        try TemporaryFiles.shared.creating { Result<T, any Error> { try write() } }.get()
    }

    /// Whether `path` is a directory this process may create files in.
    public static func isWritableDirectory(_ path: String) -> Bool { Syscalls.isWritableDirectory(path) }

    /// Whether anything (even a dangling symbolic link) is at `path` (`lstat(2)`).
    public static func exists(_ path: String) -> Bool { Syscalls.exists(path) }

    /// Whether something other than a symbolic link is at `path` (`lstat(2)`).
    public static func existsAndIsNotASymbolicLink(_ path: String) -> Bool { Syscalls.existsAndIsNotASymbolicLink(path) }

    /// The absolute path of an existing file with every symbolic link, `.` and `..` resolved
    /// (`realpath(3)`), or nil when the file does not exist.
    public static func canonicalPath(_ path: String) -> String? { Syscalls.canonicalPath(path) }

    /// Free bytes on the file system holding `path`, if known.
    public static func freeBytes(_ path: String) -> UInt64? { Syscalls.freeBytes(path) }

    /// Which file or directory `path` leads to now (symbolic links followed), or nil when nothing.
    public static func identity(_ path: String) -> FileIdentity? { Syscalls.identity(path) }
}

/// A file or directory as the file system tells them apart: its device and inode. Two paths with
/// the same identity lead to the same file; a path whose identity changed leads elsewhere now.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64
}

/// The temporary names this module creates, and how to recognise them: `.<name>.tmp-<pid>-<hex>`.
public enum TemporaryName {
    /// A fresh temporary name for the output `name`, owned by this process.
    static func make(for name: String) -> String {
        "." + name + ".tmp-\(Syscalls.processID)-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }

    /// The process id in a temporary name of ours, or nil when the name is not one. A name our
    /// temporary's writer derived from it (`.<name>.tmp-<pid>-<hex>.<suffix>`, e.g. libzip's own
    /// scratch copy while it rewrites an archive) is ours too.
    public static func owner(of name: String) -> Int32? {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let parts = name[marker.upperBound...].split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = Int32(parts[0]), pid > 0,
              name.distance(from: name.startIndex, to: marker.lowerBound) > 1 else { return nil }
        let random = parts[1].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let hex = random.first, !hex.isEmpty, hex.allSatisfy({ $0.isHexDigit }),
              random.count == 1 || !random[1].isEmpty else { return nil }
        return pid
    }
}
