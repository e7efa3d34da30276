import Testing
import XLSX
@testable import XLSXWriter

/// Excel's legacy sheet-protection hash (ECMA-376 Part 4, 14.7.1), as openpyxl computes it.
func excelLegacyHash(_ password: String) -> String {
    var hash: UInt16 = 0
    for byte in password.utf8.reversed() {
        hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7FFF)
        hash ^= UInt16(byte)
    }
    hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7FFF)
    hash ^= UInt16(password.utf8.count)
    hash ^= 0xCE4B
    return String(hash, radix: 16, uppercase: true)
}

@Suite("Names, properties, protection, print setup, charts")
struct WorkbookFeatureTests {
    @Test func definedNames() throws {
        let (json, _) = try writeAndRead { book in
            let basics = try book.addSheet(named: "基本情報")
            let other = try book.addSheet(named: "Other Sheet")
            try basics.writeString("施策A", at: c("B3"))
            try book.defineName("施策名", refersTo: "='基本情報'!$B$3")
            try book.defineName("_Total", refersTo: "='Other Sheet'!$A$1:$C$4")
            try book.defineName("Local.Name", refersTo: "='基本情報'!$C$5", sheet: basics)
            try book.defineName("Local.Name", refersTo: "='Other Sheet'!$C$5", sheet: other)
        }
        let names = json["definedNames"].array
        func find(_ name: String, _ scope: String?) -> JSON? {
            names.first { $0["name"] == .string(name) && $0["scope"] == (scope.map(JSON.string) ?? .null) }
        }
        #expect(find("施策名", nil)?["value"] == .string("'基本情報'!$B$3"))
        #expect(find("_Total", nil)?["value"] == .string("'Other Sheet'!$A$1:$C$4"))
        #expect(find("Local.Name", "基本情報")?["value"] == .string("'基本情報'!$C$5"))
        #expect(find("Local.Name", "Other Sheet")?["value"] == .string("'Other Sheet'!$C$5"))
    }

    @Test func documentAndCustomProperties() throws {
        let (json, _) = try writeAndRead { book in
            _ = try book.addSheet(named: "S")
            try book.setDocumentProperties(title: "施策評価シート", subject: "令和6年度", author: "企画課",
                                           manager: "課長", company: "○○市", category: "評価",
                                           keywords: "施策,評価", comments: "自動生成",
                                           createdUnixTime: 1_700_000_000)
            try book.setCustomProperty("FormatVersion", string: "1.2")
            try book.setCustomProperty("施策番号", int: 1203)
            try book.setCustomProperty("Final", bool: true)
            try book.setCustomProperty("Ratio", double: 0.75)
        }
        let props = json["properties"]
        #expect(props["title"] == .string("施策評価シート"))
        #expect(props["subject"] == .string("令和6年度"))
        #expect(props["creator"] == .string("企画課"))
        #expect(props["keywords"] == .string("施策,評価"))
        #expect(props["description"] == .string("自動生成"))
        #expect(props["category"] == .string("評価"))
        #expect(props["company"] == .string("○○市"))
        #expect(props["manager"] == .string("課長"))
        #expect(props["created"].string?.hasPrefix("2023-11-14T22:13:20") == true)
        let custom = json["customProperties"]
        #expect(custom["FormatVersion"]["value"] == .string("1.2"))
        #expect(custom["施策番号"]["value"] == .number(1203))
        #expect(custom["Final"]["value"] == .bool(true))
        #expect(custom["Ratio"]["value"] == .number(0.75))
    }

