#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Every C library call of the module, in one place (after swift-system's `Syscalls.swift`): each
/// returns a Swift value and the `errno` of a failure, so the rest of the module never touches C.
enum Syscalls {
    /// `open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)`: a new file, never an existing one.
    static func createExclusive(_ path: String) -> Result<Int32, Errno> {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        return fd >= 0 ? .success(fd) : .failure(Errno(errno))
    }

    /// `open(2)` with O_CREAT | O_EXCL for reading and writing, by this user only (a scratch file).
    static func createExclusiveForReadingAndWriting(_ path: String) -> Result<Int32, Errno> {
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        return fd >= 0 ? .success(fd) : .failure(Errno(errno))
    }

    /// `open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)`: a file another writer wrote and closed (a C
    /// library's), opened to sync it — never through a symbolic link put in its place.
    static func openWritten(_ path: String) -> Result<Int32, Errno> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        return fd >= 0 ? .success(fd) : .failure(Errno(errno))
    }

    /// `write(2)` until every byte is written (retrying short writes and EINTR).
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Errno? {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return Errno(errno)
            }
            offset += n
        }
        return nil
    }

    /// `pwrite(2)` (or `pread(2)` when `reading`) of the whole buffer at `offset`, retrying short
    /// transfers and EINTR; the errno of a failure (EIO for an end of file).
    static func transferAll(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, at offset: Int, reading: Bool) -> Errno? {
        var done = 0
        while done < buffer.count {
            let n = reading ? pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                : pwrite(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0, errno == EINTR { continue }
            if n < 0 { return Errno(errno) }
            if n == 0 { return Errno(EIO) }
            done += n
        }
        return nil
    }

    /// `fsync(2)` then `close(2)`; the first failure's errno (a full disk can surface only here).
    static func syncAndClose(_ fd: Int32) -> Errno? {
        let failure = sync(fd)
        let closing = closeFile(fd)
        return failure ?? closing
    }

    /// `fsync(2)`: the file's data and metadata on the disk (EINVAL, a file that cannot be synced, is no failure).
    static func sync(_ fd: Int32) -> Errno? {
        fsync(fd) != 0 && errno != EINVAL ? Errno(errno) : nil
    }

    /// `close(2)`; its errno on failure (a file system that writes late can report an error only here).
    static func closeFile(_ fd: Int32) -> Errno? {
        close(fd) != 0 ? Errno(errno) : nil
    }

    /// `syncfs(2)`: every file of the file system holding `fd` written and synced, in one call (its
    /// error since `fd` was opened, Linux 5.8 and later). ENOSYS where the C library has no `syncfs`.
    /// Only on file systems known to write (and report) every file's data on `syncfs` — see
    /// `syncsEveryFile`; elsewhere ENOTSUP, so that each file is `fsync`ed on its own.
    static func syncFileSystem(_ fd: Int32) -> Errno? {
        guard let call = LateBound.syncfs else { return Errno(ENOSYS) }
        guard syncsEveryFile(fd) else { return Errno(ENOTSUP) }
        return call(fd) == 0 ? nil : Errno(errno)
    }

    /// Local disk file systems whose `syncfs` writes every dirty file and reports its errors
    /// (`fstatfs(2)` f_type): ext2/3/4, XFS, Btrfs, F2FS, tmpfs, and overlayfs (which syncs its
    /// upper one). Not FUSE (ntfs-3g, sshfs, rclone: the kernel passes neither `syncfs` nor
    /// `sync_file_range` to the file system's program, only `fsync`), NFS, SMB or anything unknown.
    static func syncsEveryFile(_ fd: Int32) -> Bool {
        // `struct statfs` begins with `f_type` (a C long) on Linux; the rest is room (it is 120 bytes).
        guard let call = LateBound.fstatfs else { return false }
        var buffer = [Int](repeating: 0, count: 64)
        guard buffer.withUnsafeMutableBytes({ call(fd, $0.baseAddress!) }) == 0 else { return false }
        return groupSyncedFileSystems.contains(UInt64(truncatingIfNeeded: buffer[0]))
    }

    /// The `f_type` magic numbers of `syncsEveryFile` (linux/magic.h).
    static let groupSyncedFileSystems: Set<UInt64> = [
        0xEF53,        // ext2, ext3, ext4
        0x5846_5342,   // XFS
        0x9123_683E,   // Btrfs
        0xF2F5_2010,   // F2FS
        0x0102_1994,   // tmpfs
        0x794C_7630,   // overlayfs
    ]

    /// After `syncFileSystem`: waits for any write of `fd`'s data still under way and returns the
    /// error writing it met, if any (`sync_file_range(2)` with WAIT_BEFORE | WRITE | WAIT_AFTER; it
    /// syncs nothing more, so it costs nothing once the data are on the disk). `fsync(2)` where the C
    /// library has no `sync_file_range`.
    static func checkWritten(_ fd: Int32) -> Errno? {
        guard let call = LateBound.syncFileRange else { return sync(fd) }
        return call(fd, 0, 0, 1 | 2 | 4) == 0 || errno == EINVAL ? nil : Errno(errno)
    }

    /// The soft limit on open files (`getrlimit(2)` RLIMIT_NOFILE), or nil when unlimited or unknown.
    static func openFileLimit() -> Int? {
        var limit = rlimit()
        #if os(Linux)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }  // RLIM_INFINITY
        return Int(clamping: limit.rlim_cur)
    }

    /// The device of the file system holding `fd` (`fstat(2)`), or nil.
    static func device(_ fd: Int32) -> UInt64? {
        var status = stat()
        return fstat(fd, &status) == 0 ? UInt64(status.st_dev) : nil
    }

    /// `realpath(3)`: the absolute path of an existing file with every symbolic link, `.` and `..` resolved.
    static func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Calls the C library declares only for `_GNU_SOURCE` (which Swift's Glibc module does not
    /// set), looked up once by name; nil where the library has none (macOS).
    private enum LateBound {
        typealias SyncFS = @convention(c) (Int32) -> Int32
        typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32
        typealias FStatFS = @convention(c) (Int32, UnsafeMutableRawPointer) -> Int32

        static let syncfs: SyncFS? = symbol("syncfs").map { unsafeBitCast($0, to: SyncFS.self) }
        static let syncFileRange: SyncFileRange? = symbol("sync_file_range").map { unsafeBitCast($0, to: SyncFileRange.self) }
        /// In Glibc, but its header (sys/statfs.h) is not in Swift's Glibc module.
        static let fstatfs: FStatFS? = symbol("fstatfs").map { unsafeBitCast($0, to: FStatFS.self) }

        private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
            #if os(Linux)
            guard let process = dlopen(nil, RTLD_NOW) else { return nil }
            return dlsym(process, name)
            #else
            return nil
            #endif
        }
    }

    /// The bytes of the regular file at `path`: `open(2)` (O_RDONLY | O_CLOEXEC | O_NONBLOCK, so a
    /// FIFO never blocks the look), `fstat(2)`, then `read(2)` of the size `fstat` gave, as
    /// `Data(contentsOf:)` reads it (a file of size 0, as some special files say, is read to its
    /// end). `.tooLarge` when the file holds more than `limit` bytes — by its size, before anything
    /// is read, or (size 0) once more than that has come. `.unavailable` when it cannot be opened,
    /// is not a regular file, or a read fails: the caller then reads it its usual way for the usual error.
    static func readRegularFile(_ path: String, atMost limit: Int) -> InputFile.Read {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .unavailable }
        defer { closeQuietly(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size >= 0 else { return .unavailable }
        guard status.st_size <= Int64(limit) else { return .tooLarge(size: Int64(status.st_size)) }
        let size = Int(status.st_size)
        var bytes = [UInt8](repeating: 0, count: max(size, 4096))
        var count = 0
        while size == 0 || count < size {
            if count == bytes.count {
                guard count <= limit else { return .tooLarge(size: Int64(count)) }
                bytes.append(contentsOf: repeatElement(0, count: count))
            }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, (size == 0 ? $0.count : size) - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .unavailable
            }
            if n == 0 { break }
            count += n
        }
        guard count <= limit else { return .tooLarge(size: Int64(count)) }
        bytes.removeLast(bytes.count - count)
        return .bytes(bytes)
    }

    /// `close(2)`, ignoring the result (used on paths that already failed).
    static func closeQuietly(_ fd: Int32) { _ = close(fd) }

    /// `link(2)`: makes `to` name the file at `from`; fails with EEXIST if `to` exists (atomically).
    static func makeLink(_ from: String, _ to: String) -> Errno? {
        link(from, to) == 0 ? nil : Errno(errno)
    }

    /// `rename(2)`: replaces `to` atomically.
    static func renameFile(_ from: String, _ to: String) -> Errno? {
        rename(from, to) == 0 ? nil : Errno(errno)
    }

    /// `unlink(2)`, ignoring the result.
    static func unlinkQuietly(_ path: String) { _ = unlink(path) }

    /// Whether anything (even a dangling symbolic link) is at `path` (`lstat(2)`).
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// The device and inode of what `path` leads to (`stat(2)`, links followed), or nil.
    static func identity(_ path: String) -> FileIdentity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// Whether something other than a symbolic link is at `path` (`lstat(2)`).
    static func existsAndIsNotASymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFLNK
    }

    /// Whether `path` is a directory this process may create files in (`stat(2)`, `access(2)`).
    static func isWritableDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR && access(path, W_OK) == 0
    }

    /// `stat(2)` (links followed): something at `path` that is neither a regular file nor a folder.
    static func isSpecialFile(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        let type = status.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    /// Whether `path` is a regular file (not following a final symbolic link).
    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Free bytes for an unprivileged user on the file system holding `path` (`statvfs(3)`).
    static func freeBytes(_ path: String) -> UInt64? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }

    /// The names in a directory (`opendir(3)`/`readdir(3)`), without `.` and `..`; nil if unreadable.
    static func directoryEntries(_ path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// This process's id, asked once (`getpid(2)` is a system call each time; a Swift process never
    /// forks without exec, so the id does not change).
    static let processID: Int32 = getpid()

    /// Whether a process with this id exists (`kill(pid, 0)`: ESRCH means it does not).
    static func processExists(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Blocks `numbers` in the calling thread and in every thread it starts later: from now on each
    /// of them waits, pending, until a dispatch source takes it (none is lost while the sources are
    /// being set up). Call before any other thread is started.
    static func block(_ numbers: [Int32]) {
        var set = sigset_t()
        sigemptyset(&set)
        for number in numbers { sigaddset(&set, number) }
        _ = pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Gives `number` a handler that does nothing, so that a dispatch source can take it instead of
    /// the default action (the signal is blocked in every thread, so the handler never runs; unlike
    /// `SIG_IGN` it does not discard a signal already pending). Returns false, leaving the signal
    /// ignored, when it was ignored already (inherited, as `nohup` does for SIGHUP and a shell for
    /// SIGINT of a job in the background).
    static func holdForSource(_ number: Int32) -> Bool {
        func address(_ handler: sighandler_t?) -> Int { handler.map { unsafeBitCast($0, to: Int.self) } ?? 0 }
        guard address(signal(number, { _ in })) == address(SIG_IGN) else { return true }
        _ = signal(number, SIG_IGN)
        return false
    }

    /// Restores the default action for `signal` and sends it to this process again.
    static func reraise(_ number: Int32) -> Never {
        _ = signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        _ = pthread_sigmask(SIG_UNBLOCK, &set, nil)  // the dispatch source may have it blocked
        _ = raise(number)
        _ = kill(getpid(), number)
        _exit(128 + number)
    }

    /// The text of an errno (`strerror(3)`).
    static func describe(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }

    static let interrupt = SIGINT
    static let terminate = SIGTERM
    static let hangUp = SIGHUP
}

/// An `errno` value from a failed call.
public struct Errno: Error, Hashable, Sendable, CustomStringConvertible {
    public let code: Int32
    init(_ code: Int32) { self.code = code }

    /// The C library's text, e.g. `No space left on device`.
    public var description: String { Syscalls.describe(code) }
    /// The reason in Japanese for the errors a user meets (the C library's text for the rest).
    public var japanese: String {
        switch code {
        case EACCES, EPERM: "アクセスが許可されていません"
        case ENOENT: "ファイルまたはフォルダがありません"
        case EISDIR: "同じ名前のフォルダがあります"
        case ENOTDIR: "パスの途中がフォルダではありません"
        case EROFS: "読み取り専用のドライブです"
        case ENOSPC, EDQUOT, EFBIG: "ディスクの空きが足りません"
        case ENAMETOOLONG: "名前が長すぎます"
        case EEXIST: "既にあります"
        case EBUSY, ETXTBSY: "ほかのプログラムが使用中です"
        case EIO: "ディスクの読み書きに失敗しました"
        case EMFILE, ENFILE: "開いているファイルが多すぎます"
        default: Syscalls.describe(code)
        }
    }
    /// ENOSPC or EDQUOT: the disk (or the user's quota) is full.
    public var isDiskFull: Bool { code == ENOSPC || code == EDQUOT || code == EFBIG }
    /// EEXIST.
    public var isExists: Bool { code == EEXIST }
    /// EXDEV, EPERM, ENOTSUP or ENOSYS from `link`: the file system has no hard links.
    var meansNoHardLinks: Bool { code == EXDEV || code == EPERM || code == ENOTSUP || code == ENOSYS || code == EOPNOTSUPP }
}
