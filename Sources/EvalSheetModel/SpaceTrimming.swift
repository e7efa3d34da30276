/// `trimmedSpaces` on UTF-8 bytes where the bytes settle it: a leading or trailing space (U+0020,
/// U+3000) is taken off only when no grapheme rule can join it to its neighbour, so it is a
/// character of its own, as the definition (`trimmedSpacesByCharacters`) takes it off; a TAB is
/// always a character of its own (a control: grapheme rules GB4, GB5).
public enum SpaceTrimming {
    /// The bytes without their surrounding spaces and TABs, when the bytes settle it: a leading
    /// space followed by the end or by a simple character (`Unicode.Scalar.isSimpleCharacter`:
    /// nothing joins it), a trailing space after the start or after a simple character. Nil when a
    /// space meets another neighbour.
    public static func trimmedRange(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var lo = 0, hi = b.count
        while lo < hi, let width = spaceWidth(b, at: lo, end: hi) {
            let next = lo + width
            if b[lo] != 0x09, next < hi, !startsSimpleCharacter(b, at: next, end: hi) { return nil }
            lo = next
        }
        while lo < hi, let width = spaceWidth(b, endingAt: hi, start: lo) {
            let before = hi - width
            if b[hi - 1] != 0x09, before > lo, !endsSimpleCharacter(b, at: before, start: lo) { return nil }
            hi = before
        }
        return lo..<hi
    }

    /// 1 for U+0020 or a TAB at `i`, 3 for U+3000 (E3 80 80), nil otherwise.
    private static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int? {
        if b[i] == 0x20 || b[i] == 0x09 { return 1 }
        if b[i] == 0xE3, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        return nil
    }

    /// 1 for U+0020 or a TAB ending at `end`, 3 for U+3000, nil otherwise.
    private static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, endingAt end: Int, start: Int) -> Int? {
        if b[end - 1] == 0x20 || b[end - 1] == 0x09 { return 1 }
        if end - start >= 3, b[end - 3] == 0xE3, b[end - 2] == 0x80, b[end - 1] == 0x80 { return 3 }
        return nil
    }

    /// Whether the scalar starting at `i` is a simple character (one byte, or three).
    private static func startsSimpleCharacter(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Bool {
        let lead = b[i]
        if lead < 0x80 { return Unicode.Scalar.isSimpleCharacter(UInt32(lead)) }
        guard lead & 0xF0 == 0xE0, i + 2 < end else { return false }
        return threeByteScalarIsSimple(b[i], b[i + 1], b[i + 2])
    }

    /// Whether the scalar ending just before `end` is a simple character (one byte, or three).
    private static func endsSimpleCharacter(_ b: UnsafeBufferPointer<UInt8>, at end: Int, start: Int) -> Bool {
        let last = b[end - 1]
        if last < 0x80 { return Unicode.Scalar.isSimpleCharacter(UInt32(last)) }
        guard end - start >= 3, b[end - 3] & 0xF0 == 0xE0 else { return false }
        return threeByteScalarIsSimple(b[end - 3], b[end - 2], b[end - 1])
    }

    private static func threeByteScalarIsSimple(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
        guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return false }
        let v = UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
        return Unicode.Scalar.isSimpleCharacter(v)
    }
}
