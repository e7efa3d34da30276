import Foundation
import EvalSheetModel
import XLSX
import XLSXReader

/// Reading typed values from cells, with the tolerance the issue asks for: numbers typed as text
/// (`1,234`, `１２３４`) are accepted with a warning naming the cell; text where a number must be is
/// an error naming the cell; a formula whose result was not saved is never read as 0.
extension ImportContext {
    /// Locates a scalar field: through its defined name when the label beside it still matches,
    /// else by finding its label on the sheet (rows inserted above it, or an old defined name).
    func resolve(_ field: ScalarField, on sheet: SheetView) throws(WorkbookImportError) -> CellReference {
        let offset = field.labelOffset
        func labelMatches(_ cell: CellReference) -> Bool {
            let label = cell.offset(rows: offset.rows, columns: offset.columns)
            return label.row >= 0 && label.column >= 0 && sheet.isLabel(label, field.label)
        }
        if let named = definedCell(field.definedName, on: sheet)?.first, labelMatches(named) { return named }
        if labelMatches(field.cell) { return field.cell }
        guard let label = sheet.find(field.label) else {
            throw error(sheet, nil, ja: "項目「\(field.label)」が見つかりません", en: "cannot find the field \"\(field.label)\"")
        }
        return label.offset(rows: -offset.rows, columns: -offset.columns)
    }

    /// A scalar field's text, with its location recorded.
    func scalar(_ field: ScalarField, on sheet: SheetView) throws(WorkbookImportError) -> String {
        let cell = try resolve(field, on: sheet)
        locate(field.path, sheet, cell)
        return field.kind == .code ? code(sheet, cell) : sheet.text(cell)
    }

    /// A code (施策コード, project No., 内線): text; a number is turned back into text
    /// (project codes padded to 10 digits) with a warning.
    func code(_ sheet: SheetView, _ cell: CellReference, digits: Int? = nil) -> String {
        guard case .number(let d, _) = sheet.worksheet.value(at: cell) else { return sheet.text(cell).trimmedSpaces().description }
        var text = NumberFormatCodec.shortest(d)
        if let digits, text.count < digits, text.allSatisfy(\.isNumber) {
            text = String(repeating: "0", count: digits - text.count) + text
        }
        warn("xlsx.code-as-number", sheet, cell,
             ja: "コードが数値として入力されていたため文字列「\(text)」として読みました",
             en: "a code was entered as a number; read as the text \"\(text)\"")
        return text
    }

    /// A money cell (千円): blank → nil; a whole number ≥ 0; a number typed as text is accepted with a warning.
    func amount(_ sheet: SheetView, _ cell: CellReference, label: String) throws(WorkbookImportError) -> Int? {
        let c = sheet.worksheet[cell]
        if c?.cachedValueMissing == true {
            throw error(sheet, cell, ja: "\(label)の計算結果が保存されていません(Excel で開いて保存し直してください)",
                        en: "\(label): the formula's result was not saved (open and save the workbook in Excel)")
        }
        switch c?.value ?? .empty {
        case .empty:
            return nil
        case .number(let d, _):
            guard d >= 0, d == d.rounded(), d < 1e12 else {
                throw error(sheet, cell, ja: "\(label)は 0 以上の整数(千円)で入力してください: \(NumberFormatCodec.shortest(d))",
                            en: "\(label) must be a whole number ≥ 0 (thousand yen): \(NumberFormatCodec.shortest(d))")
            }
            return Int(d)
        case .string(let s) where s.trimmedSpaces().isEmpty:
            return nil
        case .string(let s):
            guard let n = PrintedNumber(parsing: s), !n.percent, !n.footnote, n.fractionDigits == 0, n.value >= 0 else {
                throw error(sheet, cell, ja: "\(label)に数値でない文字が入力されています: \"\(s)\"",
                            en: "\(label) holds text where a number must be: \"\(s)\"")
            }
            warn("xlsx.number-as-text", sheet, cell, ja: "数値が文字列として入力されていました(\"\(s)\")。数値として読みました",
                 en: "a number was typed as text (\"\(s)\"); read as a number")
            return NSDecimalNumber(decimal: n.value).intValue
        default:
            throw error(sheet, cell, ja: "\(label)の値が不正です", en: "\(label) holds an invalid value")
        }
    }

    /// An indicator value cell: blank, `—`, or a number printed by its number format.
    func indicatorValue(_ sheet: SheetView, _ cell: CellReference, label: String) throws(WorkbookImportError) -> IndicatorValue {
        let c = sheet.worksheet[cell]
        if c?.cachedValueMissing == true {
            throw error(sheet, cell, ja: "\(label)の計算結果が保存されていません", en: "\(label): the formula's result was not saved")
        }
        switch c?.value ?? .empty {
        case .empty:
            return .blank
        case .number(let d, _):
            guard let n = NumberFormatCodec.decode(value: d, format: c?.numberFormat) else {
                throw error(sheet, cell, ja: "\(label)の数値が不正です", en: "\(label) is not a valid number")
            }
            return .number(n)
        case .string(let s):
            guard let v = IndicatorValue(parsing: s) else {
                throw error(sheet, cell, ja: "\(label)は数値・「—」・空欄のいずれかで入力してください: \"\(s)\"",
                            en: "\(label) must be a number, \"—\" or blank: \"\(s)\"")
            }
            if case .number = v {
                warn("xlsx.number-as-text", sheet, cell, ja: "数値が文字列として入力されていました(\"\(s)\")。数値として読みました",
                     en: "a number was typed as text (\"\(s)\"); read as a number")
            }
            return v
        default:
            throw error(sheet, cell, ja: "\(label)の値が不正です", en: "\(label) holds an invalid value")
        }
    }
}
