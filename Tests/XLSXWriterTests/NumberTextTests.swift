import Foundation
import Testing
import XLSX
@testable import XLSXWriter

/// `n` decimals of 1…15 significant digits, deterministic (the printed numbers a sheet may hold).
func printedDecimals(_ n: Int, seed: UInt64) -> [String] {
    var state = seed
    func next(_ bound: UInt64) -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return (state >> 11) % bound
    }
    return (0..<n).map { _ in
        let digits = Int(next(15)) + 1
        var mantissa = String(next(9) + 1)
        for _ in 1..<digits { mantissa += String(next(10)) }
        let point = Int(next(UInt64(digits + 6))) - 3  // digits before the point, may be ≤ 0
        var text: String
        if point <= 0 {
            text = "0." + String(repeating: "0", count: -point) + mantissa
        } else if point >= digits {
            text = mantissa + String(repeating: "0", count: point - digits)
        } else {
            text = String(mantissa.prefix(point)) + "." + mantissa.dropFirst(point)
        }
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return next(4) == 0 ? "-" + text : text
    }
}

@Suite("Numbers: the shortest text of the double nearest the printed decimal")
struct NumberTextTests {
    @Test("libxlsxwriter's %.16G and the shortest form")
    func forms() {
        #expect(XLSXNumberText.library(0.69) == "0.6899999999999999")
        #expect(XLSXNumberText.shortest(0.69) == "0.69")
        #expect(XLSXNumberText.library(69.4) == "69.40000000000001")
        #expect(XLSXNumberText.shortest(69.4) == "69.4")
        #expect(XLSXNumberText.correction(0.948) == nil)   // %.16G already prints 0.948
        #expect(XLSXNumberText.correction(999_999_999_999) == nil)
        #expect(XLSXNumberText.shortest(1e-5) == "1E-05")
        #expect(XLSXNumberText.shortest(1e16) == "1E+16")
        #expect(XLSXNumberText.shortest(-0.0) == "-0")
        #expect(XLSXNumberText.shortest(123) == "123")
        #expect(XLSXNumberText.shortest(.greatestFiniteMagnitude) == "1.7976931348623157E+308")
    }

    @Test("only number cells change; text cells and formulas with text results keep their text")
    func rewriteScope() {
        let xml = #"<row r="1"><c r="A1" s="3"><v>0.6899999999999999</v></c><c r="B1" t="str"><f>A1&amp;""</f><v>0.6899999999999999</v></c><c r="C1"><f>A1</f><v>0.6899999999999999</v></c><c r="D1" t="s"><v>7</v></c></row>"#
        let out = XLSXNumberText.rewrite(Array(xml.utf8), ["0.6899999999999999": "0.69"]).map { String(decoding: $0, as: UTF8.self) }
        #expect(out == #"<row r="1"><c r="A1" s="3"><v>0.69</v></c><c r="B1" t="str"><f>A1&amp;""</f><v>0.6899999999999999</v></c><c r="C1"><f>A1</f><v>0.69</v></c><c r="D1" t="s"><v>7</v></c></row>"#)
        #expect(XLSXNumberText.rewrite(Array(#"<c r="A1"><v>0.5</v></c>"#.utf8), ["0.6899999999999999": "0.69"]) == nil)
    }

    @Test("2,000 printed decimals: the sheet XML holds each in its shortest form, readers see its nearest double")
    func writtenDecimals() throws {
        let decimals = printedDecimals(2_000, seed: 0x5EED) + ["0.69", "69.4", "0.682", "0.943", "92.1", "0.948", "0.984"]
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("numbers.xlsx").path
        let book = try XLSXWorkbookWriter(path: path)
        let sheet = try book.addSheet(named: "S")
        for (i, d) in decimals.enumerated() {
            try sheet.writeNumber(Double(d)!, at: CellReference(row: i, column: 0))
            try sheet.writeFormula("=A\(i + 1)", cachedNumber: Double(d)!, at: CellReference(row: i, column: 1))
        }
        try sheet.writeFormula("=\"x\"", cachedString: "0.6899999999999999", at: c("C1"))
        try book.finish()
        let script = """
        import json, re, sys, zipfile, openpyxl
        from python_calamine import CalamineWorkbook
        xml = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode()
        v = dict(re.findall(r'<c r="([A-Z]+[0-9]+)"[^>]*>(?:<f>[^<]*</f>)?<v>([^<]*)</v>', xml))
        ws = openpyxl.load_workbook(sys.argv[1], data_only=True).active
        cal = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
        n = int(sys.argv[2])
        print(json.dumps({"xml": [[v["A%d" % (i + 1)], v["B%d" % (i + 1)]] for i in range(n)],
                          "openpyxl": [ws.cell(i + 1, 1).value for i in range(n)],
                          "calamine": [cal[i][0] for i in range(n)], "text": v["C1"]}))
        """
        let result = try run("python3", ["-c", script, path, String(decimals.count)])
        guard result.status == 0 else { throw ToolFailure(description: result.stderr) }
        struct Seen: Decodable { var xml: [[String]]; var openpyxl: [Double]; var calamine: [Double]; var text: String }
        let seen = try JSONDecoder().decode(Seen.self, from: result.stdout)
        var corrected = 0
        for (i, d) in decimals.enumerated() {
            let nearest = Double(d)!
            let shortest = XLSXNumberText.shortest(nearest)
            #expect(seen.xml[i] == [shortest, shortest], "\(d)")
            #expect(seen.openpyxl[i] == nearest && seen.calamine[i] == nearest, "\(d)")
            if XLSXNumberText.library(nearest) != shortest { corrected += 1 }
        }
        #expect(corrected > 100)  // %.16G misprints about one in fifteen: the correction is exercised
        #expect(seen.text == "0.6899999999999999")
    }
}
