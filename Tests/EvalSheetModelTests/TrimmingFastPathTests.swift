import Testing
@testable import EvalSheetModel

/// `trimmedSpaces`' byte check (nothing to trim unless the text opens or closes with 20, 09 or
/// E3 80 80) against its definition on characters.
@Suite("Trimming: the byte check gives what the characters give")
struct TrimmingFastPathTests {
    static let pieces = ["", " ", "\u{3000}", "\t", "a", "施策", "の", "「", "」", "\u{301}", "\u{3099}", "\u{200D}", "\u{600}", "é",
                         "e\u{301}", "🙂", "\u{2003}", "\u{A0}", "\u{3001}", "\u{3080}", "\u{2000}", "\u{1680}", "\r\n", "ー", "\u{FF00}"]

    @Test("every text of up to three pieces, and random longer ones")
    func trimming() {
        var mismatches: [String] = []
        func check(_ text: String) {
            if text.trimmedSpaces() != text.trimmedSpacesByCharacters() || text.trimmedSpaces().utf8.count != text.trimmedSpacesByCharacters().utf8.count {
                mismatches.append(text.debugDescription)
            }
            let sub = ("x" + text + "x").dropFirst().dropLast()
            if sub.trimmedSpaces().utf8.count != sub.trimmedSpacesByCharacters().utf8.count { mismatches.append("sub " + text.debugDescription) }
        }
        for a in Self.pieces { for b in Self.pieces { for c in Self.pieces { check(a + b + c) } } }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            check((0..<Int.random(in: 0...10, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined())
        }
        #expect(" 施策\u{3000}".trimmedSpaces() == "施策")
        #expect(" \u{301}x ".trimmedSpaces() == " \u{301}x")
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
