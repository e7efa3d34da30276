import FileOutput
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The unnamed scratch file of an `XLSXRowStream` (`FileOutput.ScratchFile`: beside the workbook,
/// never in /tmp, gone when closed, never left by a signal), written in 64 KiB pieces and read back
/// whole. What is read back is counted and hashed (FNV-1a) against what was written, so a file cut
/// short or written over fails the workbook instead of cutting its rows.
struct XLSXRowScratch {
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var size = 0
    private var hash: UInt64 = Self.seed
    private var failure: Int32 = 0
    private let reportedPath: String
    /// What the file holds, as its messages name it ("the streamed rows", "a chart's cache").
    private let what: String

    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let piece = 1 << 16

    /// A scratch file in `directory` for `what` it will hold; errors name `reportedPath` (the workbook).
    init(in directory: String, reportingAs reportedPath: String, holding what: String = "the streamed rows") throws {
        guard let fd = ScratchFile.create(in: directory, name: "evalsheet-rows") else {
            throw Self.failure(reportedPath, "no scratch file for \(what)", system: errno)
        }
        self.fd = fd
        self.reportedPath = reportedPath
        self.what = what
        buffer.reserveCapacity(Self.piece)
    }

    mutating func write(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.piece { flush() }
    }

    private mutating func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == 0, fd >= 0, !buffer.isEmpty else { return }
        hash = Self.hash(buffer[...], from: hash)
        let whole = buffer.withUnsafeBytes { ScratchFile.write(fd, $0, at: size) }
        if whole { size += buffer.count } else { failure = errno == 0 ? EIO : errno }
    }

    /// Writes what is buffered; throws if any write failed.
    mutating func finish() throws {
        flush()
        if failure != 0 { throw Self.failure(reportedPath, "\(what) could not be written to a scratch file", system: failure) }
    }

    /// Hands every byte written to `write`, in pieces; throws when the file does not give back
    /// exactly what was written.
    func read(_ write: (ArraySlice<UInt8>) -> Void) throws {
        var piece = [UInt8](repeating: 0, count: Self.piece)
        var at = 0, h = Self.seed
        while at < size {
            let want = min(piece.count, size - at)
            let whole = piece.withUnsafeMutableBytes { ScratchFile.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<want]), at: at) }
            guard whole else { throw Self.failure(reportedPath, "\(what) could not be read back", system: errno == 0 ? EIO : errno) }
            h = Self.hash(piece[..<want], from: h)
            write(piece[..<want])
            at += want
        }
        var extra: UInt8 = 0
        let beyond = pread(fd, &extra, 1, off_t(size))
        guard h == hash, beyond == 0 else {
            throw Self.failure(reportedPath, "\(what) changed in the scratch file", system: 0)
        }
    }

    mutating func close() {
        if fd >= 0 { closeScratch(fd) }
        fd = -1
    }

    private static func hash(_ bytes: ArraySlice<UInt8>, from seed: UInt64) -> UInt64 {
        var h = seed
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    private static func failure(_ path: String, _ message: String, system: Int32) -> XLSXWriteError {
        .cannotWriteFile(path, libraryCode: 0, libraryMessage: message, systemError: system)
    }
}

/// `close(2)`, for the place where a member named `close` hides it.
private func closeScratch(_ fd: Int32) { _ = close(fd) }
