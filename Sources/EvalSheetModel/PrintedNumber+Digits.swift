import Foundation

/// `PrintedNumber.format` and `init(parsing:)` without `Decimal`'s text: its `description` and
/// `Decimal(string:)` were most of the cost of reading an indicator value (a workbook cell, a JSON
/// string). Both work on ASCII digits and give up (nil) wherever they cannot be sure to give what
/// the definitions (`formatByDecimal`, `parsedByCharacters`) give, which then answer.
extension PrintedNumber {
    /// The most digits the digit paths handle: every such decimal is exact in `Decimal` and `UInt64`.
    static let digitPathLimit = 18

    /// `format(value, fractionDigits:, grouped:)` from the value's digits (rounded half up, as
    /// `NSDecimalRound(.plain)`); nil for NaN, more than 18 digits, or negative `fractionDigits`.
    static func formattedFromDigits(_ value: Decimal, fractionDigits places: Int, grouped: Bool) -> String? {
        guard places >= 0, let (significand, exponent, negative) = smallParts(value) else { return nil }
        var digits = significand == 0 ? [] : Array(String(significand).utf8)  // without leading zeros
        let zero = UInt8(ascii: "0")
        var whole: [UInt8]
        var fraction: [UInt8]
        if exponent >= 0 {
            whole = digits.isEmpty ? [zero] : digits + Array(repeating: zero, count: exponent)
            fraction = []
        } else {
            let k = -exponent  // digits after the point
            if digits.count <= k { digits = Array(repeating: zero, count: k + 1 - digits.count) + digits }
            whole = Array(digits[..<(digits.count - k)])
            fraction = Array(digits[(digits.count - k)...])
            if k > places {
                let roundUp = fraction[places] >= UInt8(ascii: "5")
                fraction.removeLast(k - places)
                if roundUp { increment(&whole, &fraction) }
            }
            while whole.count > 1, whole[0] == zero { whole.removeFirst() }
        }
        let isZero = whole.allSatisfy { $0 == zero } && fraction.allSatisfy { $0 == zero }
        if fraction.count < places { fraction += Array(repeating: zero, count: places - fraction.count) }
        var out: [UInt8] = []
        out.reserveCapacity(whole.count + whole.count / 3 + fraction.count + 2)
        if negative, !isZero { out.append(UInt8(ascii: "-")) }
        if grouped, whole.count > 3 {
            for (i, d) in whole.enumerated() {
                if i > 0, (whole.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
                out.append(d)
            }
        } else {
            out += whole
        }
        if places > 0 {
            out.append(UInt8(ascii: "."))
            out += fraction
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Adds one in the last place of `whole`.`fraction` (a carry may add a digit in front).
    private static func increment(_ whole: inout [UInt8], _ fraction: inout [UInt8]) {
        for i in fraction.indices.reversed() {
            if fraction[i] < UInt8(ascii: "9") { fraction[i] += 1; return }
            fraction[i] = UInt8(ascii: "0")
        }
        for i in whole.indices.reversed() {
            if whole[i] < UInt8(ascii: "9") { whole[i] += 1; return }
            whole[i] = UInt8(ascii: "0")
        }
        whole.insert(UInt8(ascii: "1"), at: 0)
    }

    /// The value as significand × 10^exponent with the significand below 10^18, and its sign;
    /// nil for NaN or a longer significand. (`int64Value` is checked against the significand.)
    public static func smallParts(_ value: Decimal) -> (significand: UInt64, exponent: Int, negative: Bool)? {
        guard !value.isNaN else { return nil }
        let significand = value.significand
        let m = NSDecimalNumber(decimal: significand).int64Value
        guard m >= 0, m < 1_000_000_000_000_000_000, Decimal(UInt64(m)) == significand else { return nil }
        return (UInt64(m), value.exponent, value.sign == .minus)
    }

    /// `init(parsing:)` for text of ASCII bytes only, of the form `-`? digits (grouped `1,234,567`
    /// or not) (`.` digits)? `%`?, with at most 18 digits; nil for any other text (the footnote mark,
    /// full-width digits, a minus sign other than `-`, a bad grouping, too many digits, a number no
    /// cell holds), which `parsedByCharacters` then reads.
    static func parsedPlainASCII(_ raw: some StringProtocol) -> PrintedNumber? {
        let text = raw.trimmedSpaces()
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var percent = false
        if bytes.last == UInt8(ascii: "%") { percent = true; bytes.removeLast() }
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes.removeFirst() }
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let wholeText = bytes[..<(point ?? bytes.endIndex)]
        let fraction = point.map { bytes[($0 + 1)...] } ?? []
        guard let first = wholeText.first, isDigit(first) else { return nil }
        if point != nil { guard !fraction.isEmpty, fraction.allSatisfy(isDigit) else { return nil } }
        let grouped = wholeText.contains(UInt8(ascii: ","))
        let whole: [UInt8]
        if grouped {
            let groups = wholeText.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
                  groups.allSatisfy({ $0.allSatisfy(isDigit) }) else { return nil }
            whole = groups.flatMap { $0 }
        } else {
            guard wholeText.allSatisfy(isDigit) else { return nil }
            whole = Array(wholeText)
        }
        let digits = whole + fraction
        guard digits.count <= digitPathLimit else { return nil }
        let significant = digits.drop { $0 == UInt8(ascii: "0") }.count
        guard fraction.count <= maximumFractionDigits, significant <= maximumSignificantDigits else { return nil }
        var mantissa: UInt64 = 0
        for d in digits { mantissa = mantissa * 10 + UInt64(d - UInt8(ascii: "0")) }
        var exponent = -fraction.count
        let value: Decimal
        if mantissa == 0 {
            // Decimal(string:) keeps a zero's exponent (0.00 has -2), which Decimal(sign:…) drops.
            guard let zero = Decimal(string: fraction.isEmpty ? "0" : "0." + String(decoding: fraction, as: UTF8.self), locale: posix)
            else { return nil }
            value = zero
        } else {
            while mantissa % 10 == 0 { mantissa /= 10; exponent += 1 }  // as Decimal(string:) compacts
            value = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa))
        }
        return PrintedNumber(value: value, fractionDigits: fraction.count, grouped: grouped, percent: percent)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
