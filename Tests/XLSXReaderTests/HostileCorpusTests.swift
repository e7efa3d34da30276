import Foundation
import Testing
import XLSX
@testable import XLSXReader

/// One broken or malicious file and what reading it must report.
struct HostileCase: CustomTestStringConvertible, Sendable {
    var file: String
    var kind: XLSXReadError.Kind
    var part: String?
    var cell: String? = nil
    var limits: XLSXReadLimits = .default

    var testDescription: String { file }
}

let hostileCases: [HostileCase] = [
    HostileCase(file: "not-a-zip.xlsx", kind: .notAZip, part: nil),
    HostileCase(file: "empty.xlsx", kind: .emptyFile, part: nil),
    HostileCase(file: "ole-encrypted.xlsx", kind: .encryptedOrLegacyWorkbook, part: nil),
    HostileCase(file: "truncated-zip.xlsx", kind: .corruptZip, part: nil),
    HostileCase(file: "corrupt-deflate-data.xlsx", kind: .corruptZip, part: "xl/worksheets/sheet1.xml"),
    HostileCase(file: "zip-bomb-sheet.xlsx", kind: .partTooLarge(limit: 64 << 20), part: "xl/worksheets/sheet1.xml"),
    HostileCase(file: "zip-bomb-sheet.xlsx", kind: .partTooLarge(limit: 1 << 20), part: "xl/worksheets/sheet1.xml",
                limits: XLSXReadLimits(maxPartBytes: 1 << 20)),
    HostileCase(file: "zip-bomb-lying-sizes.xlsx", kind: .partTooLarge(limit: 64 << 20), part: "xl/worksheets/sheet1.xml"),
    HostileCase(file: "zip-bomb-lying-sizes.xlsx", kind: .partTooLarge(limit: 1 << 20), part: "xl/worksheets/sheet1.xml",
                limits: XLSXReadLimits(maxPartBytes: 1 << 20)),
    HostileCase(file: "archive-total-too-large.xlsx", kind: .archiveTooLarge(limit: 4 << 20), part: "xl/worksheets/sheet4.xml",
                limits: XLSXReadLimits(maxPartBytes: 2 << 20, maxTotalBytes: 4 << 20)),
    HostileCase(file: "many-entries.xlsx", kind: .tooManyEntries(limit: 500), part: nil,
                limits: XLSXReadLimits(maxEntries: 500)),
    HostileCase(file: "doctype-entity-expansion.xlsx", kind: .doctypeNotAllowed, part: "xl/sharedStrings.xml"),
    HostileCase(file: "doctype-external-entity.xlsx", kind: .doctypeNotAllowed, part: "xl/worksheets/sheet1.xml"),
    HostileCase(file: "missing-content-types.xlsx", kind: .missingPart, part: "[Content_Types].xml"),
    HostileCase(file: "missing-root-relationships.xlsx", kind: .missingPart, part: "_rels/.rels"),
    HostileCase(file: "missing-workbook-relationship.xlsx", kind: .missingRelationship, part: "_rels/.rels"),
    HostileCase(file: "missing-shared-strings.xlsx", kind: .missingSharedStrings, part: "xl/worksheets/sheet1.xml",
                cell: "Sheet1!B1"),
    HostileCase(file: "shared-string-index-out-of-range.xlsx", kind: .sharedStringIndexOutOfRange,
                part: "xl/worksheets/sheet1.xml", cell: "Sheet1!C3"),
    HostileCase(file: "malformed-xml-unclosed-tag.xlsx", kind: .malformedXML, part: "xl/worksheets/sheet1.xml"),
    HostileCase(file: "mismatched-end-tag.xlsx", kind: .malformedXML, part: "xl/workbook.xml"),
    HostileCase(file: "truncated-xml-part.xlsx", kind: .malformedXML, part: "xl/worksheets/sheet1.xml"),
    HostileCase(file: "invalid-utf8.xlsx", kind: .invalidEncoding, part: "xl/sharedStrings.xml"),
    HostileCase(file: "bad-entity.xlsx", kind: .malformedXML, part: "xl/sharedStrings.xml"),
    HostileCase(file: "undeclared-namespace-prefix.xlsx", kind: .malformedXML, part: "xl/worksheets/sheet1.xml"),
    HostileCase(file: "rel-target-escapes-package.xlsx", kind: .targetOutsidePackage, part: "xl/_rels/workbook.xml.rels"),
    HostileCase(file: "external-rel-target-mode.xlsx", kind: .externalRelationship, part: "xl/_rels/workbook.xml.rels"),
    HostileCase(file: "cell-column-out-of-range.xlsx", kind: .cellOutOfRange, part: "xl/worksheets/sheet1.xml",
                cell: "Sheet1!XFE1"),
    HostileCase(file: "cell-row-out-of-range.xlsx", kind: .cellOutOfRange, part: "xl/worksheets/sheet1.xml",
                cell: "Sheet1!row 1048577"),
    HostileCase(file: "invalid-cell-reference.xlsx", kind: .invalidCellReference, part: "xl/worksheets/sheet1.xml",
                cell: "Sheet1!1A"),
    HostileCase(file: "deep-nesting.xlsx", kind: .nestingTooDeep(limit: 256), part: "xl/worksheets/sheet1.xml"),
    HostileCase(file: "non-numeric-value.xlsx", kind: .invalidCellValue, part: "xl/worksheets/sheet1.xml", cell: "Sheet1!B2"),
    HostileCase(file: "nan-numeric-value.xlsx", kind: .invalidCellValue, part: "xl/worksheets/sheet1.xml", cell: "Sheet1!B2"),
    HostileCase(file: "number-overflows-to-infinity.xlsx", kind: .invalidCellValue, part: "xl/worksheets/sheet1.xml", cell: "Sheet1!B2"),
    HostileCase(file: "number-underflows-to-zero.xlsx", kind: .invalidCellValue, part: "xl/worksheets/sheet1.xml", cell: "Sheet1!C2"),
    HostileCase(file: "hex-float-number.xlsx", kind: .invalidCellValue, part: "xl/worksheets/sheet1.xml", cell: "Sheet1!D2"),
    HostileCase(file: "duplicate-cell-address.xlsx", kind: .duplicateCell, part: "xl/worksheets/sheet1.xml", cell: "Sheet1!B4"),
    HostileCase(file: "duplicate-cell-in-repeated-row.xlsx", kind: .duplicateCell, part: "xl/worksheets/sheet1.xml", cell: "Sheet1!B4"),
    HostileCase(file: "cell-outside-its-row.xlsx", kind: .cellOutsideItsRow, part: "xl/worksheets/sheet1.xml", cell: "Sheet1!B7"),
    HostileCase(file: "unsupported-compression-bzip2.xlsx", kind: .unsupportedCompression(method: 12),
                part: "xl/worksheets/sheet1.xml"),
    HostileCase(file: "encrypted-zip-entry.xlsx", kind: .encryptedEntry, part: "xl/worksheets/sheet1.xml"),
]

