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
}
