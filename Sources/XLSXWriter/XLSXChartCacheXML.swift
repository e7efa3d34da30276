/// A chart range's cache as libxlsxwriter 1.1.4 writes it (`_chart_write_str_cache`,
/// `_chart_write_num_cache`), for the caches of streamed rows that are put into the chart part after
/// the workbook is closed instead of being held as the library's points (about 60 bytes a point):
/// `<c:strCache>` or `<c:numCache><c:formatCode>General</c:formatCode>`, `<c:ptCount val="N"/>`, and
/// one `<c:pt idx="i"><c:v>…</c:v></c:pt>` per point that has data. As in the library, the count
/// and the index are 16-bit (they wrap past 65,535 points), a number is printed `%.16G`
/// (`XLSXNumberText.library`), a point without a string in a string cache — and any point in a
/// number cache — prints its number (0 for a blank or a string), and text escapes `&`, `<` and `>`.
enum XLSXChartCacheXML {
    /// Whether any point is a string (libxlsxwriter then marks the range as holding strings).
    static func hasStrings(_ points: [XLSXChartPoint]) -> Bool {
        points.contains { if case .string = $0 { return true } else { return false } }
    }

    /// Writes the cache of `points` to `out`; nothing for no points (the library writes no cache then).
    static func write(_ points: [XLSXChartPoint], strings: Bool, to out: (String) -> Void) {
        guard !points.isEmpty else { return }
        out(strings ? "<c:strCache>" : "<c:numCache><c:formatCode>General</c:formatCode>")
        out("<c:ptCount val=\"\(UInt16(truncatingIfNeeded: points.count))\"/>")
        for (i, point) in points.enumerated() {
            let value: String
            switch point {
            case .none: continue
            case .blank: value = XLSXNumberText.library(0)
            case .number(let n): value = XLSXNumberText.library(n)
            case .string(let s): value = strings ? escaped(String(cString: s)) : XLSXNumberText.library(0)
            }
            out("<c:pt idx=\"\(UInt16(truncatingIfNeeded: i))\"><c:v>\(value)</c:v></c:pt>")
        }
        out(strings ? "</c:strCache>" : "</c:numCache>")
    }

    /// Text escaped as libxlsxwriter's XML writer escapes element data (`lxw_escape_data`).
    static func escaped(_ text: String) -> String { LinkWriter.escaped(text, quotes: false) }
}
