import Foundation
import Testing
import TestSupport
@testable import EvalSheetModel

/// The digit paths of `PrintedNumber` (`formattedFromDigits`, `parsedPlainASCII`) against their
/// definitions (`formatByDecimal`, `parsedByCharacters`): the same text, the same number, on
/// exhaustive small ranges, random values and edge cases.
@Suite("Printed numbers: digit paths give what Decimal gives")
struct PrintedNumberDigitsTests {
    static func decimal(_ mantissa: Int64, _ exponent: Int) -> Decimal {
        Decimal(sign: mantissa < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa.magnitude))
    }

    func expectSameFormat(_ value: Decimal, _ places: Int, _ grouped: Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fast = PrintedNumber.format(value, fractionDigits: places, grouped: grouped)
        let slow = PrintedNumber.formatByDecimal(value, fractionDigits: places, grouped: grouped)
        #expect(fast == slow, "\(value) places \(places) grouped \(grouped)", sourceLocation: sourceLocation)
    }

    @Test("format: every mantissa −1100…1100, exponents −4…1, 0–4 places, grouped or not")
    func formatExhaustive() {
        var mismatches = 0
        for m in Int64(-1100)...1100 {
            for e in -4...1 {
                let v = Self.decimal(m, e)
                for places in 0...4 {
                    for grouped in [false, true]
                    where PrintedNumber.format(v, fractionDigits: places, grouped: grouped)
                        != PrintedNumber.formatByDecimal(v, fractionDigits: places, grouped: grouped) {
                        mismatches += 1
                        if mismatches < 5 { expectSameFormat(v, places, grouped) }
                    }
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("format: random values up to 18 digits, exponents −20…20, 0–12 places")
    func formatRandom() {
        var rng = SeededGenerator(seed: 12)
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...18, using: &rng)
            let bound = Int64(truncatingIfNeeded: (0..<digits).reduce(UInt64(1)) { r, _ in r * 10 })
            let m = Int64.random(in: -(bound - 1)...(bound - 1), using: &rng)
            expectSameFormat(Self.decimal(m, Int.random(in: -20...20, using: &rng)), Int.random(in: 0...12, using: &rng), Bool.random(using: &rng))
        }
    }

    @Test("format: edge cases (halves, carries, 18/19/38 digits, computed decimals, negative places)")
    func formatEdges() {
        let texts = ["0.5", "-0.5", "0.05", "-0.004", "9.995", "-9.995", "99999.5", "999999999999999999", "-999999999999999999",
                     "1000000000000000000", "123456789012345678901234567890123456", "0.000000000000000001", "1e30", "-1e-30",
                     "360000", "0.690", "94.8", "32.2", "999999999999", "0.0000000001", "0.00"]
        var values = texts.map { Decimal(string: $0)! }
        values += [Decimal(330) * Decimal(string: "0.1")!, Decimal(1) / Decimal(3), Decimal(2) / Decimal(3) * -1,
                   Decimal(string: "1.50")! + Decimal(string: "0.50")!, Decimal(Int.max), Decimal(UInt64.max)]
        for v in values {
            for places in [-2, -1, 0, 1, 2, 3, 10, 17, 18, 19, 25] {
                expectSameFormat(v, places, false)
                expectSameFormat(v, places, true)
            }
        }
        #expect(PrintedNumber.format(Decimal(string: "1234567.891")!, fractionDigits: 2, grouped: true) == "1,234,567.89")
        #expect(PrintedNumber.format(Decimal(string: "-0.004")!, fractionDigits: 2, grouped: false) == "0.00")
        #expect(PrintedNumber.format(Decimal(string: "9.995")!, fractionDigits: 2, grouped: false) == "10.00")
    }

    /// Both paths agree on a text: both nil, or the same number in every observable way.
    func expectSameParse(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fast = PrintedNumber(parsing: text)
        let slow = PrintedNumber.parsedByCharacters(text)
        #expect(fast == slow, "\(text.debugDescription)", sourceLocation: sourceLocation)
        guard let fast, let slow else { return }
        #expect(fast.text == slow.text && fast.value.description == slow.value.description
                && fast.value.exponent == slow.value.exponent && fast.value.significand == slow.value.significand
                && fast.value.sign == slow.value.sign && fast.value.hashValue == slow.value.hashValue
                && fast.doubleValue == slow.doubleValue, "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test("parse: every integer 0…12,000 plain, grouped, negative, percent, with 0–3 decimals and leading zeros")
    func parseExhaustive() {
        for i in 0...12_000 {
            let grouped = PrintedNumber.format(Decimal(i), fractionDigits: 0, grouped: true)
            var forms = ["\(i)", "-\(i)", "\(i)%", grouped, "-\(grouped)%", "0\(i)"]
            if i % 7 == 0 { forms += ["\(i / 100).\(i % 100)", "\(i / 1000).\(String(i % 1000))", "-0.\(i)", "\(i).0", "\(i).000%", " \(i)\t"] }
            for f in forms { expectSameParse(f) }
        }
    }

    @Test("parse: random texts of digits, commas, points, signs, percent and spaces")
    func parseRandom() {
        var rng = SeededGenerator(seed: 34)
        let alphabet = Array("0123456789012345678901234567890123456789,,..--% ")
        for _ in 0..<30_000 {
            let n = Int.random(in: 1...20, using: &rng)
            expectSameParse(String((0..<n).map { _ in alphabet.randomElement(using: &rng)! }))
        }
    }

    @Test("parse: edge cases (empty, signs alone, bad grouping, 15/16/18/19 digits, 10/11 decimals, full width, ※)")
    func parseEdges() {
        let texts = ["", " ", "-", "%", "-%", ".5", "5.", "1.", "-.5", "1,23", "12,345,67", ",123", "1,,234", "1,234.5,6", "1.2,3",
                     "00", "-0", "-0.00", "0.00%", "-0.000", "999999999999999", "9999999999999999", "99999999999999.99",
                     "999999999999999999", "9999999999999999999", "0.0000000001", "0.00000000001", "1234567890.12345",
                     "１２，３４５．６％", "32.2(※)", "−5", "△5", "▲5", "+5", " 12 ", "1e5", "1,234,567.890%", "0x10", "1 000",
                     "\u{3000}58\u{3000}", "5%%", "--5", "0.690", "360,000", "94.8%", "33.0", "58", "12.000"]
        for t in texts { expectSameParse(t) }
        #expect(PrintedNumber.parsedPlainASCII("0.690")?.text == "0.690")
        #expect(PrintedNumber.parsedPlainASCII("-360,000")?.text == "-360,000")
        #expect(PrintedNumber.parsedPlainASCII("32.2(※)") == nil)  // left to the definition
    }

    @Test("parse: numbers with the footnote mark (the ASCII path with (※)) read as the definition reads them")
    func parseFootnoted() {
        var rng = SeededGenerator(seed: 56)
        let alphabet = Array("0123456789012345678901234567890123456789,,..--% ")
        let mark = PrintedNumber.footnoteMark
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...16, using: &rng)
            let body = String((0..<n).map { _ in alphabet.randomElement(using: &rng)! })
            expectSameParse(body + mark)
            expectSameParse(" " + body + mark + "\u{3000}")
        }
        let texts = ["(※)", "%(※)", "-(※)", "12(※)", "12 (※)", "12\t(※)", "12%(※)", "12(※)%", "12(※)(※)", "12（※）", " 12(※) ",
                     "-0(※)", "-0.00%(※)", "1,234(※)", "1,23(※)", "12.(※)", ".5(※)", "0.690(※)", "360,000(※)", "94.8%(※)",
                     "32.2(※)", "999999999999999(※)", "9999999999999999(※)", "0.00000000001(※)", "１２(※)", "−5(※)", "12(※ )",
                     "12 (※)", "12(※)\u{301}", "12\u{301}(※)", "12((※)", "(※)(※)", "5%%(※)", "+5(※)"]
        for t in texts { expectSameParse(t) }
        #expect(PrintedNumber(parsing: "32.2(※)")?.text == "32.2(※)")
        #expect(PrintedNumber.parsedPlainASCIIWithFootnote("94.8%(※)")?.text == "94.8%(※)")
        #expect(PrintedNumber.parsedPlainASCIIWithFootnote("12 (※)") == nil)  // left to the definition
    }

    @Test("indicator values read the same through the digit paths (readAs included)")
    func indicatorValues() {
        for t in ["001", "-0", "１２", "−5", "-", "0.690", "360,000", "94.8%", "32.2(※)", "—", "", " 5 ", "1,2345", "abc"] {
            let got = IndicatorValue.parsingReportingChanges(t)
            let expected: (IndicatorValue, String?)? = {
                let s = String(t.trimmedSpaces())
                if s.isEmpty { return (.blank, nil) }
                if IndicatorValue.dashes.contains(s) { return (.notApplicable, s == IndicatorValue.dash ? nil : IndicatorValue.dash) }
                guard let n = PrintedNumber.parsedByCharacters(s) else { return nil }
                let text = PrintedNumber.formatByDecimal(n.value, fractionDigits: n.fractionDigits, grouped: n.grouped)
                    + (n.percent ? "%" : "") + (n.footnote ? PrintedNumber.footnoteMark : "")
                return (.number(n), text == s ? nil : text)
            }()
            #expect(got?.value == expected?.0 && got?.readAs == expected?.1, "\(t)")
        }
    }
}
