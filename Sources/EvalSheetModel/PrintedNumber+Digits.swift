import Foundation

/// `PrintedNumber.format` and `init(parsing:)` without `Decimal`'s text: its `description` and
/// `Decimal(string:)` were most of the cost of reading an indicator value (a workbook cell, a JSON
/// string). Both work on ASCII digits and give up (nil) wherever they cannot be sure to give what
/// the definitions (`formatByDecimal`, `parsedByCharacters`) give, which then answer.
extension PrintedNumber {
    /// The most digits the digit paths handle: every such decimal is exact in `Decimal` and `UInt64`.
    static let digitPathLimit = 18

    /// `format(value, fractionDigits:, grouped:)` from the value's digits (rounded half up, as
    /// `NSDecimalRound(.plain)`), in one scratch buffer without an array; nil for NaN, more than 18
    /// digits, negative `fractionDigits`, or more than `digitFormatLimit` places or powers of ten.
    static func formattedFromDigits(_ value: Decimal, fractionDigits places: Int, grouped: Bool) -> String? {
        guard places >= 0, places <= digitFormatLimit, let (significand, exponent, negative) = smallParts(value),
              (-digitFormatLimit...digitFormatLimit).contains(exponent) else { return nil }
        let zero = UInt8(ascii: "0")
        var digitCount = 0
        var rest = significand
        while rest > 0 { digitCount += 1; rest /= 10 }
        // work: the digits (whole and fraction, a spare 0 in front for a carry); out: the text.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * digitFormatLimit + 96) { buffer -> String in
            let work = UnsafeMutableBufferPointer(rebasing: buffer[..<(2 * digitFormatLimit + 32)])
            let out = UnsafeMutableBufferPointer(rebasing: buffer[(2 * digitFormatLimit + 32)...])
            func putDigits(endingAt end: Int) {
                var v = significand, k = end
                while v > 0 { k -= 1; work[k] = zero + UInt8(v % 10); v /= 10 }
            }
            var wholeStart = 0, wholeEnd: Int, fractionCount = 0
            if exponent >= 0 {
                if digitCount == 0 {
                    work[0] = zero
                    wholeEnd = 1
                } else {
                    putDigits(endingAt: digitCount)
                    for k in digitCount..<(digitCount + exponent) { work[k] = zero }
                    wholeEnd = digitCount + exponent
                }
            } else {
                let k = -exponent  // digits after the point
                let total = max(digitCount, k + 1)
                for j in 0...(total - digitCount) { work[j] = zero }  // the spare and the padding
                putDigits(endingAt: 1 + total)
                wholeEnd = 1 + total - k
                if k > places {
                    let roundUp = work[wholeEnd + places] >= UInt8(ascii: "5")
                    fractionCount = places
                    if roundUp {
                        var j = wholeEnd + places - 1
                        while work[j] == UInt8(ascii: "9") { work[j] = zero; j -= 1 }  // stops at the spare 0 at the latest
                        work[j] += 1
                    }
                } else {
                    fractionCount = k
                }
                while wholeStart < wholeEnd - 1, work[wholeStart] == zero { wholeStart += 1 }
            }
            let isZero = work[wholeStart..<(wholeEnd + fractionCount)].allSatisfy { $0 == zero }
            var n = 0
            if negative, !isZero { out[n] = UInt8(ascii: "-"); n += 1 }
            let wholeCount = wholeEnd - wholeStart
            for i in 0..<wholeCount {
                if grouped, wholeCount > 3, i > 0, (wholeCount - i) % 3 == 0 { out[n] = UInt8(ascii: ","); n += 1 }
                out[n] = work[wholeStart + i]; n += 1
            }
            if places > 0 {
                out[n] = UInt8(ascii: "."); n += 1
                for j in 0..<fractionCount { out[n] = work[wholeEnd + j]; n += 1 }
                for _ in fractionCount..<places { out[n] = zero; n += 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: out[..<n]), as: UTF8.self)
        }
    }

    /// The most places and powers of ten `formattedFromDigits` formats (its buffer's bound: work
    /// holds at most 18 + 40 digits, out a sign, 58 digits, 19 commas, the point and 40 places; any
    /// printed number of a sheet has at most 10 places and 15 digits).
    static let digitFormatLimit = 40

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
