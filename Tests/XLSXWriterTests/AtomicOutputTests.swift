import Foundation
import Testing
import XLSX
@testable import XLSXWriter
@testable import FileOutput

@Suite("Atomic output")
struct AtomicOutputTests {
    struct Planned: Error {}

    @Test func finishPlacesTheFileAndLeavesNoTemporary() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("評価.xlsx").path
        let book = try XLSXWorkbookWriter(path: path)
        #expect(book.temporaryPath.hasPrefix(dir.path + "/.評価.xlsx.tmp-"))
        try book.addSheet(named: "S").writeNumber(1, at: c("A1"))
        #expect(!FileManager.default.fileExists(atPath: path))
        try book.finish()
        #expect(directoryContents(dir) == ["評価.xlsx"])
        #expect(!book.isOpen)
        #expect(throwsError(.workbookClosed) { try book.finish() })
        let json = try readWithOpenpyxl(path)
        #expect(json.sheet("S").cell("A1")["value"] == .number(1))
    }

    @Test("finishUncommitted leaves the workbook in its temporary file, still registered, for the caller to commit")
    func finishUncommittedLeavesTheCommitToTheCaller() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("評価.xlsx").path
        let book = try XLSXWorkbookWriter(path: path)
        try book.addSheet(named: "S").writeNumber(1, at: c("A1"))
        let output = try book.finishUncommitted()
        #expect(output.path == path && output.temporaryPath == book.temporaryPath)
        #expect(directoryContents(dir) == [(output.temporaryPath as NSString).lastPathComponent])
        #expect(TemporaryFiles.shared.registered.contains(output.temporaryPath))
        #expect(!book.isOpen)
        book.abandon()  // finished: the temporary is the caller's now
        #expect(FileManager.default.fileExists(atPath: output.temporaryPath))
        try output.syncWrittenTemporary()
        try output.commit()
        #expect(directoryContents(dir) == ["評価.xlsx"])
        #expect(try readWithOpenpyxl(path).sheet("S").cell("A1")["value"] == .number(1))
        // A failed commit is reported as finish() reports it.
        #expect(XLSXWriteError(committing: .fileExists(path), of: output) == .fileExists(path))
    }

    @Test func errorBeforeFinishLeavesNothing() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.xlsx").path
        func export() throws {
            let book = try XLSXWorkbookWriter(path: path)
            let sheet = try book.addSheet(named: "S")
            try sheet.writeString("half", at: c("A1"))
            throw Planned()
        }
        #expect(throws: Planned.self) { try export() }
        #expect(directoryContents(dir).isEmpty)
    }

    @Test func deinitWithoutFinishLeavesNothing() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.xlsx").path
        var sheet: XLSXSheetWriter?
        do {
            let book = try XLSXWorkbookWriter(path: path)
            sheet = try book.addSheet(named: "S")
            try sheet?.writeString("x", at: c("A1"))
        }
        // The writer is gone: the sheet outlives it but cannot write any more.
        #expect(throwsError(.workbookClosed) { try sheet?.writeString("y", at: c("A2")) })
        #expect(directoryContents(dir).isEmpty)
    }

    @Test func abandonAfterEveryFeatureIsSafe() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.xlsx").path
        let book = try XLSXWorkbookWriter(path: path)
        let sheet = try book.addSheet(named: "S")
        try sheet.writeString("x", at: c("A1"), style: XLSXStyle(bold: true))
        try sheet.merge(r("B1:C2"), string: "m")
        try sheet.addDataValidation(XLSXDataValidation(.list(DataValidationTests.longJapaneseList)), range: r("D1"))
        try sheet.addDataValidation(XLSXDataValidation(.list(["a", "b"])), range: r("D2"))
        try sheet.setHeader("&Lh")
        try sheet.protect(password: "pw")
        try book.defineName("n", refersTo: "=S!$A$1")
        try book.setCustomProperty("p", string: "v")
        try book.setDocumentProperties(title: "t")
        _ = try book.addChart(XLSXChartSpec(kind: .column, series: [XLSXChartSeries(values: "=S!$A$1:$A$3")]))
        book.abandon()
        book.abandon()
        #expect(throwsError(.workbookClosed) { try sheet.writeNumber(1, at: c("A1")) })
        #expect(throwsError(.workbookClosed) { _ = try book.addSheet(named: "T") })
        #expect(throwsError(.workbookClosed) { try book.finish() })
        #expect(directoryContents(dir).isEmpty)
    }

    @Test func existingFileIsRefusedUnlessOverwriting() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.xlsx").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throwsError(.fileExists(path)) { _ = try XLSXWorkbookWriter(path: path) })
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("old".utf8))

        // A writer that is abandoned leaves the old file untouched even with overwrite.
        let dropped = try XLSXWorkbookWriter(path: path, overwrite: true)
        try dropped.addSheet(named: "S").writeString("new", at: c("A1"))
        dropped.abandon()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("old".utf8))

        let book = try XLSXWorkbookWriter(path: path, overwrite: true)
        try book.addSheet(named: "S").writeString("new", at: c("A1"))
        try book.finish()
        #expect(directoryContents(dir) == ["out.xlsx"])
        #expect(try readWithOpenpyxl(path).sheet("S").cell("A1")["value"] == .string("new"))
    }

    @Test func fileThatAppearsDuringWritingIsNotReplaced() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.xlsx").path
        let book = try XLSXWorkbookWriter(path: path)
        try book.addSheet(named: "S").writeString("mine", at: c("A1"))
        try Data("someone else's".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throwsError(.fileExists(path)) { try book.finish() })
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("someone else's".utf8))
        #expect(directoryContents(dir) == ["out.xlsx"])
    }

    @Test func missingDirectoryIsReportedAtInit() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("nope").path
        #expect(throwsError(.directoryNotWritable(missing)) {
            _ = try XLSXWorkbookWriter(path: missing + "/out.xlsx")
        })
    }

    @Test func writersAreReleased() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        weak var weakBook: XLSXWorkbookWriter?
        weak var weakContext: XLSXWorkbookContext?
        weak var weakLibraryBook: LXWBook?
        weak var weakSheet: XLSXSheetWriter?
        do {
            let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("a.xlsx").path)
            let sheet = try book.addSheet(named: "S")
            try sheet.writeString("x", at: c("A1"))
            try sheet.hide()
            _ = try book.addSheet(named: "T")
            let chart = try book.addChart(XLSXChartSpec(kind: .line, series: [XLSXChartSeries(values: "=S!$A$1")]))
            try sheet.insertChart(chart, at: c("C3"))
            try sheet.addDataValidation(XLSXDataValidation(.list(DataValidationTests.longJapaneseList)), range: r("A2"))
            try book.finish()
            weakBook = book
            weakContext = book.context
            weakLibraryBook = book.context.book
            weakSheet = sheet
        }
        #expect(weakBook == nil)
        #expect(weakContext == nil)
        #expect(weakLibraryBook == nil)
        #expect(weakSheet == nil)
    }

    @Test func scratchDirectoryMustExist() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("scratch").path
        #expect(throwsError(.directoryNotWritable(missing)) {
            _ = try XLSXWorkbookWriter(path: dir.appendingPathComponent("a.xlsx").path, scratchDirectory: missing)
        })
        let scratch = dir.appendingPathComponent("own-scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false)
        let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("a.xlsx").path, scratchDirectory: scratch.path)
        try book.addSheet(named: "S").writeString("x", at: c("A1"))
        try book.finish()
        #expect(directoryContents(scratch).isEmpty)  // scratch files are unlinked at once
        #expect(try readWithOpenpyxl(book.path).sheet("S").cell("A1")["value"] == .string("x"))
    }

    @Test func failedFinishLeavesNothing() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.xlsx").path
        let book = try XLSXWorkbookWriter(path: path)
        _ = try book.addSheet(named: "S")
        // Make finish fail after libxlsxwriter has written: a directory now sits at the final path.
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let error = caughtError { try book.finish() }
        #expect(error == .fileExists(path))
        #expect(directoryContents(dir) == ["out.xlsx"])
    }
}