    @Test func sheetProtectionWithoutPassword() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "Form")
            try sheet.writeString("入力欄", at: c("B2"), style: XLSXStyle(locked: false))
            try sheet.protect(options: XLSXProtectionOptions(selectLockedCells: false, formatCells: true,
                                                             insertRows: true, sort: true))
            let plain = try book.addSheet(named: "Plain")
            try plain.protect()
        }
        let p = json.sheet("Form")["protection"]
        #expect(p["sheet"] == .bool(true))
        #expect(p["password"].isNull)
        // OOXML stores "protected" flags: false means the action is allowed.
        #expect(p["formatCells"] == .bool(false))
        #expect(p["insertRows"] == .bool(false))
        #expect(p["sort"] == .bool(false))
        #expect(p["formatColumns"] == .bool(true))
        #expect(p["deleteRows"] == .bool(true))
        #expect(p["selectLockedCells"] == .bool(true))     // selecting locked cells is blocked
        #expect(p["selectUnlockedCells"] == .bool(false))
        #expect(json.sheet("Form").cell("B2")["locked"] == .bool(false))
        let plain = json.sheet("Plain")["protection"]
        #expect(plain["sheet"] == .bool(true))
        #expect(plain["selectLockedCells"] == .bool(false))
        #expect(plain["formatCells"] == .bool(true))
    }

    @Test func sheetProtectionPasswordIsHashedCorrectly() throws {
        // 24 characters whose last one sorts before "@": the longest 1.1.4 hashes correctly.
        let longest = "abcdefghijklmnopqrstuvw0"
        #expect(excelLegacyHash("password") == "83AF")
        let (json, _) = try writeAndRead { book in
            try book.addSheet(named: "A").protect(password: "password")
            try book.addSheet(named: "B").protect(password: longest)
        }
        #expect(json.sheet("A")["protection"]["password"] == .string("83AF"))
        #expect(json.sheet("B")["protection"]["password"] == .string(excelLegacyHash(longest)))
    }

    @Test func printSetup() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "施策評価")
            try sheet.writeString("x", at: c("A1"))
            try sheet.setPaper(.a4)
            try sheet.setOrientation(.landscape)
            try sheet.fitToPages(width: 1, height: 0)
            try sheet.repeatRows(first: 0, last: 2)
            try sheet.setPrintArea(r("A1:H40"))
            try sheet.setMargins(XLSXMargins(left: 0.5, right: 0.4, top: 0.6, bottom: 0.7, header: 0.2, footer: 0.25))
            try sheet.setHeader("&L施策評価シート&R&D")
            try sheet.setFooter("&C&P/&N")
            try sheet.centerHorizontally()
            let scaled = try book.addSheet(named: "Scaled")
            try scaled.writeString("y", at: c("A1"))
            try scaled.setOrientation(.portrait)
            try scaled.setPaper(.a3)
            try scaled.setPrintScale(75)
            try scaled.centerVertically()
        }
        let p = json.sheet("施策評価")["print"]
        #expect(p["paperSize"] == .number(9))
        #expect(p["orientation"] == .string("landscape"))
        #expect(p["fitToPage"] == .bool(true))
        #expect(p["fitToWidth"] == .number(1) || p["fitToWidth"].isNull)  // 1 is the OOXML default
        #expect(p["fitToHeight"] == .number(0))
        #expect(p["titleRows"] == .string("$1:$3"))
        #expect(p["printArea"] == .string("'施策評価'!$A$1:$H$40"))
        #expect(p["margins"]["left"] == .number(0.5))
        #expect(p["margins"]["right"] == .number(0.4))
        #expect(p["margins"]["top"] == .number(0.6))
        #expect(p["margins"]["bottom"] == .number(0.7))
        #expect(p["margins"]["header"] == .number(0.2))
        #expect(p["margins"]["footer"] == .number(0.25))
        #expect(p["headerParts"][0] == .string("施策評価シート"))
        #expect(p["headerParts"][2] == .string("&D"))
        #expect(p["footerParts"][1] == .string("&P/&N"))
        #expect(p["horizontalCentered"] == .bool(true))
        let s = json.sheet("Scaled")["print"]
        #expect(s["paperSize"] == .number(8))
        #expect(s["orientation"] == .string("portrait"))
        #expect(s["scale"] == .number(75))
        #expect(s["fitToPage"] == .bool(false))
        #expect(s["verticalCentered"] == .bool(true))
    }

    @Test func charts() throws {
        let (json, _) = try writeAndRead { book in
            let data = try book.addSheet(named: "実績")
            let years = ["R3", "R4", "R5", "R6"]
            for (i, year) in years.enumerated() {
                try data.writeString(year, at: CellReference(row: i + 1, column: 0))
                try data.writeNumber(Double(10 + i), at: CellReference(row: i + 1, column: 1))
                try data.writeNumber(Double(20 - i), at: CellReference(row: i + 1, column: 2))
            }
            try data.writeString("目標", at: c("B1"))
            let column = try book.addChart(XLSXChartSpec(
                kind: .column,
                series: [XLSXChartSeries(name: "実績値", categories: "='実績'!$A$2:$A$5", values: "='実績'!$B$2:$B$5"),
                         XLSXChartSeries(name: "='実績'!$B$1", categories: "='実績'!$A$2:$A$5",
                                         values: "='実績'!$C$2:$C$5")],
                title: "成果指標の推移", xAxisTitle: "年度", yAxisTitle: "件数", legend: .bottom))
            let bar = try book.addChart(XLSXChartSpec(kind: .bar, series: [XLSXChartSeries(values: "='実績'!$B$2:$B$5")],
                                                      legend: .none))
            let line = try book.addChart(XLSXChartSpec(kind: .lineWithMarkers,
                                                       series: [XLSXChartSeries(values: "='実績'!$C$2:$C$5")],
                                                       title: "折れ線"))
            try data.insertChart(column, at: c("E2"), width: 600, height: 300)
            try data.insertChart(bar, at: c("E20"))
            let charts = try book.addSheet(named: "グラフ")
            try charts.insertChart(line, at: c("B2"))
            #expect(throwsError(.invalidChart(reason: "a chart can be inserted only once")) {
                try charts.insertChart(line, at: c("B30"))
            })
            #expect(line.isInserted)
        }
        let charts = json.sheet("実績")["charts"].array
        #expect(charts.count == 2)
        let column = charts.first { $0["barDir"] == .string("col") }
        #expect(column?["type"] == .string("barChart"))
        #expect(column?["title"] == .string("成果指標の推移"))
        #expect(column?["xAxisTitle"] == .string("年度"))
        #expect(column?["yAxisTitle"] == .string("件数"))
        #expect(column?["legend"] == .string("b"))
        #expect(column?["series"][0]["values"] == .string("'実績'!$B$2:$B$5"))
        #expect(column?["series"][0]["categories"] == .string("'実績'!$A$2:$A$5"))
        #expect(column?["series"][0]["name"] == .string("実績値"))
        #expect(column?["series"][1]["name"] == .string("'実績'!$B$1"))
        #expect(column?["anchor"] == .number(4))
        #expect(column?["anchorRow"] == .number(1))
        let bar = charts.first { $0["barDir"] == .string("bar") }
        #expect(bar?["legend"].isNull == true)
        let line = json.sheet("グラフ")["charts"][0]
        #expect(line["type"] == .string("lineChart"))
        #expect(line["title"] == .string("折れ線"))
    }
}
