/// Eight bytes a word, two words a step: where a run of string bytes first holds one that ends or
/// escapes a JSON string (`"`, `\`) or must be escaped (a control byte below 0x20). The parser and
/// the writer skip such runs whole; the word that holds one gives its place from its mark.
enum JSONByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any of the eight bytes of `word` is `"`, `\` or below 0x20 (exact: the zero-byte and
    /// less-than tests below give no false answer for the word as a whole).
    @inline(__always)
    static func holdsSpecialByte(_ word: UInt64) -> Bool { specialBytes(word) != 0 }

    /// The high bit of each byte of `word` that may be `"`, `\` or below 0x20. The lowest bit set
    /// is exact — it marks the first such byte in little-endian order: a byte is marked wrongly only
    /// by a borrow from a marked byte below it.
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let isQuote = (quote &- ones) & ~quote
        let isBackslash = (backslash &- ones) & ~backslash
        let isControl = (word &- ones &* 0x20) & ~word
        return (isQuote | isBackslash | isControl) & highs
    }

    /// The index of the first byte of `bytes[from...]` that is `"`, `\` or below 0x20, or
    /// `bytes.count` when there is none: sixteen bytes a step, the first marked byte of a word
    /// found from its mark, the last few bytes one by one.
    static func firstSpecialByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = bytes.baseAddress.map(UnsafeRawPointer.init) {
            func word(_ k: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: k, as: UInt64.self)) }
            while i + 16 <= bytes.count {
                let (a, b) = (specialBytes(word(i)), specialBytes(word(i + 8)))
                if a | b != 0 { return a != 0 ? i + a.trailingZeroBitCount >> 3 : i + 8 + b.trailingZeroBitCount >> 3 }
                i += 16
            }
            if i + 8 <= bytes.count {
                let a = specialBytes(word(i))
                if a != 0 { return i + a.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { return i }
            i += 1
        }
        return i
    }
}
