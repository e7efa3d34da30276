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
            try canvas.text(FiscalYearText.japanese(year), at: .at(headerRow, firstYearColumn + k), style: styles.header,
                            field: .indicatorYear(k))
        }
        var row = headerRow + 1
        for (i, item) in ind.items.enumerated() {
            try canvas.text(CircledNumber.text(item.number), at: .at(row, 0), style: styles.inputCenter, field: .indicator(i, .number))
            try canvas.text(l.indicatorName, at: .at(row, 1), style: styles.label)
            try canvas.text(item.name, at: .at(row, 2), span: 3, style: styles.inputText, field: .indicator(i, .name))
            try canvas.text(l.target, at: .at(row, rowLabelColumn), style: styles.label)
            let blankFormat = Self.blankFormat(item)
            try values(item.targets, row: row, blankFormat: blankFormat, on: canvas) { .indicator(i, .target($0)) }

            try canvas.blank(at: .at(row + 1, 0), style: styles.label)
            try canvas.text(l.indicatorDescription, at: .at(row + 1, 1), style: styles.label)
            try canvas.text(item.description ?? "", at: .at(row + 1, 2), style: styles.inputText, field: .indicator(i, .description))
            try canvas.text(l.indicatorUnit, at: .at(row + 1, 3), style: styles.label)
            try canvas.text(item.unit, at: .at(row + 1, 4), style: styles.inputCenter, field: .indicator(i, .unit))
            try canvas.text(l.actual, at: .at(row + 1, rowLabelColumn), style: styles.label)
            try values(item.actuals, row: row + 1, blankFormat: blankFormat, on: canvas) { .indicator(i, .actual($0)) }

            try canvas.blank(at: .at(row + 2, 0), style: styles.label)
            try canvas.text(l.indicatorMethod, at: .at(row + 2, 1), style: styles.label)
            try canvas.text(item.method ?? "", at: .at(row + 2, 2), style: styles.inputText, field: .indicator(i, .method))
            try canvas.text(l.indicatorDirection, at: .at(row + 2, 3), style: styles.label)
            try canvas.text(item.direction.label, at: .at(row + 2, 4), style: styles.inputCenter, field: .indicator(i, .direction))
            try canvas.text(l.rate, at: .at(row + 2, rowLabelColumn), style: styles.label)
            try values(item.rates, row: row + 2, blankFormat: "0.0%", on: canvas) { .indicator(i, .rate($0)) }

            try canvas.validation(XLSXDataValidation(
                .list(IndicatorDirection.allCases.map(\.label)), inputTitle: l.indicatorDirection,
                inputMessage: t.inputHelp["indicatorDirection"]), CellRange(.at(row + 2, 4)))
            try canvas.validation(XLSXDataValidation(
                .any, inputTitle: "\(l.target)・\(l.actual)・\(l.rate)", inputMessage: t.inputHelp["indicatorValue"]),
                CellRange(first: .at(row, firstYearColumn), last: .at(row + 2, lastColumn)))
            row += 3
        }
        try canvas.text(t.endMarker, at: .at(row, 0), span: lastColumn + 1, style: styles.endMarker)
        canvas.define(TableName.indicators, CellRange(first: .at(headerRow, 0), last: .at(row, lastColumn)))
        let footnote = CellReference.at(row + 1, 0)
        try canvas.text(ind.footnote ?? "", at: footnote, span: lastColumn + 1,
                        style: styles.inputText.with { $0.border = .none; $0.fillColor = nil }, field: .indicatorFootnote)
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

    private static func values(_ values: [IndicatorValue], row: Int, blankFormat: String, on canvas: SheetCanvas,
                               field: (Int) -> FieldPath) throws {
        for (k, v) in values.enumerated() {
            let cell = CellReference.at(row, firstYearColumn + k)
            switch v {
            case .blank:
                try canvas.blank(at: cell, style: canvas.styles.indicatorValue(format: blankFormat), field: field(k))
            case .notApplicable:
                try canvas.text(IndicatorValue.dash, at: cell, style: canvas.styles.indicatorValue(format: nil), field: field(k))
            case .number(let n):
                let (value, format) = NumberFormatCodec.encode(n)
                try canvas.number(value, at: cell, style: canvas.styles.indicatorValue(format: format), field: field(k))
            }
        }
    }
}

