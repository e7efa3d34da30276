import Foundation
import Testing
import XLSX
@testable import XLSXWriter

/// Builds a form-like workbook that uses every feature at once.
func writeFullForm(to path: String) throws {
    let book = try XLSXWorkbookWriter(path: path, overwrite: true)
    let label = XLSXStyle(fontName: "Noto Sans CJK JP", fontSize: 10, bold: true, fillColor: 0xDDEBF7,
                          border: .all(.thin), vertical: .center)
    let value = XLSXStyle(fontName: "Noto Sans CJK JP", fontSize: 10, border: .all(.thin), vertical: .top,
                          wrap: true, locked: false)
    let sheet = try book.addSheet(named: "施策評価シート")
    try sheet.setColumnWidth(0, width: 14)
    try sheet.setColumnWidth(1...4, width: 18)
    try sheet.merge(r("A1:E1"), string: "令和6年度 施策評価シート", style: label.with {
        $0.fontSize = 14
        $0.horizontal = .center
    })
    try sheet.setRowHeight(0, height: 28)
    try sheet.writeString("施策名", at: c("A2"), style: label)
    try sheet.merge(r("B2:E2"), string: "子育て支援の充実", style: value)
    try sheet.writeString("評価", at: c("A3"), style: label)
    try sheet.writeString("B", at: c("B3"), style: value)
    try sheet.addDataValidation(XLSXDataValidation(.list(["A", "B", "C", "D"])), range: r("B3"))
    try sheet.writeString("担当課", at: c("A4"), style: label)
    try sheet.writeString("こども未来課", at: c("B4"), style: value)
    try sheet.addDataValidation(XLSXDataValidation(.list(DataValidationTests.longJapaneseList)), range: r("B4"))
    try sheet.writeString("事業費", at: c("A5"), style: label)
    try sheet.writeNumber(12_345_000, at: c("B5"), style: value.with { $0.numberFormat = "#,##0\"円\"" })
    try sheet.writeFormula("=B5/1000", cachedNumber: 12_345, at: c("C5"), style: value)
    try sheet.writeString("概要", at: c("A6"), style: label)
    try sheet.merge(r("B6:E8"), string: "保育所の待機児童ゼロを目指し、定員を拡大する。\n放課後児童クラブも拡充する。",
                    style: value)
    for row in 5...7 { try sheet.setRowHeight(row, height: 30) }
    try sheet.setPaper(.a4)
    try sheet.setOrientation(.portrait)
    try sheet.fitToPages(width: 1, height: 0)
    try sheet.setMargins(XLSXMargins(left: 0.6, right: 0.6, top: 0.8, bottom: 0.8))
    try sheet.setHeader("&L施策評価&R&D")
    try sheet.setFooter("&C&P/&N")
    try sheet.protect()
    try book.defineName("施策名", refersTo: "='施策評価シート'!$B$2")
    try book.setCustomProperty("FormatVersion", string: "1")
    let data = try book.addSheet(named: "推移")
    for (i, year) in ["R3", "R4", "R5", "R6"].enumerated() {
        try data.writeString(year, at: CellReference(row: i, column: 0))
        try data.writeNumber(Double(100 + 10 * i), at: CellReference(row: i, column: 1))
    }
    let chart = try book.addChart(XLSXChartSpec(kind: .column, series: [
        XLSXChartSeries(name: "件数", categories: "='推移'!$A$1:$A$4", values: "='推移'!$B$1:$B$4"),
    ], title: "推移"))
    try data.insertChart(chart, at: c("D2"))
    try book.finish()
}

@Suite("Independent readers")
struct ExternalReaderTests {
    @Test func everyXMLPartParsesInOpenpyxl() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("form.xlsx").path
        try writeFullForm(to: path)
        let json = try readWithOpenpyxl(path)  // read_workbook.py parses every XML part too
        #expect(json["sheetNames"] == .array([.string("施策評価シート"), .string("推移"), .string("_lists")]))
        #expect(json.sheet("施策評価シート").cell("B2")["value"] == .string("子育て支援の充実"))
        #expect(json["parts"].array.contains(.string("xl/charts/chart1.xml")))
    }

    @Test func theReaderFailsLoudlyWithoutOpenpyxl() throws {
        // `python3 -S` skips site-packages, as on a machine without openpyxl: the helper must
        // exit non-zero with a clear message (readWithOpenpyxl then throws; nothing is skipped).
        let script = pythonHelpers.appendingPathComponent("read_workbook.py").path
        let result = try run("python3", ["-S", script, "/nonexistent.xlsx"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("openpyxl is not installed"))
    }

    @Test func libreOfficeConvertsTheWorkbookToPDF() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice") else {
            Issue.record("LibreOffice (/usr/bin/soffice) is not installed")
            return
        }
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("form.xlsx").path
        try writeFullForm(to: path)
        let home = dir.appendingPathComponent("home")
        let out = dir.appendingPathComponent("pdf")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        let result = try run("soffice", ["-env:UserInstallation=file://" + home.path + "/lo",
                                         "--headless", "--convert-to", "pdf", "--outdir", out.path, path],
                             environment: environment)
        #expect(result.status == 0, "soffice failed: \(result.stderr)")
        let pdf = out.appendingPathComponent("form.pdf")
        let data = try Data(contentsOf: pdf)
        #expect(data.starts(with: Data("%PDF".utf8)))
        // The text LibreOffice laid out must contain what we wrote.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
            let text = try run("pdftotext", ["-layout", pdf.path, "-"])
            let string = String(decoding: text.stdout, as: UTF8.self)
            #expect(string.contains("子育て支援の充実"), "pdftotext output: \(string.prefix(500))")
            #expect(string.contains("12,345,000円"))
        }
    }
}
