import Foundation
import Testing
import TestSupport
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

    // MARK: - hasLabelKey: `labelKey() == key` (canonical equivalence) without building the key

    /// Scalars that stress the in-place comparison: simple characters, their NFD spellings
    /// (ド = ト + U+3099), marks that reorder, Hangul jamo, singletons (U+F900 → 豈, U+212B → Å),
    /// spaces and full-width ASCII that the key drops or folds.
    static let alphabet: [String] = [
        "ド", "ト", "\u{3099}", "\u{309A}", "ハ", "パ", "ー", "コ", "施", "策", "a", "A", "e", "\u{301}", "\u{316}",
        "é", "\u{1100}", "\u{1161}", "\u{11A8}", "가", "각", "\u{F900}", "豈", "\u{212B}", "Å", "A\u{30A}", " ", "\u{3000}",
        "\t", "\n", "\r", "（", "(", "Ａ", "ｅ", "※", "—", "÷", "🙂", "\u{FF9E}",
    ]

    static func random(_ rng: inout SeededGenerator, length: Int) -> String {
        (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
    }

    @Test("labels in NFD, NFC and with marks reordered match; texts that differ do not")
    func canonicalSpellings() {
        let key = "まちづくりの基本目標".labelKey(), code = "施策コード".labelKey()
        #expect("まちつ\u{3099}くりの基本目標".hasLabelKey(key))
        #expect("まちづ くりの 基本目標".hasLabelKey(key))
        #expect("施策コート\u{3099}".hasLabelKey(code))
        #expect("施策 コ ー ト\u{3099}".hasLabelKey(code))
        #expect(!"施策コート".hasLabelKey(code))
        #expect(!"施策コート\u{309A}".hasLabelKey(code))  // ト゜ is not ド
        #expect(!"施策コード\u{3099}".hasLabelKey(code))  // a mark more
        #expect("施策コード".hasLabelKey("施策コート\u{3099}"))  // a key spelled in NFD
        #expect("a\u{316}\u{301}".hasLabelKey("a\u{301}\u{316}"))  // marks of different classes reorder
        #expect(!"a\u{301}\u{301}".hasLabelKey("á"))
        #expect("\u{F900}".hasLabelKey("豈"))  // a singleton
        #expect("\u{1100}\u{1161}\u{11A8}".hasLabelKey("각"))
        #expect(!"ト\u{3000}\u{3099}".hasLabelKey("ト"))
        #expect("ト\u{3000}\u{3099}".hasLabelKey("ド"))  // the key drops the space first, as labelKey() does
        // The longest canonical decomposition (4 scalars) is still the key; a cell of marks is not.
        #expect("\u{3B1}\u{313}\u{300}\u{345}".hasLabelKey("\u{1F82}"))
        #expect(!String(repeating: "\u{301}", count: 100_000).hasLabelKey("施策コード"))
    }

    @Test("hasLabelKey is labelKey() == key on 40,000 random texts and keys made from them")
    func randomAgainstTheDefinition() {
        var rng = SeededGenerator(seed: 0x1abe1)
        var mismatches: [String] = []
        var matched = 0
        for i in 0..<40_000 {
            let text = Self.random(&rng, length: Int(rng.next() % 6))
            let source: String
            switch i % 4 {
            case 0: source = text.decomposedStringWithCanonicalMapping
            case 1: source = text.precomposedStringWithCanonicalMapping
            case 2: source = Self.random(&rng, length: Int(rng.next() % 6))
            default: source = text + Self.random(&rng, length: 1)
            }
            let key = source.labelKey()
            let expected = text.labelKey() == key
            if expected { matched += 1 }
            if text.hasLabelKey(key) != expected { mismatches.append("\(text.debugDescription) vs \(key.debugDescription)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(5))")
        #expect(matched > 15_000)  // both answers are tried often
    }
}
