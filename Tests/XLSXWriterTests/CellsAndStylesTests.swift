import Foundation
import Testing
import XLSX
@testable import XLSXWriter

@Suite("Cells and styles, read back with openpyxl")
struct CellsAndStylesTests {
    @Test func valuesOfEveryKind() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "データ")
            try sheet.writeString("施策名", at: c("A1"))
            try sheet.writeString("line1\nline2", at: c("A2"))
            try sheet.writeNumber(1234.5, at: c("B1"))
            try sheet.writeNumber(0.1 + 0.2, at: c("B2"))
            try sheet.writeNumber(-7, at: c("B3"))
            try sheet.writeBool(true, at: c("C1"))
            try sheet.writeBool(false, at: c("C2"))
            try sheet.writeFormula("=B1*2", cachedNumber: 2469, at: c("D1"))
            try sheet.writeFormula("=A1&\"です\"", cachedString: "施策名です", at: c("D2"))
            try sheet.writeBlank(at: c("E1"), style: XLSXStyle(fillColor: 0xFFFF00))
            try sheet.writeString("", at: c("E2"), style: XLSXStyle(fillColor: 0x00FF00))
        }
        let sheet = json.sheet("データ")
        #expect(sheet.cell("A1")["value"] == .string("施策名"))
        #expect(sheet.cell("A2")["value"] == .string("line1\nline2"))
        #expect(sheet.cell("B1")["value"] == .number(1234.5))
        #expect(abs((sheet.cell("B2")["value"].number ?? 0) - 0.3) < 1e-15)
        #expect(sheet.cell("B3")["value"] == .number(-7))
        #expect(sheet.cell("C1")["value"] == .bool(true))
        #expect(sheet.cell("C2")["value"] == .bool(false))
        #expect(sheet.cell("D1")["value"] == .string("=B1*2"))
        #expect(sheet.cell("D1")["cached"] == .number(2469))
        #expect(sheet.cell("D2")["value"] == .string("=A1&\"です\""))
        #expect(sheet.cell("D2")["cached"] == .string("施策名です"))
        #expect(sheet.cell("E1")["value"].isNull)
        #expect(sheet.cell("E1")["fill"] == .string("FFFF00"))
        // An empty string becomes a blank cell that keeps its style.
        #expect(sheet.cell("E2")["value"].isNull)
        #expect(sheet.cell("E2")["fill"] == .string("00FF00"))
    }

    @Test func fontsFillsBordersAlignment() throws {
        let title = XLSXStyle(fontName: "游ゴシック", fontSize: 14, bold: true, italic: true, underline: .single,
                              fontColor: 0xC00000, fillColor: 0xDDEBF7,
                              border: .all(.thin, color: 0x808080), horizontal: .center, vertical: .center,
                              wrap: true)
        let mixed = XLSXStyle(border: XLSXBorder(top: .init(.medium), bottom: .init(.double), left: .init(.hair),
                                                 right: .init(.dashed, color: 0x0000FF)),
                              horizontal: .left, vertical: .top, shrinkToFit: true, indent: 2)
        let black = XLSXStyle(fontColor: 0x000000, fillColor: 0x000000)
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "Styles")
            try sheet.writeString("見出し", at: c("A1"), style: title)
            try sheet.writeString("x", at: c("B2"), style: mixed)
            try sheet.writeString("y", at: c("C3"), style: black)
            try sheet.writeString("right", at: c("D4"), style: XLSXStyle(horizontal: .right, vertical: .bottom))
            try sheet.writeString("double", at: c("D5"), style: XLSXStyle(underline: .double))
            try sheet.writeString("均等", at: c("D6"), style: XLSXStyle(horizontal: .distributed, vertical: .distributed))
        }
        let sheet = json.sheet("Styles")
        let a1 = sheet.cell("A1")
        #expect(a1["font"]["name"] == .string("游ゴシック"))
        #expect(a1["font"]["size"] == .number(14))
        #expect(a1["font"]["bold"] == .bool(true))
        #expect(a1["font"]["italic"] == .bool(true))
        #expect(a1["font"]["underline"] == .string("single"))
        #expect(a1["font"]["color"] == .string("C00000"))
        #expect(a1["fill"] == .string("DDEBF7"))
        for side in ["top", "bottom", "left", "right"] {
            #expect(a1["border"][side]["style"] == .string("thin"))
            #expect(a1["border"][side]["color"] == .string("808080"))
        }
        #expect(a1["alignment"]["horizontal"] == .string("center"))
        #expect(a1["alignment"]["vertical"] == .string("center"))
        #expect(a1["alignment"]["wrap"] == .bool(true))

        let b2 = sheet.cell("B2")
        #expect(b2["border"]["top"]["style"] == .string("medium"))
        #expect(b2["border"]["bottom"]["style"] == .string("double"))
        #expect(b2["border"]["left"]["style"] == .string("hair"))
        #expect(b2["border"]["right"]["style"] == .string("dashed"))
        #expect(b2["border"]["right"]["color"] == .string("0000FF"))
        #expect(b2["alignment"]["horizontal"] == .string("left"))
        #expect(b2["alignment"]["vertical"] == .string("top"))
        #expect(b2["alignment"]["shrink"] == .bool(true))
        #expect(b2["alignment"]["indent"] == .number(2))

        // 0x000000 means black, not "unset" (libxlsxwriter's LXW_COLOR_BLACK).
        #expect(sheet.cell("C3")["font"]["color"] == .string("000000"))
        #expect(sheet.cell("C3")["fill"] == .string("000000"))
        #expect(sheet.cell("D4")["alignment"]["horizontal"] == .string("right"))
        #expect(sheet.cell("D5")["font"]["underline"] == .string("double"))
        #expect(sheet.cell("D6")["alignment"]["horizontal"] == .string("distributed"))
        #expect(sheet.cell("D6")["alignment"]["vertical"] == .string("distributed"))
        // Unstyled cells use the default font.
        #expect(json.sheet("Styles").cell("A1")["locked"] == .bool(true))
    }

    @Test func numberFormats() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "Numbers")
            try sheet.writeNumber(1234567, at: c("A1"), style: XLSXStyle(numberFormat: "#,##0"))
            try sheet.writeNumber(0.256, at: c("A2"), style: XLSXStyle(numberFormat: "0.0%"))
            try sheet.writeNumber(45000, at: c("A3"), style: XLSXStyle(numberFormat: "yyyy\"年\"m\"月\"d\"日\""))
            try sheet.writeNumber(1500, at: c("A4"), style: XLSXStyle(numberFormat: "#,##0\"千円\""))
        }
        let sheet = json.sheet("Numbers")
        #expect(sheet.cell("A1")["numberFormat"] == .string("#,##0"))
        #expect(sheet.cell("A2")["numberFormat"] == .string("0.0%"))
        #expect(sheet.cell("A3")["numberFormat"] == .string("yyyy\"年\"m\"月\"d\"日\""))
        #expect(sheet.cell("A4")["numberFormat"] == .string("#,##0\"千円\""))
        #expect(sheet.cell("A4")["value"] == .number(1500))
    }

    @Test func cellProtectionFlags() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "P")
            try sheet.writeString("locked", at: c("A1"))
            try sheet.writeString("input", at: c("A2"), style: XLSXStyle(locked: false))
            try sheet.writeFormula("=1+1", cachedNumber: 2, at: c("A3"), style: XLSXStyle(hidden: true))
        }
        let sheet = json.sheet("P")
        #expect(sheet.cell("A1")["locked"] == .bool(true))
        #expect(sheet.cell("A2")["locked"] == .bool(false))
        #expect(sheet.cell("A3")["formulaHidden"] == .bool(true))
    }

    @Test func oneFormatPerDistinctStyle() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("f.xlsx").path)
        let sheet = try book.addSheet(named: "S")
        let bold = XLSXStyle(bold: true)
        for row in 0..<50 {
            try sheet.writeString("x", at: CellReference(row: row, column: 0), style: bold)
            try sheet.writeNumber(Double(row), at: CellReference(row: row, column: 1), style: .default)
            try sheet.writeNumber(Double(row), at: CellReference(row: row, column: 2),
                                  style: XLSXStyle(numberFormat: "0.00"))
        }
        #expect(book.context.book.formatCount == 2)
        try book.finish()
    }

    @Test func manyAlternatingStylesKeepTheirOwnFormat() throws {
        // More distinct styles than the recent-style cache holds, interleaved.
        let styles = (0..<20).map { XLSXStyle(fontName: "游ゴシック", fontSize: Double(8 + $0), numberFormat: "0.\(String(repeating: "0", count: $0 % 5))") }
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "S")
            for row in 0..<60 {
                let index = (row * 7) % styles.count
                try sheet.writeNumber(Double(index), at: CellReference(row: row, column: 0), style: styles[index])
            }
            #expect(book.context.book.formatCount == 20)
        }
        let sheet = json.sheet("S")
        for row in 0..<60 {
            let index = (row * 7) % styles.count
            let cell = sheet.cell("A\(row + 1)")
            #expect(cell["value"] == .number(Double(index)))
            #expect(cell["font"]["size"] == .number(Double(8 + index)))
            #expect(cell["font"]["name"] == .string("游ゴシック"))
        }
    }

    @Test func hyperlinks() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "Links")
            _ = try book.addSheet(named: "施策 一覧")
            try sheet.writeURL("https://example.jp/施策?id=1", text: "市のページ", tooltip: "開く", at: c("A1"))
            try sheet.writeInternalLink(toSheet: "施策 一覧", cell: c("B3"), text: "一覧へ", at: c("A2"))
            try sheet.writeURL("mailto:info@example.jp", at: c("A3"), style: XLSXStyle(bold: true))
        }
        let sheet = json.sheet("Links")
        #expect(sheet.cell("A1")["value"] == .string("市のページ"))
        #expect(sheet.cell("A1")["hyperlink"]["target"] == .string("https://example.jp/施策?id=1"))
        #expect(sheet.cell("A1")["hyperlink"]["tooltip"] == .string("開く"))
        #expect(sheet.cell("A1")["font"]["underline"] == .string("single"))
        #expect(sheet.cell("A2")["value"] == .string("一覧へ"))
        #expect(sheet.cell("A2")["hyperlink"]["location"] == .string("'施策 一覧'!B3"))
        // libxlsxwriter shows a mailto: link without its scheme.
        #expect(sheet.cell("A3")["value"] == .string("info@example.jp"))
        #expect(sheet.cell("A3")["hyperlink"]["target"] == .string("mailto:info@example.jp"))
        #expect(sheet.cell("A3")["font"]["bold"] == .bool(true))
    }
}
