extension String {
    /// The text as a message quotes it: control characters made visible, and cut to `characters`
    /// characters and three times as many scalars at most (one character may carry thousands of
    /// combining marks), with `…` where it was cut — a message names a value, it does not repeat a
    /// 32,767-character cell. Names (the longest real indicator name has 58 characters) are quoted
    /// whole at the default; a cell's stray content is quoted at 40.
    public func quotedInMessage(atMost characters: Int = 120) -> String {
        let visible = PolicyCodeSyntax.visible(self)
        var cut = visible.count > characters ? String(visible.prefix(characters)) : visible
        if cut.unicodeScalars.count > 3 * characters { cut = String(String.UnicodeScalarView(cut.unicodeScalars.prefix(3 * characters))) }
        return cut.utf8.count < visible.utf8.count ? cut + "…" : visible
    }
}
