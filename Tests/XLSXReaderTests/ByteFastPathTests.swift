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
