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
            try canvas.text(line, at: .at(6 + k, 0), span: 3, style: styles.legend)
        }
    }
}

extension EvaluationSectionSheet {
    /// Reads the rating and the reason by their captions into `s`, and takes the fixed headers, the
    /// criterion and the legend where the layout puts them.
    static func read(_ sheet: SheetView, _ ctx: ImportContext, into s: inout EvaluationSheet) {
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
    }
}
