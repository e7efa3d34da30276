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
        var status = stat()
        guard stat(directoryPath, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR,
              access(directoryPath, W_OK) == 0 else {
            throw XLSXWriteError.directoryNotWritable(directoryPath)
        }
        if !overwrite, Self.exists(path) { throw XLSXWriteError.fileExists(path) }
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let prefix = slash == nil ? "" : directory + "/"
        self.path = path
        self.temporaryPath = prefix + "." + name + ".tmp-" + random
        self.overwrite = overwrite
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
