/// `init(parsing:)` for a plain ASCII number followed by the footnote mark (`32.2(※)`, `94.8%(※)`),
/// which `parsedPlainASCII` leaves to `parsedByCharacters` (the mark is not ASCII): that path went
/// through `Decimal(string:)` and Characters, some 40,000 instructions a value.
extension PrintedNumber {
    /// The number of `text` + `(※)` when `text` is what `parsedPlainASCII` reads exactly as the
    /// definition does after it removed the mark (it ends with a digit or `%`, so the trimming
    /// `parsedPlainASCII` does changes nothing); nil for any other text, which the definition reads.
    static func parsedPlainASCIIWithFootnote(_ raw: some StringProtocol) -> PrintedNumber? {
        let text = raw.trimmedSpaces().utf8
        let mark = footnoteMark.utf8
        guard text.count > mark.count, text.reversed().starts(with: mark.reversed()) else { return nil }
        let head = Substring(text.dropLast(mark.count))
        guard let last = head.utf8.last, isDigitOrPercent(last), var n = parsedPlainASCII(head) else { return nil }
        n.footnote = true
        return n
    }

    private static func isDigitOrPercent(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "%")
    }
}
