/// Whether bytes are well-formed UTF-8 — exactly what `String(validating:as:)` accepts (Unicode
/// Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF) — without making a String.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                // ASCII: eight bytes at a time while they are ASCII.
                if i + 8 <= n, let base = bytes.baseAddress,
                   UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                } else {
                    i += 1
                }
                continue
            }
            // Japanese text: two three-byte sequences at once (leads E1…EF but ED: any continuation
            // bytes will do), read as one little-endian word of eight bytes.
            if i + 8 <= n, let base = bytes.baseAddress {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self).littleEndian
                if w & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0 {
                    let first = UInt8(truncatingIfNeeded: w), second = UInt8(truncatingIfNeeded: w >> 24)
                    if first != 0xE0, first != 0xED, second != 0xE0, second != 0xED {
                        i += 6
                        continue
                    }
                }
            }
            // A three-byte sequence with no special second byte.
            if (0xE1...0xEC).contains(b) || b == 0xEE || b == 0xEF {
                guard i + 2 < n, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 else { return false }
                i += 3
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard n - i >= length else { return false }
            let second = bytes[i + 1]
            guard second >= low, second <= high else { return false }
            var k = 2
            while k < length {
                guard bytes[i + k] & 0xC0 == 0x80 else { return false }
                k += 1
            }
            i += length
        }
        return true
    }
}

/// `UTF8Validation` over bytes that arrive in pieces (a file read in chunks): a sequence cut by the
/// end of a piece is kept and checked with the bytes that complete it, so the pieces are valid
/// together exactly when their concatenation is. No line is cut: UTF-8 is checked once per chunk.
struct UTF8Stream {
    /// The bytes of a sequence the previous piece ended inside (at most three).
    private var carry: [UInt8] = []

    /// Checks the next piece; false as soon as the bytes so far cannot be UTF-8.
    mutating func feed(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        var rest = piece
        if !carry.isEmpty {
            let take = min(Self.sequenceLength(carry[0]) - carry.count, rest.count)
            carry += UnsafeBufferPointer(rebasing: rest[..<take])
            rest = UnsafeBufferPointer(rebasing: rest[take...])
            if carry.count < Self.sequenceLength(carry[0]) { return true }  // the piece ended first
            guard carry.withUnsafeBufferPointer({ UTF8Validation.isValid($0) }) else { return false }
            carry.removeAll(keepingCapacity: true)
        }
        let split = Self.incompleteTail(rest)
        guard UTF8Validation.isValid(UnsafeBufferPointer(rebasing: rest[..<split])) else { return false }
        carry += UnsafeBufferPointer(rebasing: rest[split...])
        return true
    }

    /// True when no sequence was left unfinished by the last piece.
    var isComplete: Bool { carry.isEmpty }

    /// Where a sequence starts that the bytes end inside (its lead byte within the last three bytes
    /// and its length beyond the end), or the end. Bytes no sequence starts with count as one long.
    private static func incompleteTail(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        var k = 1
        while k <= min(3, n) {
            let b = bytes[n - k]
            if b & 0xC0 != 0x80 { return sequenceLength(b) > k ? n - k : n }
            k += 1
        }
        return n
    }

    /// The length of the sequence a lead byte starts (1 for ASCII and for bytes no sequence starts with).
    private static func sequenceLength(_ b: UInt8) -> Int {
        switch b {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
    }
}
