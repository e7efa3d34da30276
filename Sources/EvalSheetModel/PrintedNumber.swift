import Foundation

/// A number as the sheet prints it: its exact decimal value plus how it is printed —
/// digits after the point (`33.0` has 1, `0.690` has 3), thousands separators (`360,000`),
/// a trailing `%` (`94.8%`) and the footnote mark `(※)` (`32.2(※)`).
///
/// Two printed numbers are equal only when they print the same, so `33.0` ≠ `33`.
public struct PrintedNumber: Hashable, Sendable {
    /// The exact decimal value (for `94.8%` this is 94.8, not 0.948).
    public var value: Decimal
    /// Digits printed after the decimal point.
    public var fractionDigits: Int
    /// Whether thousands are separated by `,`. Only meaningful from 1,000 up; normalised to false below.
    public var grouped: Bool
    /// Whether the number is a percentage printed with `%`.
    public var percent: Bool
    /// Whether the printed number carries the footnote mark `(※)`.
    public var footnote: Bool

    /// The footnote mark as the city prints it after a value.
    public static let footnoteMark = "(※)"

    public init(value: Decimal, fractionDigits: Int, grouped: Bool = false, percent: Bool = false, footnote: Bool = false) {
        self.value = value
        self.fractionDigits = max(0, fractionDigits)
        self.grouped = grouped && Self.magnitude(value) >= 1000
        self.percent = percent
        self.footnote = footnote
    }

    /// Parses the city's printed forms: `58`, `33.0`, `0.690`, `360,000`, `94.8%`, `32.2(※)`.
    /// Full-width digits, `．`, `，`, `％` and `（※）` are accepted too. Returns nil for anything else.
    /// Plain ASCII numbers (`58`, `-0.690`, `360,000`, `94.8%`) are read from their bytes
    /// (`parsedPlainASCII`), and so are they followed by `(※)` (`parsedPlainASCIIWithFootnote`); any
    /// other text as `parsedByCharacters` defines: the same number either way.
    public init?(parsing raw: some StringProtocol) {
        guard let n = Self.parsedPlainASCII(raw) ?? Self.parsedPlainASCIIWithFootnote(raw) ?? Self.parsedByCharacters(raw) else { return nil }
        self = n
    }

