import Foundation
import Testing
import EvalSheetModel
@testable import EvalSheetWorkbook
import TestSupport

/// How numeric cells become printed numbers and amounts on import: from the 15 significant digits
/// Excel shows, rounded as the cell's format rounds, never silently another number.
@Suite("Import of numbers")
struct ImportNumberTests {
    func printed(_ s: String) -> PrintedNumber { PrintedNumber(parsing: s)! }

    @Test("a double as Excel shows it: 15 significant digits, plain while it fits")
    func excelDigits() {
        #expect(CellDecimal(0.30000000000000004)?.generalText == "0.3")
        #expect(CellDecimal(0.57999999999999996)?.generalText == "0.58")
        #expect(CellDecimal(2450)?.generalText == "2450")
        #expect(CellDecimal(-0.0)?.generalText == "0")
        #expect(CellDecimal(123456789012345)?.generalText == "123456789012345")
        #expect(CellDecimal(1234567890123456)?.generalText == "1.23456789012346E+15")
        #expect(CellDecimal(1e200)?.generalText == "1E+200")
        #expect(CellDecimal(1e-12)?.generalText == "1E-12")
        #expect(CellDecimal(-1.5e-7)?.generalText == "-0.00000015")
        #expect(CellDecimal(-1.5e-11)?.generalText == "-1.5E-11")
        #expect(CellDecimal(0.0000000001)?.generalText == "0.0000000001")
        #expect(CellDecimal(.infinity) == nil)
        #expect(CellDecimal(.nan) == nil)
        #expect(CellDecimal(Double.greatestFiniteMagnitude)?.integerDigitCount == 309)
    }

    @Test("rounding half away from zero, as Excel displays")
    func rounding() {
        func shown(_ d: Double, _ places: Int) -> String { CellDecimal(d)!.rounded(fractionDigits: places).plainText(fractionDigits: places) }
        #expect(shown(1.005, 2) == "1.01")
        #expect(shown(0.125, 2) == "0.13")
        #expect(shown(-2.5, 0) == "-3")
        #expect(shown(9.96, 1) == "10.0")
        #expect(shown(999.95, 1) == "1000.0")
        #expect(shown(0.04, 1) == "0.0")
        #expect(shown(-0.04, 1) == "0.0")
        #expect(shown(0.5, 0) == "1")
        #expect(shown(1e-12, 1) == "0.0")
        #expect(shown(33, 1) == "33.0")
    }

