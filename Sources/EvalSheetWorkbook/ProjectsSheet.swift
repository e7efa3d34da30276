import Foundation
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
            try canvas.text(h, at: .at(headerRow, c), style: styles.header, field: c < fixedColumns ? nil : .moneyColumn(c - fixedColumns))
        }
        var row = headerRow + 1
        for (i, project) in p.rows.enumerated() {
            try canvas.text(project.code, at: .at(row, 0), style: styles.inputCode, field: .project(i, .code))
            try canvas.text(project.name, at: .at(row, 1), style: styles.inputText, field: .project(i, .name))
            try canvas.text(project.inExecutionPlan ? Project.executionPlanMark : "", at: .at(row, 2), style: styles.inputCenter,
                            field: .project(i, .executionPlan))
            try canvas.text(project.directionsText, at: .at(row, 3), style: styles.inputCenter, field: .project(i, .directions))
            try canvas.text(project.section, at: .at(row, 4), style: styles.inputText, field: .project(i, .section))
            for (c, amount) in project.amounts.enumerated() {
                let cell = CellReference.at(row, fixedColumns + c)
                // Amounts lie within Amount.range (checked before writing): exact as doubles.
                if let amount { try canvas.number(Double(amount), at: cell, style: styles.inputAmount, field: .project(i, .amount(c))) }
                else { try canvas.blank(at: cell, style: styles.inputAmount, field: .project(i, .amount(c))) }
            }
            row += 1
        }
        let totalRow = row
        try canvas.text(l.total, at: .at(totalRow, 0), span: fixedColumns, style: styles.totalLabel)
        let sums = p.computedTotals
        for c in p.columns.indices {
            let column = fixedColumns + c
            let formula = p.rows.isEmpty ? "=0" : "=SUM(\(CellRange(first: .at(headerRow, column), last: .at(totalRow - 1, column))))"
            try canvas.formula(formula, cached: Double(sums[c]), at: .at(totalRow, column), style: styles.totalAmount,
                               field: .projectTotal(c))
        }
        canvas.define(TableName.projects, CellRange(first: .at(headerRow, 0), last: .at(totalRow, lastColumn)))
        canvas.define(TableName.projectTotals, CellRange(first: .at(totalRow, fixedColumns), last: .at(totalRow, lastColumn)))

        guard !p.rows.isEmpty else { return }
        let body = { (c: Int) in CellRange(first: .at(headerRow + 1, c), last: .at(totalRow - 1, c)) }
        let help = t.inputHelp
        try canvas.validation(XLSXDataValidation(
            .list([Project.executionPlanMark]), inputTitle: l.executionPlan, inputMessage: help["executionPlan"],
            errorTitle: l.executionPlan, errorMessage: help["executionPlan"]), body(2))
        try canvas.validation(XLSXDataValidation(
            .any, inputTitle: l.projectDirections, inputMessage: help["directions"]), body(3))
        // The one bound every reader accepts: a user can type exactly what import takes.
        try canvas.validation(XLSXDataValidation(
            .wholeNumber(min: Amount.range.lowerBound, max: Amount.range.upperBound), inputTitle: "金額(千円)",
            inputMessage: help["amount"], errorTitle: "金額(千円)",
            errorMessage: "\(Amount.range.lowerBound)〜\(Amount.maximumText) の整数を入力してください(千円単位)"),
            CellRange(first: .at(headerRow + 1, fixedColumns), last: .at(totalRow - 1, lastColumn)))
    }
}

