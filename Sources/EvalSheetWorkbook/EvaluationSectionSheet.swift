import EvalSheetModel
import XLSX
import XLSXWriter

/// §5 評価 (columns A–C): the criterion, the rating alone in its cell under the 総合評価 caption
/// (a 順調/維持/停滞 dropdown), the reason, and the legend below.
enum EvaluationSectionSheet {
    static let headerRow = 2

    /// The rating, alone in its cell under the 総合評価 caption.
    static func rating(_ l: WorkbookTemplate.Labels) -> ScalarField {
        ScalarField(path: .rating, value: \.evaluation.rating.rawValue, definedName: "ES_Rating", cell: .at(4, 1), span: 1,
                    labelCell: .at(3, 1), label: l.ratingCaption, kind: .center)
    }

    /// The reason, under its header (merged over two rows).
    static func reason(_ l: WorkbookTemplate.Labels) -> ScalarField {
        ScalarField(path: .ratingReason, value: \.evaluation.reason, definedName: "ES_Reason", cell: .at(3, 2), span: 1,
                    labelCell: .at(2, 2), label: l.reasonHeader, kind: .wrapped)
    }

    /// The header row's labels, left to right.
    static func headers(_ l: WorkbookTemplate.Labels) -> [String] { [l.criterionHeader, l.ratingHeader, l.reasonHeader] }

    static func write(_ s: EvaluationSheet, on canvas: SheetCanvas, template t: WorkbookTemplate) throws {
        let styles = canvas.styles, l = t.labels
        for (c, h) in headers(l).enumerated() {
            try canvas.text(h, at: .at(headerRow, c), style: styles.header)
        }
        try canvas.text(l.criterion, merged: CellRange(first: .at(3, 0), last: .at(4, 0)),
                        style: styles.label.with { $0.vertical = .top })
        try canvas.text(l.ratingCaption, at: .at(3, 1), style: styles.caption)
        let rating = rating(l), reason = reason(l)
        try ScalarFieldIO.write(rating, value: s[keyPath: rating.value], on: canvas)
        try canvas.text(s[keyPath: reason.value], merged: CellRange(first: reason.cell, last: reason.cell.offset(rows: 1)),
                        style: styles.inputWrapped, field: reason.path)
        canvas.define(reason.definedName, CellRange(reason.cell))
        try canvas.validation(XLSXDataValidation(
            .list(Rating.all.map(\.rawValue)), inputTitle: l.ratingHeader, inputMessage: t.inputHelp["rating"],
            errorTitle: l.ratingHeader, errorMessage: t.inputHelp["rating"]), CellRange(rating.cell))

        // The reason spans two rows: give the first the caption's height and the second the rest
        // (each capped at 409 points; a longer reason stays whole in the cell, shown as far as it reaches).
        let lines = TextMetrics.lines(s.evaluation.reason, width: canvas.width(2))
        let total = TextMetrics.height(lines: lines, fontSize: canvas.fontSize)
        let captionHeight = TextMetrics.height(lines: TextMetrics.lines(l.ratingCaption, width: canvas.width(1)),
                                               fontSize: canvas.fontSize - 1.5)
        canvas.setHeight(3, captionHeight)
        canvas.setHeight(4, max(30, total - captionHeight))

        for (k, line) in t.legend.enumerated() {
            try canvas.text(line, at: .at(legendRow + k, 0), span: 3, style: styles.legend)
        }
        if let last = s.lastYear { try writeLastYear(last, at: legendRow + t.legend.count + 1, on: canvas, labels: l) }
    }

    static let legendRow = 6

