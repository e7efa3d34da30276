import Testing
@testable import EvalSheetWorkbook

/// `TextMetrics.lines` measures paragraphs in one pass over the scalars; checked here against its
/// definition: the text split into paragraphs at `Character` "\n" (so CR LF, one character, stays
/// in its paragraph), each paragraph's `displayWidth` over the capacity, rounded up, at least 1.
@Suite("TextMetrics fast path")
struct TextMetricsFastPathTests {
    static func definition(_ text: String, width: Double) -> Int {
        let capacity = max(4, width * 1.0 - 1.5)
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, paragraph in
            total + max(1, Int((TextMetrics.displayWidth(paragraph) / capacity).rounded(.up)))
        }
    }

    static let pieces = ["", "\n", "\r", "\r\n", "\n\r", "a", "施策", "\u{301}", "\n\u{301}", "ｱ", "①", "→", "■",
                         "😀", "\u{200D}", "\t", " ", "1.1", "まちづくり指標の達成状況について", "\u{FEFF}", "\u{0}",
                         String(repeating: "x", count: 40), String(repeating: "字", count: 25)]
    static let widths: [Double] = [0, 1, 5.5, 8, 10, 12.75, 20, 36, 80]

    @Test("every text of up to four pieces, at every width, as the definition says")
    func combinations() {
        var texts: [String] = [""]
        for _ in 0..<3 { texts = texts.flatMap { t in Self.pieces.map { t + $0 } } }
        for text in texts + ["\r\n\r\n\n", "a\r\r\nb", "\n\n", String(repeating: "あ\n", count: 50)] {
            for width in Self.widths {
                #expect(TextMetrics.lines(text, width: width) == Self.definition(text, width: width),
                        "\(text.unicodeScalars.map { String($0.value, radix: 16) }) at \(width)")
            }
        }
    }

    @Test("random texts of the characters that matter")
    func random() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = ["\n", "\r", "a", "施", "\u{301}", "ｱ", "😀", "\u{200D}", "🇯", "🇵", " "]
        for _ in 0..<5_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                scalars.append(alphabet.randomElement(using: &generator)!)
            }
            let text = String(scalars), width = Self.widths.randomElement(using: &generator)!
            #expect(TextMetrics.lines(text, width: width) == Self.definition(text, width: width))
        }
    }
}
