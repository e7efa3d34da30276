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
    static func read(_ sheet: SheetView, _ ctx: ImportContext) throws(WorkbookImportError) -> (String, [Direction]) {
        let vision = try ctx.scalar(fields(ctx.template.labels)[0], on: sheet)
        guard let start = sheet.find(ctx.template.labels.directions, column: 0) else {
            throw ctx.error(sheet, nil, ja: "「\(ctx.template.labels.directions)」が見つかりません",
                            en: "cannot find \"\(ctx.template.labels.directions)\"")
        }
        var directions: [Direction] = []
        var row = start.row
        while row <= sheet.lastRow, !sheet.isEndMarker(row: row, marker: ctx.template.endMarker) {
            defer { row += 1 }
            let numberCell = CellReference.at(row, 1), textCell = CellReference.at(row, 2)
            if sheet.isBlank(numberCell), sheet.isBlank(textCell) { continue }
            guard let n = FiscalYearText.parseDigits(sheet.text(numberCell).trimmedSpaces()) else {
                throw ctx.error(sheet, numberCell, ja: "施策の方向性の番号は数字で入力してください: \"\(sheet.text(numberCell))\"",
                                en: "the direction number must be a number: \"\(sheet.text(numberCell))\"")
            }
            ctx.locate(.direction(directions.count, .number), sheet, numberCell)
            ctx.locate(.direction(directions.count, .text), sheet, textCell)
            directions.append(Direction(number: n, text: sheet.text(textCell)))
        }
        return (vision, directions)
    }
}
