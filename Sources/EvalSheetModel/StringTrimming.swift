extension StringProtocol {
    /// The text without leading and trailing ASCII spaces, tabs and ideographic spaces (U+3000).
    public func trimmedSpaces() -> Substring {
        var s = self[...]
        while let f = s.first, f == " " || f == "\u{3000}" || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\u{3000}" || l == "\t" { s.removeLast() }
        return Substring(s)
    }

    /// The text with every ASCII and ideographic space removed: how fixed labels are compared
    /// (`市民ニーズ の状況` matches `市民ニーズの状況`). Never used on data text.
    public func withoutSpaces() -> String {
        String(filter { $0 != " " && $0 != "\u{3000}" })
    }

    /// How fixed labels are compared by every reader: spaces (ASCII, ideographic), tabs and line
    /// breaks removed, full-width ASCII folded — so `市民ニーズ の状況` = `市民ニーズの状況` and
    /// `総事業費（施策の合計）` = `総事業費(施策の合計)`. Never applied to data text.
    public func labelKey() -> String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x20, 0x3000, 0x09, 0x0A, 0x0D: continue
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether this text's `labelKey()` equals `key` (itself a label key), without building the
    /// key: stops at the first differing character, so checking data cells against a label is cheap.
    public func hasLabelKey(_ key: String) -> Bool {
        var expected = key.unicodeScalars.makeIterator()
        for scalar in unicodeScalars {
            let folded: Unicode.Scalar
            switch scalar.value {
            case 0x20, 0x3000, 0x09, 0x0A, 0x0D: continue
            case 0xFF01...0xFF5E: folded = Unicode.Scalar(scalar.value - 0xFEE0)!
            default: folded = scalar
            }
            guard expected.next() == folded else { return false }
        }
        return expected.next() == nil
    }
}
