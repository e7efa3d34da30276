// Cell numbers: validation and a fast, correctly rounded path for the common short decimals.

/// Powers of ten that are exact in a Double (10^0 … 10^22).
private let exactPowersOfTen: [Double] = (0...22).map { k in
    var value = 1.0
    for _ in 0..<k { value *= 10 }
    return value
}

/// What the text of a numeric `<v>` holds.
enum ParsedCellNumber: Equatable {
    /// A finite number, exactly the double nearest the decimal.
    case value(Double)
    /// Not a decimal number at all (hex floats, `inf`, `nan`, stray characters, empty exponent).
    case notANumber
    /// A decimal number no cell can hold: beyond ±1.8e308, or so small it would read as 0 or lose
    /// precision (below 2.2e-308). Never silently a different number.
    case outOfRange
}

/// Parses the text of a numeric `<v>` (see `parseCellNumberText`); nil unless it is a number a cell holds.
func parseCellNumber(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
    if case .value(let d) = parseCellNumberText(text) { return d }
    return nil
}

/// Parses the text of a numeric `<v>`: `[+-]digits[.digits][(e|E)[+-]digits]`. Uses Clinger's fast
/// path (at most 2^53 as mantissa, a power of ten up to 22: one correctly rounded operation) and
/// falls back to the standard library for everything else. Hex floats, `inf`, `nan` and stray
/// characters are not numbers; overflow to infinity and underflow to zero or a subnormal are out of range.
func parseCellNumberText(_ text: UnsafeBufferPointer<UInt8>) -> ParsedCellNumber {
    let n = text.count
    var i = 0
    var negative = false
    if i < n && (text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+")) {
        negative = text[i] == UInt8(ascii: "-")
        i += 1
    }
    var mantissa: UInt64 = 0
    var scale = 0
    var digits = 0
    var nonZero = false
    var exact = true
    while i < n, text[i] &- UInt8(ascii: "0") <= 9 {
        if text[i] != UInt8(ascii: "0") { nonZero = true }
        if mantissa < 100_000_000_000_000_000 {
            mantissa = mantissa * 10 + UInt64(text[i] &- UInt8(ascii: "0"))
        } else {
            exact = false
        }
        digits += 1
        i += 1
    }
    if i < n && text[i] == UInt8(ascii: ".") {
        i += 1
        while i < n, text[i] &- UInt8(ascii: "0") <= 9 {
            if text[i] != UInt8(ascii: "0") { nonZero = true }
            if mantissa < 100_000_000_000_000_000 {
                mantissa = mantissa * 10 + UInt64(text[i] &- UInt8(ascii: "0"))
                scale -= 1
            } else {
                exact = false
            }
            digits += 1
            i += 1
        }
    }
    guard digits > 0 else { return .notANumber }
    if i < n && (text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E")) {
        i += 1
        var exponentNegative = false
        if i < n && (text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+")) {
            exponentNegative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        var exponent = 0
        var exponentDigits = 0
        while i < n, text[i] &- UInt8(ascii: "0") <= 9 {
            if exponent < 100_000 { exponent = exponent * 10 + Int(text[i] &- UInt8(ascii: "0")) }
            exponentDigits += 1
            i += 1
        }
        guard exponentDigits > 0 else { return .notANumber }
        scale += exponentNegative ? -exponent : exponent
    }
    guard i == n else { return .notANumber }

    if exact && mantissa <= 1 << 53 && scale >= -22 && scale <= 22 {
        var value = Double(mantissa)
        if scale > 0 {
            value *= exactPowersOfTen[scale]
        } else if scale < 0 {
            value /= exactPowersOfTen[-scale]
        }
        return .value(negative ? -value : value)
    }
    // Slow path: the standard library's correctly rounded conversion of the validated text.
    guard let value = Double(String(decoding: text, as: UTF8.self)) else { return .notANumber }
    guard value.isFinite else { return .outOfRange }
    if nonZero && (value == 0 || value.isSubnormal) { return .outOfRange }
    return .value(value)
}
