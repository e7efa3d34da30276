import Foundation
import Testing
import TestSupport
import XLSX
@testable import EvalSheetWorkbook

/// `LiveRate.shape` on bytes (`FormulaShape.ofBytes`) against its definition on Characters with a
/// regex (`LiveRate.shapeByCharacters`): the same shape for the rate formulas, their variants and
/// random texts that mix ASCII with Japanese, combining marks and other Characters that join bytes.
@Suite("Live-rate formula shapes: bytes give what the regex gives")
struct FormulaShapeTests {
    static func rate(_ word: String, percent: Bool, row: Int = 5, column: Int = 6) -> String {
        LiveRate.formula(target: .at(row - 2, column), actual: .at(row - 1, column), directionRow: row, directionColumn: 4,
                         percent: percent, lowerIsBetter: word)
    }

    @Test("the rate formulas and their variants: the byte path is taken and agrees")
    func rateFormulas() {
        var formulas: [String] = []
        for word in ["低いほど良い", "lower is better", "A\"B", "ＡＢ1"] {
            for percent in [true, false] {
                let f = Self.rate(word, percent: percent)
                formulas += [f, String(f.dropFirst()), "_xlfn." + f, f.replacingOccurrences(of: "(", with: "( "),
                             f.replacingOccurrences(of: "G4", with: "$G$4"), Self.rate(word, percent: percent, row: 1000, column: 700),
                             f.lowercased(), "=_xl_xlfn.fn.ROUND(ABCD12,1)"]
            }
        }
        #expect(FormulaShape.ofBytes(Self.rate("低いほど良い", percent: true)) != nil)
        for f in formulas {
            #expect(LiveRate.shape(f) == LiveRate.shapeByCharacters(f), "\(f)")
        }
        #expect(LiveRate.isLiveRate(Self.rate("低いほど良い", percent: false), lowerIsBetter: "低いほど良い"))
        #expect(!LiveRate.isLiveRate(Self.rate("低いほど良い", percent: false), lowerIsBetter: "高いほど良い"))
    }

    @Test("random texts: bytes where they are sure, the same shape always")
    func randomTexts() {
        var rng = SeededGenerator(seed: 56)
        let pieces = ["A", "G", "xfd", "ROUND", "1", "42", "$", " ", "=", "\"", "_xlfn.", "_xl", "fn.", "(", ")", ",", "/", "*",
                      "低い", "ほど", "\u{301}", "\u{3099}", "\u{212A}", "\u{600}", "\r\n", "\r", "\n", "é", "Ａ", "１", "e\u{301}"]
        var byBytes = 0
        for _ in 0..<20_000 {
            let n = Int.random(in: 1...14, using: &rng)
            let text = (0..<n).map { _ in pieces.randomElement(using: &rng)! }.joined()
            if FormulaShape.ofBytes(text) != nil { byBytes += 1 }
            #expect(LiveRate.shape(text) == LiveRate.shapeByCharacters(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(byBytes > 1_000)  // the byte path was exercised, not only the fallback
    }
}
