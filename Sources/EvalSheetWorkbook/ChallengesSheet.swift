import EvalSheetModel
import XLSX

/// §7 施策を進める上での課題 (columns A–E): four rows per challenge —
/// ①｜施策を進める上での課題｜text (C:E) / ｜関連する事務事業名｜one name per cell (C, D, E…) /
/// ｜現在の取組状況｜text / ｜令和3年度以降の取組｜text — closed by the end marker.
enum ChallengesSheet {
    static let firstRow = 2
    static let valueColumns = 3

    static func write(_ s: EvaluationSheet, on canvas: SheetCanvas, template t: WorkbookTemplate) throws {
        let styles = canvas.styles, l = t.labels
        var row = firstRow
        for c in s.challenges {
            try canvas.text(CircledNumber.text(c.number), at: .at(row, 0), style: styles.inputCenter)
            for r in 1...3 { try canvas.blank(at: .at(row + r, 0), style: styles.label) }
            let labels = [l.challenge, l.relatedProjects, l.current, l.future(from: s.futureActionsFromYear)]
            for (r, label) in labels.enumerated() {
                try canvas.text(label, at: .at(row + r, 1), style: styles.label)
            }
            try canvas.text(c.challenge, at: .at(row, 2), span: valueColumns, style: styles.inputText)
            let slots = max(valueColumns, c.relatedProjects.count)
            for k in 0..<slots {
                try canvas.text(k < c.relatedProjects.count ? c.relatedProjects[k] : "", at: .at(row + 1, 2 + k),
                                style: styles.inputText)
            }
            try canvas.text(c.current, at: .at(row + 2, 2), span: valueColumns, style: styles.inputText)
            try canvas.text(c.future, at: .at(row + 3, 2), span: valueColumns, style: styles.inputText)
            row += 4
        }
        try canvas.text(t.endMarker, at: .at(row, 0), span: 2 + valueColumns, style: styles.endMarker)
        canvas.define(TableName.challenges, CellRange(first: .at(firstRow, 0), last: .at(row, 1 + valueColumns)))
    }
}
