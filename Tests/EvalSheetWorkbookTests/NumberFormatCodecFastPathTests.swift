import Foundation
import Testing
@testable import EvalSheetWorkbook

/// `NumberFormatCodec.hundredth` moves the point instead of dividing; checked here against its
/// definition, Foundation's `value / 100`: the same number, and the same double once printed.
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
}
