import Testing
import XLSX
@testable import XLSXReader

/// Parts parsed once for the same bytes (`PartMemo`): a value is handed out only for byte-identical
/// input under the same nesting limit and key, and workbooks read in any order read as each alone.
@Suite struct PartMemoTests {
    private func withBytes<R>(_ bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer(body)
    }

    @Test func onlyTheSameBytesLimitAndKey() {
        let memo = PartMemo<Int>(capacity: 2)
        withBytes([1, 2, 3]) { memo.keep(7, for: $0, maxDepth: 10, key: "xl/workbook.xml") }
        #expect(withBytes([1, 2, 3]) { memo.value(for: $0, maxDepth: 10, key: "xl/workbook.xml") } == 7)
        #expect(withBytes([1, 2, 4]) { memo.value(for: $0, maxDepth: 10, key: "xl/workbook.xml") } == nil)
        #expect(withBytes([1, 2]) { memo.value(for: $0, maxDepth: 10, key: "xl/workbook.xml") } == nil)
        #expect(withBytes([1, 2, 3]) { memo.value(for: $0, maxDepth: 11, key: "xl/workbook.xml") } == nil)
        #expect(withBytes([1, 2, 3]) { memo.value(for: $0, maxDepth: 10, key: "") } == nil)
        // Keys compare by bytes: a canonically equivalent spelling is another key.
        withBytes([9]) { memo.keep(1, for: $0, maxDepth: 10, key: "\u{304C}") }
        #expect(withBytes([9]) { memo.value(for: $0, maxDepth: 10, key: "\u{304B}\u{3099}") } == nil)
        #expect(withBytes([9]) { memo.value(for: $0, maxDepth: 10, key: "\u{304C}") } == 1)
    }

    @Test func emptyPartsAndTheOldestGoesFirst() {
        let memo = PartMemo<Int>(capacity: 2)
        withBytes([]) { memo.keep(0, for: $0, maxDepth: 1, key: "") }
        withBytes([1]) { memo.keep(1, for: $0, maxDepth: 1, key: "") }
        #expect(withBytes([]) { memo.value(for: $0, maxDepth: 1, key: "") } == 0)
        withBytes([2]) { memo.keep(2, for: $0, maxDepth: 1, key: "") }
        #expect(withBytes([]) { memo.value(for: $0, maxDepth: 1, key: "") } == nil)
        #expect(withBytes([1]) { memo.value(for: $0, maxDepth: 1, key: "") } == 1)
        #expect(withBytes([2]) { memo.value(for: $0, maxDepth: 1, key: "") } == 2)
        let large = [UInt8](repeating: 0x20, count: PartMemo<Int>.maxBytes + 1)
        withBytes(large) { memo.keep(3, for: $0, maxDepth: 1, key: "") }
        #expect(withBytes(large) { memo.value(for: $0, maxDepth: 1, key: "") } == nil)
    }

    /// Workbooks with different styles and relationships, read one after another and again: every
    /// cell's number format and lock, and every sheet's part, are those of the workbook read alone.
    @Test func workbooksReadInTurnReadAsAlone() throws {
        let names = ["japanese-builtin-number-formats.xlsx", "no-styles-part.xlsx", "style-index-points-nowhere.xlsx",
                     "absolute-rel-targets.xlsx", "libreoffice-resaved.xlsx", "japanese-builtin-number-formats.xlsx"]
        func summary(_ name: String) throws -> [String] {
            let document = try XLSXDocument(path: Fixtures.quirk(name))
            return try readEverything(document).flatMap { sheet in
                [sheet.partName] + sheet.cells.map { "\($0.reference) \($0.numberFormat ?? "nil") \($0.isLocked)" }
            }
        }
        let first = try names.map(summary)
        let again = try names.reversed().map(summary).reversed()
        #expect(first == Array(again))
        #expect(first[0] == first[5])
        #expect(first[0] != first[1])
    }
}
