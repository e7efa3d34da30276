extension String {
    /// The length of the longest run of combining marks in the text: scalars of a nonzero canonical
    /// combining class (U+0301, U+3099, …) one after another.
    ///
    /// Unicode's Stream-Safe Text Format (UAX #15) allows at most 30 in a row; real text needs a few.
    /// Comparing or hashing a `String` normalizes it, and Swift's normalizer sorts each run of marks
    /// in time that grows with the square of its length — a cell of 30,000 mixed marks made a
    /// validation take 11 seconds. Every text of every sheet is scanned, so the scan is on the bytes:
    /// ASCII, and kana and kanji (U+3000…U+9FFF, lead bytes E3…E9) but for their marks U+302A…U+302F
    /// and U+3099…U+309A, are starters without a table lookup.
    public var longestCombiningMarkRun: Int {
        var text = self
        return text.withUTF8(Self.longestCombiningMarkRun)
    }

    /// `longestCombiningMarkRun` of valid UTF-8.
    static func longestCombiningMarkRun(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var longest = 0, run = 0, i = 0
        let n = b.count
        while i < n {
            let lead = b[i]
            if lead < 0x80 {
                run = 0
                i += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard i + length <= n else { break }
            if lead >= 0xE3, lead <= 0xE9,
               !(lead == 0xE3 && ((b[i + 1] == 0x80 && b[i + 2] >= 0xAA && b[i + 2] <= 0xAF) || (b[i + 1] == 0x82 && (b[i + 2] == 0x99 || b[i + 2] == 0x9A)))) {
                run = 0
                i += 3
                continue
            }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(b[i + k] & 0x3F) }
            if let scalar = Unicode.Scalar(value), scalar.properties.canonicalCombiningClass.rawValue != 0 {
                run += 1
                if run > longest { longest = run }
            } else {
                run = 0
            }
            i += length
        }
        return longest
    }
}
