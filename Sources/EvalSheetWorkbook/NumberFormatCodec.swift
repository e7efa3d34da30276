import Foundation
import EvalSheetModel

/// How a printed number (`33.0`, `0.690`, `360,000`, `94.8%`, `32.2(※)`) becomes a numeric cell with
/// a number format that prints it the same way, and back. Export and import both use this, so the
/// printed scale, grouping, percent and footnote mark survive a round trip through Excel.
enum NumberFormatCodec {
    /// The cell value and format for a printed number. Percentages are stored as fractions (94.8% → 0.948)
    /// with a `%` format, as Excel users expect.
    ///
    /// The value is the double nearest to the printed decimal: a percentage is divided by 100 in
    /// `Decimal` (exact) and converted once, correctly rounded — never `94.8 / 100` in `Double`,
    /// which gives 0.9480000000000001 where a spreadsheet formula expects 0.948.
    static func encode(_ n: PrintedNumber) -> (value: Double, format: String) {
        var format = n.grouped ? "#,##0" : "0"
        if n.fractionDigits > 0 { format += "." + String(repeating: "0", count: n.fractionDigits) }
        if n.percent { format += "%" }
        if n.footnote { format += "\"\(PrintedNumber.footnoteMark)\"" }
        return (cellValue(n), format)
    }

    /// The number a cell holds for a printed number: the double nearest to the decimal it prints,
    /// as a fraction for a percentage (94.8% → the double nearest 0.948).
    static func cellValue(_ n: PrintedNumber) -> Double {
        let value = n.percent ? hundredth(n.value) : n.value
        return exactlyRounded(value) ?? PrintedNumber.nearestDouble(value)
    }

    /// The double nearest `value` where one IEEE operation gives it: a significand below 2^53 times
    /// or over a power of ten up to 10^22 (both exact doubles), so the product or quotient is
    /// correctly rounded — the double that parsing the decimal's text gives (`nearestDouble`),
    /// without printing it. nil for any other value.
    static func exactlyRounded(_ value: Decimal) -> Double? {
        guard let (m, e, negative) = PrintedNumber.smallParts(value), m < 1 << 53, (-22...22).contains(e) else { return nil }
        if m == 0 { return 0 }
        let d = e >= 0 ? Double(m) * powersOfTen[e] : Double(m) / powersOfTen[-e]
        return negative ? -d : d
    }

    private static let powersOfTen: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

    /// `value / 100`, exactly: the same significand two places further right — the number
    /// Foundation's division gives (it is exact here), without its some 60,000 instructions. By the
    /// division for NaN and below an exponent of -60 (where the division, scaling to 38 digits, may
    /// round or underflow: it does from about -89).
    static func hundredth(_ value: Decimal) -> Decimal {
        guard value.isFinite, value.exponent >= -60 else { return value / 100 }
        return Decimal(sign: value.sign, exponent: value.exponent - 2, significand: value.significand)
    }

    /// What a number format says about printing: digits after the point, grouping, percent, footnote mark.
    struct Shape: Equatable {
        var fractionDigits: Int
        var grouped: Bool
        var percent: Bool
        var footnote: Bool
    }

    /// Reads the first section of a number format code; nil for General or a format without digits.
    static func shape(of format: String?) -> Shape? {
        guard let format, !format.isEmpty, format.lowercased() != "general" else { return nil }
        let section = format.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? format
        var digits = false, point = false, fraction = 0, grouped = false, percent = false, footnote = false
        var inQuote = false, quoted = ""
        var chars = Array(section).makeIterator()
        while let c = chars.next() {
            if inQuote {
                if c == "\"" { inQuote = false; if quoted.contains("※") { footnote = true }; quoted = "" } else { quoted.append(c) }
                continue
            }
            switch c {
            case "\"": inQuote = true
            case "\\": if let next = chars.next(), next == "※" { footnote = true }
            case "[": while let n = chars.next(), n != "]" {}
            case "0", "#", "?": digits = true; if point { fraction += 1 }
            case ".": point = true
            case ",": if digits && !point { grouped = true }
            case "%": percent = true
            default: if c == "※" { footnote = true }
            }
        }
        guard digits else { return nil }
        return Shape(fractionDigits: fraction, grouped: grouped, percent: percent, footnote: footnote)
    }

    /// The printed number a numeric cell shows: its value rounded to the format's digits.
    /// With General (no shape) the shortest decimal form of the value is used.
    static func decode(value: Double, format: String?) -> PrintedNumber? {
        guard value.isFinite else { return nil }
        guard let shape = shape(of: format) else {
            return PrintedNumber(parsing: shortest(value))
        }
        let shown = shape.percent ? value * 100 : value
        let text = PrintedNumber.format(Decimal(string: shortest(shown)) ?? 0, fractionDigits: shape.fractionDigits, grouped: false)
        guard var n = PrintedNumber(parsing: text) else { return nil }
        n.grouped = shape.grouped && abs(shown) >= 1000
        n.percent = shape.percent
        n.footnote = shape.footnote
        return n
    }

    /// The shortest decimal text that reads back as `value` (Excel's 0.57999999999999996 → 0.58).
    static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let s = "\(value)"
        guard s.contains("e") else { return s }
        return PrintedNumber.format(Decimal(value), fractionDigits: 15, grouped: false)
    }

    /// Whether a number format shows its value as a date or a time (`yyyy/m/d`, `h:mm`,
    /// `ggge"年"m"月"d"日"`…): date and time letters outside quotes, brackets and escapes.
    static func isDateOrTime(_ format: String?) -> Bool {
        guard let format else { return false }
        return dateOrTime.value(format) { isDateOrTimeFormat(format) }
    }

    /// Every money cell asks about its format, and a workbook has a few: each is worked out once.
    private static let dateOrTime = Memo<Bool>()

    private static func isDateOrTimeFormat(_ format: String) -> Bool {
        guard format.lowercased() != "general" else { return false }
        var inQuote = false, inBracket = false, escaped = false
        let characters = Array(format)
        for (i, c) in characters.enumerated() {
            if escaped { escaped = false; continue }
            if !inQuote, !inBracket, c == "E" || c == "e", i + 1 < characters.count, "+-".contains(characters[i + 1]) {
                continue  // scientific notation, 0.00E+00
            }
            switch c {
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "\\" where !inQuote: escaped = true
            default:
                if !inQuote, !inBracket, "yYmMdDhHsSgGeE".contains(c) { return true }
            }
        }
        return false
    }
}
