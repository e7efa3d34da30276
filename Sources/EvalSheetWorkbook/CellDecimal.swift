import EvalSheetModel

/// A numeric cell's value as Excel shows it: a decimal of at most 15 significant digits (Excel
/// computes and displays with 15), kept as digits and a power of ten so that no step can overflow,
/// trap or silently turn into another number (`1E+200` never becomes 0, `0.30000000000000004`
/// reads as 0.3, as Excel shows it). Used by import only.
struct CellDecimal: Equatable {
    /// True for values below zero (never for zero).
    var negative: Bool
    /// The significant digits, 0…9 each, without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    /// The value is `digits × 10^exponent`.
    var exponent: Int

    /// The most significant digits Excel keeps.
    static let excelPrecision = 15

    /// The double's shortest round-trip decimal rounded to 15 significant digits; nil for ±inf and NaN.
    init?(_ value: Double) {
        guard value.isFinite else { return nil }
        negative = value < 0
        digits = []
        exponent = 0
        if let whole = Self.wholeMagnitude(value) {
            setDigits(of: whole)
            return
        }
        var mantissaDigits: [UInt8] = []
        var pointSeen = false
        var fractionCount = 0
        var exponentPart = 0
        var exponentNegative = false
        var inExponent = false
        for byte in value.magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = byte - UInt8(ascii: "0")
                if inExponent {
                    if exponentPart < 10_000 { exponentPart = exponentPart * 10 + Int(d) }
                } else {
                    mantissaDigits.append(d)
                    if pointSeen { fractionCount += 1 }
                }
            case UInt8(ascii: "."): pointSeen = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-"): exponentNegative = true
            default: continue  // "+"
            }
        }
        exponent = (exponentNegative ? -exponentPart : exponentPart) - fractionCount
        digits = mantissaDigits
        normalize()
        roundToSignificantDigits(Self.excelPrecision)
    }

    /// The magnitude of a whole number below 10^15 (what money cells and most counts hold). Its
    /// shortest round-trip decimal is the integer itself — every integer below 2^53 is a double, so
    /// no shorter digit string reads back as it — and it has at most 15 significant digits, so
    /// nothing is rounded: its digits are the integer's, without printing the double.
    private static func wholeMagnitude(_ value: Double) -> UInt64? {
        let magnitude = value.magnitude
        guard magnitude < 1e15, magnitude.rounded(.towardZero) == magnitude else { return nil }
        return UInt64(magnitude)
    }

    /// The digits and exponent of a whole number (normalized: no trailing zeros; zero is positive).
    private mutating func setDigits(of whole: UInt64) {
        guard whole != 0 else {
            negative = false
            return
        }
        var n = whole
        while n % 10 == 0 {
            n /= 10
            exponent += 1
        }
        var count = 0
        var m = n
        while m > 0 {
            count += 1
            m /= 10
        }
        digits = [UInt8](repeating: 0, count: count)
        var i = count - 1
        while n > 0 {
            digits[i] = UInt8(n % 10)
            n /= 10
            i -= 1
        }
    }

    init(negative: Bool, digits: [UInt8], exponent: Int) {
        self.negative = negative
        self.digits = digits
        self.exponent = exponent
        normalize()
    }

    var isZero: Bool { digits.isEmpty }

    /// Digits before the decimal point (0 for values below 1).
    var integerDigitCount: Int { isZero ? 0 : max(0, digits.count + exponent) }

    /// Digits after the decimal point needed to print the value exactly.
    var fractionDigitCount: Int { max(0, -exponent) }

    /// Whether the value is a whole number.
    var isWhole: Bool { exponent >= 0 || isZero }

    /// The value × 10^k (percent: k = 2).
    func scaled(by k: Int) -> CellDecimal {
        CellDecimal(negative: negative, digits: digits, exponent: isZero ? 0 : exponent + k)
    }

    /// Rounded half away from zero to `places` digits after the point (Excel's display rounding).
    func rounded(fractionDigits places: Int) -> CellDecimal {
        guard !isZero, -exponent > places else { return self }
        let drop = -exponent - places  // digits to remove from the right, ≥ 1
        if drop > digits.count { return CellDecimal(negative: false, digits: [], exponent: 0) }
        var kept = Array(digits[..<(digits.count - drop)])
        let roundUp = digits[digits.count - drop] >= 5
        var newExponent = -places
        if roundUp {
            var i = kept.count - 1
            while i >= 0 && kept[i] == 9 {
                kept[i] = 0
                i -= 1
            }
            if i >= 0 { kept[i] += 1 } else { kept.insert(1, at: 0) }
        }
        if kept.isEmpty { newExponent = 0 }
        return CellDecimal(negative: negative && !kept.allSatisfy { $0 == 0 }, digits: kept, exponent: newExponent)
    }

    /// Plain decimal text with exactly `fractionDigits` digits after the point (`33.0`, `-0.690`,
    /// `360000`). Only call after checking `integerDigitCount` is small.
    func plainText(fractionDigits places: Int) -> String {
        let count = digits.count
        let pointAt = count + exponent  // index in `digits` where the point falls
        // `-`, the integer part (`0` below 1; the digits, then zeros up to the point), then the point
        // and `places` digits: the fraction's digits after any zeros up to them, cut or padded with zeros.
        let integerLength = max(pointAt, 1)
        let length = (negative ? 1 : 0) + integerLength + (places > 0 ? 1 + places : 0)
        return String(unsafeUninitializedCapacity: length) { out in
            let zero = UInt8(ascii: "0")
            var k = 0
            if negative {
                out[k] = UInt8(ascii: "-")
                k += 1
            }
            if pointAt <= 0 {
                out[k] = zero
                k += 1
            } else {
                for i in 0..<pointAt {
                    out[k] = i < count ? digits[i] + zero : zero
                    k += 1
                }
            }
            if places > 0 {
                out[k] = UInt8(ascii: ".")
                k += 1
                for j in 0..<places {
                    let i = pointAt + j  // the digit at this place (before the first digit: a zero)
                    out[k] = i >= 0 && i < count ? digits[i] + zero : zero
                    k += 1
                }
            }
            return k
        }
    }

    /// The value as a message names it: plain digits while they stay readable — up to 15 integer
    /// digits, 20 decimals and fewer than 10 zeros after the point before the first digit
    /// (`12.3456789012345`, `0.0000000012`) — else `generalText`'s `1.5E+20`, `1E-12`. (General
    /// switches to an exponent past 10 decimals: `1.23456789012345E+1` would name a value the user
    /// never typed or saw that way.)
    var readableText: String {
        if isZero { return "0" }
        let zerosAfterPoint = max(0, -(digits.count + exponent))
        if integerDigitCount <= Self.excelPrecision, fractionDigitCount <= 20, zerosAfterPoint < 10 {
            return plainText(fractionDigits: fractionDigitCount)
        }
        return generalText
    }

    /// The value as Excel's General format would print it in a wide cell: plain digits while they
    /// fit in 15 significant digits and 10 decimals, else `1.5E+20` / `1E-12`.
    var generalText: String {
        if isZero { return "0" }
        if integerDigitCount <= Self.excelPrecision && fractionDigitCount <= PrintedNumber.maximumFractionDigits {
            return plainText(fractionDigits: fractionDigitCount)
        }
        let power = digits.count - 1 + exponent
        var mantissa = String(decoding: digits.prefix(1).map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        if digits.count > 1 {
            mantissa += "." + String(decoding: digits.dropFirst().map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        }
        return (negative ? "-" : "") + mantissa + "E" + (power < 0 ? "-" : "+") + String(power.magnitude)
    }

    private mutating func normalize() {
        var lead = 0
        while lead < digits.count && digits[lead] == 0 { lead += 1 }
        if lead > 0 { digits.removeFirst(lead) }
        var trail = 0
        while trail < digits.count && digits[digits.count - 1 - trail] == 0 { trail += 1 }
        if trail > 0 {
            digits.removeLast(trail)
            exponent += trail
        }
        if digits.isEmpty {
            exponent = 0
            negative = false
        }
    }

    private mutating func roundToSignificantDigits(_ n: Int) {
        guard digits.count > n else { return }
        let places = -exponent - (digits.count - n)
        self = rounded(fractionDigits: places)
    }
}
