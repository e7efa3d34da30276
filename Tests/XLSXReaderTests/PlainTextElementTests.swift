import Foundation
import Testing
import XLSX
@testable import XLSXReader

/// `XMLTokenizer.takePlainTextElement` (a cell's `<v>` and `<f>`, a string's `<t>` taken straight
/// from the bytes) reads what the general path reads. `<v >…</v >` is the same XML that the fast
/// path never takes (it wants the tags exactly), so each text is read both ways and compared:
/// cells, strings, and for refused input the error's kind, cell and detail.
@Suite struct PlainTextElementTests {
    static let texts = ["1", "", " 2 ", "1e3", "-0.5", "abc", "&amp;", "a&#10;b", "a\r\nb", "a\rb", "<![CDATA[5]]>", "<x/>7",
                        "3<x/>", "<!--c-->4", "٣", "漢字", "_x000D_", "_x005F_x000D_", "0", "2", "1&lt;2", "a>b", "&bad;"]

    static let cells = [
        #"<c r="A1"><v>X</v></c>"#,
        #"<c r="A1" t="s"><v>X</v></c>"#,
        #"<c r="A1" t="str"><f>X</f><v>X</v></c>"#,
        #"<c r="A1" s="1"><f>X</f></c>"#,
        #"<c r="A1"><v>X</v><v>X</v></c>"#,
        #"<c r="A1"><f>X</f><f>X</f><v>1</v></c>"#,
        #"<c r="A1" t="inlineStr"><is><t>X</t></is></c>"#,
        #"<c r="A1" t="inlineStr"><v>X</v><is><t>X</t></is></c>"#,
        #"<c r="A1" t="inlineStr"><is><t>X</t><r><t>X</t></r></is></c>"#,
        #"<c r="A1" t="b"><v>X</v></c><c r="B1" t="e"><v>X</v></c>"#,
        "<c r=\"A1\">\n  <v>X</v>\n</c>",
        #"<c r="A1"><v>X</v></c><c r="A1"><v>X</v></c>"#,
    ]

    /// The same XML with every `<v>`, `<f>` and `<t>` tag written with a blank before its `>`.
    static func spelledOut(_ xml: String) -> String {
        var s = xml
        for name in ["v", "f", "t"] {
            s = s.replacingOccurrences(of: "<\(name)>", with: "<\(name) >").replacingOccurrences(of: "</\(name)>", with: "</\(name) >")
        }
        return s
    }

    /// What a read gives, comparable: the value, or the error without its byte offset (the blanks move it).
    enum Outcome<T: Equatable>: Equatable {
        case value(T)
        case error(XLSXReadError.Kind, String?, String)
    }

    static func worksheet(_ row: String, maxDepth: Int = 256) -> Outcome<[XLSXCell]> {
        let text = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">"#
            + row + "</row></sheetData></worksheet>"
        do throws(XLSXReadError) {
            let xml = try tokenizer(text, maxDepth: maxDepth)
            var parser = WorksheetParser(xml, sheetName: "S", sharedStrings: .table(["zero", "one", "two"]), styles: StyleTable(),
                                         maxCells: 100)
            return .value(try parser.parse(index: 0).cells)
        } catch {
            return .error(error.kind, error.cell, error.detail)
        }
    }

    static func sharedStrings(_ items: String) -> Outcome<[String]> {
        let text = #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"# + items + "</sst>"
        do throws(XLSXReadError) {
            var xml = try tokenizer(text)
            return .value(try SharedStrings.parse(&xml))
        } catch {
            return .error(error.kind, error.cell, error.detail)
        }
    }

    @Test func cellsReadAsByTheGeneralPath() {
        var taken = 0
        for cell in Self.cells {
            for text in Self.texts {
                let xml = cell.replacingOccurrences(of: "X", with: text)
                let fast = Self.worksheet(xml), general = Self.worksheet(Self.spelledOut(xml))
                #expect(fast == general, "\(xml)")
                if case .value = fast { taken += 1 }
            }
        }
        #expect(taken > 50)
        // Nested too deep for the limit: refused alike (the fast path never nests past it).
        #expect(Self.worksheet(#"<c r="A1"><v>1</v></c>"#, maxDepth: 4) == Self.worksheet(#"<c r="A1"><v >1</v ></c>"#, maxDepth: 4))
        // A `<v>` in another default namespace (its cell prefixed) is no SpreadsheetML value, either way.
        let foreign = #"<x:c r="A1" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns="urn:y"><v>1</v></x:c>"#
        #expect(Self.worksheet(foreign) == .value([]))
        #expect(Self.worksheet(Self.spelledOut(foreign)) == .value([]))
    }

    @Test func stringsReadAsByTheGeneralPath() {
        let items = ["<si><t>X</t></si>", "<si><t>X</t><t>X</t></si>", "<si><t>X</t><rPh><t>X</t></rPh></si>",
                     "<si><r><t>X</t></r><t>X</t></si>", "<si/><si><t>X</t></si>", "<si>\n<t>X</t>\n</si>"]
        for item in items {
            for text in Self.texts {
                let xml = item.replacingOccurrences(of: "X", with: text)
                #expect(Self.sharedStrings(xml) == Self.sharedStrings(Self.spelledOut(xml)), "\(xml)")
            }
        }
        #expect(Self.sharedStrings("<si><t>漢字</t></si><si><t>a_x000D_b</t></si>") == .value(["漢字", "a\rb"]))
    }
}
