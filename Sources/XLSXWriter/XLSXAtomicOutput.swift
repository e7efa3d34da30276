import FileOutput

/// A workbook file that appears at `path` all at once or not at all: the XLSX writer's view of
/// `FileOutput.AtomicOutput` (one atomic-output implementation for every writer), with its errors
/// as `XLSXWriteError`s.
struct XLSXAtomicOutput {
    let output: AtomicOutput

    var path: String { output.path }
    var temporaryPath: String { output.temporaryPath }

    /// The XLSX writer's view of an output made elsewhere (`XLSXWorkbookWriter.finishUncommitted`).
    init(_ output: AtomicOutput) { self.output = output }

    init(path: String, overwrite: Bool) throws {
        do {
            output = try AtomicOutput(path: path, overwrite: overwrite)
        } catch {
            throw Self.writeError(error, temporaryPath: path)
        }
    }

    static func isWritableDirectory(_ path: String) -> Bool { AtomicOutput.isWritableDirectory(path) }

    /// `/dev/shm` (memory) when it is a writable directory with at least 256 MiB free, else nil
    /// for the C library's default. libxlsxwriter does not check its writes to scratch files,
    /// so a small tmpfs (Docker's is 64 MiB) must not be used for a large workbook.
    static var defaultScratchDirectory: String? {
        let shm = "/dev/shm"
        guard isWritableDirectory(shm), let free = AtomicOutput.freeBytes(shm) else { return nil }
        return free >= 256 << 20 ? shm : nil
    }

    /// Syncs the temporary file libxlsxwriter wrote and closed, then moves it onto `path`: the
    /// workbook appears only once its data are on the disk. On failure it is removed.
    func syncAndCommit() throws {
        do {
            try output.syncWrittenTemporary()
        } catch {
            throw Self.writeError(error, temporaryPath: temporaryPath)
        }
        try commit()
    }

    /// Moves the temporary file onto `path`. Without `overwrite`, an existing file at `path`
    /// (even one that appeared after `init`) is left alone and `.fileExists` is thrown.
    func commit() throws {
        do {
            try output.commit()
        } catch {
            throw Self.writeError(error, temporaryPath: temporaryPath)
        }
    }

    /// Runs `write`, which creates the temporary file (libxlsxwriter, libzip), so that a signal's
    /// clean-up waits for it and removes the file — never one made after the clean-up.
    func creatingTemporary<T>(_ write: () throws -> T) throws -> T { try output.creatingTemporary(write) }

    /// Deletes the temporary file if it exists.
    func discard() { output.discard() }

    /// The error `commit()` throws for `e`, for a commit made elsewhere (`GroupCommit`).
    static func writeError(_ e: OutputError, temporaryPath: String) -> XLSXWriteError {
        switch e {
        case .fileExists(let p): .fileExists(p)
        case .directoryNotWritable(let d): .directoryNotWritable(d)
        case .notAPlainFileName(let name): .cannotCreateWorkbook(name)
        case .cannotWrite(let p, let errno), .cannotMoveIntoPlace(let p, let errno):
            .cannotMoveIntoPlace(from: temporaryPath, to: p, reason: errno.description)
        }
    }
}

extension XLSXWriteError {
    /// The error `XLSXWorkbookWriter.finish()` throws when it cannot sync or move `output` into
    /// place, for a commit made elsewhere (`FileOutput.GroupCommit.commitWritten` of
    /// `finishUncommitted`'s output).
    public init(committing error: OutputError, of output: AtomicOutput) {
        self = XLSXAtomicOutput.writeError(error, temporaryPath: output.temporaryPath)
    }
}
