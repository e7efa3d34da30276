import Foundation
import Testing
import EvalSheetModel
@testable import EvalSheetWorkbook

/// `NumberFormatCodec.hundredth` moves the point instead of dividing, `exactlyRounded` multiplies
/// or divides once instead of printing and parsing; checked here against their definitions,
/// Foundation's `value / 100` and `PrintedNumber.nearestDouble`.
@Suite("NumberFormatCodec fast paths")
struct NumberFormatCodecFastPathTests {
    static func same(_ v: Decimal) -> Bool {
        let a = v / 100, b = NumberFormatCodec.hundredth(v)
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        let da = Double(a.description), db = Double(b.description)
        return a == b && da?.bitPattern == db?.bitPattern
    }

    @Test("edge values, the point moved as the division does")
    func edges() {
        let texts = ["0", "1", "-1", "94.8", "-0.001", "100", "0.69", "123456789012345", "99999999999999999999999999999999999999",
                     "1e-58", "1e-60", "1e-61", "1e-100", "1e-127", "1e125", "-1e127"]
        for t in texts { #expect(Self.same(Decimal(string: t)!), "\(t)") }
        for v in [Decimal.nan, .greatestFiniteMagnitude, .leastNonzeroMagnitude, .leastFiniteMagnitude] { #expect(Self.same(v)) }
    }

    @Test("random significands of up to 38 digits at every exponent the fast path takes and beyond")
    func random() {
        var generator = SystemRandomNumberGenerator()
        for exponent in -64...127 {
            for _ in 0..<200 {
                var text = Bool.random(using: &generator) ? "-" : ""
                for i in 0..<Int.random(in: 1...38, using: &generator) {
                    text += String(Int.random(in: (i == 0 ? 1 : 0)...9, using: &generator))
                }
                let m = Decimal(string: text)!
                let v = Decimal(sign: m.sign, exponent: exponent, significand: m.significand)
                #expect(Self.same(v), "\(text)e\(exponent)")
            }
        }
    }

    @Test("exactlyRounded: the double that parsing the decimal's text gives")
    func exactlyRounded() {
        var generator = SystemRandomNumberGenerator()
        var values: [Decimal] = [0, 1, -1, 0.1, 0.948, 0.69, 9_007_199_254_740_991, 9_007_199_254_740_993, 1e22, 1e23, 1e-22, 1e-23,
                                 Decimal(string: "123456789012345.6")!, Decimal(string: "-0.0000000001")!]
        for _ in 0..<100_000 {
            var text = Bool.random(using: &generator) ? "-" : ""
            for i in 0..<Int.random(in: 1...18, using: &generator) { text += String(Int.random(in: (i == 0 ? 1 : 0)...9, using: &generator)) }
            let m = Decimal(string: text)!
            values.append(Decimal(sign: m.sign, exponent: Int.random(in: -26...26, using: &generator), significand: m.significand))
        }
        for v in values {
            let expected = PrintedNumber.nearestDouble(v)
            if let got = NumberFormatCodec.exactlyRounded(v) { #expect(got.bitPattern == expected.bitPattern, "\(v)") }
        }
    }
}
