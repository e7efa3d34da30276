import Foundation
import Testing
import XLSX
@testable import XLSXReader

/// `XMLTokenizer.takePlainStartTag` (a row's `<c …>` and sheetData's `<row …>` taken straight from
/// the bytes) and `takePlainEndTag` (`</c>`, `</row>`) leave the tokenizer as `next()` would: every spelling is tokenized both ways and
/// every event compared (element, attributes, values, depth, offset, and for refused input the
/// error); the odd spellings of one cell read the same cell, with its real values.
@Suite struct PlainStartTagTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// Start tags of `c`, plain and odd; each is followed by `<v>1</v></c>` (or nothing when it closes itself).
    static let tags = [
        #"<c r="B2" s="1" t="s">"#, #"<c r="B2" s="1" t="s"/>"#, #"<c>"#, #"<c/>"#, #"<c >"#, #"<c />"#,
        #"<c t="s" s="1" r="B2">"#, #"<c r='B2' s='1' t='s'>"#, #"<c r='B2' s="1" t='s'>"#,
        "<c\tr = \"B2\"\n s=\"1\"\r\n t=\"s\"  >", "<c r=\"B2\"\t/>", "<c\nr\n=\n'B2'\n>",
        #"<c r="B2" r="C3" t="s">"#, #"<c r="B2"s="1" t="s">"#, #"<c r="B2" cm="1" vm="2" ph="1" t="s">"#,
        #"<c r="&#66;2" s="1" t="s">"#, #"<c r="B&#x32;" s="&#49;" t="&#115;">"#, #"<c r="B2" s="1" t="&amp;">"#,
        "<c r=\"B\t2\">", "<c r=\"B2\n\">", #"<c r="a'b" t='a"b'>"#, #"<c r="B>2">"#, #"<c r="漢字">"#,
        #"<x:c r="B2" s="1" t="s">"#, #"<c x:r="B2" s="1" t="s">"#, #"<c xml:space="preserve" r="B2">"#,
        #"<c xmlns="urn:other" r="B2">"#, #"<c xmlns:y="urn:y" y:r="B2" r="B3">"#, #"<c xmlnsr="B2">"#,
        #"<c xmlns="\#(main)" r="B2">"#, #"<c r1="B2">"#, #"<c data-r="B2">"#, #"<c _r="B2">"#,
        #"<cc r="B2">"#, #"<c:x r="B2">"#, #"<col r="B2">"#, #"<c r="B2"><v>1</v></c ><c r="C2">"#,
        #"<c r="B2"><v>1</v></cc><c>"#, #"<c r="B2"><v>1</v></x:c><c>"#, #"<c r="B2"></"#, #"<c r="B2"></c"#,
        // Refused, the same way either way.
        #"<c r="B2" r>"#, #"<c r=B2>"#, #"<c r="B2>"#, #"<c r="<">"#, #"<c r="&bad;">"#, #"<c r="&#0;">"#,
        #"<c y:r="B2">"#, #"<y:c r="B2">"#, #"<c r="B2"/ >"#, #"<c r="B2" =>"#, #"<c :r="1">"#, #"<c r:="1">"#,
        #"<c r="B2" s="1""#, #"<c r="B2"#, #"<c r"#, #"<c"#, #"<c r="B2" xmlns:="urn:y">"#, #"<c r="B2"/"#,
    ]

    /// One event as a comparable line: what it is, every detail the parsers read, and the offset after it.
    static func describe(_ event: XMLEvent, _ xml: inout XMLTokenizer) -> String {
        let name = String(decoding: xml.localName, as: UTF8.self)
        switch event {
        case .startElement:
            var s = "<\(xml.elementNamespace):\(name) depth \(xml.depth)"
            for i in 0..<xml.attributeCount {
                let a = xml.attribute(at: i)
                s += " [\(a.namespace) \(a.localStart) \(a.nameEnd) \(a.valueStart) \(a.valueEnd) \(a.needsDecoding)"
                    + " \(xml.localNameByte(of: a)) \(xml.attributeString(i))]"
            }
            return s + (xml.isEmptyElement ? "/>" : ">") + " @\(xml.offset)"
        case .endElement:
            return "</\(xml.elementNamespace):\(name) depth \(xml.depth)> @\(xml.offset)"
        case .text:
            var bytes: [UInt8] = []
            xml.appendText(to: &bytes)
            return "\"\(String(decoding: bytes, as: UTF8.self))\" @\(xml.offset)"
        case .endOfDocument:
            return "end @\(xml.offset)"
        }
    }

    /// Every event of a document; with `fast`, `takePlainStartTag` and `takePlainEndTag` are tried
    /// before each `next()` (`taken` counts the start tags they took).
    static func events(_ text: String, fast: Bool, local: StaticString = "c", maxDepth: Int = 256) -> (lines: [String], taken: Int) {
        var lines: [String] = []
        var taken = 0
        do throws(XLSXReadError) {
            var xml = try tokenizer(text, maxDepth: maxDepth)
            while true {
                let event: XMLEvent
                if fast && xml.takePlainStartTag(local) {
                    taken += 1
                    event = .startElement
                } else if fast && xml.takePlainEndTag() {
                    event = .endElement
                } else {
                    event = try xml.next()
                }
                lines.append(describe(event, &xml))
                if event == .endOfDocument { break }
            }
        } catch {
            lines.append("error \(error.kind) @\(error.offset.map(String.init) ?? "-"): \(error.detail)")
        }
        return (lines, taken)
    }

    static func document(_ tag: String) -> String {
        let closing = tag.hasPrefix("<x:c") ? "</x:c>" : tag.hasPrefix("<cc") ? "</cc>" : tag.hasPrefix("<c:x") ? "</c:x>"
            : tag.hasPrefix("<col") ? "</col>" : "</c>"
        let body = tag.hasSuffix("/>") ? "" : "<v>1</v>\(closing)"
        return #"<worksheet xmlns="\#(main)" xmlns:x="\#(main)"><sheetData><row r="2">"# + tag + body
            + "</row></sheetData></worksheet>"
    }

    @Test func everySpellingTokenizesAsByNext() {
        var taken = 0
        for tag in Self.tags {
            let text = Self.document(tag)
            let general = Self.events(text, fast: false), fast = Self.events(text, fast: true)
            #expect(fast.lines == general.lines, "\(tag)")
            #expect(general.taken == 0)
            taken += fast.taken
        }
        #expect(taken >= 20)
        // Plain spellings are taken; anything that needs a prefix, a declaration or decoding is not.
        for tag in [#"<c r="B2" s="1" t="s">"#, #"<c r='B2' s='1' t='s'>"#, "<c\tr = \"B2\"\n s=\"1\"\r\n t=\"s\"  >", #"<c/>"#] {
            #expect(Self.events(Self.document(tag), fast: true).taken == 1, "\(tag)")
        }
        for tag in [#"<x:c r="B2">"#, #"<c x:r="B2">"#, #"<c r="&#66;2">"#, "<c r=\"B\t2\">", #"<c xmlns="urn:other">"#,
                    #"<c r1="B2">"#, #"<c r="B2"s="1">"#, #"<c r="B2" r>"#, #"<c r="<">"#] {
            #expect(Self.events(Self.document(tag), fast: true).taken == 0, "\(tag)")
        }
        // The fast path never nests past the limit: the general path refuses it alike.
        let deep = Self.document(#"<c r="B2">"#)
        #expect(Self.events(deep, fast: true, maxDepth: 3).lines == Self.events(deep, fast: false, maxDepth: 3).lines)
        #expect(Self.events(deep, fast: true, maxDepth: 3).taken == 0)
        // `<row …>` too (a row's attributes are longer names).
        let rows = #"<worksheet xmlns="\#(Self.main)"><sheetData><row r="1" spans="1:3" ht="28" customHeight="1"><c r="A1"/></row>"#
            + #"<row r='2'/><row/><row x:r="3" xmlns:x="urn:x"></row><row r="&#52;"></row><row spans="1:3" r="5" ></row></sheetData></worksheet>"#
        let rowsFast = Self.events(rows, fast: true, local: "row")
        #expect(rowsFast.lines == Self.events(rows, fast: false, local: "row").lines)
        #expect(rowsFast.taken == 4)
    }

    /// The cells of a one-row sheet, or the error (without offset: spellings differ in length).
    static func cells(_ row: String) -> PlainTextElementTests.Outcome<[XLSXCell]> {
        let text = #"<worksheet xmlns="\#(main)" xmlns:x="\#(main)"><sheetData>"# + row + "</sheetData></worksheet>"
        do throws(XLSXReadError) {
            let xml = try tokenizer(text)
            var parser = WorksheetParser(xml, sheetName: "S", sharedStrings: .table(["zero", "one", "two"]), styles: StyleTable(),
                                         maxCells: 100)
            return .value(try parser.parse(index: 0).cells)
        } catch {
            return .error(error.kind, error.cell, error.detail)
        }
    }

    @Test func oddSpellingsReadTheSameCell() {
        let b2 = XLSXCell(reference: CellReference(row: 1, column: 1), value: .string("one"), numberFormat: nil, styleIndex: 1)
        let expected = PlainTextElementTests.Outcome<[XLSXCell]>.value([b2])
        #expect(Self.cells(#"<row r="2"><c r="B2" s="1" t="s"><v>1</v></c></row>"#) == expected)
        let spellings = [
            #"<c t="s" s="1" r="B2">"#, #"<c r='B2' s='1' t='s'>"#, "<c\tr = \"B2\"\n s=\"1\"\r\n t=\"s\"  >",
            #"<c r="&#66;2" s="1" t="s">"#, #"<c r="B&#x32;" s="&#49;" t="&#115;">"#, #"<c r="B2"s="1"t="s">"#,
            #"<c s="2" r="B2" s="1" t="n" t="s">"#, #"<c r="B2" s="1" t="s" cm="1" xml:space="preserve" x:r="Z9">"#,
            #"<c xmlns="\#(Self.main)" r="B2" s="1" t="s">"#,
        ]
        for tag in spellings {
            #expect(Self.cells(#"<row r="2">"# + tag + "<v>1</v></c></row>") == expected, "\(tag)")
            #expect(Self.cells(#"<row r='2' spans="2:2" >"# + tag + "<v>1</v></c></row>") == expected, "\(tag)")
        }
        #expect(Self.cells(#"<x:row r="2"><x:c r="B2" s="1" t="s"><x:v>1</x:v></x:c></x:row>"#) == expected)
        #expect(Self.cells(#"<row r="2"><x:c r='B2' s='1' t='s'><v>1</v></x:c></row>"#) == expected)
        // Of two `r`, the last places the cell (the first is still checked against its row).
        #expect(Self.cells(#"<row><c r="A1" r="B2" s="1" t="s"><v>1</v></c></row>"#) == expected)
        #expect(Self.cells(#"<row><c r='A1' r="B2" s="1" t="s"><v>1</v></c></row>"#) == expected)
        // A cell in another namespace is no cell, however it is spelled.
        #expect(Self.cells(#"<row r="2"><c xmlns="urn:other" r="B2" t="s"><v>1</v></c></row>"#) == .value([]))
        // Errors name the cell as before.
        if case .error(let kind, let cell, _) = Self.cells(#"<row r="2"><c r="B2" t='q'><v>1</v></c></row>"#) {
            #expect(kind == .invalidCellValue)
            #expect(cell == "S!B2")
        } else {
            Issue.record("t='q' was not refused")
        }
        if case .error(let kind, _, _) = Self.cells(#"<row r="2"><c r="C3"><v>1</v></c></row>"#) {
            #expect(kind == .cellOutsideItsRow)
        } else {
            Issue.record("C3 inside row 2 was not refused")
        }
    }

    /// Random cuts, flips and insertions of a sheet of plain cells: both ways tokenize alike.
    @Test func mutatedSheetsTokenizeAlike() {
        var generator = SystemRandomNumberGenerator()
        let seedText = Self.document(#"<c r="B2" s="1" t="s">"#).replacingOccurrences(
            of: "</row>", with: #"<c r='C2' t="n"><v>2.5</v></c><c r="D2" s="3"/><c r="E2" t="str"><f>A1</f><v>x</v></c></row>"#)
        let seed = Array(seedText.utf8)
        let alphabet = Array(#"<>/="' \#t\#n\#r&#;:xcrstv1Ak"#.utf8) + [0xE6, 0xBC, 0xA2]
        var compared = 0
        // XLSX_FUZZ_RUNS=N runs more (the default keeps the suite quick).
        let runs = ProcessInfo.processInfo.environment["XLSX_FUZZ_RUNS"].flatMap { Int($0) } ?? 3000
        for _ in 0..<runs {
            var bytes = seed
            ByteMutation.mutate(&bytes, from: alphabet, using: &generator)
            guard let text = String(validating: bytes, as: UTF8.self) else { continue }
            #expect(Self.events(text, fast: true).lines == Self.events(text, fast: false).lines, "\(text)")
            compared += 1
        }
        #expect(compared > runs / 3)
    }
}