extension IndicatorsSheet {
    /// Reads the year header, then groups of rows labelled 名称 / 説明 / 抽出方法 down to the end
    /// marker, then the footnote. A 説明 or 抽出方法 row that would replace a value already read for
    /// the same indicator is an error, never an overwrite.
    static func read(_ sheet: SheetView, _ ctx: ImportContext) -> IndicatorTable {
        let l = ctx.template.labels
        guard let headerCell = sheet.find(l.indicatorHeader) else {
            ctx.fail("xlsx.missing-label", sheet, nil, ja: "「\(l.indicatorHeader)」の見出しが見つかりません",
                     en: "cannot find the \(l.indicatorHeader) header")
            return IndicatorTable(years: [], items: [], footnote: nil)
        }
        ctx.take(sheet, headerCell)
        var yearColumns: [Int] = []
        var years: [Int] = []
        for cell in sheet.filled(row: headerCell.row, fromColumn: headerCell.column + 1) {
            guard let y = FiscalYearText.parse(sheet.text(cell)) else { continue }
            ctx.locate(.indicatorYear(years.count), sheet, cell)
            yearColumns.append(cell.column)
            years.append(y)
        }
        if years.isEmpty {
            ctx.fail("xlsx.missing-label", sheet, headerCell, ja: "指標の年度見出し(例: 令和元年度)がありません",
                     en: "no year headers (e.g. 令和元年度)")
        }
        var items: [Indicator] = []
        var seen: [(description: Bool, method: Bool)] = []
        var endRow = sheet.lastRow + 1
        var row = headerCell.row + 1
        while row <= sheet.lastRow {
            if let marker = sheet.endMarker(row: row, marker: ctx.template.endMarker) {
                ctx.take(sheet, marker)
                endRow = row
                break
            }
            defer { row += 1 }
            let filled = sheet.filled(row: row)
            // The row's kind is its leftmost 名称/説明/抽出方法 label; every other label of the row is
            // looked for to the right of the value before it (a value that reads like a label is a value).
            guard let labelCell = filled.first(where: { c in [l.indicatorName, l.indicatorDescription, l.indicatorMethod].contains { sheet.isLabel(c, $0) } })
            else { continue }
            let valueCell = labelCell.offset(columns: 1)
            func label(_ label: String, after column: Int) -> CellReference? {
                filled.first { $0.column > column && sheet.isLabel($0, label) }
            }
            func values(_ rowLabel: String, after column: Int, _ path: (Int) -> FieldPath.IndicatorField) -> [IndicatorValue] {
                if let cell = label(rowLabel, after: column) { ctx.take(sheet, cell) }
                var out: [IndicatorValue] = []
                for (k, c) in yearColumns.enumerated() {
                    let cell = CellReference.at(row, c)
                    ctx.locate(.indicator(items.count - 1, path(k)), sheet, cell)
                    out.append(ctx.indicatorValue(sheet, cell, label: "\(rowLabel)(\(FiscalYearText.japanese(years[k])))"))
                }
                return out
            }
            func duplicate(_ label: String) {
                let number = CircledNumber.text(items[items.count - 1].number)
                ctx.fail("xlsx.duplicate-row", sheet, labelCell,
                         ja: "指標\(number)の「\(label)」の行が2つあります(値が置き換わらないよう読み込みを中止しました)",
                         en: "indicator \(number) has a second \"\(label)\" row (refused rather than replacing a value)")
            }
            if sheet.isLabel(labelCell, l.indicatorName) {
                ctx.take(sheet, labelCell)
                let numberCell = CellReference.at(row, 0)
                ctx.locate(.indicator(items.count, .number), sheet, numberCell)
                let number = ctx.ordinal(sheet, numberCell, fallback: items.count + 1, what: "指標")
                ctx.locate(.indicator(items.count, .name), sheet, valueCell)
                items.append(Indicator(number: number, name: ctx.text(sheet, valueCell, label: l.indicatorName), description: nil,
                                       unit: "", method: nil, targets: [], actuals: [], rates: []))
                seen.append((false, false))
                items[items.count - 1].targets = values(l.target, after: valueCell.column) { .target($0) }
            } else if items.isEmpty {
                continue  // a 説明 or 抽出方法 row before any 名称: its cells are reported as unread
            } else if sheet.isLabel(labelCell, l.indicatorDescription) {
                let i = items.count - 1
                if seen[i].description {
                    duplicate(l.indicatorDescription)
                    continue
                }
                seen[i].description = true
                ctx.take(sheet, labelCell)
                let d = ctx.text(sheet, valueCell, label: l.indicatorDescription)
                items[i].description = d.trimmedSpaces().isEmpty ? nil : d
                ctx.locate(.indicator(i, .description), sheet, valueCell)
                var last = valueCell.column
                if let unitLabel = label(l.indicatorUnit, after: last) {
                    ctx.take(sheet, unitLabel)
                    let unitCell = unitLabel.offset(columns: 1)
                    items[i].unit = ctx.text(sheet, unitCell, label: l.indicatorUnit)
                    ctx.locate(.indicator(i, .unit), sheet, unitCell)
                    last = unitCell.column
                }
                items[i].actuals = values(l.actual, after: last) { .actual($0) }
            } else {
                let i = items.count - 1
                if seen[i].method {
                    duplicate(l.indicatorMethod)
                    continue
                }
                seen[i].method = true
                ctx.take(sheet, labelCell)
                let m = ctx.text(sheet, valueCell, label: l.indicatorMethod)
                items[i].method = m.trimmedSpaces().isEmpty ? nil : m
                ctx.locate(.indicator(i, .method), sheet, valueCell)
                var last = valueCell.column
                if let directionLabel = label(l.indicatorDirection, after: last) {
                    ctx.take(sheet, directionLabel)
                    let dirCell = directionLabel.offset(columns: 1)
                    ctx.locate(.indicator(i, .direction), sheet, dirCell)
                    let text = ctx.text(sheet, dirCell, label: l.indicatorDirection)
                    if let d = IndicatorDirection(label: text) {
                        items[i].direction = d
                    } else {
                        ctx.fail("xlsx.indicator-direction", sheet, dirCell,
                                 ja: "評価の向きは「高いほど良い」か「低いほど良い」です: \"\(ImportContext.shown(text))\"",
                                 en: "the direction must be 高いほど良い or 低いほど良い: \"\(ImportContext.shown(text))\"")
                    }
                    last = dirCell.column
                } else {
                    ctx.warn("xlsx.missing-label", sheet, labelCell,
                             ja: "指標\(CircledNumber.text(items[i].number))の行に「\(l.indicatorDirection)」がないため「\(items[i].direction.label)」としました",
                             en: "indicator \(CircledNumber.text(items[i].number)) has no \"\(l.indicatorDirection)\"; \"\(items[i].direction.label)\" assumed")
                }
                items[i].rates = values(l.rate, after: last) { .rate($0) }
            }
        }
        let blank = Array(repeating: IndicatorValue.blank, count: years.count)
        for i in items.indices {
            if items[i].actuals.isEmpty { items[i].actuals = blank }
            if items[i].rates.isEmpty { items[i].rates = blank }
        }
        // The footnote: its defined cell, else the first cell of the row after the end marker.
        let footCell = ctx.definedCell(TableName.indicatorFootnote, on: sheet)?.first ?? .at(endRow + 1, 0)
        let foot = ctx.text(sheet, footCell, label: "※")
        if !foot.trimmedSpaces().isEmpty { ctx.locate(.indicatorFootnote, sheet, footCell) }
        return IndicatorTable(years: years, items: items, footnote: foot.trimmedSpaces().isEmpty ? nil : foot)
    }
}
