import XLSX

/// The XML of a sheet's links to files, byte for byte as libxlsxwriter 1.1.4 writes external
/// hyperlinks: `<hyperlinks><hyperlink ref="O4" r:id="rId1" tooltip="…"/>…</hyperlinks>` in the sheet
/// and `<Relationship Id="rId1" Type="…/hyperlink" Target="…" TargetMode="External"/>` in its
/// relationships part. Links are taken one at a time from an iterator and never kept.
struct LinkWriter {
    private var links: AnyIterator<XLSXFileLink>
    /// How many links were written (the last `rId` number).
    private(set) var count = 0

    init(_ links: some IteratorProtocol<XLSXFileLink>) {
        var links = links
        self.links = AnyIterator { links.next() }
    }

    /// The elements the `<hyperlinks>` element comes before (CT_Worksheet's order; libxlsxwriter
    /// writes `<pageMargins>` always). Cell text is escaped, so `<` starts an element only.
    static let markers: [[UInt8]] = [Array("<printOptions".utf8), Array("<pageMargins".utf8)]
    static let relationshipsStart = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

    /// Writes every link: the sheet's XML to `sheet`, the relationships part to `relationships`
    /// (nothing at all when there are none). Throws `.cannotWriteFile` naming `reportedPath` for a
    /// link that `XLSXSheetWriter.canWriteFileLink` refuses, links out of order or too many.
    mutating func write(_ sheet: (String) -> Void, relationships: (String) -> Void, reportingAs reportedPath: String) throws {
        var previous: CellReference?
        while let link = links.next() {
            guard XLSXSheetWriter.canWriteFileLink(target: link.target, text: "-", tooltip: link.tooltip) else {
                throw refused(reportedPath, "a link to \(link.target) cannot be written as a file link")
            }
            if let previous, (link.cell.row, link.cell.column) <= (previous.row, previous.column) {
                throw refused(reportedPath, "file links must come in row and column order (\(link.cell) after \(previous))")
            }
            guard count < XLSXSheetWriter.maximumLinks else {
                throw refused(reportedPath, "more than \(XLSXSheetWriter.maximumLinks) links in one sheet")
            }
            previous = link.cell
            count &+= 1
            if count == 1 {
                sheet("<hyperlinks>")
                relationships(Self.relationshipsStart)
            }
            var element = "<hyperlink ref=\"\(link.cell)\" r:id=\"rId\(count)\""
            if let tooltip = link.tooltip { element += " tooltip=\"" + Self.attribute(tooltip) + "\"" }
            sheet(element + "/>")
            relationships("<Relationship Id=\"rId\(count)\" Type=\"\(Self.relationshipType)\" Target=\"\(link.target)\" TargetMode=\"External\"/>")
        }
        if count > 0 {
            sheet("</hyperlinks>")
            relationships("</Relationships>")
        }
    }

    /// An attribute's text escaped as libxlsxwriter's XML writer does (`&`, `<`, `>`, `"`).
    static func attribute(_ text: String) -> String { escaped(text, quotes: true) }

    /// Text escaped as libxlsxwriter's XML writer escapes it: `&`, `<`, `>`, and `"` in attributes
    /// (`quotes`); element data keeps its quotes (`lxw_escape_data`).
    static func escaped(_ text: String, quotes: Bool) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || (quotes && $0 == UInt8(ascii: "\"")) })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count &+ 16)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private func refused(_ path: String, _ message: String) -> XLSXWriteError {
        .cannotWriteFile(path, libraryCode: 0, libraryMessage: message, systemError: 0)
    }
}
