import EvalSheetModel
import XLSX

/// §2 施策の方向 (columns A–C): 10年後の姿, then one row per 施策の方向性 (number, text).
enum DirectionsSheet {
    static let firstDirectionRow = 3

    static func fields(_ l: WorkbookTemplate.Labels) -> [ScalarField] {
        [ScalarField(path: .futureVision, definedName: "ES_FutureVision", cell: .at(2, 1), span: 2,
                     labelCell: .at(2, 0), label: l.futureVision, kind: .wrapped)]
    }

    static func write(_ s: EvaluationSheet, on canvas: SheetCanvas, template t: WorkbookTemplate) throws {
        let styles = canvas.styles
        for field in fields(t.labels) {
            try canvas.text(field.label, at: field.labelCell, style: styles.label)
            try ScalarFieldIO.write(field, value: ScalarFieldIO.value(field.path, in: s), on: canvas)
        }
        var row = firstDirectionRow
        for (i, d) in s.directions.enumerated() {
            try canvas.text(i == 0 ? t.labels.directions : "", at: .at(row, 0), style: styles.label)
            try canvas.text(String(d.number), at: .at(row, 1), style: styles.inputCenter, field: .direction(i, .number))
            try canvas.text(d.text, at: .at(row, 2), style: styles.inputText, field: .direction(i, .text))
            row += 1
        }
        if s.directions.isEmpty {
            try canvas.text(t.labels.directions, at: .at(row, 0), style: styles.label)
            try canvas.blank(at: .at(row, 1), style: styles.inputCenter)
            try canvas.blank(at: .at(row, 2), style: styles.inputText)
            row += 1
        }
        try canvas.text(t.endMarker, at: .at(row, 0), span: 3, style: styles.endMarker)
        canvas.define(TableName.directions, CellRange(first: .at(firstDirectionRow, 0), last: .at(row, 2)))
    }
}

extension DirectionsSheet {
    /// Reads 10年後の姿 and the directions (number, text) row by row down to the end marker.
    static func read(_ sheet: SheetView, _ ctx: ImportContext) -> (String, [Direction]) {
        let field = fields(ctx.template.labels)[0]
        var vision = ""
        if let cell = ctx.resolve(field, on: sheet) { vision = ctx.scalar(field, at: cell, on: sheet) } else { ctx.standIn(field.path) }
        let label = ctx.template.labels.directions
        guard let start = sheet.find(label, column: 0) else {
            ctx.fail("xlsx.missing-label", sheet, nil, ja: "「\(label)」が見つかりません", en: "cannot find \"\(label)\"")
            return (vision, [])
        }
        var directions: [Direction] = []
        ctx.rows(of: sheet, from: start.row) { row in
            let labelCell = CellReference.at(row, 0), numberCell = CellReference.at(row, 1), textCell = CellReference.at(row, 2)
            if sheet.isLabel(labelCell, label) { ctx.take(sheet, labelCell) }
            if sheet.isBlank(numberCell), sheet.isBlank(textCell) { return true }
            let i = directions.count
            let numberText = ctx.text(sheet, numberCell, label: label)
            var number = i + 1
            if let n = FiscalYearText.parseDigits(numberText.trimmedSpaces()) {
                number = n
            } else {
                ctx.fail("xlsx.direction-number", sheet, numberCell,
                         ja: "施策の方向性の番号は数字で入力してください: \"\(ImportContext.shown(numberText))\"",
                         en: "the direction number must be a number: \"\(ImportContext.shown(numberText))\"")
                ctx.standIn(.direction(i, .number))
            }
            ctx.locate(.direction(i, .number), sheet, numberCell)
            ctx.locate(.direction(i, .text), sheet, textCell)
            directions.append(Direction(number: number, text: ctx.text(sheet, textCell, label: label)))
            return true
        }
        return (vision, directions)
    }
}
