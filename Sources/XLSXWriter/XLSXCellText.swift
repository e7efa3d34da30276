// Cell text is an ST_Xstring (ECMA-376 Part 1 §22.9.2.19): readers decode every `_xHHHH_` in it
// as the UTF-16 unit HHHH. libxlsxwriter 1.1.4 escapes control characters 0x01–0x08 and
// 0x0B–0x1F (CR included) that way, but leaves a literal `_xHHHH_` as it is — Excel, calamine and
// our reader would then show another character — cuts a string at NUL (it is a C string) and
// writes U+FFFE/U+FFFF raw, which XML 1.0 forbids. This file does the rest of the escaping, as Excel
// does: the `_` that starts a literal `_xHHHH_` becomes `_x005F_`, NUL `_x0000_`, U+FFFE `_xFFFE_`.

/// The escaping of cell text that libxlsxwriter 1.1.4 leaves undone.
enum XLSXCellText {
    /// The text to hand to libxlsxwriter so that a reader decoding `_xHHHH_` gets `value` back
    /// exactly; nil when `value` needs nothing (the common case, found by one scan of the bytes).
    ///
    /// A `_` is escaped when the *written* text would otherwise read as an escape there: `x`, four
    /// hex digits, then either `_` or a character that is itself escaped (by us or by
    /// libxlsxwriter), since such an escape starts with `_`. Overlapping sequences
    /// (`_x005F_x0041_`) have each of their underscores escaped.
    static func escaped(_ value: String) -> String? {
        let result: String?? = value.utf8.withContiguousStorageIfAvailable { escape($0) }
        if let result { return result }
        return Array(value.utf8).withUnsafeBufferPointer { escape($0) }
    }

    /// How long libxlsxwriter 1.1.4 thinks a string is: Unicode scalars (`lxw_utf8_strlen`).
    static func libraryLength(_ value: String) -> Int {
        value.utf8.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    private static func escape(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let n = b.count
        guard needsEscaping(b) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(n + 14)
        var i = 0
        while i < n {
            let byte = b[i]
            if byte == 0 {
                out.append(contentsOf: Self.nul)
                i += 1
            } else if let noncharacter = nonCharacter(b, at: i) {
                out.append(contentsOf: noncharacter == 0xFFFE ? Self.fffe : Self.ffff)
                i += 3
            } else {
                if byte == underscore, startsLiteralEscape(b, at: i) {
                    out.append(contentsOf: Self.underscoreEscape)
                } else {
                    out.append(byte)
                }
                i += 1
            }
        }
        return out.count == n ? nil : String(decoding: out, as: UTF8.self)
    }

    private static let underscore = UInt8(ascii: "_")
    private static let nul = Array("_x0000_".utf8)
    private static let fffe = Array("_xFFFE_".utf8)
    private static let ffff = Array("_xFFFF_".utf8)
    private static let underscoreEscape = Array("_x005F_".utf8)

    /// NUL, U+FFFE/U+FFFF, or `_x` anywhere.
    private static func needsEscaping(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        while i < n {
            switch b[i] {
            case 0: return true
            case 0xEF: if nonCharacter(b, at: i) != nil { return true }
            case underscore: if i + 1 < n, b[i + 1] == UInt8(ascii: "x") { return true }
            default: break
            }
            i += 1
        }
        return false
    }

    /// U+FFFE or U+FFFF (`EF BF BE` / `EF BF BF`) at `i`.
    private static func nonCharacter(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
        guard i + 2 < b.count, b[i] == 0xEF, b[i + 1] == 0xBF else { return nil }
        switch b[i + 2] {
        case 0xBE: return 0xFFFE
        case 0xBF: return 0xFFFF
        default: return nil
        }
    }

    /// Whether the `_` at `i` is followed by `x`, four hex digits and a character that makes the
    /// written text read as an escape (`_`, or a character whose own escape starts with `_`).
    private static func startsLiteralEscape(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 6 < b.count, b[i + 1] == UInt8(ascii: "x") else { return false }
        for k in 2...5 where !isHexDigit(b[i + k]) { return false }
        let next = b[i + 6]
        return next == underscore || isEscapedControl(next) || nonCharacter(b, at: i + 6) != nil
    }

    /// NUL (escaped here) and the control characters libxlsxwriter escapes (all but tab and LF).
    static func isEscapedControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A
    }

    private static func isHexDigit(_ c: UInt8) -> Bool {
        (0x30...0x39).contains(c) || (0x41...0x46).contains(c) || (0x61...0x66).contains(c)
    }
}
