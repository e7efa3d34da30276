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
    /// Reads the year header, then groups of rows labelled 名称 / 説明 / 抽出方法 down to the end marker.
    static func read(_ sheet: SheetView, _ ctx: ImportContext) throws(WorkbookImportError) -> IndicatorTable {
        let l = ctx.template.labels
        guard let headerCell = sheet.find(l.indicatorHeader) else {
            throw ctx.error(sheet, nil, ja: "「\(l.indicatorHeader)」の見出しが見つかりません", en: "cannot find the \(l.indicatorHeader) header")
        }
        var yearColumns: [Int] = []
        var years: [Int] = []
        for cell in sheet.filled(row: headerCell.row, fromColumn: headerCell.column + 1) {
            guard let y = FiscalYearText.parse(sheet.text(cell)) else { continue }
            ctx.locate(.indicatorYear(years.count), sheet, cell)
            yearColumns.append(cell.column)
            years.append(y)
        }
        guard !years.isEmpty else {
            throw ctx.error(sheet, headerCell, ja: "指標の年度見出し(例: 令和元年度)がありません", en: "no year headers (e.g. 令和元年度)")
        }
        var items: [Indicator] = []
        var row = headerCell.row + 1
        var endRow = sheet.lastRow + 1
        while row <= sheet.lastRow {
            if sheet.isEndMarker(row: row, marker: ctx.template.endMarker) { endRow = row; break }
            defer { row += 1 }
            let filled = sheet.filled(row: row)
            func labelled(_ label: String) -> CellReference? { filled.first { sheet.isLabel($0, label) } }
            func after(_ label: String) -> CellReference? { labelled(label).map { $0.offset(columns: 1) } }
            func values(_ label: String, _ path: (Int) -> FieldPath.IndicatorField) throws(WorkbookImportError) -> [IndicatorValue] {
                var out: [IndicatorValue] = []
                for (k, c) in yearColumns.enumerated() {
                    ctx.locate(.indicator(items.count - 1, path(k)), sheet, .at(row, c))
                    out.append(try ctx.indicatorValue(sheet, .at(row, c), label: "\(label)(\(FiscalYearText.japanese(years[k])))"))
                }
                return out
            }
            if let nameCell = after(l.indicatorName) {
                let numberCell = CellReference.at(row, 0)
                let number = CircledNumber.parse(sheet.text(numberCell)) ?? FiscalYearText.parseDigits(sheet.text(numberCell).trimmedSpaces()) ?? items.count + 1
                items.append(Indicator(number: number, name: sheet.text(nameCell), description: nil, unit: "", method: nil,
                                       targets: [], actuals: [], rates: []))
                ctx.locate(.indicator(items.count - 1, .number), sheet, numberCell)
                ctx.locate(.indicator(items.count - 1, .name), sheet, nameCell)
                items[items.count - 1].targets = try values(l.target) { .target($0) }
            } else if let descCell = after(l.indicatorDescription), !items.isEmpty {
                let i = items.count - 1
                let d = sheet.text(descCell)
                items[i].description = d.trimmedSpaces().isEmpty ? nil : d
                ctx.locate(.indicator(i, .description), sheet, descCell)
                if let unitCell = after(l.indicatorUnit) {
                    items[i].unit = sheet.text(unitCell)
                    ctx.locate(.indicator(i, .unit), sheet, unitCell)
                }
                items[i].actuals = try values(l.actual) { .actual($0) }
            } else if let methodCell = after(l.indicatorMethod), !items.isEmpty {
                let i = items.count - 1
                let m = sheet.text(methodCell)
                items[i].method = m.trimmedSpaces().isEmpty ? nil : m
                ctx.locate(.indicator(i, .method), sheet, methodCell)
                if let dirCell = after(l.indicatorDirection) {
                    let text = sheet.text(dirCell)
                    guard let d = IndicatorDirection(label: text) else {
                        throw ctx.error(sheet, dirCell, ja: "評価の向きは「高いほど良い」か「低いほど良い」です: \"\(text)\"",
                                        en: "the direction must be 高いほど良い or 低いほど良い: \"\(text)\"")
                    }
                    items[i].direction = d
                    ctx.locate(.indicator(i, .direction), sheet, dirCell)
                }
                items[i].rates = try values(l.rate) { .rate($0) }
            }
        }
        let blank = Array(repeating: IndicatorValue.blank, count: years.count)
        for i in items.indices {
            if items[i].actuals.isEmpty { items[i].actuals = blank }
            if items[i].rates.isEmpty { items[i].rates = blank }
        }
        // The footnote: its defined cell, else the first cell of the row after the end marker.
        let footCell = ctx.definedCell(TableName.indicatorFootnote, on: sheet)?.first ?? .at(endRow + 1, 0)
        let foot = sheet.text(footCell)
        if !foot.trimmedSpaces().isEmpty { ctx.locate(.indicatorFootnote, sheet, footCell) }
        return IndicatorTable(years: years, items: items, footnote: foot.trimmedSpaces().isEmpty ? nil : foot)
    }
}
