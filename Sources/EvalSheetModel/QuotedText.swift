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

extension String {
    /// The text for one line of a report: every control, format or line-separating character made
    /// visible (`\n`, `\u{1b}`, as `PolicyCodeSyntax.visible` writes them) — so a file or sheet name
    /// holding a newline or an escape sequence can neither forge a line of the report nor drive the
    /// terminal. The text itself when it holds none.
    public var withControlsVisible: String {
        unicodeScalars.contains(where: PolicyCodeSyntax.isInvisible) ? PolicyCodeSyntax.visible(self) : self
    }
}
