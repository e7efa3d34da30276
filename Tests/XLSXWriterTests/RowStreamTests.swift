import Foundation
import Testing
import XLSX
@testable import XLSXWriter

/// Rows streamed to a scratch file (`XLSXRowStream`) and put into the sheet when the workbook is
/// finished: the same parts, byte for byte, as the same cells written with the sheet's methods.
@Suite("Streamed rows")
struct RowStreamTests {
    static let title = XLSXStyle(bold: true)
    static let header = XLSXStyle(bold: true, fillColor: 0xDDEEFF)
    static let text = XLSXStyle(fontColor: 0x333333)
    static let number = XLSXStyle(numberFormat: "#,##0")
    static let percent = XLSXStyle(numberFormat: "0.0%")
    static let link = XLSXStyle(underline: .single, fontColor: 0x0563C1)

    /// One body row's cells: text (repeated, escaped, with control characters), numbers that need
    /// their shortest text, 17 digits, blanks with and without a style, a gap.
    static func body(_ row: Int, _ sheet: any XLSXCellWriting) throws {
        let names = ["施策", "_x0041_ そのまま", "改行\nと\u{1}制御", "施策", "& <計画>"]
        try sheet.writeString("P\(row % 7)", at: .at(row, 0), style: text)
        try sheet.writeString(names[row % names.count], at: .at(row, 1), style: text)
        let numbers: [Double] = [0.69, 0.948, 12, 1e20, 1234567.5, 69.4, 0.1 + 0.2, 12345678901234568]
        try sheet.writeNumber(numbers[row % numbers.count], at: .at(row, 2), style: number)
        if row % 3 == 0 { try sheet.writeBlank(at: .at(row, 3), style: percent) } else { try sheet.writeNumber(Double(row) / 1000, at: .at(row, 3), style: percent) }
        try sheet.writeBlank(at: .at(row, 4), style: .default)  // nothing written
        if row % 4 != 1 { try sheet.writeString("開く", at: .at(row, 5), style: link) }
        try sheet.writeString("", at: .at(row, 6), style: text)
    }

    /// A two-sheet workbook whose first sheet has a title, headings and rows `rows` (streamed or
    /// not), links in column F, and whose second sheet repeats some texts and holds a chart of them.
    static func write(_ path: String, streamed: Bool, rows: Range<Int> = 3..<45, links: Bool = true, prefix: Bool = true) throws {
        let book = try XLSXWorkbookWriter(path: path)
        let list = try book.addSheet(named: "一覧")
        if prefix {
            try list.merge(r("A1:G1"), string: "一覧の表題", style: title)
            try list.setRowHeight(0, height: 30)
            for (i, h) in ["コード", "名前", "額", "率", "空", "開く", "空文字"].enumerated() {
                try list.writeString(h, at: .at(2, i), style: header)
            }
        }
        let sink: any XLSXCellWriting = streamed ? try list.streamRows(from: rows.lowerBound, keepingValuesOf: [0, 2, 3]) : list
        for row in rows where row != rows.lowerBound + 5 { try body(row, sink) }
        let linked = rows.filter { $0 % 4 != 1 && $0 != rows.lowerBound + 5 }
        if links { try list.addFileLinks { linked.map { XLSXFileLink(cell: .at($0, 5), target: "p\($0).xlsx", tooltip: "施策 \($0)") } } }
        try list.setColumnWidth(0...6, width: 12)
        try list.freezePanes(row: 3, column: 1)
        try list.setPaper(.a4)
        try list.repeatRows(first: 0, last: 2)
        let other = try book.addSheet(named: "二")
        try other.writeString("施策", at: c("A1"), style: text)
        try other.writeString("新しい", at: c("A2"), style: XLSXStyle(italic: true))
        try other.writeFormula("=SUM('一覧'!C4:C45)", cachedNumber: 0.69, at: c("B1"), style: percent)
        let last = rows.upperBound
        let chart = try book.addChart(XLSXChartSpec(kind: .column, series: [
            XLSXChartSeries(name: "額", categories: "='一覧'!$A$4:$A$\(last)", values: "='一覧'!$C$4:$C$\(last)"),
            XLSXChartSeries(name: "率", categories: "='一覧'!$A$1:$A$\(last + 3)", values: "='一覧'!$D$2:$D$\(last)"),
        ], title: "図"))
        try other.insertChart(chart, at: c("A4"))
        try list.activate()
        try book.finish()
    }