extension ProjectsSheet {
    /// Reads the header (columns found by their labels, money years from the header text), the rows
    /// down to the 総事業費 row, and recomputes the totals, warning when the saved ones disagree.
    static func read(_ sheet: SheetView, _ ctx: ImportContext) -> ProjectTable {
        let l = ctx.template.labels
        let empty = ProjectTable(columns: [], rows: [], totals: [])
        guard let codeHeader = sheet.find(l.projectCode) else {
            ctx.fail("xlsx.missing-label", sheet, nil, ja: "構成事業の見出し「\(l.projectCode)」が見つかりません",
                     en: "cannot find the §3 header \"\(l.projectCode)\"")
            return empty
        }
        let header = codeHeader.row
        ctx.take(sheet, codeHeader)
        var missing = false
        func column(_ label: String) -> Int {
            guard let c = sheet.filled(row: header).first(where: { sheet.isLabel($0, label) }) else {
                ctx.fail("xlsx.missing-label", sheet, codeHeader, ja: "構成事業の見出しに「\(label)」がありません",
                         en: "the §3 header has no \"\(label)\" column")
                missing = true
                return -1
            }
            ctx.take(sheet, c)
            return c.column
        }
        let (name, plan, dirs, section) = (column(l.projectName), column(l.executionPlan),
                                           column(l.projectDirections), column(l.projectSection))
        var money: [(Int, MoneyColumn)] = []
        for cell in sheet.filled(row: header) {
            if let m = MoneyColumn(label: sheet.text(cell)) {
                ctx.locate(.moneyColumn(money.count), sheet, cell)
                money.append((cell.column, m))
            }
        }
        if money.isEmpty {
            ctx.fail("xlsx.missing-label", sheet, codeHeader, ja: "構成事業の見出しに年度の金額列(例: 令和元年度決算)がありません",
                     en: "the §3 header has no money columns (e.g. 令和元年度決算)")
            return empty
        }
        guard !missing else { return empty }
        // The unit note: in the row above the header, where the export puts it (over the last column).
        if header > 0, let unit = sheet.filled(row: header - 1).last(where: { sheet.isLabel($0, l.unit) }) { ctx.take(sheet, unit) }

        var rows: [Project] = []
        var totalRow: Int?
        ctx.rows(of: sheet, from: header + 1) { row in
            let codeCell = CellReference.at(row, codeHeader.column)
            if sheet.isLabel(codeCell, l.total) {
                ctx.take(sheet, codeCell)
                totalRow = row
                return false
            }
            let cells = [codeHeader.column, name, plan, dirs, section] + money.map(\.0)
            if cells.allSatisfy({ sheet.isBlank(.at(row, $0)) }) { return true }
            let i = rows.count
            ctx.locate(.project(i, .code), sheet, codeCell)
            let code = ctx.code(sheet, codeCell, digits: 10)
            let planCell = CellReference.at(row, plan)
            ctx.locate(.project(i, .executionPlan), sheet, planCell)
            let planText = ctx.text(sheet, planCell, label: l.executionPlan).trimmedSpaces()
            if !(planText.isEmpty || LabelKey.of(String(planText)) == Project.executionPlanMark) {
                ctx.fail("xlsx.execution-plan", sheet, planCell, ja: "実行計画は「対象」か空欄です: \"\(ImportContext.shown(String(planText)))\"",
                         en: "実行計画 must be 対象 or blank: \"\(ImportContext.shown(String(planText)))\"")
            }
            let dirCell = CellReference.at(row, dirs)
            ctx.locate(.project(i, .directions), sheet, dirCell)
            let dirText = ctx.text(sheet, dirCell, label: l.projectDirections)
            var directions: [Int] = []
            if !dirText.trimmedSpaces().isEmpty {
                if let parsed = Project.parseDirections(dirText) {
                    directions = parsed
                } else {
                    ctx.fail("xlsx.project-directions", sheet, dirCell,
                             ja: "施策の方向性は番号をカンマ区切りで入力してください(例: 1,2): \"\(ImportContext.shown(dirText))\"",
                             en: "directions must be numbers separated by commas (e.g. 1,2): \"\(ImportContext.shown(dirText))\"")
                }
            }
            var amounts: [Int?] = []
            for (k, (c, m)) in money.enumerated() {
                ctx.locate(.project(i, .amount(k)), sheet, .at(row, c))
                amounts.append(ctx.amount(sheet, .at(row, c), label: m.label))
            }
            ctx.locate(.project(i, .name), sheet, .at(row, name))
            ctx.locate(.project(i, .section), sheet, .at(row, section))
            rows.append(Project(code: code, name: ctx.text(sheet, .at(row, name), label: l.projectName),
                                inExecutionPlan: !planText.isEmpty, directions: directions,
                                section: ctx.text(sheet, .at(row, section), label: l.projectSection), amounts: amounts))
            return true
        }
        guard let totalRow else {
            ctx.fail("xlsx.missing-label", sheet, nil, ja: "「\(l.total)」の行が見つかりません", en: "cannot find the \(l.total) row")
            return ProjectTable(columns: money.map(\.1), rows: rows, totals: ProjectTable(columns: money.map(\.1), rows: rows, totals: []).computedTotals)
        }
        let table = ProjectTable(columns: money.map(\.1), rows: rows, totals: [])
        let sums = table.computedTotals
        for (k, (c, m)) in money.enumerated() {
            let cell = CellReference.at(totalRow, c)
            ctx.locate(.projectTotal(k), sheet, cell)
            guard sums[k] != Int.max else { continue }  // beyond the bound: reported as an invariant at this cell
            let saved = sheet.worksheet[cell]
            if saved?.cachedValueMissing == true || saved?.value.numberValue == nil {
                let what = saved.map { SheetView.holdsContent($0) } == true ? "(\(ImportContext.shown(UnreadCells.content(saved!))))" : ""
                ctx.warn("xlsx.total-not-saved", sheet, cell,
                         ja: "総事業費(\(m.label))の計算結果が保存されていません\(what)。事業の合計 \(yen(Double(sums[k]))) を使います",
                         en: "the total (\(m.label)) has no saved result\(what); using the sum of the rows, \(yen(Double(sums[k])))")
            } else if let v = saved?.value.numberValue, v != Double(sums[k]) {
                ctx.warn("xlsx.total-stale", sheet, cell,
                         ja: "総事業費(\(m.label))の保存値 \(yen(v)) が事業の合計 \(yen(Double(sums[k]))) と異なります(数式の範囲外の行や文字列の数値は合計されません)。事業の合計を使います",
                         en: "the saved total (\(m.label)) \(yen(v)) differs from the sum of the rows, \(yen(Double(sums[k]))); using the sum")
            }
        }
        return ProjectTable(columns: table.columns, rows: rows, totals: sums.map { $0 })
    }

    /// An amount for a message: `95,024`; a saved value no amount holds as General shows it.
    static func yen(_ v: Double) -> String {
        guard let d = CellDecimal(v) else { return String(v) }
        let places = min(d.fractionDigitCount, PrintedNumber.maximumFractionDigits)
        guard d.integerDigitCount <= CellDecimal.excelPrecision,
              let value = Decimal(string: d.rounded(fractionDigits: places).plainText(fractionDigits: places)) else { return d.generalText }
        return PrintedNumber(value: value, fractionDigits: places, grouped: true).text
    }
}
