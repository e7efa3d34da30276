import Foundation
import Testing
import XLSX
@testable import XLSXWriter

/// Links to files added after libxlsxwriter wrote the workbook (`addFileLinks`): the same parts,
/// byte for byte, as the same links written as hyperlink cells.
@Suite("File links")
struct FileLinksTests {
    static let style = XLSXStyle(underline: .single, fontColor: 0x0563C1)
    static let links = [
        XLSXFileLink(cell: c("C2"), target: "5110000.xlsx", tooltip: "5110000 施策 & <計画> \"案\" 'x'"),
        XLSXFileLink(cell: c("C3"), target: "b_2-x.xlsx", tooltip: nil),
        XLSXFileLink(cell: c("B7"), target: "C.xlsx", tooltip: "三"),
    ]

    /// Every part of the workbook at `path` but its creation time, by name.
    static func parts(_ path: String) throws -> [String: Data] {
        let listing = try run(["-Z1", path])
        var parts: [String: Data] = [:]
        for name in String(decoding: listing, as: UTF8.self).split(separator: "\n") where name != "docProps/core.xml" {
            parts[String(name)] = try run(["-p", path, String(name)])
        }
        return parts
    }

    static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    /// Writes a two-sheet workbook whose first sheet holds `links`, one way or the other.
    static func write(_ path: String, deferred: Bool, links: [XLSXFileLink] = links) throws {
        let book = try XLSXWorkbookWriter(path: path)
        let sheet = try book.addSheet(named: "一覧")
        try sheet.writeString("施策", at: c("A1"))
        try sheet.merge(r("A10:B10"), string: "計")
        for link in links {
            if deferred {
                try sheet.writeString("開く", at: link.cell, style: style)
            } else {
                try sheet.writeURL("external:" + link.target, text: "開く", tooltip: link.tooltip, at: link.cell, style: style)
            }
        }
        if deferred { try sheet.addFileLinks { links } }
        try sheet.setPaper(.a4)
        try sheet.setFooter("&P")
        try book.addSheet(named: "二").writeNumber(0.1, at: c("A1"))
        try book.finish()
    }

    @Test func theSamePartsAsHyperlinkCells() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cells = dir.appendingPathComponent("cells.xlsx").path, added = dir.appendingPathComponent("added.xlsx").path
        try Self.write(cells, deferred: false)
        try Self.write(added, deferred: true)
        let expected = try Self.parts(cells), got = try Self.parts(added)
        #expect(expected.keys.sorted() == got.keys.sorted())
        #expect(expected.keys.contains("xl/worksheets/_rels/sheet1.xml.rels"))
        for (name, data) in expected { #expect(got[name] == data, "\(name) differs") }
        let sheet = String(decoding: got["xl/worksheets/sheet1.xml"] ?? Data(), as: UTF8.self)
        #expect(sheet.contains(#"<hyperlink ref="C2" r:id="rId1" tooltip="5110000 施策 &amp; &lt;計画&gt; &quot;案&quot; 'x'"/>"#))
        #expect(sheet.contains(#"<hyperlink ref="C3" r:id="rId2"/>"#))
    }

    @Test func readersSeeTheLinks() throws {
        let (json, _) = try writeAndRead { book in
            let sheet = try book.addSheet(named: "Links")
            try sheet.writeString("開く", at: c("A1"), style: Self.style)
            try sheet.addFileLinks { [XLSXFileLink(cell: c("A1"), target: "5110000.xlsx", tooltip: "5110000 施策")] }
        }
        #expect(json.sheet("Links").cell("A1")["value"] == .string("開く"))
        #expect(json.sheet("Links").cell("A1")["hyperlink"]["target"] == .string("5110000.xlsx"))
        #expect(json.sheet("Links").cell("A1")["hyperlink"]["tooltip"] == .string("5110000 施策"))
    }

    @Test func noLinksLeaveTheFileAsWritten() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appendingPathComponent("plain.xlsx").path, none = dir.appendingPathComponent("none.xlsx").path
        try Self.write(plain, deferred: false, links: [])
        try Self.write(none, deferred: true, links: [])
        #expect(try Self.parts(plain) == Self.parts(none))
        #expect(try Self.parts(none)["xl/worksheets/_rels/sheet1.xml.rels"] == nil)
    }

    @Test func whatCanBeWrittenAsAFileLink() {
        #expect(XLSXSheetWriter.canWriteFileLink(target: "5110000.xlsx", text: "開く", tooltip: "5110000 施策"))
        #expect(XLSXSheetWriter.canWriteFileLink(target: "a_b-C.9.xlsx", text: "Open", tooltip: nil))
        for target in ["", "dir/a.xlsx", "a b.xlsx", "a#b.xlsx", "c:a.xlsx", "a%20.xlsx", ".\\a.xlsx", ".a.xlsx", "施策.xlsx"] {
            #expect(!XLSXSheetWriter.canWriteFileLink(target: target, text: "開く", tooltip: nil), "\(target)")
        }
        #expect(!XLSXSheetWriter.canWriteFileLink(target: "a.xlsx", text: "", tooltip: nil))
        #expect(!XLSXSheetWriter.canWriteFileLink(target: "a.xlsx", text: "_x0041_", tooltip: nil))
        #expect(!XLSXSheetWriter.canWriteFileLink(target: "a.xlsx", text: "開く", tooltip: "a\nb"))
        #expect(!XLSXSheetWriter.canWriteFileLink(target: "a.xlsx", text: "開く", tooltip: ""))
        #expect(!XLSXSheetWriter.canWriteFileLink(target: "a.xlsx", text: "開く", tooltip: String(repeating: "x", count: 256)))
        #expect(XLSXSheetWriter.canWriteFileLink(target: "a.xlsx", text: "開く", tooltip: String(repeating: "x", count: 255)))
    }

    @Test func refusedLinksLeaveNothingBehind() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, (XLSXSheetWriter) throws -> Void)] = [
            ("out of order", { sheet in
                try sheet.addFileLinks { [XLSXFileLink(cell: c("A2"), target: "a.xlsx"), XLSXFileLink(cell: c("A1"), target: "b.xlsx")] }
            }),
            ("not a plain name", { sheet in try sheet.addFileLinks { [XLSXFileLink(cell: c("A1"), target: "a b.xlsx")] } }),
            ("other relationships", { sheet in
                try sheet.writeURL("https://example.jp/", at: c("B1"))
                try sheet.addFileLinks { [XLSXFileLink(cell: c("A1"), target: "a.xlsx")] }
            }),
        ]
        for (name, body) in cases {
            let path = dir.appendingPathComponent("book.xlsx").path
            let book = try XLSXWorkbookWriter(path: path)
            try body(try book.addSheet(named: "S"))
            let error = caughtError { try book.finish() }
            guard case .cannotWriteFile(let reported, _, _, _)? = error else {
                Issue.record("\(name): \(String(describing: error))")
                continue
            }
            #expect(reported == path, "\(name)")
            #expect(directoryContents(dir).isEmpty, "\(name)")
        }
    }

    @Test func linksAreAddedOncePerSheet() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try XLSXWorkbookWriter(path: dir.appendingPathComponent("book.xlsx").path)
        let sheet = try book.addSheet(named: "S")
        try sheet.addFileLinks { [XLSXFileLink]() }
        #expect(caughtError { try sheet.addFileLinks { [XLSXFileLink]() } } != nil)
        book.abandon()
    }
}
