import Foundation
import Testing
@testable import EvalSheetWorkbook

/// `replacingIfPresent` replaces byte for byte where Foundation's search would find the same
/// places, and asks Foundation everywhere else; checked here against Foundation itself.
@Suite("Literal replacement")
struct LiteralReplacementTests {
    static let targets = ["{code}", "{name}", "{fiscalYear}", "&", "\"", "{year}", "aa", "K", "e"]
    static let pieces = ["", "{code}", "{name}", "{fiscalYear}", "&", "\"", "{year}", "a", "e", "K", "\u{212A}", " ", "\r", "\n",
                         "\u{301}", "\u{20DD}", "\u{200D}", "施策", "令和", "\u{0600}", "😀", "🇯🇵", "{", "}", "{co", "de}", "ｅ"]

    @Test("texts of up to three pieces, every target, as Foundation replaces")
    func combinations() {
        var texts: [String] = [""]
        for _ in 0..<3 { texts = texts.flatMap { t in Self.pieces.map { t + $0 } } }
        for text in texts {
            for target in Self.targets {
                let expected = text.replacingOccurrences(of: target, with: "＜値 & {x}＞")
                let got = text.replacingIfPresent(target, with: "＜値 & {x}＞")
                #expect(Array(got.utf8) == Array(expected.utf8), "\(text.unicodeScalars.map { String($0.value, radix: 16) }) / \(target)")
            }
        }
    }

    @Test("the template's header with a policy filled in")
    func header() {
        let format = "&L&9施策 {code} {name}&R&9{fiscalYear} 施策評価シート"
        for name in ["まちづくり", "A&B", "{code}", "名\u{301}", "x\r\ny"] {
            let expected = format.replacingOccurrences(of: "{code}", with: "511").replacingOccurrences(of: "{name}", with: name)
            let got = format.replacingIfPresent("{code}", with: "511").replacingIfPresent("{name}", with: name)
            #expect(Array(got.utf8) == Array(expected.utf8))
        }
    }
}
