#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that appears at `path` all at once or not at all.
///
/// The content is written to `.<name>.tmp-<random>` in the same directory (so the final
/// rename never crosses file systems); `commit()` moves it onto `path`, `discard()` deletes it.
struct XLSXAtomicOutput {
    let path: String
    let temporaryPath: String
    let overwrite: Bool

    init(path: String, overwrite: Bool) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        if name.isEmpty || name == "." || name == ".." {
            throw XLSXWriteError.cannotCreateWorkbook(path)
        }
        let directoryPath = directory.isEmpty ? "/" : directory
        guard Self.isWritableDirectory(directoryPath) else {
            throw XLSXWriteError.directoryNotWritable(directoryPath)
        }
        if !overwrite, Self.exists(path) { throw XLSXWriteError.fileExists(path) }
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let prefix = slash == nil ? "" : directory + "/"
        self.path = path
        self.temporaryPath = prefix + "." + name + ".tmp-" + random
        self.overwrite = overwrite
    }

    static func isWritableDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR && access(path, W_OK) == 0
    }

    /// `/dev/shm` (memory) when it is a writable directory with at least 256 MiB free, else nil
    /// for the C library's default. libxlsxwriter does not check its writes to scratch files,
    /// so a small tmpfs (Docker's is 64 MiB) must not be used for a large workbook.
    static var defaultScratchDirectory: String? {
        let shm = "/dev/shm"
        guard isWritableDirectory(shm) else { return nil }
        var info = statvfs()
        guard statvfs(shm, &info) == 0 else { return nil }
        let free = UInt64(info.f_bavail) * UInt64(info.f_frsize)
        return free >= 256 << 20 ? shm : nil
    }

    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Moves the temporary file onto `path`. Without `overwrite`, an existing file at `path`
    /// (even one that appeared after `init`) is left alone and `.fileExists` is thrown.
    func commit() throws {
        if overwrite {
            if rename(temporaryPath, path) != 0 { throw failure(errno) }
            return
        }
        // link(2) refuses to replace an existing file, atomically.
        if link(temporaryPath, path) == 0 {
            unlink(temporaryPath)
            return
        }
        let code = errno
        if code == EEXIST {
            discard()
            throw XLSXWriteError.fileExists(path)
        }
        // File systems without hard links: check, then rename.
        if Self.exists(path) {
            discard()
            throw XLSXWriteError.fileExists(path)
        }
        if rename(temporaryPath, path) != 0 { throw failure(errno) }
    }

    private func failure(_ code: Int32) -> XLSXWriteError {
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        discard()
        return .cannotMoveIntoPlace(from: temporaryPath, to: path, reason: reason)
    }

    /// Deletes the temporary file if it exists.
    func discard() {
        unlink(temporaryPath)
    }
}
