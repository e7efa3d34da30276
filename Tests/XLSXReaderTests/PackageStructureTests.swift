import Foundation
import Testing
import XLSX
@testable import XLSXReader

@Suite struct PackageStructureTests {
    @Test(arguments: [
        ("worksheets/sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("/xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("../docProps/custom.xml", "xl/workbook.xml", "docProps/custom.xml"),
        ("./a/./b/../c.xml", "xl/workbook.xml", "xl/a/c.xml"),
        ("xl/workbook.xml", "", "xl/workbook.xml"),
        ("sheet%201.xml", "xl/workbook.xml", "xl/sheet 1.xml"),
        ("a\\b.xml", "xl/workbook.xml", "xl/a/b.xml"),
        ("sheet1.xml#frag", "xl/workbook.xml", "xl/sheet1.xml"),
    ])
    func targetsResolve(_ target: String, _ source: String, _ expected: String) {
        #expect(Relationships.resolveTarget(target, from: source) == expected)
    }

    @Test(arguments: ["../../etc/passwd", "/../x.xml", "../..", "file:///etc/passwd", "http://example.com/a.xml",
                      "%2E%2E/%2E%2E/x", "", "/", ".."])
    func targetsOutsideThePackageAreRejected(_ target: String) {
        #expect(Relationships.resolveTarget(target, from: "xl/workbook.xml") == nil)
    }

    /// The byte path answers exactly as the Character path for ASCII, and leaves everything else to it.
    @Test func asciiTargetsResolveOnBytesAsByCharacters() {
        let targets = ["worksheets/sheet1.xml", "/xl/a.xml", "../docProps/core.xml", "./a/./b/../c.xml", "a\\b.xml",
                       "sheet1.xml#frag", "#only", "sheet%201.xml", "%2E%2E/%2E%2E/x", "a/%2e%2e/b.xml", "x:y/z.xml",
                       "a/b:c.xml", "", "/", "..", "a/", "a//b.xml", "...", ".../x.xml", "%zz.xml", "%4", "a\r\nb.xml"]
        for source in ["xl/workbook.xml", "", "a/b/c.xml", "/xl//workbook.xml"] {
            for target in targets {
                let onBytes = Relationships.resolveASCIITarget(target, from: source)
                #expect(onBytes != nil, "ASCII target \(target) goes the byte path")
                #expect((onBytes ?? nil) == Relationships.resolveTargetByCharacters(target, from: source), "\(target) from \(source)")
            }
        }
        #expect(Relationships.resolveASCIITarget("a/%2e%2e/b.xml", from: "xl/workbook.xml") == .some("xl/b.xml"))
        #expect(Relationships.resolveASCIITarget("a//b.xml", from: "xl/workbook.xml") == .some("xl/a/b.xml"))
        // Not ASCII (also once %-decoded, or in the source part): resolved by Characters.
        for (target, source) in [("シート.xml", "xl/workbook.xml"), ("%C3%A9.xml", "xl/workbook.xml"), ("a.xml", "xl/ブック.xml"),
                                 ("a#\u{20E3}b.xml", "xl/workbook.xml")] {
            #expect(Relationships.resolveASCIITarget(target, from: source) == nil)
        }
        #expect(Relationships.resolveTarget("%C3%A9.xml", from: "xl/workbook.xml") == "xl/é.xml")
        #expect(Relationships.resolveTarget("a#\u{20E3}b.xml", from: "xl/workbook.xml") == "xl/a#\u{20E3}b.xml")
    }

    @Test func relsPartNames() {
        #expect(Relationships.partName(for: "") == "_rels/.rels")
        #expect(Relationships.partName(for: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
        #expect(Relationships.partName(for: "book/sub/main.xml") == "book/sub/_rels/main.xml.rels")
    }

    @Test func relationshipTypesInBothFlavours() {
        #expect(RelationshipType(uri: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet") == .worksheet)
        #expect(RelationshipType(uri: "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet") == .worksheet)
        #expect(RelationshipType(uri: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties") == .customProperties)
        #expect(RelationshipType(uri: "http://purl.oclc.org/ooxml/officeDocument/relationships/customProperties") == .customProperties)
        #expect(RelationshipType(uri: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties") == .coreProperties)
        #expect(RelationshipType(uri: "http://example.com/worksheet") == .other)
    }

    @Test func partNamesMatchCaseInsensitively() {
        #expect(ZipArchive.normalize("/XL/Worksheets\\Sheet1.XML") == "xl/worksheets/sheet1.xml")
        #expect(ZipArchive.normalize("xl/ワーク.xml") == "xl/ワーク.xml")
    }

    /// Files larger than the in-memory threshold are opened by libzip from the path.
    @Test func openingByPathWithoutReadingWhole() throws {
        let path = Fixtures.quirk("openpyxl-reference-workbook.xlsx")
        let archive = try ZipArchive(path: path, limits: .default, wholeFileLimit: 0)
        #expect(archive.contains("XL/WORKBOOK.XML"))
        #expect(try archive.read("xl/workbook.xml").count > 100)
        for hostile in ["zip-bomb-sheet.xlsx", "encrypted-zip-entry.xlsx", "corrupt-deflate-data.xlsx"] {
            let archive = try ZipArchive(path: Fixtures.hostile(hostile), limits: .default, wholeFileLimit: 0)
            #expect(throws: XLSXReadError.self) { try archive.read("xl/worksheets/sheet1.xml") }
        }
        let truncated = #expect(throws: XLSXReadError.self) {
            try ZipArchive(path: Fixtures.hostile("truncated-zip.xlsx"), limits: .default, wholeFileLimit: 0)
        }
        #expect(truncated?.kind == .corruptZip)
    }

