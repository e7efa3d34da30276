import Testing
@testable import EvalSheetModel

/// `labelKey()` works on UTF-8 bytes; its definition is on scalars: spaces (ASCII, U+3000), tabs and
/// line breaks removed, U+FF01…U+FF5E folded to ASCII. Both must give the same key.
@Suite("Label keys: the byte path gives what the scalar definition gives")
struct LabelKeyTests {
    static func byScalars(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x3000, 0x09, 0x0A, 0x0D: continue
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    @Test("edges of the folded range, spaces of every kind, and mixed text")
    func edges() {
        let samples = [
            "", " ", "\u{3000}", "総事業費（施策の合計）", "市民ニーズ の状況", "\u{FF00}\u{FF01}\u{FF5E}\u{FF5F}\u{FF60}",
            "３．\u{3000}構成事業の状況", "a\tb\nc\rd", "\u{3001}\u{3000}\u{2FFF}", "ＡＢＣ ｘｙｚ", "e\u{301} ｅ\u{301}",
            "\u{FFFD}\u{EFBC}x", "漢字\u{3000}\u{3000}かな　カナ", "１２３,４５６", "🙂 🙂",
        ]
        for s in samples {
            #expect(s.labelKey() == Self.byScalars(s), "\(s.debugDescription)")
            #expect(Array(s.labelKey().utf8) == Array(Self.byScalars(s).utf8), "\(s.debugDescription)")
            #expect(s[...].labelKey() == Self.byScalars(s))
        }
    }

    @Test("every scalar from U+0000 to U+FFFF after a space, alone and between letters")
    func everyBMPScalar() {
        var mismatches: [UInt32] = []
        for v in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let s = " a" + String(Character(scalar)) + "\u{3000}b"
            if Array(s.labelKey().utf8) != Array(Self.byScalars(s).utf8) { mismatches.append(v) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}
