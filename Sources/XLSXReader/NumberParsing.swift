// Cell numbers: validation and a fast, correctly rounded path for the common short decimals.

/// Powers of ten that are exact in a Double (10^0 … 10^22).
private let exactPowersOfTen: [Double] = (0...22).map { k in
    var value = 1.0
    for _ in 0..<k { value *= 10 }
    return value
}

/// Parses the text of a numeric `<v>`: `[+-]digits[.digits][(e|E)[+-]digits]`. Uses Clinger's fast
/// path (at most 2^53 as mantissa, a power of ten up to 22: one correctly rounded operation) and
/// falls back to the standard library for everything else. Returns nil for text that is not a
/// finite decimal number (hex floats, `inf`, `nan` and stray characters are refused).
func parseCellNumber(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
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
    var exact = true
    while i < n, text[i] &- UInt8(ascii: "0") <= 9 {
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
    guard digits > 0 else { return nil }
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
        guard exponentDigits > 0 else { return nil }
        scale += exponentNegative ? -exponent : exponent
    }
    guard i == n else { return nil }

    if exact && mantissa <= 1 << 53 && scale >= -22 && scale <= 22 {
        var value = Double(mantissa)
        if scale > 0 {
            value *= exactPowersOfTen[scale]
        } else if scale < 0 {
            value /= exactPowersOfTen[-scale]
        }
        return negative ? -value : value
    }
    // Slow path: the standard library's correctly rounded conversion of the validated text.
    guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else { return nil }
    return value
}
