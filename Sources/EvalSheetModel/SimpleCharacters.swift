extension StringProtocol {
    /// Whether every character of the text is one Unicode scalar and the text is in NFC, as told by
    /// its scalars alone: ASCII other than CR, the CJK block U+3000…U+9FFF (punctuation, kana,
    /// kanji) other than its combining marks (U+302A…U+302F, U+3099, U+309A), circled numbers
    /// (U+2460…U+24FF) and full-width forms U+FF01…U+FF9D. No grapheme rule joins two of these, and
    /// none has a canonical decomposition that NFC would not compose again — so for such a text,
    /// working on scalars (or bytes) gives what working on characters gives. False says only
    /// "not known": the caller works on characters then.
    @inlinable
    public var hasOnlySimpleCharacters: Bool {
        unicodeScalars.allSatisfy { Unicode.Scalar.isSimpleCharacter($0.value) }
    }

    /// Whether the text holds the character U+0020 or U+3000 — which needs the byte 0x20 or the
    /// bytes E3 80 80.
    @inlinable
    public var mayHoldSpaceCharacters: Bool {
        var p1: UInt8 = 0, p2: UInt8 = 0
        for b in utf8 {
            if b == 0x20 || (p2 == 0xE3 && p1 == 0x80 && b == 0x80) { return true }
            p2 = p1
            p1 = b
        }
        return false
    }
}

extension Unicode.Scalar {
    /// Whether a scalar (given by its value) is one of the simple characters of
    /// `hasOnlySimpleCharacters`: no grapheme rule joins it to the scalar before or after it (it is
    /// neither Extend, ZWJ, SpacingMark nor Prepend), and it is NFC on its own.
    @inlinable
    public static func isSimpleCharacter(_ v: UInt32) -> Bool {
        if v < 0x80 { return v != 0x0D }
        switch v {
        case 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x9FFF, 0x2460...0x24FF, 0xFF01...0xFF9D: return true
        default: return false
        }
    }
}