    private func compare(_ name: String, _ body: (String, Bool) throws -> Void) throws {
        let dir = try makeTemporaryDirectory(name)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cells = dir.appendingPathComponent("cells.xlsx").path, streamed = dir.appendingPathComponent("streamed.xlsx").path
        try body(cells, false)
        try body(streamed, true)
        let expected = try FileLinksTests.parts(cells), got = try FileLinksTests.parts(streamed)
        #expect(expected.keys.sorted() == got.keys.sorted(), "\(name)")
        for (part, data) in expected { #expect(got[part] == data, "\(name): \(part) differs") }
        #expect(directoryContents(dir).sorted() == ["cells.xlsx", "streamed.xlsx"], "\(name)")
    }

    @Test func theSamePartsAsCells() throws {
        try compare("links") { try Self.write($0, streamed: $1) }
        try compare("no links") { try Self.write($0, streamed: $1, links: false) }
        try compare("a block of its own") { try Self.write($0, streamed: $1, rows: 16..<300) }
        try compare("one row") { try Self.write($0, streamed: $1, rows: 3..<4) }
        try compare("nothing above") { try Self.write($0, streamed: $1, rows: 0..<40, prefix: false) }
    }

    /// The chart's caches of streamed rows are written after the workbook is closed: past 65,535
    /// points their count and indices wrap at 16 bits, as libxlsxwriter's own do.
    @Test func chartCachesPast65535PointsAsTheLibraryWritesThem() throws {
        try compare("65,600 rows") { try Self.write($0, streamed: $1, rows: 3..<65_603, links: false) }
    }

    @Test func aChartNeverInsertedDoesNotFailTheWorkbook() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("book.xlsx").path
        let book = try XLSXWorkbookWriter(path: path)
        let list = try book.addSheet(named: "一覧")
        try list.writeString("コード", at: c("A1"))
        try list.writeString("額", at: c("B1"))
        let stream = try list.streamRows(from: 1, keepingValuesOf: [0, 1])
        for row in 1..<20 {
            try stream.writeString("P\(row)", at: .at(row, 0))
            try stream.writeNumber(Double(row), at: .at(row, 1))
        }
        _ = try book.addChart(XLSXChartSpec(kind: .column, series: [
            XLSXChartSeries(name: "額", categories: "='一覧'!$A$2:$A$19", values: "='一覧'!$B$2:$B$19")], title: "入れない図"))
        let shown = try book.addChart(XLSXChartSpec(kind: .column, series: [
            XLSXChartSeries(name: "額", categories: "='一覧'!$A$2:$A$20", values: "='一覧'!$B$2:$B$20")], title: "図"))
        try list.insertChart(shown, at: c("D2"))
        try book.finish()
        let chart = String(decoding: try FileLinksTests.parts(path)["xl/charts/chart1.xml"] ?? Data(), as: UTF8.self)
        #expect(chart.contains("<c:strRef><c:f>'一覧'!$A$2:$A$20</c:f><c:strCache><c:ptCount val=\"19\"/><c:pt idx=\"0\"><c:v>P1</c:v></c:pt>"))
        #expect(chart.contains("<c:numRef><c:f>'一覧'!$B$2:$B$20</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"19\"/><c:pt idx=\"0\"><c:v>1</c:v></c:pt>"))
        #expect(try FileLinksTests.parts(path).keys.filter { $0.hasPrefix("xl/charts/chart") }.count == 1)
    }

