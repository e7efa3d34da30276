import Foundation
import EvalSheetModel
import XLSX
import XLSXReader

/// Reading typed values from cells, with the tolerance the issue asks for — numbers typed as text
/// (`1,234`, `１２３４`) are accepted with a warning naming the cell — and without it where a value
/// would silently become another one: text where a number must be, a number beyond the one bound
/// or beyond what a printed number holds, and a formula whose result was not saved are errors
/// naming the cell. Each error is recorded and the import goes on (so one run reports them all);
/// the value returned then is a placeholder that breaks no invariant.
extension ImportContext {
    /// Locates a scalar field: through its defined name when the label beside it still matches,
    /// else by finding its label on the sheet (rows inserted above it, or an old defined name).
    /// Takes the label's cell. Nil (with an error recorded) when the label is nowhere.
    func resolve(_ field: ScalarField, on sheet: SheetView) -> CellReference? {
        let offset = field.labelOffset
        func label(of cell: CellReference) -> CellReference? {
            let label = cell.offset(rows: offset.rows, columns: offset.columns)
            return label.row >= 0 && label.column >= 0 && sheet.isLabel(label, field.label) ? label : nil
        }
        var found: (value: CellReference, label: CellReference)?
        if let named = definedCell(field.definedName, on: sheet)?.first, let l = label(of: named) {
            found = (named, l)
        } else if let l = label(of: field.cell) {
            found = (field.cell, l)
        } else if let l = sheet.find(field.label) {
            let value = l.offset(rows: -offset.rows, columns: -offset.columns)
            if value.row >= 0, value.column >= 0, value.row <= CellReference.maxRow, value.column <= CellReference.maxColumn {
                found = (value, l)
            }
        }
        guard let found else {
            if missingLabels.insert("\(sheet.section)\u{0}\(field.label)").inserted {
                fail("xlsx.missing-label", sheet, nil, ja: "項目「\(field.label)」が見つかりません", en: "cannot find the field \"\(field.label)\"")
            }
            return nil
        }
        take(sheet, found.label)
        return found.value
    }

    /// A scalar field's text read from its cell, with its location recorded.
    func scalar(_ field: ScalarField, at cell: CellReference, on sheet: SheetView) -> String {
        locate(field.path, sheet, cell)
        return field.kind == .code ? code(sheet, cell) : text(sheet, cell, label: field.label)
    }

    /// The stored cell, refusing a formula whose result was not saved (it is never read as blank or 0).
    /// A formula the layout itself writes there (a live 達成率, `expectingFormula`) is no input: its
    /// saved result is read without a warning.
    func cell(_ sheet: SheetView, _ ref: CellReference, label: @autoclosure () -> String, expectingFormula: Bool = false) -> XLSXCell? {
        let c = sheet.worksheet[ref]
        if c?.cachedValueMissing == true {
            fail("xlsx.formula-not-saved", sheet, ref,
                 ja: "\(label())の計算結果が保存されていません(Excel で開いて保存し直してください)",
                 en: "\(label()): the formula's result was not saved (open and save the workbook in Excel)")
            return nil
        }
        if let c, c.hasFormula, !expectingFormula {
            // An input cell holding a formula: its saved result is the value, and the formula itself
            // is not kept — never without a word.
            let formula = c.formula.map { "=" + $0 } ?? "="
            warn("xlsx.formula-in-input", sheet, ref,
                 ja: "\(label())に数式(\(formula))が入力されていました。保存されていた結果「\(SheetView.text(of: c.value))」を値として読みました(数式は取り込まれません)",
                 en: "\(label()) held a formula (\(formula)); its saved result \"\(SheetView.text(of: c.value))\" was read as the value (the formula is not kept)")
        }
        return c
    }

