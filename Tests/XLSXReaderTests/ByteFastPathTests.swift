import Foundation
import Testing
import XLSX
@testable import XLSXReader

/// The byte-level fast paths of the reader give exactly what the general (Character) paths give.
@Suite struct ByteFastPathTests {
    @Test func asciiPartNamesNormalizeAsByCharacters() {
        let names = ["xl/workbook.xml", "[Content_Types].xml", "/xl/Worksheets/Sheet1.XML", "\\\\xl\\\\a.xml", "//\\\\/x",
                     "xl\\\\_rels\\\\workbook.xml.rels", "", "/", "ABC", "a\r\nB", "docProps/core.xml"]
        for name in names {
            #expect(ZipArchive.normalizeASCII(name) == ZipArchive.normalizeByCharacters(name), "\(name)")
        }
        #expect(ZipArchive.normalize("/XL\\Sheet1.xml") == "xl/sheet1.xml")
        #expect(ZipArchive.normalize("/XL/シート.xml") == "xl/シート.xml")
    }

    /// The first start tag of `text`, for reading its attributes.
    private func startTag(_ text: String) throws -> XMLTokenizer {
        var xml = try tokenizer(text)
        #expect(try xml.next() == .startElement)
        return xml
    }

    @Test func plainRangesReadStraightFromBytes() throws {
        let xml = try startTag(#"<mergeCell ref=" A1:B2  C3 $D$4:e5 "/>"#)
        #expect(WorksheetParser.plainRanges(xml, attribute: 0) == [CellRange("A1:B2")!, CellRange("C3")!, CellRange("D4:E5")!])
        #expect(WorksheetParser.plainRanges(try startTag(#"<m ref=""/>"#), attribute: 0) == [])
    }

    /// Anything but plain ASCII ranges between spaces goes the general path (nil here).
    @Test(arguments: [#"<m ref="A1&#32;B2"/>"#, "<m ref=\"A1\tB2\"/>", #"<m ref="Ａ1"/>"#, #"<m ref="A1:B2:C3"/>"#,
                      #"<m ref="XFE1"/>"#, "<m ref=\"A1\u{301}\"/>"])
    func otherRangesAreLeftToTheGeneralPath(_ text: String) throws {
        #expect(WorksheetParser.plainRanges(try startTag(text), attribute: 0) == nil)
    }

    private func parse(_ body: String) throws(XLSXReadError) -> XLSXWorksheet {
        let xml = try tokenizer(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"# + body + "</worksheet>")
        var parser = WorksheetParser(xml, sheetName: "S", sharedStrings: .table([]), styles: StyleTable(), maxCells: 100)
        return try parser.parse(index: 0)
    }

    @Test func mergesAndValidationRangesOfAWorksheet() throws {
        let ws = try parse(#"<sheetData/><mergeCells><mergeCell ref="A1:C1"/><mergeCell ref="B2:B3 D4"/></mergeCells>"#
            + #"<dataValidations><dataValidation type="list" sqref="A5:A9 C5"><formula1>"a,b"</formula1></dataValidation>"#
            + "<dataValidation type=\"whole\" sqref=\"E1&#10;E2\"/><dataValidation type=\"none\"/></dataValidations>")
        #expect(ws.merges == [CellRange("A1:C1")!, CellRange("B2:B3")!, CellRange("D4")!])
        #expect(ws.dataValidations.map(\.ranges) == [[CellRange("A5:A9")!, CellRange("C5")!], [CellRange("E1")!, CellRange("E2")!], []])
    }

    /// A range read from bytes is the range `CellRange(_:)` reads, and only `$` is left to it.
    @Test func plainRangeAgreesWithCellRange() {
        let columns = ["A", "z", "Xfd", "XFD", "XFE", "AAAA", "", "$A", "A$", "1"]
        let rows = ["1", "0", "01", "1048576", "1048577", "9999999", "10000000", "", "1a", "$1"]
        var cells: [String] = []
        for c in columns { for r in rows { cells.append(c + r) } }
        var texts = cells
        for a in cells.prefix(40) { for b in cells.suffix(60) { texts.append(a + ":" + b) } }
        texts += ["A1:B2:C3", ":", "A1:", ":A1", "B3:A1", "A1:A1"]
        for text in texts {
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { WorksheetParser.plainRange($0) }
            let definition = CellRange(text)
            if text.contains("$") { #expect(fast == nil || fast == definition, "\(text)") } else { #expect(fast == definition, "\(text)") }
        }
    }

    @Test func aBadMergedRangeIsStillNamed() {
        #expect {
            _ = try parse(#"<sheetData/><mergeCells><mergeCell ref="A1:B2 ZZ"/></mergeCells>"#)
        } throws: { error in
            (error as? XLSXReadError)?.detail == "invalid merged range \"ZZ\"" && (error as? XLSXReadError)?.cell == "S!ZZ"
        }
    }
}

@Suite struct RelationshipTypeFastPathTests {
    @Test func asciiTypesClassifyAsByCharacters() {
        let prefixes = ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
                        "http://purl.oclc.org/ooxml/officeDocument/relationships/",
                        "http://schemas.openxmlformats.org/package/2006/relationships/",
                        "http://schemas.microsoft.com/office/2006/relationships/", "http://example.com/", ""]
        let suffixes = ["officeDocument", "worksheet", "chartsheet", "dialogsheet", "xlMacrosheet", "xlIntlMacrosheet",
                        "sharedStrings", "styles", "custom-properties", "customProperties", "metadata/core-properties",
                        "", "Worksheet", "worksheet2", "theme", "worksheet\r\n"]
        for prefix in prefixes {
            for suffix in suffixes {
                let uri = prefix + suffix
                #expect(RelationshipType.classifyASCII(uri) == RelationshipType(byCharacters: uri), "\(uri)")
            }
        }
        #expect(RelationshipType(uri: prefixes[0] + "worksheet") == .worksheet)
        #expect(RelationshipType(uri: prefixes[2] + "metadata/core-properties") == .coreProperties)
        #expect(RelationshipType(uri: prefixes[0] + "worksheet\u{301}") == .other)
    }
}

@Suite struct PartNameAndEncodingFastPathTests {
    /// `normalize`'s one-pass test for names already in normal form gives what the Character path gives.
    @Test func normalizeAgreesWithTheCharacterPath() {
        let names = ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "docProps/core.xml", "[Content_Types].xml",
                     "/xl/workbook.xml", "\\xl\\workbook.xml", "xl\\a.xml", "xl/Sheet1.xml", "XL", "a", "", "/", "\\",
                     "xl/シート.xml", "/XL/シート.xml", "xl/a\u{301}.xml", "xl/É.xml", "xl/\u{212A}.xml", "_rels/.rels",
                     "xl/_rels/workbook.xml.rels", "x@[`{.xml", "xl/worksheets/sheet1.xml\u{0}"]
        for name in names {
            #expect(ZipArchive.normalize(name) == ZipArchive.normalizeByCharacters(name), "\(name.debugDescription)")
        }
    }

    /// A target resolved by joining it to the source's directory is what the Character path resolves.
    @Test func simpleTargetsResolveAsByCharacters() {
        let targets = ["worksheets/sheet1.xml", "/xl/a.xml", "sharedStrings.xml", ".rels", "a/.b/c.xml", "a..b/c.xml", "...",
                       ".../x.xml", "../docProps/core.xml", "./a.xml", "a/./b.xml", "a/../b.xml", "a/..", "a/.", "a\\b.xml",
                       "sheet1.xml#frag", "sheet%201.xml", "x:y/z.xml", "a/b:c.xml", "", "/", "//a.xml", "a//b.xml", "a/",
                       "a b.xml", "a\r\nb.xml", "a\u{7F}.xml", "シート.xml", "~$x.xml", "/.."]
        var simple = 0
        for source in ["xl/workbook.xml", "", "a/b/c.xml", "/xl//workbook.xml", "workbook.xml", "xl//a.xml", "xl/", "/xl/a.xml",
                       "x/../y/a.xml", "xl/ブック.xml", "xl/./a.xml"] {
            for target in targets {
                guard let resolved = Relationships.simpleTarget(target, from: source) else { continue }
                simple += 1
                #expect(resolved == Relationships.resolveTargetByCharacters(target, from: source), "\(target) from \(source)")
            }
        }
        #expect(simple == 59)  // 8 relative targets from 6 sources, 1 absolute from all 11
        #expect(Relationships.simpleTarget("worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(Relationships.simpleTarget("/xl/styles.xml", from: "xl/workbook.xml") == "xl/styles.xml")
        #expect(Relationships.simpleTarget("xl/workbook.xml", from: "") == "xl/workbook.xml")
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence, by the
    /// standard library's decoder (the definition the fast paths must keep).
    private func firstErrorByStandardLibrary(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// ASCII runs of every length around the 8- and 32-byte steps, around valid multi-byte
    /// characters and every kind of malformed sequence (stray continuation, overlong, surrogate,
    /// beyond U+10FFFF, truncated — also at the very end).
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        let fragments: [[UInt8]] = [
            [], [0x41], Array("é".utf8), Array("あ".utf8), Array("漢字".utf8), Array("😀".utf8), Array("\u{10FFFF}".utf8),
            [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xC2, 0x41], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
            [0xE0, 0xA0], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF0, 0x90, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE],
        ]
        var checked = 0
        for lead in [0, 1, 7, 8, 9, 15, 16, 24, 31, 32, 33, 39, 40, 64, 65] {
            for f in fragments {
                for g in fragments {
                    let bytes = [UInt8](repeating: 0x61, count: lead) + f + [UInt8](repeating: 0x62, count: lead % 9) + g
                        + [UInt8](repeating: 0x63, count: (lead * 7) % 34)
                    let fast = bytes.withUnsafeBufferPointer { b in b.baseAddress.flatMap { firstInvalidUTF8($0, b.count) } }
                    #expect(fast == firstErrorByStandardLibrary(bytes), "\(bytes)")
                    checked += 1
                }
            }
        }
        #expect(checked == 15 * 26 * 26)
    }

    /// The scan that passes non-ASCII text eight bytes at a time stops where a byte-by-byte scan
    /// stops: at every start and end, around each step of eight, for bytes of every kind.
    @Test func scanToAByteBelow0x40AgreesWithTheByteLoop() {
        let kinds: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x26, 0x27, 0x30, 0x3C, 0x3F, 0x40, 0x41, 0x7F, 0x80, 0xBF, 0xE3, 0xFF]
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var checked = 0
        for _ in 0..<4_000 {
            let count = next() % 40
            // Mostly high bytes (text in Japanese), some ASCII, now and then a byte below 0x40.
            let bytes: [UInt8] = (0..<count).map { _ in
                switch next() % 10 {
                case 0: return kinds[next() % kinds.count]
                case 1, 2: return UInt8(0x40 + next() % 0x40)
                default: return UInt8(0x80 + next() % 0x80)
                }
            }
            bytes.withUnsafeBufferPointer { b in
                guard let p = b.baseAddress else { return }
                for from in 0...count {
                    for to in from...count where (to - from) % 3 == 0 || to == count {
                        var slow = from
                        while slow < to && p[slow] >= 0x40 { slow += 1 }
                        #expect(firstByteBelow0x40(p, from: from, to: to) == slow, "\(bytes) \(from)..<\(to)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 20_000)
    }
}
