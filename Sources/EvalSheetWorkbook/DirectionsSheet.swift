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
            try canvas.text(String(d.number), at: .at(row, 1), style: styles.inputCenter)
            try canvas.text(d.text, at: .at(row, 2), style: styles.inputText)
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