    /// A text cell, exactly as stored. A number is read as Excel's General format shows it, with a
    /// warning when its own format may show it otherwise (a date, decimals, grouping).
    func text(_ sheet: SheetView, _ ref: CellReference, label: @autoclosure () -> String) -> String {
        guard let c = cell(sheet, ref, label: label()) else { return "" }
        if case .number(let d, _) = c.value {
            let text = SheetView.text(of: c.value)
            if c.numberFormat.map({ !Self.isGeneral($0) }) ?? true || CellDecimal(d).map({ $0.generalText.contains("E") }) ?? true {
                warn("xlsx.number-in-text", sheet, ref,
                     ja: "文字を入れる欄に数値が入力されていたため「\(text)」として読みました(表示形式: \(c.numberFormat ?? "不明"))",
                     en: "a number was entered where text belongs; read as \"\(text)\" (number format: \(c.numberFormat ?? "unknown"))")
            }
            return text
        }
        return SheetView.text(of: c.value)
    }

    /// A code (施策コード, project No., 内線): text; a whole number is turned back into text (project
    /// codes padded to 10 digits) with a warning; any other number is an error.
    func code(_ sheet: SheetView, _ cell: CellReference, digits: Int? = nil) -> String {
        guard let c = sheet.worksheet[cell], case .number(let d, _) = c.value else {
            return text(sheet, cell, label: "コード").trimmedSpaces().description
        }
        guard let decimal = CellDecimal(d), decimal.isWhole, !decimal.negative,
              decimal.integerDigitCount <= CellDecimal.excelPrecision else {
            fail("xlsx.code-as-number", sheet, cell,
                 ja: "コードは文字列で入力してください(数値 \(SheetView.text(of: c.value)) はコードとして読めません)",
                 en: "enter the code as text (the number \(SheetView.text(of: c.value)) cannot be read as a code)")
            return ""
        }
        var text = decimal.plainText(fractionDigits: 0)
        if let digits, text.count < digits {
            text = String(repeating: "0", count: digits - text.count) + text
        }
        warn("xlsx.code-as-number", sheet, cell,
             ja: "コードが数値として入力されていたため文字列「\(text)」として読みました",
             en: "a code was entered as a number; read as the text \"\(text)\"")
        return text
    }

    /// A money cell (千円): blank → nil; a whole number 0…`Amount.maximum`; a number typed as text
    /// is accepted with a warning. Anything else is an error naming the cell.
    func amount(_ sheet: SheetView, _ ref: CellReference, label: @autoclosure () -> String) -> Int? {
        guard let c = cell(sheet, ref, label: label()) else { return nil }
        let bound = Amount.maximumText
        func refuse(_ ja: String, _ en: String) -> Int? {
            fail("xlsx.amount", sheet, ref, ja: "\(label())は\(ja)", en: "\(label()) \(en)")
            return nil
        }
        switch c.value {
        case .empty:
            return nil
        case .number(let d, _):
            // The number as General shows it, printed only for a message.
            func shown() -> String { SheetView.text(of: c.value) }
            if NumberFormatCodec.isDateOrTime(c.numberFormat) {
                return refuse("日付や時刻として入力されています(千円の整数で入力してください): \(shown())",
                              "holds a date or time (its number format is \"\(c.numberFormat ?? "")\"), not an amount in thousand yen: \(shown())")
            }
            if d < 0 { return refuse("0 以上の整数(千円)で入力してください: \(shown())", "must be a whole number ≥ 0 (thousand yen): \(shown())") }
            if d > Double(Amount.maximum) {
                return refuse("上限 \(bound) 千円を超えています: \(shown())", "exceeds the bound of \(bound) thousand yen: \(shown())")
            }
            if d != d.rounded() { return refuse("0 以上の整数(千円)で入力してください: \(shown())", "must be a whole number ≥ 0 (thousand yen): \(shown())") }
            return Int(d)
        case .string(let s) where s.trimmedSpaces().isEmpty:
            return nil
        case .string(let s):
            switch AmountText(s) {
            case .value(let v):
                warn("xlsx.number-as-text", sheet, ref, ja: "数値が文字列として入力されていました(\"\(s)\")。数値として読みました",
                     en: "a number was typed as text (\"\(s)\"); read as a number")
                return v
            case .tooLarge:
                return refuse("上限 \(bound) 千円を超えています: \"\(Self.shown(s))\"", "exceeds the bound of \(bound) thousand yen: \"\(Self.shown(s))\"")
            case .notWholeOrNegative:
                return refuse("0 以上の整数(千円)で入力してください: \"\(Self.shown(s))\"", "must be a whole number ≥ 0 (thousand yen): \"\(Self.shown(s))\"")
            case .notANumber:
                fail("xlsx.amount", sheet, ref, ja: "\(label())に数値でない文字が入力されています: \"\(Self.shown(s))\"",
                     en: "\(label()) holds text where a number must be: \"\(Self.shown(s))\"")
                return nil
            }
        case .bool, .error, .date:
            return refuse("数値で入力してください(値が不正です: \(SheetView.text(of: c.value)))",
                          "holds an invalid value: \(SheetView.text(of: c.value))")
        }
    }

