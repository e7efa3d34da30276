#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// libxlsxwriter 1.1.4 prints every number with `%.16G`. For the double nearest a short decimal
// that is often not the decimal: 0.69 is written `0.6899999999999999`, 69.4 `69.40000000000001`
// (the same double, but not the number the sheet printed), and a double that needs 17 digits is
// written with 16, i.e. as another double. So each number written is checked here, and where the
// library's text reads back as the number but is not its shortest text, the worksheet parts are
// corrected after libxlsxwriter has written them (LibZipRewrite.swift).

/// The text of numbers in worksheet XML.
enum XLSXNumberText {
    /// What libxlsxwriter 1.1.4 writes for `value` (`%.16G`, the C locale).
    static func library(_ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let count = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.16G", $0) }
        return String(decoding: buffer.prefix(Int(max(0, count))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The shortest text that reads back as `value`, in libxlsxwriter's style: `0.69`, `12`,
    /// `1E-05`, `1.7976931348623157E+308`.
    static func shortest(_ value: Double) -> String {
        var text = value.description  // Swift prints the shortest round-trip form
        if text.hasSuffix(".0") { text.removeLast(2) }
        if let e = text.firstIndex(of: "e") {
            var mantissa = String(text[..<e])
            if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
            text = mantissa + "E" + text[text.index(after: e)...]
        }
        return text
    }

    /// The correction `value` needs: (library text, shortest text), or nil when the library's text
    /// is already the shortest (every integer below 10^15 and most short decimals).
    @inline(__always)
    static func correction(_ value: Double) -> (String, String)? {
        if value == value.rounded(), abs(value) < 1e15 { return nil }
        let written = library(value), wanted = shortest(value)
        return written == wanted ? nil : (written, wanted)
    }

    /// The correction to make for `value`, made only when the library's text already reads back as
    /// the same double (`0.6899999999999999` → `0.69`): then it changes the text of every cell
    /// holding that text and the value of none, whatever other number printed the same. A double
    /// that needs 17 digits keeps libxlsxwriter's 16 (no printed decimal of a sheet needs more than 15).
    @inline(__always)
    static func safeCorrection(_ value: Double) -> (String, String)? {
        guard let (written, wanted) = correction(value), Double(written) == value else { return nil }
        return (written, wanted)
    }

    /// Replaces, in one worksheet's XML, each `<v>written</v>` of a number cell (not a `t="str"`
    /// formula, whose cached value is text) by its shortest form. Returns nil when nothing changed.
    static func rewrite(_ xml: [UInt8], _ corrections: [String: String]) -> [UInt8]? {
        let open = Array("<v>".utf8), close = Array("</v>".utf8)
        var out: [UInt8] = []
        var changed = false
        var i = 0, copied = 0, cellStart = 0
        let n = xml.count
        while i + 3 <= n {
            if xml[i] == UInt8(ascii: "<"), i + 2 < n, xml[i + 1] == UInt8(ascii: "c"), xml[i + 2] == UInt8(ascii: " ") {
                cellStart = i
            }
            guard xml[i] == open[0], xml[i + 1] == open[1], xml[i + 2] == open[2] else { i += 1; continue }
            let start = i + 3
            var end = start
            while end + 4 <= n, !(xml[end] == close[0] && xml[end + 1] == close[1] && xml[end + 2] == close[2] && xml[end + 3] == close[3]) {
                end += 1
            }
            guard end + 4 <= n else { break }
            let text = String(decoding: xml[start..<end], as: UTF8.self)
            if let replacement = corrections[text], !isTextCell(xml, from: cellStart, to: i) {
                out.append(contentsOf: xml[copied..<start])
                out.append(contentsOf: Array(replacement.utf8))
                copied = end
                changed = true
            }
            i = end + 4
        }
        guard changed else { return nil }
        out.append(contentsOf: xml[copied...])
        return out
    }

    /// Whether the start tag of the cell at `from` says `t="str"` (or any text type).
    private static func isTextCell(_ xml: [UInt8], from: Int, to: Int) -> Bool {
        var end = from
        while end < to, xml[end] != UInt8(ascii: ">") { end += 1 }
        let tag = String(decoding: xml[from..<end], as: UTF8.self)
        return tag.contains(" t=\"str\"") || tag.contains(" t=\"s\"") || tag.contains(" t=\"inlineStr\"")
            || tag.contains(" t=\"e\"") || tag.contains(" t=\"b\"")
    }
}
