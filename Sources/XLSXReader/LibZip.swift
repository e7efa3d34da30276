// The only file that calls libzip. Everything else sees `LibZipArchive` and typed errors.

import CZip

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One entry of the central directory, as libzip reports it (sizes are declared, never trusted).
struct LibZipEntry: Sendable {
    var index: UInt64
    var name: String
    var declaredSize: UInt64
    var compressionMethod: UInt16
    var encryptionMethod: UInt16
}

/// A failure inside libzip, turned into something the caller can map to an `XLSXReadError`.
enum LibZipFailure: Error, Sendable {
    /// libzip could not open the archive (`ZIP_ER_*` code and libzip's message).
    case open(code: Int32, message: String)
    /// libzip could not open or read an entry.
    case read(code: Int32, message: String)
    /// The entry inflated past the caller's per-part budget.
    case partBudgetExceeded
    /// The entry inflated past what was left of the whole-archive budget.
    case archiveBudgetExceeded
    /// The entry is encrypted (any method).
    case encrypted(method: UInt16)
    /// The entry uses a compression method other than store or deflate.
    case unsupportedCompression(method: UInt16)
    /// The path could not be opened for reading.
    case cannotOpenFile(errno: Int32)
}

/// Bytes of one inflated part, owned by this object and freed with it.
///
/// The buffer is allocated with exactly `count` bytes (plus nothing), so address sanitizer
/// reports any read past the end.
final class PartBytes: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let count: Int

    init(base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit { free(base) }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}

/// A file's bytes read in one go into a malloc'd buffer (ownership passes to libzip), or just
/// its first bytes when the file is larger than `wholeFileLimit`.
struct FileContents {
    /// The whole file (malloc'd; nil when the file was too large to read whole).
    var whole: UnsafeMutableRawPointer?
    var count: Int
    /// The first bytes of the file (up to 8), for sniffing.
    var prefix: [UInt8]
}

/// Opens and reads a file: whole when its size is at most `wholeFileLimit`, else only its first
/// 8 bytes (libzip then reads it by path).
func readFile(path: String, wholeFileLimit: Int) throws(LibZipFailure) -> FileContents {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw .cannotOpenFile(errno: errno) }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw .cannotOpenFile(errno: errno) }
    guard (st.st_mode & S_IFMT) == S_IFREG else { throw .cannotOpenFile(errno: EISDIR) }
    let size = Int(st.st_size)
    let wanted = size <= wholeFileLimit ? size : min(size, 8)
    guard let buffer = malloc(max(wanted, 1)) else { throw .open(code: ZIP_ER_MEMORY, message: "out of memory") }
    var got = 0
    while got < wanted {
        let n = read(fd, buffer + got, wanted - got)
        if n < 0 {
            if errno == EINTR { continue }
            free(buffer)
            throw .cannotOpenFile(errno: errno)
        }
        if n == 0 { break }  // the file shrank while being read
        got += n
    }
    let prefixCount = min(got, 8)
    let prefix = [UInt8](UnsafeRawBufferPointer(start: buffer, count: prefixCount))
    if size <= wholeFileLimit {
        return FileContents(whole: buffer, count: got, prefix: prefix)
    }
    free(buffer)
    return FileContents(whole: nil, count: size, prefix: prefix)
}

/// A read-only libzip archive handle.
final class LibZipArchive {
    private let handle: OpaquePointer

    /// Opens a zip file on disk.
    init(path: String) throws(LibZipFailure) {
        var code: Int32 = 0
        guard let za = zip_open(path, ZIP_RDONLY, &code) else {
            throw .open(code: code, message: Self.message(forCode: code))
        }
        handle = za
    }

    /// Opens a zip held in memory. The bytes are copied into a malloc'd buffer that libzip frees.
    convenience init(bytes: UnsafeRawBufferPointer) throws(LibZipFailure) {
        let count = bytes.count
        guard let copy = malloc(max(count, 1)) else { throw .open(code: ZIP_ER_MEMORY, message: "out of memory") }
        if count > 0, let src = bytes.baseAddress { memcpy(copy, src, count) }
        try self.init(taking: copy, count: count)
    }

