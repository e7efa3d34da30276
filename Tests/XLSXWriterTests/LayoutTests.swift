import Testing
import XLSX
@testable import XLSXWriter

@Suite("Merges, columns, rows and sheet view")
struct LayoutTests {
    @Test func mergesHoldTheirValueInTheFirstCell() throws {
        let boxed = XLSXStyle(border: .all(.thin), horizontal: .center, vertical: .center, wrap: true)
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "様式")
            try sheet.merge(r("A1:D1"), string: "施策評価シート", style: boxed)
            try sheet.merge(r("A2:B3"), number: 42, style: boxed.with { $0.numberFormat = "#,##0" })
            try sheet.merge(r("C2:D3"), style: boxed)
            try sheet.merge(r("E5"), string: "one cell")  // written, not merged
        }
        let sheet = json.sheet("様式")
        #expect(sheet["merges"] == .array([.string("A1:D1"), .string("A2:B3"), .string("C2:D3")]))
        #expect(sheet.cell("A1")["value"] == .string("施策評価シート"))
        #expect(sheet.cell("A2")["value"] == .number(42))
        #expect(sheet.cell("A2")["numberFormat"] == .string("#,##0"))
        #expect(sheet.cell("C2")["value"].isNull)
        #expect(sheet.cell("E5")["value"] == .string("one cell"))
        // Every cell of a merged block carries the border, so the block is framed.
        #expect(sheet.cell("D1")["border"]["right"]["style"] == .string("thin"))
        #expect(sheet.cell("B3")["border"]["bottom"]["style"] == .string("thin"))
    }

    @Test func overlappingMergeIsRefused() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "S")
            try sheet.merge(r("A1:C2"), string: "first")
            #expect(throwsError(.overlappingMerge(r("C2:D4"), existing: r("A1:C2"))) {
                try sheet.merge(r("C2:D4"), string: "second")
            })
            #expect(throwsError(.overlappingMerge(r("B2:C2"), existing: r("A1:C2"))) {
                try sheet.merge(r("B2:C2"), style: .default)
            })
            #expect(throwsError(.overlappingMerge(r("A1:Z9"), existing: r("A1:C2"))) {
                try sheet.merge(r("A1:Z9"), number: 1)
            })
            try sheet.merge(r("D1:E1"), string: "adjacent is fine")
        }
        #expect(json.sheet("S")["merges"] == .array([.string("A1:C2"), .string("D1:E1")]))
    }

    @Test func columnWidthsAndRowHeights() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "Sizes")
            try sheet.setColumnWidth(0, width: 4.5)
            try sheet.setColumnWidth(1...3, width: 20)
            try sheet.setColumnWidth(5, width: 10, hidden: true)
            try sheet.setColumnWidth(6, width: 12, style: XLSXStyle(fillColor: 0xEEEEEE))
            try sheet.setRowHeight(0, height: 30)
            try sheet.setRowHeight(2, height: 45.75, style: XLSXStyle(bold: true))
            try sheet.setRowHeight(4, height: 15, hidden: true)
            try sheet.hideRow(6)
            try sheet.writeString("x", at: c("A1"))
        }
        let sheet = json.sheet("Sizes")
        #expect(sheet["columns"]["A"]["width"].number.map { abs($0 - 4.5) < 0.8 } == true)
        for column in ["B", "C", "D"] {
            #expect(sheet["columns"][column]["width"].number.map { abs($0 - 20) < 0.8 } == true)
        }
        #expect(sheet["columns"]["F"]["hidden"] == .bool(true))
        #expect(sheet["columns"]["G"]["width"].number.map { abs($0 - 12) < 0.8 } == true)
        #expect(sheet["rows"]["1"]["height"] == .number(30))
        #expect(sheet["rows"]["3"]["height"] == .number(45.75))
        #expect(sheet["rows"]["5"]["hidden"] == .bool(true))
        #expect(sheet["rows"]["7"]["hidden"] == .bool(true))
    }

    @Test func sheetView() throws {
        let (json, _) = try writeAndRead { book in
            let first = try book.addSheet(named: "表紙")
            let second = try book.addSheet(named: "本体")
            let third = try book.addSheet(named: "隠し")
            try first.hideGridlines()
            try second.freezePanes(row: 2, column: 1)
            try second.setZoom(85)
            try second.setTabColor(0xFF0000)
            try second.activate()
            try third.hide()
        }
        #expect(json["sheetNames"] == .array([.string("表紙"), .string("本体"), .string("隠し")]))
        #expect(json["active"] == .string("本体"))
        #expect(json.sheet("表紙")["showGridLines"] == .bool(false))
        #expect(json.sheet("本体")["freezePanes"] == .string("B3"))
        #expect(json.sheet("本体")["zoom"] == .number(85))
        #expect(json.sheet("本体")["tabColor"] == .string("FF0000"))
        #expect(json.sheet("隠し")["state"] == .string("hidden"))
        #expect(json.sheet("本体")["state"] == .string("visible"))
    }

    @Test func hidingTheActiveSheetOpensOnAVisibleOne() throws {
        let (json, _) = try writeAndRead { book in
            let first = try book.addSheet(named: "A")
            _ = try book.addSheet(named: "B")
            try first.hide()
        }
        #expect(json.sheet("A")["state"] == .string("hidden"))
        #expect(json["active"] == .string("B"))
    }
}
