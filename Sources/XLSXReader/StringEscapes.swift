// The `_xHHHH_` escapes of ST_Xstring (ECMA-376 Part 1 §22.9.2.19): Excel writes characters XML
// cannot carry (CR as `_x000D_`, control characters) this way, and escapes a literal `_x` as `_x005F_x`.

/// Decodes `_xHHHH_` escapes in place, in `bytes[from...]` (the bytes before are left alone).
/// `_x005F_` is a literal `_`, so `_x005F_x000D_` reads as the text `_x000D_`. UTF-16 surrogate
/// pairs written as two escapes are joined; a lone surrogate becomes U+FFFD.
func decodeOOXMLEscapes(_ bytes: inout [UInt8], from start: Int = 0) {
    let n = bytes.count
    guard start >= 0, n - start >= 7 else { return }
    let found = bytes.withUnsafeBufferPointer { b -> Bool in
        var i = findByte(UInt8(ascii: "_"), b.baseAddress!, from: start, to: n - 6)
        while i < n - 6 {
            if b[i + 1] == UInt8(ascii: "x") && b[i + 6] == UInt8(ascii: "_") { return true }
            i = findByte(UInt8(ascii: "_"), b.baseAddress!, from: i + 1, to: n - 6)
        }
        return false
    }
    guard found else { return }

    func escape(at i: Int) -> UInt32? {
        guard i + 7 <= n, bytes[i] == UInt8(ascii: "_"), bytes[i + 1] == UInt8(ascii: "x"),
              bytes[i + 6] == UInt8(ascii: "_") else { return nil }
        var value: UInt32 = 0
        for k in 2..<6 {
            guard let h = hexValue(bytes[i + k]) else { return nil }
            value = value << 4 | h
        }
        return value
    }

    var out: [UInt8] = Array(bytes[..<start])
    out.reserveCapacity(n)
    var i = start
    while i < n {
        if let unit = escape(at: i) {
            i += 7
            if (0xD800...0xDBFF).contains(unit), let low = escape(at: i), (0xDC00...0xDFFF).contains(low) {
                appendUTF8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), to: &out)
                i += 7
            } else if (0xD800...0xDFFF).contains(unit) {
                appendUTF8(0xFFFD, to: &out)
            } else {
                appendUTF8(unit, to: &out)
            }
        } else {
            out.append(bytes[i])
            i += 1
        }
    }
    bytes = out
}