    @Test("indicator cells: the format's decimals, percent, grouping and ※ mark")
    func indicatorFormats() {
        #expect(IndicatorNumber.decode(33, format: "0.0") == .number(printed("33.0"), formatKnown: true))
        #expect(IndicatorNumber.decode(0.948, format: "0.0%") == .number(printed("94.8%"), formatKnown: true))
        #expect(IndicatorNumber.decode(32.2, format: "0.0\"(※)\"") == .number(printed("32.2(※)"), formatKnown: true))
        #expect(IndicatorNumber.decode(360_000, format: "#,##0") == .number(printed("360,000"), formatKnown: true))
        #expect(IndicatorNumber.decode(0.69, format: "0.000") == .number(printed("0.690"), formatKnown: true))
        // More decimals than the format shows: kept as typed, never rounded to what the cell shows.
        #expect(IndicatorNumber.decode(33.04, format: "0.0") == .number(printed("33.04"), formatKnown: true,
                                                                          hiddenDecimals: HiddenDecimals(shown: "33.0", kept: "33.04")))
        #expect(IndicatorNumber.decode(0.9713, format: "0.0%") == .number(printed("97.13%"), formatKnown: true,
                                                                            hiddenDecimals: HiddenDecimals(shown: "97.1%", kept: "97.13%")))
        #expect(IndicatorNumber.decode(0.1 + 0.2, format: "General") == .number(printed("0.3"), formatKnown: true))
        #expect(IndicatorNumber.decode(-0.0, format: "0.0") == .number(printed("0.0"), formatKnown: true))
    }

    @Test("an unknown or non-number format reads as General, and says so")
    func unknownFormats() {
        #expect(IndicatorNumber.decode(33, format: nil) == .number(printed("33"), formatKnown: false))
        #expect(IndicatorNumber.decode(43586, format: "yyyy/m/d") == .number(printed("43586"), formatKnown: false))
        #expect(IndicatorNumber.decode(1500, format: "0.00E+00") == .number(printed("1500"), formatKnown: false))
        #expect(IndicatorNumber.decode(33, format: "@") == .number(printed("33"), formatKnown: true))
    }

    @Test("numbers no printed form holds are refused, never 0")
    func notRepresentable() {
        #expect(IndicatorNumber.decode(1e200, format: "0.0") == .notRepresentable(shown: "1E+200"))
        #expect(IndicatorNumber.decode(1e30, format: nil) == .notRepresentable(shown: "1E+30"))
        #expect(IndicatorNumber.decode(1e-12, format: "General") == .notRepresentable(shown: "1E-12"))
        // Too many decimals, named as typed, not as General would shorten it (1.23456789012345E+1).
        #expect(IndicatorNumber.decode(12.3456789012345, format: "General") == .notRepresentable(shown: "12.3456789012345"))
        #expect(IndicatorNumber.decode(0.00000000123, format: "General") == .notRepresentable(shown: "0.00000000123"))
        #expect(IndicatorNumber.decode(-1234.12345678901, format: nil) == .notRepresentable(shown: "-1234.12345678901"))
        #expect(IndicatorNumber.decode(12_345_678_901_234_567, format: "0") == .notRepresentable(shown: "1.23456789012346E+16"))
        #expect(IndicatorNumber.decode(1, format: "0." + String(repeating: "0", count: 11)) == .notRepresentable(shown: "1"))
        #expect(IndicatorNumber.decode(1, format: "0." + String(repeating: "0", count: 100_000)) == .notRepresentable(shown: "1"))
        // 15 digits typed in a 0.0 cell print as 16: the message shows the printed form too.
        #expect(IndicatorNumber.decode(123_456_789_012_345, format: "0.0") == .notRepresentable(shown: "123456789012345", printed: "123456789012345.0"))
        #expect(IndicatorNumber.decode(12_345_678_901_234.5, format: "0.00") == .notRepresentable(shown: "12345678901234.5", printed: "12345678901234.50"))
        #expect(IndicatorNumber.decode(.infinity, format: "0") == .notRepresentable(shown: "inf"))
    }

    @Test("every printed number of the real year survives encode → decode")
    func realYearRoundTrip() {
        var count = 0
        for sheet in RealYear.sheets {
            for item in sheet.indicators.items {
                for v in item.targets + item.actuals + item.rates {
                    guard let n = v.number else { continue }
                    let (value, format) = NumberFormatCodec.encode(n)
                    #expect(IndicatorNumber.decode(value, format: format) == .number(n, formatKnown: true), "\(n.text)")
                    count += 1
                }
            }
        }
        #expect(count > 100)
    }

    @Test("random printed numbers (15 digits, 10 decimals, percent, grouping, ※) survive encode → decode")
    func randomRoundTrip() {
        var rng = SeededGenerator(seed: 0x1234_5678)
        for _ in 0..<5_000 {
            let digits = Int.random(in: 1...15, using: &rng)
            let fraction = Int.random(in: 0...min(10, digits), using: &rng)
            var text = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
            if fraction > 0 { text.insert(".", at: text.index(text.endIndex, offsetBy: -fraction)) }
            if text.hasPrefix(".") { text = "0" + text }
            var n = PrintedNumber(parsing: (Bool.random(using: &rng) ? "-" : "") + text)!
            n.percent = Int.random(in: 0..<4, using: &rng) == 0
            n.footnote = Int.random(in: 0..<4, using: &rng) == 0
            n.grouped = Bool.random(using: &rng) && abs(n.value) >= 1000
            let (value, format) = NumberFormatCodec.encode(n)
            #expect(IndicatorNumber.decode(value, format: format) == .number(n, formatKnown: true), "\(n.text) → \(value) \(format)")
        }
    }

    @Test("amounts typed as text: the one bound, whole numbers only")
    func amountText() {
        #expect(AmountText("1,234") == .value(1_234))
        #expect(AmountText("１２３４") == .value(1_234))
        #expect(AmountText(" 500 ") == .value(500))
        #expect(AmountText("999,999,999,999") == .value(Amount.maximum))
        #expect(AmountText("1000000000000") == .tooLarge)
        #expect(AmountText("99999999999999999999") == .tooLarge)
        #expect(AmountText("000000000000000000001") == .value(1))
        #expect(AmountText("12.5") == .notWholeOrNegative)
        #expect(AmountText("-5") == .notWholeOrNegative)
        #expect(AmountText("△5") == .notWholeOrNegative)
        #expect(AmountText("5%") == .notWholeOrNegative)
        #expect(AmountText("未定") == .notANumber)
        #expect(AmountText("1E+30") == .notANumber)
        #expect(AmountText("12,34") == .notANumber)
    }
}
