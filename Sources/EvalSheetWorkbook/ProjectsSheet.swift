import EvalSheetModel
import XLSX
import XLSXWriter

/// §3 構成事業の状況 (columns A–E plus one per money column): the header with the money years from
/// the model, one row per project, and 総事業費 as live SUM formulas with their values cached.
enum ProjectsSheet {
    static let headerRow = 3
    static let fixedColumns = 5  // No., 事務事業名, 実行計画, 施策の方向性, 担当課

    static func write(_ s: EvaluationSheet, on canvas: SheetCanvas, template t: WorkbookTemplate) throws {
        let styles = canvas.styles, l = t.labels, p = s.projects
        let lastColumn = fixedColumns + p.columns.count - 1
        try canvas.text(l.unit, at: .at(headerRow - 1, lastColumn), style: styles.note.with { $0.horizontal = .right })
        let headers = [l.projectCode, l.projectName, l.executionPlan, l.projectDirections, l.projectSection]
            + p.columns.map(\.label)
        for (c, h) in headers.enumerated() {
            try canvas.text(h, at: .at(headerRow, c), style: styles.header)
        }
        var row = headerRow + 1
        for project in p.rows {
            try canvas.text(project.code, at: .at(row, 0), style: styles.inputCode)
            try canvas.text(project.name, at: .at(row, 1), style: styles.inputText)
            try canvas.text(project.inExecutionPlan ? Project.executionPlanMark : "", at: .at(row, 2), style: styles.inputCenter)
            try canvas.text(project.directionsText, at: .at(row, 3), style: styles.inputCenter)
            try canvas.text(project.section, at: .at(row, 4), style: styles.inputText)
            for (c, amount) in project.amounts.enumerated() {
                let cell = CellReference.at(row, fixedColumns + c)
                if let amount { try canvas.number(Double(amount), at: cell, style: styles.inputAmount) }
                else { try canvas.blank(at: cell, style: styles.inputAmount) }
            }
            row += 1
        }
        let totalRow = row
        try canvas.text(l.total, at: .at(totalRow, 0), span: fixedColumns, style: styles.totalLabel)
        let sums = p.computedTotals
        for c in p.columns.indices {
            let column = fixedColumns + c
            let formula = p.rows.isEmpty ? "=0" : "=SUM(\(CellRange(first: .at(headerRow, column), last: .at(totalRow - 1, column))))"
            try canvas.formula(formula, cached: Double(sums[c]), at: .at(totalRow, column), style: styles.totalAmount)
        }
        canvas.define(TableName.projects, CellRange(first: .at(headerRow, 0), last: .at(totalRow, lastColumn)))
        canvas.define(TableName.projectTotals, CellRange(first: .at(totalRow, fixedColumns), last: .at(totalRow, lastColumn)))

        guard !p.rows.isEmpty else { return }
        let body = { (c: Int) in CellRange(first: .at(headerRow + 1, c), last: .at(totalRow - 1, c)) }
        let help = t.inputHelp
        try canvas.writer.addDataValidation(XLSXDataValidation(
            .list([Project.executionPlanMark]), inputTitle: l.executionPlan, inputMessage: help["executionPlan"],
            errorTitle: l.executionPlan, errorMessage: help["executionPlan"]), range: body(2))
        try canvas.writer.addDataValidation(XLSXDataValidation(
            .any, inputTitle: l.projectDirections, inputMessage: help["directions"]), range: body(3))
        try canvas.writer.addDataValidation(XLSXDataValidation(
            .wholeNumber(min: 0, max: 999_999_999), inputTitle: "金額(千円)", inputMessage: help["amount"],
            errorTitle: "金額(千円)", errorMessage: help["amount"]),
            range: CellRange(first: .at(headerRow + 1, fixedColumns), last: .at(totalRow - 1, lastColumn)))
    }
}
