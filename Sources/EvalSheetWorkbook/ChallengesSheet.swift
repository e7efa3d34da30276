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
        for (i, c) in s.challenges.enumerated() {
            try canvas.text(CircledNumber.text(c.number), at: .at(row, 0), style: styles.inputCenter, field: .challenge(i, .number))
            for r in 1...3 { try canvas.blank(at: .at(row + r, 0), style: styles.label) }
            let labels = [l.challenge, l.relatedProjects, l.current, l.future(from: s.futureActionsFromYear)]
            for (r, label) in labels.enumerated() {
                try canvas.text(label, at: .at(row + r, 1), style: styles.label, field: r == 3 ? .futureActionsFromYear : nil)
            }
            try canvas.text(c.challenge, at: .at(row, 2), span: valueColumns, style: styles.inputText, field: .challenge(i, .challenge))
            let slots = max(valueColumns, c.relatedProjects.count)
            for k in 0..<slots {
                try canvas.text(k < c.relatedProjects.count ? c.relatedProjects[k] : "", at: .at(row + 1, 2 + k),
                                style: styles.inputText, field: k < c.relatedProjects.count ? .challenge(i, .relatedProject(k)) : nil)
            }
            try canvas.text(c.current, at: .at(row + 2, 2), span: valueColumns, style: styles.inputText, field: .challenge(i, .current))
            try canvas.text(c.future, at: .at(row + 3, 2), span: valueColumns, style: styles.inputText, field: .challenge(i, .future))
            row += 4
        }
        try canvas.text(t.endMarker, at: .at(row, 0), span: 2 + valueColumns, style: styles.endMarker)
        canvas.define(TableName.challenges, CellRange(first: .at(firstRow, 0), last: .at(row, 1 + valueColumns)))
    }
}

extension ChallengesSheet {
    /// Reads groups of rows by the label in column B, down to the end marker; a new challenge starts
    /// at each 施策を進める上での課題 label. Returns the challenges and the year of the 以降の取組 label.
    static func read(_ sheet: SheetView, _ ctx: ImportContext) throws(WorkbookImportError) -> ([Challenge], Int?) {
        let l = ctx.template.labels
        var challenges: [Challenge] = []
        var fromYear: Int?
        var row = firstRow
        let futureSuffix = LabelKey.of(l.future.replacingOccurrences(of: "{year}", with: ""))
        while row <= sheet.lastRow, !sheet.isEndMarker(row: row, marker: ctx.template.endMarker) {
            defer { row += 1 }
            let labelCell = CellReference.at(row, 1), valueCell = CellReference.at(row, 2)
            let key = sheet.key(labelCell)
            if key.isEmpty { continue }
            if key == LabelKey.of(l.challenge) {
                let numberCell = CellReference.at(row, 0)
                let number = CircledNumber.parse(sheet.text(numberCell)) ?? challenges.count + 1
                ctx.locate(.challenge(challenges.count, .number), sheet, numberCell)
                ctx.locate(.challenge(challenges.count, .challenge), sheet, valueCell)
                challenges.append(Challenge(number: number, challenge: sheet.text(valueCell), relatedProjects: [], current: "", future: ""))
                continue
            }
            guard let k = challenges.indices.last else {
                throw ctx.error(sheet, labelCell, ja: "「\(l.challenge)」より前に「\(sheet.text(labelCell))」があります",
                                en: "\"\(sheet.text(labelCell))\" appears before the first \(l.challenge)")
            }
            if key == LabelKey.of(l.relatedProjects) {
                for cell in sheet.filled(row: row, fromColumn: 2) {
                    ctx.locate(.challenge(k, .relatedProject(challenges[k].relatedProjects.count)), sheet, cell)
                    challenges[k].relatedProjects.append(sheet.text(cell))
                }
            } else if key == LabelKey.of(l.current) {
                ctx.locate(.challenge(k, .current), sheet, valueCell)
                challenges[k].current = sheet.text(valueCell)
            } else if key.hasSuffix(futureSuffix), let year = FiscalYearText.parse(key.dropLast(futureSuffix.count)) {
                ctx.locate(.challenge(k, .future), sheet, valueCell)
                challenges[k].future = sheet.text(valueCell)
                if fromYear == nil { fromYear = year }
            } else {
                ctx.warn("xlsx.unknown-label", sheet, labelCell, ja: "見出し「\(sheet.text(labelCell))」の行は読み飛ばしました",
                         en: "skipped the row labelled \"\(sheet.text(labelCell))\"")
            }
        }
        return (challenges, fromYear)
    }
}
