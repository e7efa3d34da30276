import Foundation
import Testing
import XLSX
@testable import XLSXWriter

/// A small tmpfs mounted for one test (the suite runs as root in `make test`; mounting is the one
/// way to get a really full disk). Unmounted by `unmount()`.
struct SmallFileSystem {
    let path: String

    init(kilobytes: Int, _ function: String = #function) throws {
        let dir = try makeTemporaryDirectory(function)
        let result = try run("mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", dir.path])
        guard result.status == 0 else {
            try? FileManager.default.removeItem(at: dir)
            throw ToolFailure(description: "mounting a \(kilobytes) KB tmpfs needs root (make test runs as root): \(result.stderr)")
        }
        path = dir.path
    }

    func unmount() {
        _ = try? run("umount", [path])
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Text that deflate cannot shrink: `count` pseudo-random CJK ideographs (3 bytes each).
func incompressibleText(_ count: Int, seed: UInt64) -> String {
    var state = seed
    var scalars = String.UnicodeScalarView()
    for _ in 0..<count {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        scalars.append(Unicode.Scalar(UInt32(0x4E00 + (state >> 33) % 20_000))!)
    }
    return String(scalars)
}

@Suite("A full disk", .serialized)
struct FullDiskTests {
    @Test("closing the workbook on a full disk names the output file and says why; nothing is left behind")
    func outputOnFullDisk() throws {
        let fs = try SmallFileSystem(kilobytes: 64)
        defer { fs.unmount() }
        let path = fs.path + "/511.xlsx"
        let book = try XLSXWorkbookWriter(path: path, scratchDirectory: FileManager.default.temporaryDirectory.path)
        let sheet = try book.addSheet(named: "S")
        for row in 0..<8 { try sheet.writeString(incompressibleText(30_000, seed: UInt64(row)), at: CellReference(row: row, column: 0)) }
        let error = caughtError { try book.finish() }
        guard case .cannotWriteFile(let file, _, _, let system) = error else {
            Issue.record("expected .cannotWriteFile, got \(String(describing: error))")
            return
        }
        #expect(file == path)
        #expect(system == ENOSPC)
        #expect(error?.description == "could not write \(path): No space left on device")
        #expect(error?.japaneseDescription == "ブック \(path) を書き込めません: ディスクの空き容量が足りません")
        #expect(directoryContents(URL(fileURLWithPath: fs.path)) == [])
    }

    @Test("a full scratch disk (whose writes libxlsxwriter does not check) fails the workbook instead of truncating it")
    func scratchOnFullDisk() throws {
        let fs = try SmallFileSystem(kilobytes: 64)
        defer { fs.unmount() }
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.path + "/511.xlsx"
        let book = try XLSXWorkbookWriter(path: path, scratchDirectory: fs.path)
        let sheet = try book.addSheet(named: "S")
        for row in 0..<8 { try sheet.writeString(incompressibleText(30_000, seed: UInt64(row)), at: CellReference(row: row, column: 0)) }
        let error = caughtError { try book.finish() }
        #expect(error == .cannotWriteScratchFile(path, directory: fs.path, systemError: ENOSPC))
        #expect(error?.description == "could not write \(path): No space left on device (scratch files in \(fs.path))")
        #expect(error?.japaneseDescription == "ブック \(path) を書き込めません: 作業用フォルダ \(fs.path) でディスクの空き容量が足りません")
        #expect(directoryContents(dir) == [])
        #expect(directoryContents(URL(fileURLWithPath: fs.path)) == [])
    }
}
