// `xl/styles.xml`: only what a reader of values needs — each cell format's number format code
// and its locked flag.

/// The resolved cell formats (`<cellXfs>`) of a workbook.
struct StyleTable: Sendable {
    struct CellFormat: Sendable {
        var numberFormatID: Int
        var numberFormat: String?
        var isLocked: Bool
    }

    var cellFormats: [CellFormat] = []

    static let general: String? = "General"

    /// The format of style index `s`. An index that points nowhere (or any index but 0 when the
    /// workbook has no styles) has an unknown number format (nil) — never silently General, which
    /// could print a number differently from what the workbook's author saw — and stays locked.
    /// Index 0 of a workbook without cell formats is the default format: General.
    @inline(__always)
    func format(_ index: Int) -> CellFormat {
        if index >= 0 && index < cellFormats.count { return cellFormats[index] }
        if index == 0 && cellFormats.isEmpty { return CellFormat(numberFormatID: 0, numberFormat: Self.general, isLocked: true) }
        return CellFormat(numberFormatID: -1, numberFormat: nil, isLocked: true)
    }

    /// The styles parts parsed lately (every workbook of a template has the same one).
    static let parsed = PartMemo<StyleTable>()

    /// Parses a styles part.
    ///
    /// Locking: a `<protection>` child of the cell `xf` decides (`locked` defaults to true).
    /// `applyProtection` is not consulted: writers set it inconsistently (LibreOffice writes
    /// `applyProtection="false"` next to the real `<protection>`), and Excel honours the child.
    static func parse(_ xml: inout XMLTokenizer) throws(XLSXReadError) -> StyleTable {
        var customFormats: [Int: String] = [:]
        var rawFormats: [(id: Int, locked: Bool)] = []
        while true {
            switch try xml.next() {
            case .startElement:
                guard xml.depth == 2 else { continue }
                if xml.isElement(.spreadsheetML, "numFmts") {
                    try parseNumberFormats(&xml, into: &customFormats)
                } else if xml.isElement(.spreadsheetML, "cellXfs") {
                    try parseCellFormats(&xml, into: &rawFormats)
                } else {
                    try xml.skipElement()
                }
            case .endOfDocument:
                var table = StyleTable()
                table.cellFormats.reserveCapacity(rawFormats.count)
                for (id, locked) in rawFormats {
                    table.cellFormats.append(CellFormat(numberFormatID: id,
                                                        numberFormat: customFormats[id] ?? BuiltinNumberFormats.code(for: id),
                                                        isLocked: locked))
                }
                return table
            default:
                continue
            }
        }
    }

    private static func parseNumberFormats(_ xml: inout XMLTokenizer, into formats: inout [Int: String]) throws(XLSXReadError) {
        try xml.forEachChild { xml throws(XLSXReadError) in
            if xml.isElement(.spreadsheetML, "numFmt"), let id = xml.attribute(.none, "numFmtId").flatMap({ Int($0) }),
               let code = xml.attribute(.none, "formatCode") {
                formats[id] = code
            }
        }
    }

    private static func parseCellFormats(_ xml: inout XMLTokenizer, into formats: inout [(id: Int, locked: Bool)]) throws(XLSXReadError) {
        try xml.forEachChild { xml throws(XLSXReadError) in
            guard xml.isElement(.spreadsheetML, "xf") else { return }
            // Absent: General (the schema default). Present but unreadable: unknown, never General.
            let id = xml.attribute(.none, "numFmtId").map { Int($0) ?? -1 } ?? 0
            var locked = true
            // Children: <alignment>, <protection>, <extLst>.
            try xml.forEachChild { xml throws(XLSXReadError) in
                if xml.isElement(.spreadsheetML, "protection"), let value = xml.attribute(.none, "locked") {
                    locked = !(value == "0" || value == "false")
                }
            }
            formats.append((id, locked))
        }
    }
}
