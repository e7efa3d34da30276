import EvalSheetModel
import XLSX
import XLSXWriter

/// §4 まちづくり指標: the year header from the model, then three rows per indicator —
///
/// ```
///   A  B        C              D          E            F       G…  (one column per year)
///   ①  名称     <name, merged C:E>                     目標値  33.0 …
///      説明     <description>  単位       %            実績値  32.2(※) …
///      抽出方法 <method>       評価の向き 高いほど良い 達成率  94.8% …
/// ```
/// Numbers are numeric cells whose number format prints them as the sheet did (`0.0`, `0.000`,
/// `#,##0`, `0.0%`, `0.0"(※)"`); `—` is text; blank is blank. The ※ footnote follows the end marker.
enum IndicatorsSheet {
    static let headerRow = 2
    static let firstYearColumn = 6
    static let rowLabelColumn = 5

    static func write(_ s: EvaluationSheet, on canvas: SheetCanvas, template t: WorkbookTemplate) throws {
        let styles = canvas.styles, l = t.labels, ind = s.indicators
        let lastColumn = firstYearColumn + ind.years.count - 1
        try canvas.text(l.indicatorHeader, at: .at(headerRow, 0), span: 5, style: styles.header)
        try canvas.blank(at: .at(headerRow, rowLabelColumn), style: styles.header)
        for (k, year) in ind.years.enumerated() {
            try canvas.text(FiscalYearText.japanese(year), at: .at(headerRow, firstYearColumn + k), style: styles.header)
        }
        var row = headerRow + 1
        for item in ind.items {
            try canvas.text(CircledNumber.text(item.number), at: .at(row, 0), style: styles.inputCenter)
            try canvas.text(l.indicatorName, at: .at(row, 1), style: styles.label)
            try canvas.text(item.name, at: .at(row, 2), span: 3, style: styles.inputText)
            try canvas.text(l.target, at: .at(row, rowLabelColumn), style: styles.label)
            let blankFormat = Self.blankFormat(item)
            try values(item.targets, row: row, blankFormat: blankFormat, on: canvas)

            try canvas.blank(at: .at(row + 1, 0), style: styles.label)
            try canvas.text(l.indicatorDescription, at: .at(row + 1, 1), style: styles.label)
            try canvas.text(item.description ?? "", at: .at(row + 1, 2), style: styles.inputText)
            try canvas.text(l.indicatorUnit, at: .at(row + 1, 3), style: styles.label)
            try canvas.text(item.unit, at: .at(row + 1, 4), style: styles.inputCenter)
            try canvas.text(l.actual, at: .at(row + 1, rowLabelColumn), style: styles.label)
            try values(item.actuals, row: row + 1, blankFormat: blankFormat, on: canvas)

            try canvas.blank(at: .at(row + 2, 0), style: styles.label)
            try canvas.text(l.indicatorMethod, at: .at(row + 2, 1), style: styles.label)
            try canvas.text(item.method ?? "", at: .at(row + 2, 2), style: styles.inputText)
            try canvas.text(l.indicatorDirection, at: .at(row + 2, 3), style: styles.label)
            try canvas.text(item.direction.label, at: .at(row + 2, 4), style: styles.inputCenter)
            try canvas.text(l.rate, at: .at(row + 2, rowLabelColumn), style: styles.label)
            try values(item.rates, row: row + 2, blankFormat: "0.0%", on: canvas)

            try canvas.writer.addDataValidation(XLSXDataValidation(
                .list(IndicatorDirection.allCases.map(\.label)), inputTitle: l.indicatorDirection,
                inputMessage: t.inputHelp["indicatorDirection"]), range: CellRange(.at(row + 2, 4)))
            try canvas.writer.addDataValidation(XLSXDataValidation(
                .any, inputTitle: "\(l.target)・\(l.actual)・\(l.rate)", inputMessage: t.inputHelp["indicatorValue"]),
                range: CellRange(first: .at(row, firstYearColumn), last: .at(row + 2, lastColumn)))
            row += 3
        }
        try canvas.text(t.endMarker, at: .at(row, 0), span: lastColumn + 1, style: styles.endMarker)
        canvas.define(TableName.indicators, CellRange(first: .at(headerRow, 0), last: .at(row, lastColumn)))
        let footnote = CellReference.at(row + 1, 0)
        try canvas.text(ind.footnote ?? "", at: footnote, span: lastColumn + 1, style: styles.inputText)
        canvas.define(TableName.indicatorFootnote, CellRange(footnote))
    }

    /// The format blank value cells get, so a number typed there later prints like the indicator's
    /// other values (the last target's scale and grouping, without a footnote mark).
    static func blankFormat(_ item: Indicator) -> String {
        guard var n = (item.targets + item.actuals).last(where: { $0.number != nil })?.number else { return "General" }
        n.footnote = false
        n.percent = false
        return NumberFormatCodec.encode(n).format
    }

    private static func values(_ values: [IndicatorValue], row: Int, blankFormat: String, on canvas: SheetCanvas) throws {
        for (k, v) in values.enumerated() {
            let cell = CellReference.at(row, firstYearColumn + k)
            switch v {
            case .blank:
                try canvas.blank(at: cell, style: canvas.styles.indicatorValue(format: blankFormat))
            case .notApplicable:
                try canvas.text(IndicatorValue.dash, at: cell, style: canvas.styles.indicatorValue(format: nil))
            case .number(let n):
                let (value, format) = NumberFormatCodec.encode(n)
                try canvas.number(value, at: cell, style: canvas.styles.indicatorValue(format: format))
            }
        }
    }
}
