/// What `LibZipRewrite.rewriteSheet` adds to a worksheet part libxlsxwriter wrote, and where: the
/// streamed rows at the end of `<sheetData>` (before `</sheetData>`, or in place of an empty
/// `<sheetData/>`), then the links before `<printOptions>` / `<pageMargins>` (`LinkWriter`). Cell
/// text is escaped in the part, so `<` starts an element only.
enum SheetInsertion: Equatable {
    case rows
    case links

    static let endOfSheetData = Array("</sheetData>".utf8)
    static let emptySheetData = Array("<sheetData/>".utf8)

    var markers: [[UInt8]] {
        switch self {
        case .rows: [Self.endOfSheetData, Self.emptySheetData]
        case .links: LinkWriter.markers
        }
    }

    static let longestMarker = ([endOfSheetData, emptySheetData] + LinkWriter.markers).map(\.count).max() ?? 0

    /// Where in `xml` the first of this insertion's markers starts, and which it is.
    func find(in xml: [UInt8]) -> (Int, [UInt8])? {
        markers.compactMap { m in Self.firstIndex(of: m, in: xml).map { ($0, m) } }.min { $0.0 < $1.0 }
    }

    private static func firstIndex(of marker: [UInt8], in xml: [UInt8]) -> Int? {
        guard xml.count >= marker.count, let first = marker.first else { return nil }
        var i = 0
        let last = xml.count &- marker.count
        while i <= last {
            if xml[i] == first, xml[i..<(i &+ marker.count)].elementsEqual(marker) { return i }
            i &+= 1
        }
        return nil
    }
}