    @Test func theChartKeepsItsCaches() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("book.xlsx").path
        try Self.write(path, streamed: true)
        let chart = String(decoding: try FileLinksTests.parts(path)["xl/charts/chart1.xml"] ?? Data(), as: UTF8.self)
        #expect(chart.contains("<c:strRef><c:f>'一覧'!$A$4:$A$45</c:f><c:strCache><c:ptCount val=\"42\"/><c:pt idx=\"0\"><c:v>P3</c:v></c:pt>"))
        #expect(chart.contains("<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"42\"/><c:pt idx=\"0\"><c:v>1E+20</c:v></c:pt>"))
        #expect(chart.contains("<c:ptCount val=\"48\"/><c:pt idx=\"0\"><c:v>一覧の表題</c:v></c:pt><c:pt idx=\"2\"><c:v>コード</c:v></c:pt><c:pt idx=\"3\"><c:v>P3</c:v></c:pt>"))
    }

    @Test func theSheetAndThoseBeforeItTakeNoMoreCells() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("book.xlsx").path)
        let first = try book.addSheet(named: "A"), list = try book.addSheet(named: "B")
        try list.writeString("上", at: c("A1"))
        #expect(caughtError { _ = try list.streamRows(from: 0) } != nil)  // a cell at the first row
        let stream = try list.streamRows(from: 1)
        #expect(caughtError { _ = try list.streamRows(from: 5) } != nil)
        #expect(caughtError { try list.writeString("x", at: c("A9")) } != nil)
        #expect(caughtError { try first.writeNumber(1, at: c("A1")) } != nil)
        #expect(caughtError { try list.setRowHeight(3, height: 20) } != nil)
        #expect(caughtError { try list.setColumnWidth(0, width: 9, style: Self.text) } != nil)
        try list.setColumnWidth(0, width: 9)
        try stream.writeString("a", at: c("A2"))
        #expect(caughtError { try stream.writeString("b", at: c("A2")) } != nil)  // twice
        try stream.writeString("a", at: c("A3"))
        #expect(caughtError { try stream.writeString("b", at: c("A2")) } != nil)  // out of order
        #expect(caughtError { try stream.writeString("b", at: c("A1")) } != nil)  // above
        try book.addSheet(named: "C").writeString("later sheets take cells", at: c("A1"))
        try book.finish()
    }

    /// The rows of a block of 16 that the sheet's own rows share take those rows' spans.
    @Test func rowsBesideTheSheetsOwnStayWithinTheirColumns() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("book.xlsx").path)
        let sheet = try book.addSheet(named: "S")
        try sheet.writeString("表題", at: c("A1"))
        let stream = try sheet.streamRows(from: 1)
        try stream.writeString("a", at: c("A2"))
        try stream.writeString("b", at: c("B2"))
        #expect(caughtError { try book.finish() } != nil)
        #expect(directoryContents(dir).isEmpty)
    }

    @Test func aChartOfAColumnNotKeptFailsTheWorkbook() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("book.xlsx").path
        let book = try XLSXWorkbookWriter(path: path)
        let list = try book.addSheet(named: "L")
        let stream = try list.streamRows(from: 0, keepingValuesOf: [0])
        for row in 0..<5 { try stream.writeNumber(Double(row), at: .at(row, 0)); try stream.writeNumber(1, at: .at(row, 1)) }
        let chart = try book.addChart(XLSXChartSpec(kind: .column, series: [XLSXChartSeries(values: "=L!$B$1:$B$5")]))
        try book.addSheet(named: "G").insertChart(chart, at: c("A1"))
        #expect(caughtError { try book.finish() } != nil)
        #expect(directoryContents(dir).isEmpty)
    }

    @Test func abandonedStreamsLeaveNothingBehind() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("book.xlsx").path)
            let stream = try book.addSheet(named: "L").streamRows(from: 0)
            for row in 0..<20_000 { try stream.writeString("行 \(row)", at: .at(row, 0)) }
            book.abandon()
        }
        #expect(directoryContents(dir).isEmpty)
    }

    @Test func readersSeeTheStreamedCells() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "S")
            try sheet.merge(r("A1:C1"), string: "表題", style: Self.title)
            let stream = try sheet.streamRows(from: 1)
            try stream.writeString("施策 & <計画>", at: c("A2"), style: Self.text)
            try stream.writeNumber(0.69, at: c("B2"), style: Self.percent)
            try stream.writeBlank(at: c("C2"), style: Self.number)
        }
        #expect(json.sheet("S").cell("A2")["value"] == .string("施策 & <計画>"))
        #expect(json.sheet("S").cell("B2")["value"] == .number(0.69))
        #expect(json.sheet("S").cell("B2")["numberFormat"] == .string("0.0%"))
    }
}

private extension CellReference {
    static func at(_ row: Int, _ column: Int) -> CellReference { CellReference(row: row, column: column) }
}
