import Foundation
import EvalSheetModel
import XLSX

/// 達成率 as a live formula: from 目標値, 実績値 and the 評価の向き cell, rounded to one decimal of a
/// percent as the city prints it (`AchievementRate`: half away from zero), blank while either value
/// is not a number or the divisor is 0:
///
/// `=IF(AND(ISNUMBER(G4),ISNUMBER(G5)),IF(IF($E6="低いほど良い",G5,G4)=0,"",ROUND(IF($E6="低いほど良い",G4/G5,G5/G4)*100,1)/100),"")`
///
/// Export writes it with its value cached (every reader sees the printed rate); import reads the
/// cached value without a formula warning, and computes the rate itself when a program saved the
/// formula without its value (openpyxl).
enum LiveRate {
    /// The formula for a rate cell; `percent` is false for a rate printed without `%` (94.8).
    static func formula(target: CellReference, actual: CellReference, directionRow: Int, directionColumn: Int,
                        percent: Bool, lowerIsBetter word: String) -> String {
        let d = "$\(CellReference.columnName(directionColumn))\(directionRow + 1)"
        let lower = "\(d)=\"\(word.replacingIfPresent("\"", with: "\"\""))\""
        let (t, a) = (target.description, actual.description)
        // The pieces joined in one buffer (a rate cell each: some 25 string appends otherwise).
        let pieces = ["=IF(AND(ISNUMBER(", t, "),ISNUMBER(", a, ")),IF(IF(", lower, ",", a, ",", t, ")=0,\"\",",
                      "ROUND(IF(", lower, ",", t, "/", a, ",", a, "/", t, ")*100,1)", percent ? "/100" : "", "),\"\")"]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count })
        for piece in pieces { bytes.append(contentsOf: piece.utf8) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The formula with every cell reference, `$`, space and leading `=` taken out: two rate
    /// formulas have the same shape wherever their cells moved to.
    /// On bytes (`FormulaShape.ofBytes`) when the formula's text allows it, else as written out
    /// here (`shapeByCharacters`): the same string either way.
    /// Kept per formula text: the rate cells of a year's workbooks hold the same few formulas.
    static func shape(_ formula: String) -> String {
        shapes.value(formula) { FormulaShape.ofBytes(formula) ?? shapeByCharacters(formula) }
    }

    private static let shapes = Memo<String>(limit: 1024)

    /// `shape` on Characters, with Foundation and a regex: the definition, for any text.
    static func shapeByCharacters(_ formula: String) -> String {
        var f = formula.replacingOccurrences(of: "_xlfn.", with: "")
        f.removeAll { $0 == "$" || $0 == " " }
        if f.hasPrefix("=") { f.removeFirst() }
        return f.replacing(/[A-Za-z]{1,3}[0-9]+/, with: "#")
    }

    /// Whether a cell's formula is a live rate (either unit), with the template's direction word.
    static func isLiveRate(_ formula: String?, lowerIsBetter word: String) -> Bool {
        guard let formula else { return false }
        let shapes = FormulaShape.rateShapes(lowerIsBetter: word)
        let typed = shape(formula)
        return typed == shapes.percent || typed == shapes.plain
    }

    /// The shapes of the rate formula in percent and in plain units, with a direction word.
    static func rateShapes(lowerIsBetter word: String) -> (percent: String, plain: String) {
        let any = CellReference.at(0, 0)
        func rate(_ percent: Bool) -> String {
            shape(formula(target: any, actual: any, directionRow: 0, directionColumn: 0, percent: percent, lowerIsBetter: word))
        }
        return (rate(true), rate(false))
    }

    /// Whether a rate cell is written live: its printed rate is what the formula computes (or it and
    /// the actual are blank, so that typing the actual fills it in). Any other rate — a dash, a rate
    /// that differs from the computation — is written as it was printed, never replaced.
    static func isLive(rate: IndicatorValue, target: IndicatorValue, actual: IndicatorValue, direction: IndicatorDirection) -> Bool {
        switch (rate, actual) {
        case (.blank, .blank):
            return true
        case (.number(let r), .number(let a)):
            guard !r.footnote, let t = target.number,
                  let computed = AchievementRate.percent(actual: a.value, target: t.value, direction: direction) else { return false }
            return computed == r.value
        default:
            return false
        }
    }

    /// The rate the formula computes, printed with the cell's number format (`0.0%`); blank when it
    /// computes none.
    static func computed(target: IndicatorValue, actual: IndicatorValue, direction: IndicatorDirection, format: String?) -> IndicatorValue {
        guard let t = target.number, let a = actual.number,
              let rate = AchievementRate.percent(actual: a.value, target: t.value, direction: direction) else { return .blank }
        let shape = NumberFormatCodec.shape(of: format)
        let percent = shape?.percent ?? true
        let digits = shape?.fractionDigits ?? 1
        var value = rate
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, digits, .plain)
        return .number(PrintedNumber(value: rounded, fractionDigits: digits, percent: percent))
    }
}