    /// An indicator value cell: blank, `—`, or a number printed by its number format. A number no
    /// printed form holds (beyond 15 significant digits or 10 decimals) is an error; a number whose
    /// format cannot be known is read as General with a warning.
    func indicatorValue(_ sheet: SheetView, _ ref: CellReference, label: @autoclosure () -> String,
                        expectingFormula: Bool = false) -> IndicatorValue {
        guard let c = cell(sheet, ref, label: label(), expectingFormula: expectingFormula) else { return .blank }
        switch c.value {
        case .empty:
            return .blank
        case .number(let d, _):
            let decoded = IndicatorNumber.decode(d, format: c.numberFormat)
            switch decoded {
            case .number(let n, let formatKnown, let hidden):
                if let hidden {
                    warn("xlsx.hidden-decimals", sheet, ref,
                         ja: "\(label()): セルの表示は \(hidden.shown) ですが、入力されている値は \(hidden.kept) です。入力どおり \(hidden.kept) として読みました(表示どおりにするには \(hidden.shown) と入力してください)",
                         en: "\(label()): the cell shows \(hidden.shown) but holds \(hidden.kept); read as typed, \(hidden.kept) (type \(hidden.shown) to keep what it shows)")
                }
                if !formatKnown {
                    let why = c.numberFormat.map { (ja: "表示形式「\($0)」は数値の形式ではない", en: "its number format \"\($0)\" is not a number format") }
                        ?? (ja: "セルのスタイル(\(c.styleIndex))がブックにない", en: "its style (\(c.styleIndex)) is not in the workbook")
                    warn("xlsx.number-format-unknown", sheet, ref,
                         ja: "\(label()): \(why.ja)ため、標準の表示「\(n.text)」として読みました(小数点以下の桁数などが元の表示と異なる可能性があります)",
                         en: "\(label()): \(why.en), so it was read as General shows it, \"\(n.text)\" (the printed decimals may differ from the original)")
                }
                return .number(n)
            case .notRepresentable(let shown, let printed):
                let asPrinted = printed.map { (ja: "(セルの表示形式では \($0))", en: " (\($0) as the cell's format prints it)") } ?? (ja: "", en: "")
                fail("xlsx.number-range", sheet, ref,
                     ja: "\(label())の数値 \(shown)\(asPrinted.ja) は扱えません(有効数字 \(PrintedNumber.maximumSignificantDigits) 桁、小数点以下 \(PrintedNumber.maximumFractionDigits) 桁まで)",
                     en: "\(label()): the number \(shown)\(asPrinted.en) is outside what a printed number holds (\(PrintedNumber.maximumSignificantDigits) significant digits, \(PrintedNumber.maximumFractionDigits) decimals)")
                return .blank
            }
        case .string(let s):
            guard let (v, readAs) = IndicatorValue.parsingReportingChanges(s) else {
                fail("xlsx.indicator-value", sheet, ref,
                     ja: "\(label())は数値(有効数字 \(PrintedNumber.maximumSignificantDigits) 桁、小数点以下 \(PrintedNumber.maximumFractionDigits) 桁まで)・「—」・空欄のいずれかで入力してください: \"\(Self.shown(s))\"",
                     en: "\(label()) must be a number (\(PrintedNumber.maximumSignificantDigits) significant digits, \(PrintedNumber.maximumFractionDigits) decimals at most), \"—\" or blank: \"\(Self.shown(s))\"")
                return .blank
            }
            if case .number = v {
                let shown = readAs.map { "「\($0)」" } ?? "数値"
                warn("xlsx.number-as-text", sheet, ref, ja: "数値が文字列として入力されていました(\"\(s)\")。\(shown)として読みました",
                     en: "a number was typed as text (\"\(s)\"); read as \(readAs.map { "\"\($0)\"" } ?? "a number")")
            } else if let readAs {
                warn("xlsx.number-normalized", sheet, ref, ja: "「\(s)」を「\(readAs)」として読みました",
                     en: "\"\(s)\" was read as \"\(readAs)\"")
            }
            return v
        case .bool, .error, .date:
            fail("xlsx.indicator-value", sheet, ref, ja: "\(label())の値が不正です: \(SheetView.text(of: c.value))",
                 en: "\(label()) holds an invalid value: \(SheetView.text(of: c.value))")
            return .blank
        }
    }

    /// The number of an indicator or challenge (`①`, `(21)`, `21`): blank → `fallback` with a
    /// warning; anything else unreadable is an error (never silently renumbered).
    func ordinal(_ sheet: SheetView, _ ref: CellReference, fallback: Int, what: String) -> Int {
        let raw = text(sheet, ref, label: what)
        let s = raw.trimmedSpaces()
        if s.isEmpty {
            warn("xlsx.number-assumed", sheet, ref, ja: "\(what)の番号が空欄のため \(fallback) としました",
                 en: "\(what) has no number; numbered \(fallback)")
            return fallback
        }
        if let n = CircledNumber.parse(s) { return n }
        let folded = PrintedNumber.foldFullWidth(String(s))
        let inner = folded.hasPrefix("(") && folded.hasSuffix(")") ? folded.dropFirst().dropLast() : Substring(folded)
        if let n = FiscalYearText.parseDigits(inner.trimmedSpaces()), EvaluationSheet.ordinalRange.contains(n) { return n }
        fail("xlsx.ordinal", sheet, ref, ja: "\(what)の番号が読めません(例: ①): \"\(Self.shown(raw))\"",
             en: "cannot read the number of the \(what) (e.g. ①): \"\(Self.shown(raw))\"")
        return fallback
    }

    static func isGeneral(_ format: String) -> Bool {
        let f = format.lowercased()
        return f == "general" || f == "@"
    }
}

