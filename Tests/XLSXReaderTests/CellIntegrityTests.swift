import Testing
import XLSX
@testable import XLSXReader

/// A value is never silently another one: addresses that cannot both hold, numbers no cell holds,
/// number formats that cannot be known, and `_xHHHH_` escapes decoded exactly once per text element.
@Suite struct CellIntegrityTests {
    @Test("a duplicated address or a cell outside its row is an error with the sheet and the cell")
    func impossibleAddresses() throws {
        let cases: [(String, XLSXReadError.Kind, String)] = [
            ("duplicate-cell-address.xlsx", .duplicateCell, "B4"),
            ("duplicate-cell-in-repeated-row.xlsx", .duplicateCell, "B4"),
            ("cell-outside-its-row.xlsx", .cellOutsideItsRow, "B7"),
        ]
        for (file, kind, cell) in cases {
            let error = #expect(throws: XLSXReadError.self) { try open(Fixtures.hostile(file)).worksheet(at: 0) }
            #expect(error?.kind == kind, "\(file)")
            #expect(error?.sheet == "Sheet1", "\(file)")
            #expect(error?.reference == CellReference(cell), "\(file)")
        }
        let error = #expect(throws: XLSXReadError.self) { try open(Fixtures.hostile("duplicate-cell-address.xlsx")).worksheet(at: 0) }
        #expect(error?.detail == "the worksheet holds two cells at B4; which value is meant cannot be known")
    }

    @Test("a numeric cell that no double holds names its cell")
    func numberOutOfRange() throws {
        let error = #expect(throws: XLSXReadError.self) { try open(Fixtures.hostile("number-underflows-to-zero.xlsx")).worksheet(at: 0) }
        #expect(error?.reference == CellReference("C2"))
        #expect(error?.detail == "numeric cell holds \"-1.5e-400\", which is beyond what a cell holds (±2.2e-308 … ±1.8e308)")
        let hex = #expect(throws: XLSXReadError.self) { try open(Fixtures.hostile("hex-float-number.xlsx")).worksheet(at: 0) }
        #expect(hex?.detail == "numeric cell holds \"0x1p3\", which is not a number")
    }

    @Test("a style index past the cell formats, or an unreadable format id, has an unknown format, never General")
    func styleIndexPointsNowhere() throws {
        let ws = try open(Fixtures.quirk("style-index-points-nowhere.xlsx")).worksheet(at: 0)
        #expect(ws["A1"]?.numberFormat == "0.0")
        #expect(ws["B1"]?.numberFormat == nil)
        #expect(ws["B1"]?.styleIndex == 7)
        #expect(ws["C1"]?.numberFormat == nil)
        #expect(ws["D1"]?.numberFormat == "General")
        #expect(ws.v("B1") == num(33, "33"))
    }

    @Test("without a styles part, style 0 is General and any other style is unknown")
    func noStylesPart() throws {
        let ws = try open(Fixtures.quirk("no-styles-part.xlsx")).worksheet(at: 0)
        #expect(ws["A1"]?.numberFormat == "General")
        #expect(ws["B1"]?.numberFormat == "General")
        #expect(ws["C1"]?.numberFormat == nil)
        #expect(ws["C1"]?.isLocked == true)
    }

    @Test("escapes are decoded once per <t>: CR comes back, _x005F_ is a literal underscore, runs never join into an escape")
    func escapesPerTextElement() throws {
        let ws = try open(Fixtures.quirk("escapes-decoded-per-text-element.xlsx")).worksheet(at: 0)
        #expect(ws.v("A1") == .string("CR\rLF\r\nend"))
        #expect(ws.v("B1") == .string("literal _x000D_ and _x005F_"))
        #expect(ws.v("C1") == .string("_x0041_"))
        #expect(ws.v("D1") == .string("a\rb"))
        #expect(ws.v("A2") == .string("in\rline _x0041_"))
        #expect(ws.v("B2") == .string("f\rs _x000D_"))
    }

    @Test("decoding only the text after a start offset")
    func decodeFromOffset() {
        var bytes = Array("_x0041_|_x0042_".utf8)
        decodeOOXMLEscapes(&bytes, from: 7)
        #expect(String(decoding: bytes, as: UTF8.self) == "_x0041_|B")
    }

    @Test("cell lookups beyond the last row never alias another cell")
    func lookupBeyondLastRow() throws {
        let ws = try open(Fixtures.quirk("rows-out-of-order.xlsx")).worksheet(at: 0)
        #expect(ws[CellReference(row: 2, column: 1)] != nil)
        #expect(ws[CellReference(row: 2 + (1 << 50), column: 1)] == nil)
        #expect(ws[CellReference(row: Int.max, column: 1)] == nil)
        #expect(ws[CellReference(row: -1, column: 0)] == nil)
    }

    @Test("decimal attributes never overflow")
    func decimalsNeverOverflow() {
        func parse(_ s: String, limit: Int) -> Int? { Array(s.utf8).withUnsafeBufferPointer { parseDecimal($0, limit: limit) } }
        #expect(parse("9223372036854775807", limit: .max) == .max)
        #expect(parse("9223372036854775808", limit: .max) == nil)
        #expect(parse("99999999999999999999999", limit: .max) == nil)
        #expect(parse("2147483648", limit: 1 << 31) == 1 << 31)
        #expect(parse("2147483649", limit: 1 << 31) == nil)
    }
}

/// The raw parts of a package, for tools that rewrite a workbook's XML.
@Suite struct PackagePartsTests {
    @Test("every part by its stored name, in zip order, as the reader inflates it")
    func parts() throws {
        let parts = try XLSXPackage.parts(path: Fixtures.quirk("rows-out-of-order.xlsx"))
        #expect(parts.map(\.name) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                      "xl/worksheets/sheet1.xml", "xl/styles.xml"])
        let sheet = try #require(parts.first { $0.name == "xl/worksheets/sheet1.xml" })
        #expect(String(decoding: sheet.bytes, as: UTF8.self).contains("<c r=\"C3\"><v>33</v></c>"))
    }

    @Test("a hostile package fails as reading does")
    func hostile() {
        let error = #expect(throws: XLSXReadError.self) {
            try XLSXPackage.parts(path: Fixtures.hostile("zip-bomb-sheet.xlsx"), limits: XLSXReadLimits(maxPartBytes: 1 << 20))
        }
        #expect(error?.kind == .partTooLarge(limit: 1 << 20))
    }
}
