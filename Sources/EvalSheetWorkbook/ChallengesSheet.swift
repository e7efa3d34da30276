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
    /// A second row of one kind for the same challenge is an error, never an overwrite.
    static func read(_ sheet: SheetView, _ ctx: ImportContext) -> ([Challenge], Int?) {
        let l = ctx.template.labels
        var challenges: [Challenge] = []
        var seen: [Set<String>] = []
        var fromYear: Int?
        let futureSuffix = LabelKey.of(l.future.replacingOccurrences(of: "{year}", with: ""))
        ctx.rows(of: sheet, from: firstRow) { row in
            let labelCell = CellReference.at(row, 1), valueCell = CellReference.at(row, 2)
            let key = sheet.key(labelCell)
            if key.isEmpty { return true }
            if key == LabelKey.of(l.challenge) {
                ctx.take(sheet, labelCell)
                let numberCell = CellReference.at(row, 0)
                let i = challenges.count
                ctx.locate(.challenge(i, .number), sheet, numberCell)
                let number = ctx.ordinal(sheet, numberCell, fallback: i + 1, what: "課題")
                ctx.locate(.challenge(i, .challenge), sheet, valueCell)
                challenges.append(Challenge(number: number, challenge: ctx.text(sheet, valueCell, label: l.challenge),
                                            relatedProjects: [], current: "", future: ""))
                seen.append([])
                return true
            }
            guard let k = challenges.indices.last else {
                ctx.fail("xlsx.challenge-order", sheet, labelCell,
                         ja: "「\(l.challenge)」より前に「\(ImportContext.shown(sheet.text(labelCell)))」があります",
                         en: "\"\(ImportContext.shown(sheet.text(labelCell)))\" appears before the first \(l.challenge)")
                return true
            }
            let kind: String
            var year: Int?
            if key == LabelKey.of(l.relatedProjects) {
                kind = l.relatedProjects
            } else if key == LabelKey.of(l.current) {
                kind = l.current
            } else if key.hasSuffix(futureSuffix), let y = FiscalYearText.parse(key.dropLast(futureSuffix.count)) {
                kind = l.future
                year = y
            } else {
                ctx.take(sheet, labelCell)
                ctx.warn("xlsx.unknown-label", sheet, labelCell, ja: "見出し「\(ImportContext.shown(sheet.text(labelCell)))」の行は読み飛ばしました",
                         en: "skipped the row labelled \"\(ImportContext.shown(sheet.text(labelCell)))\"")
                return true
            }
            ctx.take(sheet, labelCell)
            guard seen[k].insert(kind).inserted else {
                let number = CircledNumber.text(challenges[k].number)
                ctx.fail("xlsx.duplicate-row", sheet, labelCell,
                         ja: "課題\(number)の「\(ImportContext.shown(sheet.text(labelCell)))」の行が2つあります(値が置き換わらないよう読み込みを中止しました)",
                         en: "challenge \(number) has a second \"\(ImportContext.shown(sheet.text(labelCell)))\" row (refused rather than replacing a value)")
                return true
            }
            if kind == l.relatedProjects {
                for cell in sheet.filled(row: row, fromColumn: 2) {
                    ctx.locate(.challenge(k, .relatedProject(challenges[k].relatedProjects.count)), sheet, cell)
                    challenges[k].relatedProjects.append(ctx.text(sheet, cell, label: l.relatedProjects))
                }
            } else if kind == l.current {
                ctx.locate(.challenge(k, .current), sheet, valueCell)
                challenges[k].current = ctx.text(sheet, valueCell, label: l.current)
            } else if let year {
                ctx.locate(.challenge(k, .future), sheet, valueCell)
                challenges[k].future = ctx.text(sheet, valueCell, label: sheet.text(labelCell))
                if let fromYear, fromYear != year {
                    ctx.warn("xlsx.future-year", sheet, labelCell,
                             ja: "見出しの年度(\(FiscalYearText.japanese(year)))が最初の課題の年度(\(FiscalYearText.japanese(fromYear)))と異なります。\(FiscalYearText.japanese(fromYear))以降として読みました",
                             en: "the heading's year (\(FiscalYearText.japanese(year))) differs from the first challenge's (\(FiscalYearText.japanese(fromYear))); read as from \(FiscalYearText.japanese(fromYear))")
                }
                if fromYear == nil { fromYear = year }
            }
            return true
        }
        return (challenges, fromYear)
    }
}