/// A money amount typed as text: `1,234`, `１２３４`, ` 500 `.
enum AmountText: Equatable {
    case value(Int)
    case tooLarge
    case notWholeOrNegative
    case notANumber

    init(_ raw: String) {
        let s = PrintedNumber.foldFullWidth(String(raw.trimmedSpaces()))
        if let n = PrintedNumber(parsing: s) {
            guard !n.percent, !n.footnote, n.fractionDigits == 0, n.value >= 0,
                  let v = Int(PrintedNumber.format(n.value, fractionDigits: 0, grouped: false)) else {
                self = .notWholeOrNegative
                return
            }
            self = Amount.isValid(v) ? .value(v) : .tooLarge
            return
        }
        // Beyond what a printed number holds: digits (well grouped or not) that are only too many.
        let plain = s.replacingOccurrences(of: ",", with: "")
        if !plain.isEmpty, plain.allSatisfy(\.isASCIIDigitCharacter) {
            self = plain.drop { $0 == "0" }.count > String(Amount.maximum).count ? .tooLarge : .notANumber
            return
        }
        if plain.hasPrefix("-") || plain.hasPrefix("−"), plain.dropFirst().allSatisfy({ $0.isASCIIDigitCharacter || $0 == "." }) {
            self = .notWholeOrNegative
            return
        }
        self = .notANumber
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

/// What a cell shows and what it holds, when it holds more decimals than its format shows.
struct HiddenDecimals: Equatable {
    var shown: String
    var kept: String
}

/// An indicator's numeric cell as printed: as its number format prints it (decimals, percent,
/// grouping, the ※ mark), from the 15 significant digits Excel shows — with every decimal the
/// cell holds when it holds more than the format shows.
enum IndicatorNumber: Equatable {
    /// The printed number; `formatKnown` is false when the format was unknown or not a number
    /// format (then General was used).
    /// `hiddenDecimals`: the cell holds more decimals than its format shows (what it shows, what was kept).
    case number(PrintedNumber, formatKnown: Bool, hiddenDecimals: HiddenDecimals? = nil)
    /// No printed form holds it; `shown` is the value as a message names it (`CellDecimal.readableText`),
    /// `printed` how the cell's format prints it when that is what goes past the bound (15 digits
    /// typed in a `0.0` cell print as 16).
    case notRepresentable(shown: String, printed: String? = nil)

    static func decode(_ value: Double, format: String?) -> IndicatorNumber {
        guard let decimal = CellDecimal(value) else { return .notRepresentable(shown: String(value)) }
        // The value as a message names it, printed only when no printed form holds it.
        var shown: String { decimal.readableText }
        let shape = format.flatMap(printedShape)
        let formatKnown = shape != nil || format.map(ImportContext.isGeneral) == true
        var printed = decimal
        var fractionDigits = decimal.fractionDigitCount
        var hidden: HiddenDecimals?
        if let shape {
            if shape.percent { printed = printed.scaled(by: 2) }
            fractionDigits = shape.fractionDigits
            guard fractionDigits <= PrintedNumber.maximumFractionDigits else { return .notRepresentable(shown: shown) }
            if printed.fractionDigitCount > fractionDigits {
                // More decimals typed than the cell shows (30.25 in a 0.0 cell shows 30.3): the value
                // typed is kept whole, never rounded to what the cell happens to show.
                let rounded = printed.rounded(fractionDigits: fractionDigits)
                fractionDigits = printed.fractionDigitCount
                let unit = shape.percent ? "%" : ""
                hidden = HiddenDecimals(shown: rounded.plainText(fractionDigits: shape.fractionDigits) + unit,
                                        kept: printed.plainText(fractionDigits: fractionDigits) + unit)
            }
        }
        guard fractionDigits <= PrintedNumber.maximumFractionDigits,
              printed.integerDigitCount <= PrintedNumber.maximumSignificantDigits else {
            return .notRepresentable(shown: shown)
        }
        let text = printed.plainText(fractionDigits: fractionDigits)
        guard var n = PrintedNumber(parsing: text) else {
            let unit = shape?.percent == true ? "%" : ""
            return .notRepresentable(shown: shown, printed: text + unit == shown ? nil : text + unit)
        }
        if let shape {
            n.grouped = shape.grouped && abs(n.value) >= 1000
            n.percent = shape.percent
            n.footnote = shape.footnote
        }
        return .number(n, formatKnown: formatKnown, hiddenDecimals: hidden)
    }

    /// The printed shape of a number format (nil for a scientific one, which the printed forms never
    /// use, and for General), worked out once per format code: a workbook has a handful.
    static func printedShape(_ format: String) -> NumberFormatCodec.Shape? {
        printedShapes.value(format) { isScientific(format) ? nil : NumberFormatCodec.shape(of: format) }
    }

    private static let printedShapes = Memo<NumberFormatCodec.Shape?>(limit: 1024)

    /// Whether the format's first section is scientific (`0.0E+00`), which the printed forms never use.
    static func isScientific(_ format: String) -> Bool {
        var inQuote = false
        var previous: Character = " "
        for c in format.split(separator: ";", omittingEmptySubsequences: false).first ?? "" {
            if c == "\"" { inQuote.toggle() }
            if !inQuote && (c == "+" || c == "-") && (previous == "E" || previous == "e") { return true }
            previous = c
        }
        return false
    }
}
