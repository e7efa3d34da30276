import Foundation
import Testing
import XLSX
@testable import XLSXWriter

/// What `python/cell_texts.py` reports for one text cell.
struct CellTexts: Decodable {
    var raw: String
    var decoded: String
    var openpyxl: String?
    var calamine: String?
    var style: String?
}

struct CellTextDump: Decodable {
    var cells: [String: CellTexts]
    var count: Int
    var uniqueCount: Int
}

/// Writes `texts` into column A of one sheet (A1, A2, …) with `body` for extras, and returns
/// what the readers see.
func writeTexts(_ texts: [String], _ function: String = #function,
                extra body: (XLSXSheetWriter) throws -> Void = { _ in }) throws -> CellTextDump {
    let dir = try makeTemporaryDirectory(function)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("texts.xlsx").path
    let book = try XLSXWorkbookWriter(path: path)
    let sheet = try book.addSheet(named: "S")
    for (i, text) in texts.enumerated() {
        try sheet.writeString(text, at: CellReference(row: i, column: 0), style: XLSXStyle(wrap: true))
    }
    try body(sheet)
    try book.finish()
    let result = try run("python3", [pythonHelpers.appendingPathComponent("cell_texts.py").path, path])
    guard result.status == 0 else { throw ToolFailure(description: "cell_texts.py failed: \(result.stderr)") }
    return try JSONDecoder().decode(CellTextDump.self, from: result.stdout)
}

/// Texts that mean something else to an ST_Xstring reader unless escaped, each with the shared
/// string that must be stored for it (what Excel stores).
let escapingCases: [(text: String, stored: String)] = [
    ("plain 施策", "plain 施策"),
    ("_x0041_", "_x005F_x0041_"),
    ("lit _x000D_ end", "lit _x005F_x000D_ end"),
    ("_x005F_x0041_", "_x005F_x005F_x005F_x0041_"),   // overlapping: both underscores
    ("_x00e9_", "_x005F_x00e9_"),                       // lower-case hex is an escape too
    ("_xABCD\r", "_x005F_xABCD_x000D_"),                // the CR's escape would close the sequence
    ("_x12_ _x12345_ _xGHIJ_ x0041_", "_x12_ _x12345_ _xGHIJ_ x0041_"),  // not escapes: unchanged
    ("a\r\nb", "a_x000D_\nb"),
    ("cr\r", "cr_x000D_"),
    ("tab\tlf\n", "tab\tlf\n"),
    ("\u{1}\u{1F}", "_x0001__x001F_"),
    ("nul\u{0}after", "nul_x0000_after"),
    ("non\u{FFFE}char\u{FFFF}", "non_xFFFE_char_xFFFF_"),
    ("_x0041\u{0}", "_x005F_x0041_x0000_"),
    ("__x0041_", "__x005F_x0041_"),
    ("_", "_"),
    ("_x", "_x"),
]

@Suite("Cell text: escapes, control characters and the 32,767-character limit")
struct CellTextTests {
    @Test("the escaping Swift adds, byte for byte")
    func escapingTable() {
        #expect(XLSXCellText.escaped("施策の方向性") == nil)
        #expect(XLSXCellText.escaped("a_b x_1 _y") == nil)
        #expect(XLSXCellText.escaped("_x12_") == nil)
        #expect(XLSXCellText.escaped("_x0041_") == "_x005F_x0041_")
        #expect(XLSXCellText.escaped("_xABCD\r") == "_x005F_xABCD\r")  // libxlsxwriter escapes the CR
        #expect(XLSXCellText.escaped("a\u{0}b") == "a_x0000_b")
        #expect(XLSXCellText.escaped("\u{FFFE}") == "_xFFFE_")
        #expect(XLSXCellText.libraryLength("あ_x") == 3)
    }

    @Test("every reader that decodes _xHHHH_ gets the exact text back; the stored form is Excel's")
    func storedAndDecoded() throws {
        let dump = try writeTexts(escapingCases.map(\.text))
        for (i, (text, stored)) in escapingCases.enumerated() {
            let cell = try #require(dump.cells["A\(i + 1)"], "A\(i + 1)")
            #expect(cell.raw == stored, "A\(i + 1): \(text.debugDescription)")
            #expect(cell.decoded == text, "A\(i + 1): \(text.debugDescription)")
        }
    }

