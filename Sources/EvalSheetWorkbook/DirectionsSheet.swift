import EvalSheetModel
import XLSX

/// §2 施策の方向 (columns A–C): 10年後の姿, then one row per 施策の方向性 (number, text), the
/// columns as `DirectionColumn` describes them.
enum DirectionsSheet {
    static let firstDirectionRow = 3

    static func fields(_ l: WorkbookTemplate.Labels) -> [ScalarField] {
        [ScalarField(path: .futureVision, value: \.futureVision, definedName: "ES_FutureVision", cell: .at(2, 1), span: 2,
                     labelCell: .at(2, 0), label: l.futureVision, kind: .wrapped)]
    }

    static func write(_ s: EvaluationSheet, on canvas: SheetCanvas, template t: WorkbookTemplate) throws {
        let styles = canvas.styles
        for field in fields(t.labels) {
            try canvas.text(field.label, at: field.labelCell, style: styles.label)
            try ScalarFieldIO.write(field, value: s[keyPath: field.value], on: canvas)
        }
        var row = firstDirectionRow
        // One row per direction; with none, one blank row to fill in.
        let rows: [Direction?] = s.directions.isEmpty ? [nil] : s.directions
        for (i, d) in rows.enumerated() {
            try canvas.text(i == 0 ? t.labels.directions : "", at: .at(row, DirectionColumn.labelColumn), style: styles.label)
            for column in DirectionColumn.allCases {
                try canvas.text(d.map(column.text) ?? "", at: .at(row, column.column), style: styles.input(column.kind),
                                field: d == nil ? nil : .direction(i, column.field))
            }
            row += 1
        }
        let last = DirectionColumn.allCases.map(\.column).max()!
        try canvas.text(t.endMarker, at: .at(row, 0), span: last + 1, style: styles.endMarker)
        canvas.define(TableName.directions, CellRange(first: .at(firstDirectionRow, 0), last: .at(row, last)))
    }
}

extension DirectionsSheet {
    /// Reads 10年後の姿 and the directions (number, text) row by row down to the end marker.
    static func read(_ sheet: SheetView, _ ctx: ImportContext, into s: inout EvaluationSheet) {
        for field in fields(ctx.template.labels) {
            if let cell = ctx.resolve(field, on: sheet) { field.store(ctx.scalar(field, at: cell, on: sheet), in: &s) } else { ctx.standIn(field.path) }
        }
        let label = ctx.template.labels.directions
        guard let start = sheet.find(label, column: DirectionColumn.labelColumn) else {
            ctx.fail("xlsx.missing-label", sheet, nil, ja: "「\(label)」が見つかりません", en: "cannot find \"\(label)\"")
            return
        }
        var directions: [Direction] = []
        ctx.rows(of: sheet, from: start.row) { row in
            let labelCell = CellReference.at(row, DirectionColumn.labelColumn)
            if sheet.isLabel(labelCell, label) { ctx.take(sheet, labelCell) }
            let cells = DirectionColumn.allCases.map { CellReference.at(row, $0.column) }
            if cells.allSatisfy(sheet.isBlank) { return true }
            let i = directions.count
            var direction = Direction(number: i + 1, text: "")
            for (column, cell) in zip(DirectionColumn.allCases, cells) {
                ctx.locate(.direction(i, column.field), sheet, cell)
                let text = ctx.text(sheet, cell, label: label)
                switch column {
                case .number:
                    if let n = FiscalYearText.parseDigits(text.trimmedSpaces()) {
                        direction.number = n
                    } else {
                        ctx.fail("xlsx.direction-number", sheet, cell,
                                 ja: "\(label)の番号は数字で入力してください: \"\(ImportContext.shown(text))\"",
                                 en: "the direction number must be a number: \"\(ImportContext.shown(text))\"")
                        ctx.standIn(.direction(i, .number))
                    }
                case .text:
                    direction.text = text
                }
            }
            directions.append(direction)
            return true
        }
        s.directions = directions
    }
}
