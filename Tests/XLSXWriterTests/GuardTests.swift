import Foundation
import Testing
import XLSX
@testable import XLSXWriter

/// Each libxlsxwriter 1.1.4 defect guard: the bad input gives a typed error and never a file
/// that a reader rejects; the input just inside the limit round-trips intact.
@Suite("libxlsxwriter 1.1.4 guards")
struct GuardTests {
    // MARK: Defined names (128-byte buffers)

    @Test func definedNameOf128BytesIsRefusedAndTheFileStaysValid() throws {
        let name127 = "名" + japanese(42)          // 43 characters, 129 bytes
        let name126 = japanese(42, "名")           // 42 characters, 126 bytes: fits
        #expect(name127.utf8.count == 129)
        let (json, _) = try writeAndRead { book in
            _ = try book.addSheet(named: "S")
            #expect(throwsError(.tooLong(what: "defined name \"\(name127)\"", length: 129, limit: 127, unit: .bytes)) {
                try book.defineName(name127, refersTo: "=S!$A$1")
            })
            try book.defineName(name126, refersTo: "=S!$A$1")
        }
        let names = json["definedNames"].array.compactMap { $0["name"].string }
        #expect(names == [name126])
    }

    @Test func definedNameFormulaOf128BytesIsRefused() throws {
        let sheetName = japanese(31, "表")           // 93 bytes
        let formula = "='\(sheetName)'!$A$1:$AB$10000"  // 2 + 93 + 2 + 16 = 114 bytes: fits
        let longFormula = "='\(sheetName)'!$A$1:$A$10,'\(sheetName)'!$B$1"
        #expect(formula.utf8.count < 128)
        #expect(longFormula.utf8.count >= 128)
        let (json, _) = try writeAndRead { book in
            _ = try book.addSheet(named: sheetName)
            try book.defineName("ok", refersTo: formula)
            let error = caughtError { try book.defineName("tooLong", refersTo: longFormula) }
            guard case .tooLong(_, let length, 127, .bytes) = error else {
                Issue.record("expected .tooLong in bytes, got \(String(describing: error))")
                return
            }
            #expect(length == longFormula.utf8.count)
        }
        #expect(json["definedNames"].array.count == 1)
        #expect(json["definedNames"][0]["value"] == .string(String(formula.dropFirst())))
    }

    @Test func sheetLocalNameCountsTheSheetNameToo() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("x.xlsx").path)
        let sheet = try book.addSheet(named: japanese(31, "表"))  // "表…表!" is 94 bytes
        let name = japanese(11, "名")                              // + 33 bytes = 127: fits
        try book.defineName(name, refersTo: "=$A$1", sheet: sheet)
        let error = caughtError { try book.defineName(name + "x", refersTo: "=$A$2", sheet: sheet) }
        guard case .tooLong(_, 128, 127, .bytes) = error else {
            Issue.record("expected .tooLong(128 bytes), got \(String(describing: error))")
            return
        }
        try book.finish()
        let json = try readWithOpenpyxl(book.path)
        #expect(json["definedNames"][0]["name"] == .string(name))
        #expect(json["definedNames"][0]["scope"] == .string(japanese(31, "表")))
    }

    @Test func sheetLocalNameOnASheetWithExclamationMarkIsRefused() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("x.xlsx").path)
        let sheet = try book.addSheet(named: "注意!")
        let error = caughtError { try book.defineName("name", refersTo: "='注意!'!$A$1", sheet: sheet) }
        guard case .invalidDefinedName = error else {
            Issue.record("expected .invalidDefinedName, got \(String(describing: error))")
            return
        }
        try book.defineName("name", refersTo: "='注意!'!$A$1")  // global: fine
        try book.finish()
        #expect(try readWithOpenpyxl(book.path)["definedNames"][0]["value"] == .string("'注意!'!$A$1"))
    }

    @Test(arguments: ["A1", "xfd1048576", "R1C1", "r", "C", "RC", "R12", "1abc", "has space", "全角　空白",
                      "a-b", "TRUE", "_xlnm.Print_Area", "a$b"])
    func invalidDefinedNameSyntax(_ name: String) throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("x.xlsx").path)
        _ = try book.addSheet(named: "S")
        let error = caughtError { try book.defineName(name, refersTo: "=S!$A$1") }
        guard case .invalidDefinedName = error else {
            Issue.record("\(name): expected .invalidDefinedName, got \(String(describing: error))")
            return
        }
        book.abandon()
    }

    @Test(arguments: ["施策名", "_total", "\\path", "Name.With.Dots", "名前2", "XFE1", "ABCD1", "R1C1x", "Ａ１"])
    func validDefinedNameSyntax(_ name: String) throws {
        let (json, _) = try writeAndRead { book in
            _ = try book.addSheet(named: "S")
            try book.defineName(name, refersTo: "=S!$A$1")
        }
        #expect(json["definedNames"][0]["name"] == .string(name))
    }

    @Test func duplicateDefinedNamesAreRefused() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "S")
            try book.defineName("Total", refersTo: "=S!$A$1")
            #expect(throwsError(.duplicateDefinedName("TOTAL")) { try book.defineName("TOTAL", refersTo: "=S!$A$2") })
            try book.defineName("Total", refersTo: "=S!$A$3", sheet: sheet)  // another scope: fine
        }
        #expect(json["definedNames"].array.count == 2)
    }

    // MARK: Empty strings

    @Test func emptyStringsNeverReachTheLibrary() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "S")
            #expect(throwsError(.emptyString(what: "defined name")) { try book.defineName("", refersTo: "=S!$A$1") })
            #expect(throwsError(.emptyString(what: "formula of defined name \"x\"")) {
                try book.defineName("x", refersTo: "")
            })
            #expect(throwsError(.emptyString(what: "formula")) {
                try sheet.writeFormula("", cachedNumber: 0, at: c("A1"))
            })
            #expect(throwsError(.emptyString(what: "formula")) {
                try sheet.writeFormula("", cachedString: "x", at: c("A1"))
            })
            #expect(throwsError(.emptyString(what: "custom property name")) { try book.setCustomProperty("", int: 1) })
            #expect(throwsError(.emptyString(what: "custom property \"p\"")) {
                try book.setCustomProperty("p", string: "")
            })
            #expect(throwsError(.emptyString(what: "header")) { try sheet.setHeader("") })
            #expect(throwsError(.emptyString(what: "hyperlink")) { try sheet.writeURL("", at: c("A1")) })
            #expect(throwsError(.emptyString(what: "series values")) {
                _ = try book.addChart(XLSXChartSpec(kind: .line, series: [XLSXChartSeries(values: "")]))
            })
            // An empty cell string is a blank cell, not an error.
            try sheet.writeString("", at: c("B1"), style: XLSXStyle(bold: true))
            try sheet.writeString("", at: c("B2"))
        }
        #expect(json["definedNames"].array.isEmpty)
        #expect(json["customProperties"].object.isEmpty)
        #expect(json.sheet("S").cell("B1")["font"]["bold"] == .bool(true))
        #expect(json.sheet("S").cell("B1")["value"].isNull)
        #expect(json.sheet("S").cell("B2").isNull)
    }

    @Test func customPropertyLimits() throws {
        let (json, _) = try writeAndRead { book in
            _ = try book.addSheet(named: "S")
            try book.setCustomProperty(japanese(255, "名"), string: japanese(255, "値"))
            #expect(throwsError(.tooLong(what: "custom property name", length: 256, limit: 255, unit: .characters)) {
                try book.setCustomProperty(japanese(256), bool: true)
            })
            #expect(throwsError(.duplicateCustomProperty(japanese(255, "名"))) {
                try book.setCustomProperty(japanese(255, "名"), int: 3)
            })
            #expect(throwsError(.valueOutOfRange(what: "custom property \"big\"", value: 3e9,
                                                 range: Double(Int32.min)...Double(Int32.max))) {
                try book.setCustomProperty("big", int: 3_000_000_000)
            })
        }
        #expect(json["customProperties"][japanese(255, "名")]["value"] == .string(japanese(255, "値")))
        #expect(json["customProperties"].object.count == 1)
    }

    // MARK: Passwords

    @Test func passwordGuard() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("x.xlsx").path)
        let sheet = try book.addSheet(named: "S")
        for bad in [String(repeating: "a", count: 25), "abcdefghijklmnopqrstuvwx", "", "パスワード", "tab\there"] {
            let error = caughtError { try sheet.protect(password: bad) }
            guard case .invalidPassword = error else {
                Issue.record("\(bad): expected .invalidPassword, got \(String(describing: error))")
                continue
            }
        }
        // The guard compares libxlsxwriter's hash with Excel's, so it knows exactly which fail.
        #expect(LXWGuard.libxlsxwriter114PasswordHash("abcdefghijklmnopqrstuvwx")
                != LXWGuard.excelPasswordHash("abcdefghijklmnopqrstuvwx"))
        #expect(LXWGuard.libxlsxwriter114PasswordHash("abcdefghijklmnopqrstuvw")
                == LXWGuard.excelPasswordHash("abcdefghijklmnopqrstuvw"))
        #expect(String(LXWGuard.excelPasswordHash("password"), radix: 16, uppercase: true) == "83AF")
        try sheet.protect(password: "abcdefghijklmnopqrstuvw")
        try book.finish()
        let json = try readWithOpenpyxl(book.path)
        #expect(json.sheet("S")["protection"]["password"] == .string(excelLegacyHash("abcdefghijklmnopqrstuvw")))
    }

    // MARK: Sheet names

    @Test func sheetNameRules() throws {
        let (json, _) = try writeAndRead { book in
            _ = try book.addSheet(named: japanese(31, "表"))
            _ = try book.addSheet(named: "Sheet")
            _ = try book.addSheet(named: "Ａ")
            let invalid = ["", String(repeating: "x", count: 32), japanese(32), "a[b", "a]b", "a:b", "a*b", "a?b",
                           "a/b", "a\\b", "'quoted", "quoted'", "tab\tname", String(repeating: "😀", count: 16)]
            for name in invalid {
                let error = caughtError { _ = try book.addSheet(named: name) }
                guard case .invalidSheetName = error else {
                    Issue.record("\(name): expected .invalidSheetName, got \(String(describing: error))")
                    continue
                }
            }
            #expect(throwsError(.duplicateSheetName("SHEET")) { _ = try book.addSheet(named: "SHEET") })
            #expect(throwsError(.duplicateSheetName("ａ")) { _ = try book.addSheet(named: "ａ") })
            let error = caughtError { _ = try book.addSheet(named: "_Lists") }
            guard case .invalidSheetName = error else {
                Issue.record("_Lists is reserved; got \(String(describing: error))")
                return
            }
            _ = try book.addSheet(named: "It's")
        }
        #expect(json["sheetNames"] == .array([.string(japanese(31, "表")), .string("Sheet"), .string("Ａ"),
                                              .string("It's")]))
    }

    // MARK: Headers, footers and other strings

    @Test func headerFooterLimit() throws {
        let longest = "&L" + japanese(253, "頁")  // 255 characters, 761 bytes
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "S")
            try sheet.setHeader(longest)
            #expect(throwsError(.tooLong(what: "footer", length: 256, limit: 255, unit: .characters)) {
                try sheet.setFooter("&C" + japanese(254))
            })
        }
        #expect(json.sheet("S")["print"]["headerParts"][0] == .string(japanese(253, "頁")))
        #expect(json.sheet("S")["print"]["footerParts"] == .array([.null, .null, .null]))
    }

    @Test func charactersThatXMLCannotHoldAreRefused() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "S")
            #expect(throwsError(.invalidCharacter(what: "header", scalar: 1)) { try sheet.setHeader("a\u{1}b") })
            // U+FFFF in a cell is escaped as Excel does (_xFFFF_, see CellTextTests): allowed.
            try sheet.writeString("x\u{FFFF}y", at: c("A1"))
            #expect(throwsError(.invalidCharacter(what: "document title", scalar: 0x1B)) {
                try book.setDocumentProperties(title: "esc\u{1B}")
            })
            // Control characters inside cells are escaped by libxlsxwriter (_x0001_): allowed.
            try sheet.writeString("a\u{1}b", at: c("A2"))
            try sheet.writeString("（全角）ＡＢＣ", at: c("A3"))  // U+FF08… start with EF BC: fine
        }
        // libxlsxwriter escapes it; openpyxl shows the escape as written.
        #expect(json.sheet("S").cell("A2")["value"] == .string("a_x0001_b"))
        #expect(json.sheet("S").cell("A3")["value"] == .string("（全角）ＡＢＣ"))
        #expect(json.sheet("S").cell("A1")["value"] == .string("x_xFFFF_y"))
    }

    @Test func numberFormatAndFontNameBuffers() throws {
        let format127 = "#,##0\"" + japanese(40, "円") + "\""   // 7 + 120 = 127 bytes
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "S")
            try sheet.writeNumber(1, at: c("A1"), style: XLSXStyle(numberFormat: format127))
            #expect(format127.utf8.count == 127)
            let error = caughtError {
                try sheet.writeNumber(1, at: c("A2"), style: XLSXStyle(numberFormat: format127 + "0"))
            }
            guard case .tooLong(_, 128, 127, .bytes) = error else {
                Issue.record("expected .tooLong(128 bytes), got \(String(describing: error))")
                return
            }
            let fontError = caughtError {
                try sheet.writeString("x", at: c("A3"), style: XLSXStyle(fontName: japanese(32, "字")))
            }
            guard case .tooLong(_, 32, 31, .characters) = fontError else {
                Issue.record("expected .tooLong(32 characters), got \(String(describing: fontError))")
                return
            }
        }
        #expect(json.sheet("S").cell("A1")["numberFormat"] == .string(format127))
        #expect(json.sheet("S").cell("A2").isNull)
    }

    @Test func cellLimits() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("x.xlsx").path)
        let sheet = try book.addSheet(named: "S")
        #expect(throwsError(.cellOutOfRange(row: -1, column: 0)) { try sheet.writeNumber(1, at: CellReference(row: -1, column: 0)) })
        #expect(throwsError(.cellOutOfRange(row: 1_048_576, column: 0)) {
            try sheet.writeString("x", at: CellReference(row: 1_048_576, column: 0))
        })
        #expect(throwsError(.cellOutOfRange(row: 0, column: 70_000)) {
            try sheet.writeBool(true, at: CellReference(row: 0, column: 70_000))
        })
        let nan = caughtError { try sheet.writeNumber(.nan, at: c("A1")) }
        guard case .valueOutOfRange = nan else {
            Issue.record("expected .valueOutOfRange for NaN, got \(String(describing: nan))")
            return
        }
        #expect(throwsError(.tooLong(what: "cell text", length: 32_768, limit: 32_767, unit: .characters)) {
            try sheet.writeString(String(repeating: "x", count: 32_768), at: c("A1"))
        })
        try sheet.writeString(japanese(32_767), at: c("A1"))
        #expect(throwsError(.tooLong(what: "formula", length: 8_193, limit: 8_192, unit: .characters)) {
            try sheet.writeFormula("=" + String(repeating: "1", count: 8_192), cachedNumber: 1, at: c("A2"))
        })
        // Cell formulas are heap-copied by 1.1.4: a long Japanese formula is kept whole.
        let formula = "=\"" + japanese(100, "長") + "\"&\"末\""
        try sheet.writeFormula(formula, cachedString: japanese(100, "長") + "末", at: c("A3"))
        try book.finish()
        let json = try readWithOpenpyxl(book.path)
        #expect(json.sheet("S").cell("A1")["value"] == .string(japanese(32_767)))
        #expect(json.sheet("S").cell("A3")["value"] == .string(formula))
    }

    @Test func headerImagePlaceholdersAreRefusedBeforeTheLibrary() throws {
        // In 1.1.4 a refused "&G" leaves a dangling header: freeing the workbook then aborts
        // the process ("double free"). The guard keeps the call from happening at all.
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("x.xlsx").path)
        let sheet = try book.addSheet(named: "S")
        try sheet.setHeader("&Lfirst")
        for text in ["&L&G", "&C&[Picture]", "&L&&Go"] {
            let error = caughtError { try sheet.setHeader(text) }
            guard case .invalidHeaderFooter = error else {
                Issue.record("\(text): expected .invalidHeaderFooter, got \(String(describing: error))")
                continue
            }
        }
        book.abandon()  // would abort the test process without the guard
        #expect(!book.isOpen)
    }

    @Test func libraryErrorsBecomeTypedErrors() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("x.xlsx").path
        let book = try XLSXWorkbookWriter(path: path)
        try book.addSheet(named: "S").writeString("x", at: c("A1"))
        // The directory disappears before finish: workbook_close itself fails.
        try FileManager.default.removeItem(at: dir)
        let error = caughtError { try book.finish() }
        guard case .cannotWriteFile(let file, let code, let message, let system) = error else {
            Issue.record("expected .cannotWriteFile, got \(String(describing: error))")
            return
        }
        #expect(file == path)  // the file the caller asked for, not the temporary one
        #expect(code == 2)  // LXW_ERROR_CREATING_XLSX_FILE
        #expect(message.contains("Error creating output xlsx file"))
        #expect(system == ENOENT)
        #expect(error?.description == "could not write \(path): No such file or directory")
        #expect(error?.japaneseDescription == "ブック \(path) を書き込めません: 書き込み先のフォルダがありません")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!book.isOpen)
    }

    @Test func rangeChecksOnSettings() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("x.xlsx").path)
        let sheet = try book.addSheet(named: "S")
        #expect(throwsError(.valueOutOfRange(what: "zoom", value: 5, range: 10...400)) { try sheet.setZoom(5) })
        #expect(throwsError(.valueOutOfRange(what: "print scale", value: 401, range: 10...400)) {
            try sheet.setPrintScale(401)
        })
        #expect(throwsError(.valueOutOfRange(what: "column width", value: 300, range: 0...255)) {
            try sheet.setColumnWidth(0, width: 300)
        })
        #expect(throwsError(.valueOutOfRange(what: "tab colour", value: Double(0x1000000), range: 0...Double(0xFFFFFF))) {
            try sheet.setTabColor(0x1000000)
        })
        #expect(throwsError(.valueOutOfRange(what: "font size", value: 500, range: 1...409)) {
            try sheet.writeString("x", at: c("A1"), style: XLSXStyle(fontSize: 500))
        })
        book.abandon()
    }
}
