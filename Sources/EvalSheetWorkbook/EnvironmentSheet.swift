import EvalSheetModel
import XLSX
import XLSXWriter

/// §6 施策を取り巻く環境 (columns A–D): one row per external factor, with dropdowns for the factor
/// and for its assessments (every combination of the three, written the way the form prints them).
enum EnvironmentSheet {
    static let headerRow = 2

    /// The dropdown choices for 外部要因に対する評価: each non-empty combination, in code order.
    static let assessmentChoices: [String] = {
        let codes = [1, 2, 3]
        return (1..<8).map { mask in
            codes.filter { mask & (1 << ($0 - 1)) != 0 }.compactMap { Assessment(code: $0)?.text }.joined(separator: " ")
        }.sorted()
    }()

    static func write(_ s: EvaluationSheet, on canvas: SheetCanvas, template t: WorkbookTemplate) throws {
        let styles = canvas.styles, l = t.labels
        for (c, h) in [l.factor, l.status, l.assessment, l.factorReason].enumerated() {
            try canvas.text(h, at: .at(headerRow, c), style: styles.header)
        }
        var row = headerRow + 1
        for (i, f) in s.environment.enumerated() {
            try canvas.text(f.category, at: .at(row, 0), style: styles.inputText, field: .factor(i, .category))
            try canvas.text(f.status, at: .at(row, 1), style: styles.inputText, field: .factor(i, .status))
            try canvas.text(f.assessmentsText, at: .at(row, 2), style: styles.inputText, field: .factor(i, .assessments))
            try canvas.text(f.reason, at: .at(row, 3), style: styles.inputText, field: .factor(i, .reason))
            row += 1
        }
        try canvas.text(t.endMarker, at: .at(row, 0), span: 4, style: styles.endMarker)
        canvas.define(TableName.environment, CellRange(first: .at(headerRow, 0), last: .at(row, 3)))
        guard row > headerRow + 1 else { return }
        try canvas.validation(XLSXDataValidation(
            .list(ExternalFactor.categories), inputTitle: l.factor, inputMessage: t.inputHelp["factor"],
            errorStyle: .warning), CellRange(first: .at(headerRow + 1, 0), last: .at(row - 1, 0)))
        try canvas.validation(XLSXDataValidation(
            .list(assessmentChoices), inputTitle: l.assessment, inputMessage: t.inputHelp["assessment"],
            errorStyle: .warning), CellRange(first: .at(headerRow + 1, 2), last: .at(row - 1, 2)))
    }
}

extension EnvironmentSheet {
    /// Reads the header (columns by their labels) and one factor per row down to the end marker.
    static func read(_ sheet: SheetView, _ ctx: ImportContext) -> [ExternalFactor] {
        let l = ctx.template.labels
        guard let first = sheet.find(l.factor) else {
            ctx.fail("xlsx.missing-label", sheet, nil, ja: "見出し「\(l.factor)」が見つかりません", en: "cannot find the header \"\(l.factor)\"")
            return []
        }
        let header = sheet.filled(row: first.row)
        var columns: [Int] = []
        for label in [l.factor, l.status, l.assessment, l.factorReason] {
            guard let c = header.first(where: { sheet.isLabel($0, label) }) else {
                ctx.fail("xlsx.missing-label", sheet, first, ja: "見出しに「\(label)」がありません", en: "the header has no \"\(label)\" column")
                return []
            }
            ctx.take(sheet, c)
            columns.append(c.column)
        }
        var factors: [ExternalFactor] = []
        ctx.rows(of: sheet, from: first.row + 1) { row in
            let cells = columns.map { CellReference.at(row, $0) }
            if cells.allSatisfy(sheet.isBlank) { return true }
            let i = factors.count
            for (field, cell) in zip([FieldPath.FactorField.category, .status, .assessments, .reason], cells) {
                ctx.locate(.factor(i, field), sheet, cell)
            }
            let text = ctx.text(sheet, cells[2], label: l.assessment)
            var assessments: [Assessment] = []
            if !text.trimmedSpaces().isEmpty {
                if let parsed = Assessment.parseList(text) {
                    assessments = parsed
                } else {
                    ctx.fail("xlsx.assessment", sheet, cells[2],
                             ja: "外部要因に対する評価は一覧から選んでください(例: 1. 施策遂行に役立つ・有利): \"\(ImportContext.shown(text))\"",
                             en: "choose the assessment from the list (e.g. 1. 施策遂行に役立つ・有利): \"\(ImportContext.shown(text))\"")
                }
            }
            factors.append(ExternalFactor(category: ctx.text(sheet, cells[0], label: l.factor).withoutSpaces(),
                                          status: ctx.text(sheet, cells[1], label: l.status),
                                          assessments: assessments, reason: ctx.text(sheet, cells[3], label: l.factorReason)))
            return true
        }
        return factors
    }
}