    /// `init(parsing:)` on Characters and through `Decimal(string:)`: the definition, for any text.
    static func parsedByCharacters(_ raw: some StringProtocol) -> PrintedNumber? {
        var s = Self.foldFullWidth(String(raw.trimmedSpaces()))
        var footnote = false
        if s.hasSuffix(Self.footnoteMark) {
            footnote = true
            s.removeLast(Self.footnoteMark.count)
        }
        var percent = false
        if s.hasSuffix("%") {
            percent = true
            s.removeLast()
        }
        guard !s.isEmpty else { return nil }
        var negative = false
        if s.hasPrefix("-") || s.hasPrefix("−") || s.hasPrefix("△") || s.hasPrefix("▲") {
            negative = true
            s.removeFirst()
        }
        let grouped = s.contains(",")
        if grouped, !Self.isWellGrouped(s) { return nil }
        let plain = s.replacingOccurrences(of: ",", with: "")
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
              whole.allSatisfy(\.isASCIIDigit),
              parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)),
              var value = Decimal(string: plain, locale: posix)
        else { return nil }
        if negative, !value.isZero { value = -value }  // -0 is 0 (negating a Decimal zero gives NaN)
        let n = PrintedNumber(value: value, fractionDigits: parts.count == 2 ? parts[1].count : 0,
                              grouped: grouped, percent: percent, footnote: footnote)
        return n.isRepresentable ? n : nil
    }

    /// The locale whose decimal point is `.`, for `Decimal(string:locale:)` (made once).
    static let posix = Locale(identifier: "en_US_POSIX")

    /// The number exactly as printed: `0.690`, `360,000`, `94.8%`, `32.2(※)`.
    public var text: String {
        var s = Self.format(value, fractionDigits: fractionDigits, grouped: grouped)
        if percent { s += "%" }
        if footnote { s += Self.footnoteMark }
        return s
    }

    /// The value as a Double (for spreadsheets): the double nearest to the printed decimal, so that
    /// `0.984` is written as 0.984 (its shortest form), never as 0.9840000000000001.
    public var doubleValue: Double { Self.nearestDouble(value) }

    /// The double nearest to a decimal, parsed from its plain digits (correctly rounded).
    public static func nearestDouble(_ value: Decimal) -> Double {
        Double(value.description) ?? NSDecimalNumber(decimal: value).doubleValue
    }

    /// The most significant digits a printed number may have: what a spreadsheet cell holds exactly.
    public static let maximumSignificantDigits = 15
    /// The most digits after the point a printed number may have.
    public static let maximumFractionDigits = 10

    /// Whether the number can be written to a spreadsheet cell and read back as the same number:
    /// at most 15 significant digits and 10 decimals.
    public var isRepresentable: Bool {
        guard fractionDigits <= Self.maximumFractionDigits, !value.isNaN else { return false }
        let digits = Self.format(Self.magnitude(value), fractionDigits: fractionDigits, grouped: false)
            .filter { $0 != "." }.drop { $0 == "0" }
        return digits.count <= Self.maximumSignificantDigits
    }

    /// Formats a decimal with exactly `fractionDigits` digits after the point (rounded half up)
    /// and optional `,` grouping.
    /// A decimal of at most 18 digits is formatted from its digits (`formattedFromDigits`), any
    /// other as `formatByDecimal` defines: the same text either way.
    public static func format(_ value: Decimal, fractionDigits: Int, grouped: Bool) -> String {
        formattedFromDigits(value, fractionDigits: fractionDigits, grouped: grouped)
            ?? formatByDecimal(value, fractionDigits: fractionDigits, grouped: grouped)
    }

    /// `format` through `NSDecimalRound` and `Decimal.description`: the definition, for any decimal.
    static func formatByDecimal(_ value: Decimal, fractionDigits: Int, grouped: Bool) -> String {
        var v = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &v, fractionDigits, .plain)
        let negative = rounded < 0
        let digits = (negative ? -rounded : rounded).description  // plain notation, e.g. "0.69" or "360000"
        let split = digits.split(separator: ".", omittingEmptySubsequences: false)
        var whole = String(split[0])
        var fraction = split.count > 1 ? String(split[1]) : ""
        if fraction.count < fractionDigits {
            fraction += String(repeating: "0", count: fractionDigits - fraction.count)
        }
        if grouped, whole.count > 3 {
            var out: [Character] = []
            for (i, ch) in whole.reversed().enumerated() {
                if i > 0, i % 3 == 0 { out.append(",") }
                out.append(ch)
            }
            whole = String(out.reversed())
        }
        let body = fractionDigits > 0 ? whole + "." + fraction : whole
        return negative ? "-" + body : body
    }

    static func magnitude(_ value: Decimal) -> Decimal { value < 0 ? -value : value }

    /// Folds full-width digits and punctuation to ASCII: `１２，３４５．６％` → `12,345.6%`.
    public static func foldFullWidth(_ s: String) -> String {
        // Only U+FF05…U+FF19 change, all of them EF BC 85…99 in UTF-8: a text without EF BC stays.
        if !Self.mayHoldFullWidthDigits(s) { return s }
        // On the bytes: each folded scalar's three bytes become its ASCII byte, every other byte stays.
        var text = s
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0, i = 0
                while i < bytes.count {
                    let b = bytes[i]
                    if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBC {
                        let v = 0xFF00 | UInt32(bytes[i + 2] & 0x3F)  // EF BC xx is U+FF00 + (xx & 3F)
                        if Self.isFoldedFullWidth(v) {
                            out[n] = UInt8(v - 0xFEE0)
                            n += 1
                            i += 3
                            continue
                        }
                    }
                    out[n] = b
                    n += 1
                    i += 1
                }
                return n
            }
        }
    }

    /// The scalars `foldFullWidth` folds: full-width digits, `，` `．` `％` `（` `）` `－`.
    static func isFoldedFullWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0xFF10...0xFF19, 0xFF0C, 0xFF0E, 0xFF05, 0xFF08, 0xFF09, 0xFF0D: true
        default: false
        }
    }

    /// Whether the bytes EF BC (U+FF00…U+FF3F) occur in the text.
    static func mayHoldFullWidthDigits(_ s: String) -> Bool {
        var previous: UInt8 = 0
        for b in s.utf8 {
            if previous == 0xEF, b == 0xBC { return true }
            previous = b
        }
        return false
    }

    /// `1,234,567` is well grouped; `12,34` and `1,,2` are not.
    static func isWellGrouped(_ s: String) -> Bool {
        let whole = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
