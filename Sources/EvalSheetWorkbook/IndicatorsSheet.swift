import EvalSheetModel
import XLSX
import XLSXWriter
import XLSXReader

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
    static let firstYearColumn = IndicatorRow.firstYearColumn
    static let rowLabelColumn = IndicatorRow.valuesLabelColumn

    static func write(_ s: EvaluationSheet, on canvas: SheetCanvas, template t: WorkbookTemplate) throws {
        let styles = canvas.styles, l = t.labels, ind = s.indicators
        let lastColumn = firstYearColumn + ind.years.count - 1
        try canvas.text(l.indicatorHeader, at: .at(headerRow, 0), span: rowLabelColumn, style: styles.header)
        try canvas.blank(at: .at(headerRow, rowLabelColumn), style: styles.header)
        for (k, year) in ind.years.enumerated() {
            try canvas.text(FiscalYearText.japanese(year), at: .at(headerRow, firstYearColumn + k), style: styles.header,
                            field: .indicatorYear(k))
        }
        var row = headerRow + 1
        for (i, item) in ind.items.enumerated() {
            try writeIndicator(item, index: i, at: row, lastColumn: lastColumn, on: canvas, template: t)
            row += IndicatorRow.allCases.count
        }
        try canvas.text(t.endMarker, at: .at(row, 0), span: lastColumn + 1, style: styles.endMarker)
        canvas.define(TableName.indicators, CellRange(first: .at(headerRow, 0), last: .at(row, lastColumn)))
        let footnote = CellReference.at(row + 1, 0)
        try canvas.text(ind.footnote ?? "", at: footnote, span: lastColumn + 1,
                        style: styles.inputText.with { $0.border = .none; $0.fillColor = nil }, field: .indicatorFootnote)
        canvas.define(TableName.indicatorFootnote, CellRange(footnote))
    }

    /// One indicator's three rows, walking `IndicatorRow`: number (first row), row label and value,
    /// side label and value, the values' label and the values.
    private static func writeIndicator(_ item: Indicator, index i: Int, at top: Int, lastColumn: Int, on canvas: SheetCanvas,
                                       template t: WorkbookTemplate) throws {
        let styles = canvas.styles, l = t.labels
        typealias R = IndicatorRow
        let blankFormat = Self.blankFormat(item)
        for part in R.allCases {
            let row = top + part.offset
            if part == .name {
                try canvas.text(CircledNumber.text(item.number), at: .at(row, R.numberColumn), style: styles.inputCenter,
                                field: .indicator(i, .number))
            } else {
                try canvas.blank(at: .at(row, R.numberColumn), style: styles.label)
            }
            try canvas.text(l[keyPath: part.label], at: .at(row, R.labelColumn), style: styles.label)
            try canvas.text(part.text(item), at: .at(row, R.valueColumn), span: part.valueSpan, style: styles.inputText,
                            field: .indicator(i, part.field))
            if let side = part.side {
                try canvas.text(l[keyPath: side.label], at: .at(row, R.sideLabelColumn), style: styles.label)
                try canvas.text(part.sideText(item, l), at: .at(row, R.sideValueColumn), style: styles.inputCenter,
                                field: .indicator(i, side.field))
            }
            try canvas.text(l[keyPath: part.valuesLabel], at: .at(row, R.valuesLabelColumn), style: styles.label)
            if part == .method {
                try rates(item, index: i, top: top, on: canvas, labels: l)
            } else {
                try values(item[keyPath: part.values], row: row, blankFormat: blankFormat, on: canvas) { .indicator(i, part.valueField($0)) }
            }
        }
        try canvas.validation(XLSXDataValidation(
            .list(IndicatorDirection.allCases.map(l.direction)), inputTitle: l.indicatorDirection,
            inputMessage: t.inputHelp["indicatorDirection"]), CellRange(.at(top + R.method.offset, R.sideValueColumn)))
        try canvas.validation(XLSXDataValidation(
            .any, inputTitle: "\(l.target)・\(l.actual)・\(l.rate)", inputMessage: t.inputHelp["indicatorValue"]),
            CellRange(first: .at(top, firstYearColumn), last: .at(top + R.allCases.count - 1, lastColumn)))
    }

    /// The format blank value cells get, so a number typed there later prints like the indicator's
    /// other values (the last target's scale and grouping, without a footnote mark).
    static func blankFormat(_ item: Indicator) -> String {
        guard var n = (item.targets + item.actuals).last(where: { $0.number != nil })?.number else { return "General" }
        n.footnote = false
        n.percent = false
        return NumberFormatCodec.encode(n).format
    }

    /// The rate row: a live formula with its value cached where the printed rate is the computed one
    /// (or blank beside a blank actual); any other rate as printed (`LiveRate.isLive`).
    private static func rates(_ item: Indicator, index i: Int, top: Int, on canvas: SheetCanvas, labels l: FormTemplate.Labels) throws {
        typealias R = IndicatorRow
        let row = top + R.method.offset
        for (k, rate) in item.rates.enumerated() {
            let target = k < item.targets.count ? item.targets[k] : .blank, actual = k < item.actuals.count ? item.actuals[k] : .blank
            guard LiveRate.isLive(rate: rate, target: target, actual: actual, direction: item.direction) else {
                try values([rate], row: row, offset: k, blankFormat: "0.0%", on: canvas) { _ in .indicator(i, .rate(k)) }
                continue
            }
            let column = firstYearColumn + k
            let percent = rate.number?.percent ?? true
            let formula = LiveRate.formula(target: .at(top + R.name.offset, column), actual: .at(top + R.description.offset, column),
                                           directionRow: row, directionColumn: R.sideValueColumn, percent: percent,
                                           lowerIsBetter: l.lowerIsBetter)
            let cell = CellReference.at(row, column)
            if let n = rate.number {
                let (value, format) = NumberFormatCodec.encode(n)
                try canvas.formula(formula, cached: value, at: cell, style: canvas.styles.indicatorValue(format: format), field: .indicator(i, .rate(k)))
            } else {
                try canvas.formula(formula, cachedText: "", at: cell, style: canvas.styles.indicatorValue(format: "0.0%"), field: .indicator(i, .rate(k)))
            }
        }
    }

    private static func values(_ values: [IndicatorValue], row: Int, offset: Int = 0, blankFormat: String, on canvas: SheetCanvas,
                               field: (Int) -> FieldPath) throws {
        for (k, v) in values.enumerated() {
            let cell = CellReference.at(row, firstYearColumn + offset + k)
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
    /// The year columns found in the header row, and the years they name.
    struct Years {
        var columns: [Int] = []
        var years: [Int] = []
    }

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
        let years = readYears(sheet, after: headerCell, ctx)
        var items: [Indicator] = []
        var seen: [Set<IndicatorRow>] = []
        var endRow = sheet.lastRow + 1
        var row = headerCell.row + 1
        let rowKeys = IndicatorRow.allCases.map { ($0, LabelKey.ofLabel(l[keyPath: $0.label])) }
        let markerKey = LabelKey.ofLabel(ctx.template.endMarker)
        while row <= sheet.lastRow {
            if let marker = sheet.endMarker(row: row, markerKey: markerKey) {
                ctx.take(sheet, marker)
                endRow = row
                break
            }
            readRow(row, sheet, years, ctx, l, rowKeys, items: &items, seen: &seen)
            row += 1
        }
        let blank = Array(repeating: IndicatorValue.blank, count: years.years.count)
        for i in items.indices {
            if items[i].actuals.isEmpty { items[i].actuals = blank }
            if items[i].rates.isEmpty { items[i].rates = blank }
        }
        // The footnote: its defined cell, else the first cell of the row after the end marker.
        let footCell = ctx.definedCell(TableName.indicatorFootnote, on: sheet)?.first ?? .at(endRow + 1, 0)
        let foot = ctx.text(sheet, footCell, label: "※")
        if !foot.trimmedSpaces().isEmpty { ctx.locate(.indicatorFootnote, sheet, footCell) }
        return IndicatorTable(years: years.years, items: items, footnote: foot.trimmedSpaces().isEmpty ? nil : foot)
    }

    private static func readYears(_ sheet: SheetView, after headerCell: CellReference, _ ctx: ImportContext) -> Years {
        var found = Years()
        // Where the layout puts the years, as the header label is placed (columns inserted before it
        // move both). A heading there, before the last year, that names no year, or a blank one
        // between two years, is an error at the heading: the column's targets and actuals would be
        // dropped as unread cells. A note right of the last year stays an unread cell (a warning).
        let yearsFrom = headerCell.column + firstYearColumn
        var notYears: [(cell: CellReference, text: String)] = []
        for cell in sheet.filled(row: headerCell.row, fromColumn: headerCell.column + 1) {
            let text = sheet.text(cell)
            guard let y = TextMemos.fiscalYear(text) else {
                if cell.column >= yearsFrom { notYears.append((cell, text)) }
                continue
            }
            ctx.locate(.indicatorYear(found.years.count), sheet, cell)
            found.columns.append(cell.column)
            found.years.append(y)
        }
        for (cell, text) in notYears where cell.column < (found.columns.last ?? yearsFrom) {
            ctx.fail("xlsx.unknown-column", sheet, cell,
                     ja: "指標の年度見出し「\(ImportContext.shown(text))」は年度として読めません(例: 令和2年度)",
                     en: "the indicator year heading \"\(ImportContext.shown(text))\" names no fiscal year (e.g. 令和2年度)")
        }
        if let first = found.columns.first, let last = found.columns.last, last - first + 1 > found.columns.count {
            let present = Set(found.columns)
            for c in first...last where !present.contains(c) && sheet.isBlank(.at(headerCell.row, c)) {
                ctx.fail("xlsx.unknown-column", sheet, .at(headerCell.row, c),
                         ja: "指標の年度見出しが空欄です(年度の列の間)。年度(例: 令和2年度)を入れてください",
                         en: "an indicator year heading between two years is blank; give it its year (e.g. 令和2年度)")
            }
        }
        if found.years.isEmpty {
            ctx.fail("xlsx.missing-label", sheet, headerCell, ja: "指標の年度見出し(例: 令和元年度)がありません",
                     en: "no year headers (e.g. 令和元年度)")
        }
        return found
    }

    /// One row: its kind is its leftmost 名称/説明/抽出方法 label (`IndicatorRow`); its value sits where
    /// the layout puts it relative to that label, and every other label of the row (単位, 評価の向き,
    /// 目標値 …) is looked for to the right of the value before it (a value that reads like a label
    /// is a value). A 名称 row starts an indicator; the others add to the last one.
    /// `rowKeys`: each kind of row with its label's key, in case order.
    private static func readRow(_ row: Int, _ sheet: SheetView, _ years: Years, _ ctx: ImportContext,
                                _ l: FormTemplate.Labels, _ rowKeys: [(IndicatorRow, String)],
                                items: inout [Indicator], seen: inout [Set<IndicatorRow>]) {
        typealias R = IndicatorRow
        let filled = sheet.filled(row: row)
        var kind: (part: R, cell: CellReference)?
        for cell in filled {
            if let part = rowKeys.first(where: { sheet.isLabel(cell, key: $0.1) })?.0 { kind = (part, cell); break }
        }
        guard let (part, labelCell) = kind else { return }
        func label(_ label: String, after column: Int) -> CellReference? {
            filled.first { $0.column > column && sheet.isLabel($0, label) }
        }
        let valueCell = labelCell.offset(columns: R.valueColumn - R.labelColumn)
        if part == .name {
            ctx.take(sheet, labelCell)
            let numberCell = CellReference.at(row, R.numberColumn)
            ctx.locate(.indicator(items.count, .number), sheet, numberCell)
            let number = ctx.ordinal(sheet, numberCell, fallback: items.count + 1, what: "指標")
            items.append(Indicator(number: number, name: "", description: nil, unit: "", method: nil, targets: [], actuals: [], rates: []))
            seen.append([.name])
        } else {
            guard let last = items.indices.last else { return }  // before any 名称: its cells are reported as unread
            guard seen[last].insert(part).inserted else {
                let number = CircledNumber.text(items[last].number), shown = ctx.label(part.label)
                ctx.fail("xlsx.duplicate-row", sheet, labelCell,
                         ja: "指標\(number)の「\(shown)」の行が2つあります(値が置き換わらないよう読み込みを中止しました)",
                         en: "indicator \(number) has a second \"\(shown)\" row (refused rather than replacing a value)")
                return
            }
            ctx.take(sheet, labelCell)
        }
        let i = items.count - 1
        let text = ctx.text(sheet, valueCell, label: ctx.label(part.label))
        part.store(text, in: &items[i])
        ctx.locate(.indicator(i, part.field), sheet, valueCell)
        var lastColumn = valueCell.column
        if let side = part.side {
            if let sideLabel = label(ctx.label(side.label), after: lastColumn) {
                ctx.take(sheet, sideLabel)
                let sideCell = sideLabel.offset(columns: R.sideValueColumn - R.sideLabelColumn)
                readSide(side.field, sideCell, index: i, sheet, ctx, into: &items[i])
                lastColumn = sideCell.column
            } else if side.field == .direction {
                let number = CircledNumber.text(items[i].number), assumed = l.direction(items[i].direction)
                ctx.warn("xlsx.missing-label", sheet, labelCell,
                         ja: "指標\(number)の行に「\(l.indicatorDirection)」がないため「\(assumed)」としました",
                         en: "indicator \(number) has no \"\(l.indicatorDirection)\"; \"\(assumed)\" assumed")
            }
        }
        let valuesLabel = ctx.label(part.valuesLabel)
        if let cell = label(valuesLabel, after: lastColumn) { ctx.take(sheet, cell) }
        var values: [IndicatorValue] = []
        for (k, c) in years.columns.enumerated() {
            let cell = CellReference.at(row, c)
            ctx.locate(.indicator(i, part.valueField(k)), sheet, cell)
            // `目標値(令和元年度)`, made only for a message.
            func label() -> String { "\(valuesLabel)(\(FiscalYearText.japanese(years.years[k])))" }
            if part == .method, let stored = sheet.worksheet[cell], stored.hasFormula,
               LiveRate.isLiveRate(stored.formula, lowerIsBetter: l.lowerIsBetter) {
                values.append(readLiveRate(stored, column: k, of: items[i], label: label(), sheet, ctx))
            } else {
                values.append(ctx.indicatorValue(sheet, cell, label: label()))
            }
        }
        items[i][keyPath: part.values] = values
    }

    /// A live 達成率: its saved result; without one (a program saved the formula alone), the rate
    /// computed from the target and actual read above — a computed number with a warning naming the cell.
    private static func readLiveRate(_ stored: XLSXCell, column k: Int, of item: Indicator, label: String, _ sheet: SheetView,
                                     _ ctx: ImportContext) -> IndicatorValue {
        guard stored.cachedValueMissing else { return ctx.indicatorValue(sheet, stored.reference, label: label, expectingFormula: true) }
        let target = k < item.targets.count ? item.targets[k] : .blank, actual = k < item.actuals.count ? item.actuals[k] : .blank
        let rate = LiveRate.computed(target: target, actual: actual, direction: item.direction, format: stored.numberFormat)
        // A rate that computes to blank (no actual yet) needs no word; a computed number does.
        guard let n = rate.number else { return rate }
        ctx.warn("xlsx.rate-recomputed", sheet, stored.reference,
                 ja: "\(label)の計算結果が保存されていないため、\(ctx.template.labels.target)と\(ctx.template.labels.actual)から計算しました: \(n.text)",
                 en: "\(label) had no saved result; computed from the target and the actual: \(n.text)")
        return rate
    }

    /// The direction a text names, by the template's two words and the text.
    private static let directions = Memo<IndicatorDirection?>(limit: 1024)

    /// 単位 or 評価の向き from its cell (a direction the template does not name is an error).
    private static func readSide(_ field: FieldPath.IndicatorField, _ cell: CellReference, index i: Int, _ sheet: SheetView,
                                 _ ctx: ImportContext, into item: inout Indicator) {
        let l = ctx.template.labels
        ctx.locate(.indicator(i, field), sheet, cell)
        if field == .unit {
            item.unit = ctx.text(sheet, cell, label: l.indicatorUnit)
            return
        }
        let text = ctx.text(sheet, cell, label: l.indicatorDirection)
        let known = directions.value("\(l.higherIsBetter.utf8.count):\(l.higherIsBetter)\(l.lowerIsBetter.utf8.count):\(l.lowerIsBetter)\(text)") {
            l.direction(named: text)
        }
        if let d = known {
            item.direction = d
        } else {
            let (up, down) = (l.higherIsBetter, l.lowerIsBetter)
            ctx.fail("xlsx.indicator-direction", sheet, cell,
                     ja: "\(l.indicatorDirection)は「\(up)」か「\(down)」です: \"\(ImportContext.shown(text))\"",
                     en: "the direction must be \(up) or \(down): \"\(ImportContext.shown(text))\"")
        }
    }
}
