import Foundation
import Testing
@testable import EvalSheetText

/// The text reader's byte paths against what they stand in for: `UTF8Validation` against
/// `String(validating:)`, the plain-ASCII amounts against the general parse, and the section
/// headings' byte prefix test against `String.hasPrefix`.
@Suite("Text reader: byte paths give what the String paths give")
struct ReaderFastPathTests {
    static func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) } }

    @Test("UTF-8 validation: every 1- and 2-byte sequence, every 3-byte lead with edge continuations, random bytes")
    func utf8Validation() {
        var mismatches: [[UInt8]] = []
        func check(_ b: [UInt8]) {
            if Self.valid(b) != (String(validating: b, as: UTF8.self) != nil) { mismatches.append(b) }
        }
        for a in 0...255 { check([UInt8(a)]) }
        for a in 0...255 { for b in 0...255 { check([UInt8(a), UInt8(b)]) } }
        let edges: [UInt8] = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0]
        for a in 0xC0...0xFF { for b in edges { for c in edges { check([UInt8(a), b, c]); for d in edges { check([UInt8(a), b, c, d]) } } } }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...24, using: &rng)
            check((0..<n).map { _ in Bool.random(using: &rng) ? UInt8.random(in: 0x20...0x7E, using: &rng) : UInt8.random(in: 0...255, using: &rng) })
        }
        for text in ["", "abcdefgh", "abcdefghijklmnop", "施策評価シート\t令和元年度", "12345678\u{10FFFF}", "x🙂yyyyyyyyyyyyyy"] {
            check(Array(text.utf8))
            check(Array(text.utf8) + [0xE3])
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// The general path: what `AmountText.parse` did before its plain-ASCII path (the same code).
    static func general(_ raw: String) -> Result<Int?, AmountText.Problem> {
        AmountText.parse(raw + "\u{3000}")  // a trailing U+3000 is trimmed there but sends the text past the plain path
    }

    @Test("amounts: plain ASCII digits and commas read as the general path reads them")
    func plainAmounts() {
        let samples = ["", "0", "00", "7", "2,450", "2450", "1,234,567", "12,34", ",", "1,", ",1", "1,,000", "0,123", "000,000",
                       "999999999999", "999,999,999,999", "1000000000000", "1,000,000,000,000", "0000000000000000001",
                       "99999999999999999999999", "1,2345", "1234,567", "12,345,6789"]
        for s in samples {
            #expect(AmountText.parse(s) == Self.general(s), "\(s)")
        }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let s = String((0..<Int.random(in: 1...16, using: &rng)).map { _ in "0123456789,,0".randomElement(using: &rng)! })
            #expect(AmountText.parse(s) == Self.general(s), "\(s)")
        }
    }

    @Test("amounts: printed as written exactly when the writer prints the amount so")
    func printedAsWritten() {
        for s in ["0", "1", "999", "1,000", "1000", "12,345", "012", "00", "0,123", "1,234,567", "1234567"] {
            guard case .success(let v?) = AmountText.parse(s) else { Issue.record("\(s) not read"); continue }
            let written = TextFormWriter.amountText(v) == s || String(v) == s
            if AmountText.isPrintedAsWritten(s) { #expect(written, "\(s)") }
        }
        #expect(AmountText.isPrintedAsWritten("1,000"))
        #expect(!AmountText.isPrintedAsWritten("0,123"))
        #expect(!AmountText.isPrintedAsWritten("１２"))
    }

    @Test("section headings: the byte prefix test answers as String.hasPrefix")
    func headingPrefix() {
        let stems = ["1.基本情報", "3.構成事業の状況", "5.評価", "7.施策を進める上での課題", "3.", "e\u{301}", "x\u{600}", "a"]
        let keys = ["", "1", "1.", "1.基本情報", "1.基本情報(令和元年度)", "1101", "3.構成事業の状況", "3.構成事業の状況\u{301}",
                    "3.構成事業の状況x", "3.構成", "5.評価(令和元年度実績に対する)", "é", "e\u{301}", "e\u{301}\u{302}", "x\u{600}a",
                    "x\u{600}", "a\u{301}", "ab", "①", "(1)", "3.構成事業の状況\u{600}"]
        for stem in stems {
            for key in keys {
                #expect(SectionHeading.hasPrefix(key, stem) == key.hasPrefix(stem), "\(key.debugDescription) / \(stem.debugDescription)")
            }
        }
    }
}