    /// Opens a zip held in a malloc'd buffer; libzip takes ownership and frees it (also on failure).
    init(taking buffer: UnsafeMutableRawPointer, count: Int) throws(LibZipFailure) {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(buffer, UInt64(count), 1, &error) else {
            free(buffer)
            throw .open(code: zip_error_code_zip(&error), message: String(cString: zip_error_strerror(&error)))
        }
        guard let za = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)  // also frees `buffer` (freep = 1)
            throw .open(code: zip_error_code_zip(&error), message: String(cString: zip_error_strerror(&error)))
        }
        handle = za
    }

    deinit { zip_discard(handle) }

    /// Number of entries in the central directory.
    var entryCount: Int {
        let n = zip_get_num_entries(handle, 0)
        return n < 0 ? 0 : Int(n)
    }

    /// The central-directory record of entry `index`, or nil when libzip cannot stat it.
    func entry(at index: Int) -> LibZipEntry? {
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_stat_index(handle, UInt64(index), 0, &st) == 0, let cName = st.name else { return nil }
        return LibZipEntry(
            index: UInt64(index),
            name: String(decoding: UnsafeRawBufferPointer(start: cName, count: strlen(cName)), as: UTF8.self),
            declaredSize: (st.valid & UInt64(ZIP_STAT_SIZE)) != 0 ? st.size : 0,
            compressionMethod: (st.valid & UInt64(ZIP_STAT_COMP_METHOD)) != 0 ? st.comp_method : 0,
            encryptionMethod: (st.valid & UInt64(ZIP_STAT_ENCRYPTION_METHOD)) != 0 ? st.encryption_method : 0)
    }

    /// Inflates one entry in chunks, counting every byte: stops as soon as `partLimit` or
    /// `archiveBudget` would be exceeded, whatever the entry declares. `consumed` receives the
    /// number of bytes inflated (also on failure) so the caller can charge the archive budget.
    func read(_ entry: LibZipEntry, partLimit: Int, archiveBudget: Int, consumed: inout Int) throws(LibZipFailure) -> PartBytes {
        consumed = 0
        guard entry.encryptionMethod == UInt16(ZIP_EM_NONE) else { throw .encrypted(method: entry.encryptionMethod) }
        guard entry.compressionMethod == UInt16(ZIP_CM_STORE) || entry.compressionMethod == UInt16(ZIP_CM_DEFLATE) else {
            throw .unsupportedCompression(method: entry.compressionMethod)
        }
        guard let file = zip_fopen_index(handle, entry.index, 0) else {
            let error = zip_get_error(handle)!
            throw .read(code: zip_error_code_zip(error), message: String(cString: zip_error_strerror(error)))
        }
        defer { zip_fclose(file) }

        let limit = min(partLimit, archiveBudget)
        // The declared size is only a hint for the first allocation, never more than 1 MiB.
        var capacity = max(4096, min(Int(clamping: entry.declaredSize) &+ 1, 1 << 20, limit &+ 1))
        guard var buffer = malloc(capacity)?.assumingMemoryBound(to: UInt8.self) else {
            throw .read(code: ZIP_ER_MEMORY, message: "out of memory")
        }
        var count = 0
        while true {
            if count == capacity {
                // Grow geometrically, but never beyond limit + 1 (one extra byte detects overflow).
                let newCapacity = capacity > Int.max / 4 ? limit &+ 1 : min(capacity * 2, limit &+ 1)
                if newCapacity <= capacity {
                    free(buffer)
                    consumed = count
                    throw count >= partLimit ? .partBudgetExceeded : .archiveBudgetExceeded
                }
                guard let grown = realloc(buffer, newCapacity)?.assumingMemoryBound(to: UInt8.self) else {
                    free(buffer)
                    throw .read(code: ZIP_ER_MEMORY, message: "out of memory")
                }
                buffer = grown
                capacity = newCapacity
            }
            let want = min(capacity - count, 1 << 16)
            let got = zip_fread(file, buffer + count, UInt64(want))
            if got < 0 {
                let error = zip_file_get_error(file)!
                let code = zip_error_code_zip(error)
                let message = String(cString: zip_file_strerror(file))
                free(buffer)
                consumed = count
                throw .read(code: code, message: message)
            }
            if got == 0 { break }
            count += Int(got)
            if count > limit {
                free(buffer)
                consumed = count
                throw count > partLimit ? .partBudgetExceeded : .archiveBudgetExceeded
            }
        }
        consumed = count
        // Shrink to the exact size so that reads past the end are caught by sanitizers.
        let exact = realloc(buffer, max(count, 1))?.assumingMemoryBound(to: UInt8.self) ?? buffer
        return PartBytes(base: exact, count: count)
    }

    /// libzip's text for a `ZIP_ER_*` code.
    static func message(forCode code: Int32) -> String {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return String(cString: zip_error_strerror(&error))
    }

    /// The libzip code meaning "not a zip archive".
    static let notAZipCode: Int32 = ZIP_ER_NOZIP
}