    @Test func directoryIsNotAWorkbook() {
        let error = #expect(throws: XLSXReadError.self) { try XLSXDocument(path: Fixtures.directory) }
        #expect(error?.kind == .cannotOpenFile)
    }

    @Test func emptyBytesAndTinyBytes() {
        #expect((#expect(throws: XLSXReadError.self) { try XLSXDocument(bytes: [], name: "e.xlsx") })?.kind == .emptyFile)
        #expect((#expect(throws: XLSXReadError.self) { try XLSXDocument(bytes: [0x50], name: "p.xlsx") })?.kind == .notAZip)
        #expect((#expect(throws: XLSXReadError.self) { try XLSXDocument(bytes: [0x50, 0x4B], name: "pk.xlsx") })?.kind == .corruptZip)
    }
}

@Suite struct AreaReferenceTests {
    @Test(arguments: [
        ("'1 基本情報'!$B$3", "1 基本情報", "B3"),
        ("'Sheet 1'!$A$5:$H$40", "Sheet 1", "A5:H40"),
        ("='O''Brien''s'!$A$1", "O'Brien's", "A1"),
        ("'''quoted'''!A1", "'quoted'", "A1"),
        ("Data!$A$1:$B$2", "Data", "A1:B2"),
        ("Sheet1!B2:A1", "Sheet1", "A1:B2"),
        ("評価!$C$4", "評価", "C4"),
    ])
    func parsesSheetAndRange(_ text: String, _ sheet: String, _ range: String) throws {
        let area = try #require(XLSXAreaReference(text))
        #expect(area.sheetName == sheet)
        #expect(area.range == CellRange(range))
    }

    @Test func wholeColumnsRowsAndNoSheet() throws {
        #expect(XLSXAreaReference("Data!$A:$B")?.range == CellRange(first: CellReference(row: 0, column: 0),
                                                                     last: CellReference(row: CellReference.maxRow, column: 1)))
        #expect(XLSXAreaReference("'S'!$2:$3")?.range == CellRange(first: CellReference(row: 1, column: 0),
                                                                    last: CellReference(row: 2, column: CellReference.maxColumn)))
        #expect(XLSXAreaReference("$B$2") == XLSXAreaReference(sheetName: nil, range: CellRange("B2")!))
    }

    @Test(arguments: ["#REF!", "Sheet1!#REF!", "'Sheet1'!A1,'Sheet1'!B2", "[1]Sheet1!A1", "'unterminated!A1", "''!A1",
                      "Sheet1:Sheet3!A1", "SUM(A1:A3)", "\"text\"", "Sheet1!", "Sheet1!A0", "Sheet1!XFE1", "'S'!A1:",
                      "'S'A1", "'S'!$A:$1", "'S'!+1:2"])
    func rejectsWhatIsNotOneArea(_ text: String) {
        #expect(XLSXAreaReference(text) == nil)
    }

    @Test func descriptionQuotesTheSheet() {
        #expect(XLSXAreaReference("'O''Brien''s'!$A$1:$B$2")?.description == "'O''Brien''s'!$A$1:$B$2")
        #expect(XLSXDefinedName(name: "n", refersTo: "'1 基本情報'!$B$3").area?.range == CellRange("B3"))
    }
}
