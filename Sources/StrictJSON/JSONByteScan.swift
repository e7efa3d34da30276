/// Eight bytes at a time: whether a run of string bytes holds one that ends or escapes a JSON string
/// (`"`, `\`) or must be escaped (a control byte below 0x20). The parser and the writer skip such
/// runs whole; a word that holds one is looked at byte by byte.
enum JSONByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any of the eight bytes of `word` is `"`, `\` or below 0x20 (exact: the zero-byte and
    /// less-than tests below give no false answer for the word as a whole).
    @inline(__always)
    static func holdsSpecialByte(_ word: UInt64) -> Bool {
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let isQuote = (quote &- ones) & ~quote
        let isBackslash = (backslash &- ones) & ~backslash
        let isControl = (word &- ones &* 0x20) & ~word
        return (isQuote | isBackslash | isControl) & highs != 0
    }

    /// The index of the first byte of `bytes[from...]` that is `"`, `\` or below 0x20, or
    /// `bytes.count` when there is none.
    static func firstSpecialByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = bytes.baseAddress.map(UnsafeRawPointer.init) {
            while i + 8 <= bytes.count, !holdsSpecialByte(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { return i }
            i += 1
        }
        return i
    }
}
