import Foundation
import Testing
import XLSX
@testable import XLSXWriter

/// Filter buttons on a header row, as openpyxl reads them back.
@Suite("Autofilter")
struct AutoFilterTests {
    @Test func theRangeIsWrittenAndReadBack() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "回収状況")
            for (c, h) in ["施策コード", "状態", "エラー"].enumerated() { try sheet.writeString(h, at: CellReference(row: 2, column: c)) }
            for r in 3...5 { try sheet.writeNumber(Double(r), at: CellReference(row: r, column: 2)) }
            try sheet.autofilter(CellRange(first: CellReference(row: 2, column: 0), last: CellReference(row: 5, column: 2)))
            _ = try book.addSheet(named: "なし")
        }
        #expect(json.sheet("回収状況")["autoFilter"] == .string("A3:C6"))
        #expect(json.sheet("なし")["autoFilter"] == .null)
    }

    @Test func aRangeOutsideTheSheetIsRefused() throws {
        let dir = try makeTemporaryDirectory(#function)
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("x.xlsx").path)
        defer { book.abandon() }
        let sheet = try book.addSheet(named: "A")
        #expect(throwsError(.cellOutOfRange(row: CellReference.maxRow + 1, column: 0)) {
            try sheet.autofilter(CellRange(first: CellReference(row: 0, column: 0), last: CellReference(row: CellReference.maxRow + 1, column: 0)))
        })
    }
}