    /// Last year's rating and reason, locked, below the legend: `(参考)令和元年度の総合評価` | rating,
    /// `(参考)令和元年度の評価理由` | reason (B:C).
    private static func writeLastYear(_ last: LastYearReference, at row: Int, on canvas: SheetCanvas,
                                      labels l: FormTemplate.Labels) throws {
        let styles = canvas.styles
        try canvas.text(l.lastYear(l.lastYearRating, year: last.fiscalYear), at: .at(row, 0), style: styles.label)
        try canvas.text(last.rating.rawValue, at: .at(row, 1), style: styles.referenceText.with { $0.horizontal = .center },
                        field: .lastYearRating)
        try canvas.blank(at: .at(row, 2), style: styles.referenceText)
        try canvas.text(l.lastYear(l.lastYearReason, year: last.fiscalYear), at: .at(row + 1, 0), style: styles.label)
        try canvas.text(last.reason, at: .at(row + 1, 1), span: 2, style: styles.referenceText.with { $0.wrap = true },
                        field: .lastYearReason)
    }
}

extension EvaluationSectionSheet {
    /// Reads the rating and the reason by their captions into `s`, and takes the fixed headers, the
    /// criterion and the legend where the layout puts them.
    static func read(_ sheet: SheetView, _ ctx: ImportContext, into s: inout EvaluationSheet, lastYear: inout LastYearParts) {
        let l = ctx.template.labels
        var cells: [FieldPath: CellReference] = [:]
        for field in [rating(l), reason(l)] {
            guard let cell = ctx.resolve(field, on: sheet) else {
                ctx.standIn(field.path)
                continue
            }
            cells[field.path] = cell
            field.store(ctx.scalar(field, at: cell, on: sheet), in: &s)
        }
        s.evaluation.rating = Rating(rawValue: String(s.evaluation.rating.rawValue.trimmedSpaces()))
        // The headers on the row of 評価理由's header, the criterion in column A below it, the
        // legend in column A below the rating.
        let found = cells.count == 2
        let headerRow = found ? cells[.ratingReason]!.row - 1 : headerRow
        for label in headers(l) {
            if let cell = sheet.filled(row: headerRow).first(where: { sheet.isLabel($0, label) }) { ctx.take(sheet, cell) }
        }
        if let criterion = sheet.find(l.criterion, fromRow: headerRow + 1, column: 0) { ctx.take(sheet, criterion) }
        var legendRow = (cells[.rating] ?? cells[.ratingReason]).map { $0.row + 1 } ?? headerRow + 1
        for line in ctx.template.legend {
            guard let cell = sheet.find(line, fromRow: legendRow, column: 0) else { continue }
            ctx.take(sheet, cell)
            legendRow = cell.row + 1
        }
        readLastYear(sheet, from: legendRow, ctx, into: &lastYear)
    }

    /// Last year's rating and reason below the legend, by their labels in column A (the year in the
    /// label is last year's fiscal year), each value right of its label.
    private static func readLastYear(_ sheet: SheetView, from firstRow: Int, _ ctx: ImportContext, into last: inout LastYearParts) {
        let l = ctx.template.labels
        for row in firstRow...max(firstRow, sheet.lastRow) {
            let labelCell = CellReference.at(row, 0), valueCell = CellReference.at(row, 1)
            for (label, isRating) in [(l.lastYearRating, true), (l.lastYearReason, false)] {
                guard let year = Self.year(in: sheet.text(labelCell), label: label) else { continue }
                ctx.take(sheet, labelCell)
                last.fiscalYear = last.fiscalYear ?? year
                let text = ctx.text(sheet, valueCell, label: sheet.text(labelCell))
                if isRating {
                    ctx.locate(.lastYearRating, sheet, valueCell)
                    last.rating = Rating(rawValue: String(text.trimmedSpaces()))
                } else {
                    ctx.locate(.lastYearReason, sheet, valueCell)
                    last.reason = text
                }
            }
        }
    }

    /// The fiscal year a label made from `label` names (`(参考)令和元年度の総合評価` → 2019), else nil.
    static func year(in text: String, label: String) -> Int? {
        let parts = label.components(separatedBy: "{fiscalYear}")
        guard parts.count == 2 else { return nil }
        let key = LabelKey.of(text), prefix = LabelKey.of(parts[0]), suffix = LabelKey.of(parts[1])
        guard key.count > prefix.count + suffix.count, key.hasPrefix(prefix), key.hasSuffix(suffix) else { return nil }
        return FiscalYearText.parse(key.dropFirst(prefix.count).dropLast(suffix.count))
    }
}
