import Testing
import TestSupport
@testable import EvalSheetWorkbook

/// `CellDecimal` reads a whole number from its integer and writes `plainText` into one buffer; both
/// are checked here against their definitions: the digits of the double's shortest round-trip text
/// rounded to 15 significant digits, and the text made digit list by digit list.
@Suite("CellDecimal fast paths")
struct CellDecimalFastPathTests {
    /// The definition: the digits of `value.magnitude.description`, normalized, rounded to 15 digits.
    static func definition(_ value: Double) -> CellDecimal? {
        guard value.isFinite else { return nil }
        var mantissa: [UInt8] = []
        var fraction = 0, exponentPart = 0
        var point = false, inExponent = false, exponentNegative = false
        for byte in value.magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = byte - UInt8(ascii: "0")
                if inExponent { exponentPart = exponentPart * 10 + Int(d) } else {
                    mantissa.append(d)
                    if point { fraction += 1 }
                }
            case UInt8(ascii: "."): point = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-"): exponentNegative = true
            default: continue
            }
        }
        let d = CellDecimal(negative: value < 0, digits: mantissa, exponent: (exponentNegative ? -exponentPart : exponentPart) - fraction)
        guard d.digits.count > CellDecimal.excelPrecision else { return d }
        return d.rounded(fractionDigits: -d.exponent - (d.digits.count - CellDecimal.excelPrecision))
    }

    /// The definition of `plainText`: integer and fraction digit lists, padded, joined.
    static func plainTextDefinition(_ d: CellDecimal, _ places: Int) -> String {
        var integer: [UInt8] = [], fraction: [UInt8] = []
        let pointAt = d.digits.count + d.exponent
        for (i, digit) in d.digits.enumerated() {
            if i < pointAt { integer.append(digit) } else { fraction.append(digit) }
        }
        if d.exponent > 0 { integer += Array(repeating: 0, count: d.exponent) }
        if pointAt < 0 { fraction = Array(repeating: 0, count: -pointAt) + fraction }
        if fraction.count < places { fraction += Array(repeating: 0, count: places - fraction.count) }
        if integer.isEmpty { integer = [0] }
        var text = d.negative ? "-" : ""
        text += String(decoding: integer.map { $0 + 48 }, as: UTF8.self)
        if places > 0 { text += "." + String(decoding: fraction.prefix(places).map { $0 + 48 }, as: UTF8.self) }
        return text
    }

    static let edges: [Double] = [
        0, -0.0, 1, -1, 9, 10, 100, 2450, 90000, 104117, 999_999_999_999_999, 1e15 - 1, 1e15, 1e15 + 1, 1e16,
        4_503_599_627_370_497, 9_007_199_254_740_992, 9_007_199_254_740_994, 1e20, 1e300, -1e15, 0.5, 0.1, 0.30000000000000004, 33.0, 32.2,
        94.8, 0.948, 1e-12, 1.5e20, -0.69, 123456789012345.6, 1234567890123456.7, .leastNonzeroMagnitude,
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
    ]

    @Test("edge cases: the digits and texts of the definitions")
    func edgeCases() {
        for value in Self.edges {
            let d = CellDecimal(value)
            #expect(d == Self.definition(value), "\(value)")
            guard let d, d.integerDigitCount <= 40 else { continue }
            for places in [0, 1, 2, 3, 10] {
                #expect(d.plainText(fractionDigits: places) == Self.plainTextDefinition(d, places), "\(value) \(places)")
            }
        }
        #expect(CellDecimal(.infinity) == nil && CellDecimal(.nan) == nil)
        #expect(CellDecimal(2450)?.generalText == "2450" && CellDecimal(-90000)?.generalText == "-90000")
        #expect(CellDecimal(0.948)?.plainText(fractionDigits: 1) == "0.9" && CellDecimal(-0.69)?.plainText(fractionDigits: 3) == "-0.690")
    }

    @Test("random whole numbers and decimals: the definitions' digits and texts")
    func randomValues() {
        var rng = SeededGenerator(seed: 0xCE11_DEC1)
        for _ in 0..<20_000 {
            let value: Double
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: value = Double(Int64.random(in: -999_999_999_999_999...999_999_999_999_999, using: &rng))
            case 1: value = Double(Int.random(in: -100_000...100_000, using: &rng)) * [1, 10, 1000, 1e6, 1e12][Int.random(in: 0..<5, using: &rng)]
            case 2: value = Double(Int.random(in: -1_000_000...1_000_000, using: &rng)) / [10, 100, 1000, 3][Int.random(in: 0..<4, using: &rng)]
            default: value = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &rng))
            }
            let d = CellDecimal(value)
            #expect(d == Self.definition(value), "\(value)")
            guard let d, d.integerDigitCount <= 40, d.fractionDigitCount <= 40 else { continue }
            let places = Int.random(in: 0...12, using: &rng)
            #expect(d.plainText(fractionDigits: places) == Self.plainTextDefinition(d, places), "\(value) \(places)")
        }
    }
}
