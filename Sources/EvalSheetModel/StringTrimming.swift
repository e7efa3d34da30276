extension StringProtocol {
    /// The text without leading and trailing ASCII spaces, tabs and ideographic spaces (U+3000).
    @inlinable
    public func trimmedSpaces() -> Substring {
        let s = Substring(self)
        // Fast path: a first character that is a space starts with the bytes 20, 09 or E3 80 80
        // (U+3000), a last one ends with them (no other spelling is canonically equivalent to one of
        // these); any other text has nothing to trim.
        guard Self.mayHaveSpaceAtEnds(s.utf8) else { return s }
        // On the bytes where they settle it (`SpaceTrimming`): the range's ends are scalar boundaries.
        let range: Range<Int>?? = s.utf8.withContiguousStorageIfAvailable { SpaceTrimming.trimmedRange($0) }
        if let range, let range {
            let lo = s.utf8.index(s.startIndex, offsetBy: range.lowerBound)
            return s[lo..<s.utf8.index(lo, offsetBy: range.count)]
        }
        return s.trimmedSpacesByCharacters()
    }

    /// `trimmedSpaces` on characters: the definition.
    @inlinable
    func trimmedSpacesByCharacters() -> Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\u{3000}" || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\u{3000}" || l == "\t" { s.removeLast() }
        return s
    }

    /// Whether a text's bytes open or close with a space of `trimmedSpaces`: 20, 09 or E3 80 80.
    @inlinable
    static func mayHaveSpaceAtEnds(_ u: Substring.UTF8View) -> Bool {
        guard let first = u.first, let last = u.last else { return false }
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return true }
        guard first == 0xE3 || last == 0x80, u.count >= 3 else { return false }
        let second = u.index(after: u.startIndex), secondLast = u.index(before: u.index(before: u.endIndex))
        if first == 0xE3, u[second] == 0x80, u[u.index(after: second)] == 0x80 { return true }
        return last == 0x80 && u[secondLast] == 0x80 && u[u.index(before: secondLast)] == 0xE3
    }

    /// The text with every ASCII and ideographic space removed: how fixed labels are compared
    /// (`市民ニーズ の状況` matches `市民ニーズの状況`). Never used on data text.
    @inlinable
    public func withoutSpaces() -> String {
        guard mayHoldSpaceCharacters else { return String(self) }
        return String(filter { $0 != " " && $0 != "\u{3000}" })
    }

    /// How fixed labels are compared by every reader: spaces (ASCII, ideographic), tabs and line
    /// breaks removed, full-width ASCII folded — so `市民ニーズ の状況` = `市民ニーズの状況` and
    /// `総事業費（施策の合計）` = `総事業費(施策の合計)`. Never applied to data text.
    @inlinable
    public func labelKey() -> String {
        // Fast path: without a space, tab, line break, U+3000 (E3 80 80) or full-width ASCII
        // (EF BC 81 … EF BD 9E) the key is the text itself.
        var plain = true
        var p1: UInt8 = 0, p2: UInt8 = 0
        for b in utf8 {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || (p2 == 0xE3 && p1 == 0x80 && b == 0x80)
                || (p1 == 0xEF && (b == 0xBC || b == 0xBD)) {
                plain = false
                break
            }
            p2 = p1
            p1 = b
        }
        if plain { return String(self) }
        // On the bytes: whole scalars are dropped or replaced, so the result is UTF-8 whenever the
        // text is, and never longer than it.
        let bytes = Array(utf8)
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var n = 0, i = 0
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case 0x20, 0x09, 0x0A, 0x0D:
                    i += 1
                    continue
                case 0xE3 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80:  // U+3000
                    i += 3
                    continue
                case 0xEF where i + 2 < bytes.count && (bytes[i + 1] == 0xBC || bytes[i + 1] == 0xBD):
                    // U+FF01…U+FF5E (EF BC 81 … EF BD 9E) → U+0021…U+007E.
                    let scalar = 0xFF00 | (UInt32(bytes[i + 1] & 0x01) << 6) | UInt32(bytes[i + 2] & 0x3F)
                    if scalar >= 0xFF01, scalar <= 0xFF5E {
                        out[n] = UInt8(scalar - 0xFEE0)
                        n += 1
                        i += 3
                        continue
                    }
                default:
                    break
                }
                out[n] = b
                n += 1
                i += 1
            }
            return n
        }
    }

    /// Whether this text's `labelKey()` equals `key` (itself a label key) under canonical
    /// equivalence, as `labelKey() == key` tells — a label typed or saved in NFD (`ト` + U+3099 for
    /// `ド`, as some Mac software saves) is the label — without building the key: scalars are compared
    /// in place and the first differing one settles it unless a character there may be spelled
    /// otherwise (`labelKeyMayStillBeEquivalent`), so checking data cells against a label stays cheap.
    @inlinable
    public func hasLabelKey(_ key: String) -> Bool {
        var expected = key.unicodeScalars.makeIterator()
        var scalars = unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard let folded = Unicode.Scalar.labelKeyScalar(scalar) else { continue }
            let wanted = expected.next()
            guard wanted == folded else {
                guard let wanted, Self.labelKeyMayStillBeEquivalent(folded, wanted, scalars, expected),
                      Self.keptScalarCount(of: self, isAtMost: 4 * key.unicodeScalars.count) else { return false }
                return labelKey() == key
            }
        }
        return expected.next() == nil
    }

    /// Whether texts whose label keys agree scalar by scalar up to `found` (this text's) and
    /// `wanted` (the key's), with `rest` and `restOfKey` after them, may still be canonically
    /// equivalent. Not when both scalars and the ones after them are simple characters
    /// (`Unicode.Scalar.isSimpleCharacter`: starters that compose with nothing before them, and
    /// nothing a simple character is followed by composes with it either): NFC, which equivalent
    /// texts share, then keeps `found` and `wanted` as they are, and they differ.
    /// (A key or text that ends where the other goes on is never equivalent: the caller settles it.)
    @inlinable
    static func labelKeyMayStillBeEquivalent<Rest: IteratorProtocol<Unicode.Scalar>, RestOfKey: IteratorProtocol<Unicode.Scalar>>(
        _ found: Unicode.Scalar, _ wanted: Unicode.Scalar, _ rest: Rest, _ restOfKey: RestOfKey
    ) -> Bool {
        func simple(_ s: Unicode.Scalar?) -> Bool { s.map { Unicode.Scalar.isSimpleCharacter($0.value) } ?? true }
        var rest = rest, restOfKey = restOfKey
        var next: Unicode.Scalar?
        while let s = rest.next() {
            if let folded = Unicode.Scalar.labelKeyScalar(s) { next = folded; break }
        }
        return !(simple(found) && simple(wanted) && simple(next) && simple(restOfKey.next()))
    }
}

extension StringProtocol {
    /// Whether `text` has at most `limit` scalars that `labelKey()` keeps — counted only up to one
    /// past the limit. A text canonically equivalent to a key has no more scalars than the key's
    /// NFD, and no character decomposes into more than 4 (U+1F82 ᾂ): so a long cell of marks is
    /// settled by counting, never by building its key for each label looked for.
    @inlinable
    static func keptScalarCount(of text: Self, isAtMost limit: Int) -> Bool {
        var n = 0
        for s in text.unicodeScalars where Unicode.Scalar.labelKeyScalar(s) != nil {
            n += 1
            if n > limit { return false }
        }
        return true
    }
}

extension Unicode.Scalar {
    /// A scalar as `labelKey()` keeps it: nil for the spaces, tabs and line breaks it drops,
    /// full-width ASCII folded (`（` → `(`), any other scalar itself.
    @inlinable
    public static func labelKeyScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x20, 0x3000, 0x09, 0x0A, 0x0D: return nil
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)!
        default: return scalar
        }
    }
}