@Suite struct HostileCorpusTests {
    /// Opening and reading every sheet fails with the expected typed error, from a path and from
    /// bytes, and the message names the file and the part (and the cell where known).
    @Test(arguments: hostileCases)
    func hostileFileFailsWithTypedError(_ c: HostileCase) throws {
        let path = Fixtures.hostile(c.file)
        let started = ContinuousClock.now
        let fromPath = #expect(throws: XLSXReadError.self) {
            try readEverything(try XLSXDocument(path: path, limits: c.limits))
        }
        let bytes = try Fixtures.bytes(path)
        let fromBytes = #expect(throws: XLSXReadError.self) {
            try readEverything(try XLSXDocument(bytes: bytes, name: c.file, limits: c.limits))
        }
        #expect(ContinuousClock.now - started < .seconds(10), "must fail fast")
        for error in [fromPath, fromBytes] {
            let error = try #require(error)
            #expect(error.kind == c.kind, "\(error)")
            #expect(error.file == c.file)
            #expect(error.part == c.part, "\(error)")
            #expect(error.cell == c.cell, "\(error)")
            #expect(error.description.hasPrefix(c.file + ": " + (c.part ?? "(whole file)")), "\(error)")
            if let cell = c.cell { #expect(error.description.contains(cell)) }
        }
    }

    @Test func corpusHasAtLeastTwentyFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.directory + "/xlsx-hostile")
            .filter { $0.hasSuffix(".xlsx") }
        #expect(files.count >= 20)
        // Every hostile fixture is covered by a case above.
        #expect(Set(files) == Set(hostileCases.map(\.file)))
    }

    @Test func archiveCapDoesNotTriggerUnderDefaultLimits() throws {
        let doc = try open(Fixtures.hostile("archive-total-too-large.xlsx"))
        #expect(try readEverything(doc).count == 12)
    }

    @Test func manyEntriesOpenUnderDefaultLimits() throws {
        let doc = try open(Fixtures.hostile("many-entries.xlsx"))
        #expect(try doc.worksheet(at: 0).v("A1") == .string("ok"))
    }

    @Test func tooManyCellsIsCapped() throws {
        let limits = XLSXReadLimits(maxCellsPerSheet: 5)
        let error = #expect(throws: XLSXReadError.self) {
            try open(Fixtures.quirk("cells-without-r.xlsx"), limits: limits).worksheet(at: 0)
        }
        #expect(error?.kind == .tooManyCells(limit: 5))
        #expect(error?.cell == "Sheet1!A5")
    }

    @Test func missingFileIsATypedError() {
        let error = #expect(throws: XLSXReadError.self) { try XLSXDocument(path: "/nonexistent/book.xlsx") }
        #expect(error?.kind == .cannotOpenFile)
        #expect(error?.description == "book.xlsx: (whole file): cannot open the file for reading")
    }

    @Test func oleMessageTellsTheUserWhatToDo() throws {
        let error = #expect(throws: XLSXReadError.self) { try XLSXDocument(path: Fixtures.hostile("ole-encrypted.xlsx")) }
        #expect(error?.description.contains("save it as .xlsx without a password") == true)
    }
}
