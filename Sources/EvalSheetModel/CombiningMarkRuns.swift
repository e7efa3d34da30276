extension StringProtocol {
    /// The length of the longest run of combining marks in the text: scalars of a nonzero canonical
    /// combining class (U+0301, U+3099, …) one after another.
    ///
    /// Unicode's Stream-Safe Text Format (UAX #15) allows at most 30 in a row; real text needs a few.
    /// Comparing or hashing a `String` normalizes it, and Swift's normalizer sorts each run of marks
    /// in time that grows with the square of its length — a cell of 30,000 mixed marks made a
    /// validation take minutes. The simple characters of `hasOnlySimpleCharacters` (ASCII, kana,
    /// kanji, full-width forms) are no marks and cost one comparison each.
    public var longestCombiningMarkRun: Int {
        var longest = 0
        var run = 0
        for scalar in unicodeScalars {
            if Unicode.Scalar.isSimpleCharacter(scalar.value) || scalar.properties.canonicalCombiningClass.rawValue == 0 {
                run = 0
            } else {
                run += 1
                if run > longest { longest = run }
            }
        }
        return longest
    }
}
