import Foundation
import Testing
import XLSX
@testable import XLSXWriter

@Suite("Data validation")
struct DataValidationTests {
    /// Forty Japanese choices (319 characters, 719 bytes): too long for any inline list.
    static let longJapaneseList = (1...40).map { "選択肢その\(String(format: "%02d", $0))" }
    /// 89 characters with commas (≤ 255, so libxlsxwriter 1.1.4 accepts it) but 261 bytes:
    /// passed to `value_list` directly, this aborts the process ("buffer overflow detected").
    static let overflowingList = ["あいうえおかきくけこさしすせそたちつてとなにぬねの",
                                  "はひふへほまみむめもやゆよらりるれろわをんアイウエオ",
                                  "カキクケコサシスセソタチツテトナニヌネノハヒフヘホ",
                                  "マミムメモヤユヨラリ"]

    @Test func shortListIsWrittenInline() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "入力")
            try sheet.addDataValidation(XLSXDataValidation(.list(["高", "中", "低"]), inputTitle: "評価",
                                                           inputMessage: "選んでください"),
                                        range: r("B2:B10"))
        }
        let dv = json.sheet("入力")["validations"][0]
        #expect(dv["type"] == .string("list"))
        #expect(dv["formula1"] == .string("\"高,中,低\""))
        #expect(dv["sqref"] == .string("B2:B10"))
        #expect(dv["promptTitle"] == .string("評価"))
        #expect(dv["prompt"] == .string("選んでください"))
        #expect(json["sheetNames"].array.count == 1)  // no _lists sheet needed
    }

    @Test func longJapaneseListIsReroutedToAHiddenSheet() throws {
        let items = Self.longJapaneseList
        #expect(!LXWGuard.inlineListFits(items))
        #expect(!LXWGuard.inlineListFits(Self.overflowingList))
        #expect(Self.overflowingList.joined(separator: ",").count <= 255)
        #expect(Self.overflowingList.joined(separator: ",").utf8.count > 255)
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "入力")
            try sheet.addDataValidation(XLSXDataValidation(.list(items)), range: r("C3:C20"))
            try sheet.addDataValidation(XLSXDataValidation(.list(Self.overflowingList)), range: r("D3"))
            // The same list again reuses its column.
            let other = try book.addSheet(named: "別シート")
            try other.addDataValidation(XLSXDataValidation(.list(items)), range: r("A1"))
            // Items with a comma cannot go inline either.
            try other.addDataValidation(XLSXDataValidation(.list(["1,000円未満", "1,000円以上"])), range: r("A2"))
        }
        #expect(json["sheetNames"] == .array([.string("入力"), .string("別シート"), .string("_lists")]))
        let lists = json.sheet("_lists")
        #expect(lists["state"] == .string("hidden"))
        #expect(json["active"] == .string("入力"))

        let dv = json.sheet("入力")["validations"]
        #expect(dv[0]["type"] == .string("list"))
        #expect(dv[0]["formula1"] == .string("'_lists'!$A$1:$A$40"))
        #expect(dv[0]["sqref"] == .string("C3:C20"))
        #expect(dv[1]["formula1"] == .string("'_lists'!$B$1:$B$4"))
        let other = json.sheet("別シート")["validations"]
        #expect(other[0]["formula1"] == .string("'_lists'!$A$1:$A$40"))
        #expect(other[1]["formula1"] == .string("'_lists'!$C$1:$C$2"))

        for (row, item) in items.enumerated() {
            #expect(lists.cell("A\(row + 1)")["value"] == .string(item))
        }
        #expect(lists.cell("B4")["value"] == .string("マミムメモヤユヨラリ"))
        #expect(lists.cell("C1")["value"] == .string("1,000円未満"))
    }

    @Test func theLowLevelCallRefusesAnOverlongInlineList() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("x.xlsx").path)
        let sheet = try book.addSheet(named: "S")
        // Straight to the C wrapper, bypassing the reroute: refused before libxlsxwriter sees it.
        let error = caughtError {
            try sheet.sheet.addValidation(XLSXDataValidation(.list(Self.overflowingList)), range: r("A1"))
        }
        guard case .invalidDataValidation = error else {
            Issue.record("expected .invalidDataValidation, got \(String(describing: error))")
            return
        }
        try book.finish()
        let json = try readWithOpenpyxl(book.path)
        #expect(json.sheet("S")["validations"].array.isEmpty)
    }

    @Test func numericAndTextRules() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "Rules")
            try sheet.addDataValidation(
                XLSXDataValidation(.wholeNumber(min: 0, max: 100), errorTitle: "範囲外",
                                   errorMessage: "0から100の整数を入力してください"), range: r("A1:A5"))
            try sheet.addDataValidation(XLSXDataValidation(.decimal(min: 0.5), errorStyle: .warning),
                                        range: r("B1"))
            try sheet.addDataValidation(XLSXDataValidation(.wholeNumber(max: 9)), range: r("B2"))
            try sheet.addDataValidation(
                XLSXDataValidation(.textLength(max: 200), ignoreBlank: false, errorStyle: .information),
                range: r("C1:C3"))
            try sheet.addDataValidation(XLSXDataValidation(.listFormula("=$E$1:$E$3"), showDropdown: false),
                                        range: r("D1"))
            try sheet.addDataValidation(XLSXDataValidation(.any, inputMessage: "自由記述"), range: r("F1"))
        }
        let dv = json.sheet("Rules")["validations"]
        #expect(dv[0]["type"] == .string("whole"))
        #expect(dv[0]["operator"] == .string("between") || dv[0]["operator"].isNull)
        #expect(dv[0]["formula1"] == .string("0"))
        #expect(dv[0]["formula2"] == .string("100"))
        #expect(dv[0]["errorTitle"] == .string("範囲外"))
        #expect(dv[0]["error"] == .string("0から100の整数を入力してください"))
        #expect(dv[0]["errorStyle"].isNull || dv[0]["errorStyle"] == .string("stop"))
        #expect(dv[1]["type"] == .string("decimal"))
        #expect(dv[1]["operator"] == .string("greaterThanOrEqual"))
        #expect(dv[1]["formula1"] == .string("0.5"))
        #expect(dv[1]["errorStyle"] == .string("warning"))
        #expect(dv[2]["operator"] == .string("lessThanOrEqual"))
        #expect(dv[2]["formula1"] == .string("9"))
        #expect(dv[3]["type"] == .string("textLength"))
        #expect(dv[3]["formula1"] == .string("200"))
        #expect(dv[3]["allowBlank"] == .bool(false))
        #expect(dv[3]["errorStyle"] == .string("information"))
        #expect(dv[4]["type"] == .string("list"))
        #expect(dv[4]["formula1"] == .string("$E$1:$E$3"))
        #expect(dv[4]["showDropDown"] == .bool(true))  // OOXML's "showDropDown" means *hide* the arrow
        #expect(dv[0]["showDropDown"] == .bool(false))
        #expect(dv[5]["type"].isNull || dv[5]["type"] == .string("none"))
        #expect(dv[5]["prompt"] == .string("自由記述"))
    }

    @Test func messagesKeepALeadingEqualsSign() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "S")
            try sheet.addDataValidation(XLSXDataValidation(.any, inputTitle: "=注意", inputMessage: "=A1と同じ"),
                                        range: r("A1"))
        }
        let dv = json.sheet("S")["validations"][0]
        #expect(dv["promptTitle"] == .string("=注意"))
        #expect(dv["prompt"] == .string("=A1と同じ"))
    }

    @Test func titleAndMessageLimitsCountCharactersSafely() throws {
        let title32 = japanese(32, "題")           // 96 bytes: fine, Excel counts characters
        let message255 = japanese(255, "文")       // 765 bytes: fine
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "S")
            try sheet.addDataValidation(XLSXDataValidation(.any, inputTitle: title32, inputMessage: message255,
                                                           errorTitle: title32, errorMessage: message255),
                                        range: r("A1"))
            #expect(throwsError(.tooLong(what: "input title", length: 33, limit: 32, unit: .characters)) {
                try sheet.addDataValidation(XLSXDataValidation(.any, inputTitle: japanese(33)), range: r("A2"))
            })
            #expect(throwsError(.tooLong(what: "error message", length: 256, limit: 255, unit: .characters)) {
                try sheet.addDataValidation(XLSXDataValidation(.wholeNumber(min: 1), errorMessage: japanese(256)),
                                            range: r("A3"))
            })
            // Emoji are two UTF-16 units in Excel's count: 17 of them exceed a 32-character title.
            #expect(throwsError(.tooLong(what: "error title", length: 34, limit: 32, unit: .characters)) {
                try sheet.addDataValidation(
                    XLSXDataValidation(.wholeNumber(min: 1), errorTitle: String(repeating: "😀", count: 17)),
                    range: r("A4"))
            })
            #expect(throwsError(.emptyString(what: "input message")) {
                try sheet.addDataValidation(XLSXDataValidation(.any, inputMessage: ""), range: r("A5"))
            })
            #expect(throwsError(.invalidDataValidation(reason: "give a minimum, a maximum or both")) {
                try sheet.addDataValidation(XLSXDataValidation(.wholeNumber()), range: r("A6"))
            })
            #expect(throwsError(.invalidDataValidation(reason: "the list has no items")) {
                try sheet.addDataValidation(XLSXDataValidation(.list([])), range: r("A7"))
            })
            #expect(throwsError(.emptyString(what: "validation formula")) {
                try sheet.addDataValidation(XLSXDataValidation(.listFormula("")), range: r("A8"))
            })
        }
        let dvs = json.sheet("S")["validations"].array
        #expect(dvs.count == 1)
        #expect(dvs.first?["promptTitle"] == .string(title32))
        #expect(dvs.first?["prompt"] == .string(message255))
        #expect(dvs.first?["error"] == .string(message255))
    }
}
