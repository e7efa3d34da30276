import Testing
@testable import XLSXWriter

/// The guards' byte-level fast paths, checked against their definitions.
@Suite("Guard fast paths")
struct GuardFastPathTests {
    /// The definition: the first C0 control other than tab/LF/CR, or U+FFFE/U+FFFF, scanning the scalars.
    static func firstInvalid(_ value: String) -> UInt32? {
        for u in value.unicodeScalars {
            if u.value < 0x20, u.value != 0x09, u.value != 0x0A, u.value != 0x0D { return u.value }
            if u.value == 0xFFFE || u.value == 0xFFFF { return u.value }
        }
        return nil
    }

    static let alphabet: [Unicode.Scalar] = ["a", "\t", "\n", "\r", "\u{0}", "\u{1}", "\u{1F}", " ", "\u{7F}", "\u{FFFD}", "\u{FFFE}",
                                             "\u{FFFF}", "\u{FEFF}", "\u{EFBF}", "\u{F8FF}", "施", "😀", "\u{BFBE}", "\u{3FBE}"]

    @Test("firstInvalidXMLScalar finds what the scalars say, first")
    func firstInvalidXMLScalar() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &generator) { scalars.append(Self.alphabet.randomElement(using: &generator)!) }
            let text = String(scalars)
            #expect(LXWGuard.firstInvalidXMLScalar(text) == Self.firstInvalid(text))
            let bridged = Substring(text + "x").dropLast()  // a view that may not be native contiguous storage
            #expect(LXWGuard.firstInvalidXMLScalar(String(bridged)) == Self.firstInvalid(text))
        }
    }

    @Test("plain ASCII defined names: the fast path passes only names the Character checks pass")
    func plainASCIINames() {
        let characters = (0x00...0x7F).map { Character(Unicode.Scalar(UInt8($0))) } + ["\r\n", "é", "名"]
        for a in characters {
            for b in characters {
                for name in [String(a), String(a) + String(b), String(a) + String(b) + "x"] {
                    let passes = (try? LXWGuard.checkNameCharacters(name)) != nil
                    if LXWGuard.isPlainASCIIName(name) { #expect(passes, "\(Array(name.utf8))") }
                    if passes, name.utf8.allSatisfy({ $0 < 0x80 }), !name.contains("\r\n") {
                        #expect(LXWGuard.isPlainASCIIName(name), "\(Array(name.utf8))")
                    }
                }
            }
        }
    }
}