    @Test("python-calamine reads every text exactly (it decodes escapes of ASCII and control characters)")
    func calamine() throws {
        let texts = escapingCases.map(\.text).filter { !$0.unicodeScalars.contains { $0.value >= 0xFFFE } }
        let dump = try writeTexts(texts)
        for (i, text) in texts.enumerated() {
            #expect(dump.cells["A\(i + 1)"]?.calamine == text, "A\(i + 1): \(text.debugDescription)")
        }
    }

    @Test("openpyxl reads literal _xHHHH_ exactly (it decodes only _x005F_ and shows other escapes as written)")
    func openpyxl() throws {
        let texts = ["_x0041_", "lit _x000D_ end", "_x00e9_", "_x12_ _xGHIJ_", "__x0041_", "tab\tlf\n", "a\r\nb"]
        let dump = try writeTexts(texts)
        for (i, text) in texts.enumerated() where !text.contains("\r") {
            #expect(dump.cells["A\(i + 1)"]?.openpyxl == text, "A\(i + 1): \(text.debugDescription)")
        }
        // openpyxl does not decode _x000D_: the CR of "a\r\nb" shows as its escape.
        #expect(dump.cells["A7"]?.openpyxl == "a_x000D_\nb")
    }

    @Test("32,767 characters of any kind fit; 32,768 are refused before libxlsxwriter is called")
    func longest() throws {
        let limit = 32_767
        let plain = String(repeating: "評", count: limit)
        let crlf = String(repeating: "理由の説明\r\n", count: limit / 7) + String(repeating: "。", count: limit % 7)
        let escapes = String(repeating: "_x0041_", count: limit / 7)  // 7 × 4,681 = 32,767; 60,853 escaped
        let mixed = String(repeating: "_x000D_\r", count: limit / 8) + String(repeating: "a", count: limit % 8)
        let astral = String(repeating: "𠮷", count: limit / 2) + "a"    // 2 UTF-16 units each
        let texts = [plain, crlf, escapes, mixed, astral]
        #expect(texts.allSatisfy { $0.utf16.count == limit })
        let dump = try writeTexts(texts) { sheet in
            #expect(throwsError(.tooLong(what: "cell text", length: limit + 1, limit: limit, unit: .characters)) {
                try sheet.writeString(plain + "a", at: c("B1"))
            })
            #expect(throwsError(.tooLong(what: "cell text", length: limit + 1, limit: limit, unit: .characters)) {
                try sheet.merge(r("B2:C2"), string: escapes + "a")
            })
        }
        for (i, text) in texts.enumerated() {
            let cell = try #require(dump.cells["A\(i + 1)"])
            #expect(cell.decoded == text, "A\(i + 1)")
            #expect(cell.calamine == text, "A\(i + 1)")
            #expect(cell.style != nil, "A\(i + 1) keeps its format")
        }
        #expect(dump.cells["A3"]?.raw.count == 13 * 4_681)  // each _x0041_ stored as _x005F_x0041_
        #expect(dump.cells["A3"]?.openpyxl == escapes)
        #expect(dump.cells["B1"] == nil && dump.cells["B2"] == nil)
        #expect(dump.count == 5 && dump.uniqueCount == 5)
    }

    @Test("a long escaped text written twice is stored once and counted twice")
    func longTextShared() throws {
        let escapes = String(repeating: "_x0041_", count: 4_681)
        let dump = try writeTexts([escapes, "短い", escapes])
        #expect(dump.cells["A1"]?.decoded == escapes && dump.cells["A3"]?.decoded == escapes)
        #expect(dump.count == 3 && dump.uniqueCount == 2)
    }

    @Test("merged cells, hyperlink texts and list items are escaped the same way")
    func otherTexts() throws {
        let long = String(repeating: "_x0041_", count: 4_681)
        let dump = try writeTexts([]) { sheet in
            try sheet.merge(r("A1:C2"), string: "_x0041_ 結合\r\n", style: XLSXStyle(wrap: true))
            try sheet.merge(r("A3:C3"), string: long)
            try sheet.writeURL("https://example.com/", text: "_x0042_", at: c("A4"))
        }
        #expect(dump.cells["A1"]?.decoded == "_x0041_ 結合\r\n")
        #expect(dump.cells["A1"]?.style != nil)
        #expect(dump.cells["A3"]?.decoded == long)
        #expect(dump.cells["A4"]?.decoded == "_x0042_")
    }
}
