import Testing
@testable import EvalSheetModel

/// Policy codes become file names: the pattern admits what cities use and nothing a path needs;
/// messages quote a refused code with its invisible characters made visible.
@Suite("Policy code syntax")
struct PolicyCodeSyntaxTests {
    @Test("codes real cities use are admitted", arguments: ["511", "05010201", "011-01", "1234567", "A_1", "x"])
    func admitted(_ code: String) {
        #expect(PolicyCodeSyntax.isValid(code))
    }

    @Test("path parts, dots, spaces and controls are refused",
          arguments: ["", "..", "../x", "a/b", "a\\b", ".511", "511 ", " 511", "5\u{0}1", "5\n1", "５１１", "-511", "_511",
                      String(repeating: "1", count: 33)])
    func refused(_ code: String) {
        #expect(!PolicyCodeSyntax.isValid(code))
    }

    @Test("a message shows controls, format characters and odd spaces escaped; Japanese text and the ideographic space stay")
    func visibleEscapesWhatCannotBeSeen() {
        #expect(PolicyCodeSyntax.visible("a\nb\tc\r\0") == "a\\nb\\tc\\r\\0")
        #expect(PolicyCodeSyntax.visible("511\u{200B}") == "511\\u{200b}")
        #expect(PolicyCodeSyntax.visible("\u{FEFF}511") == "\\u{feff}511")
        #expect(PolicyCodeSyntax.visible("5\u{00A0}1") == "5\\u{a0}1")
        #expect(PolicyCodeSyntax.visible("a\u{202E}b") == "a\\u{202e}b")
        #expect(PolicyCodeSyntax.visible("x\u{2028}y") == "x\\u{2028}y")
        #expect(PolicyCodeSyntax.visible("x\u{7F}\u{85}") == "x\\u{7f}\\u{85}")
        #expect(PolicyCodeSyntax.visible("企画課\u{3000}財政係 a b") == "企画課\u{3000}財政係 a b")
        #expect(PolicyCodeSyntax.problem("511\u{200B}").ja.contains("511\\u{200b}"))
    }
}
