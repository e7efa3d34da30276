import Foundation
import EvalSheetModel
import XLSX
import XLSXWriter

/// §3 構成事業の状況 (columns A–E plus one per money column): the header with the money years from
/// the model, one row per project, and 総事業費 as live SUM formulas with their values cached.
enum ProjectsSheet {
    static let headerRow = 3
    static let fixedColumns = ProjectColumn.allCases.count

    static func write(_ s: EvaluationSheet, on canvas: SheetCanvas, template t: WorkbookTemplate) throws {
        let styles = canvas.styles, l = t.labels, p = s.projects, layout = ProjectsLayout(s)
        let lastColumn = layout.lastColumn
        try canvas.text(l.unit, at: .at(headerRow - 1, lastColumn), style: styles.note.with { $0.horizontal = .right })
        for column in ProjectColumn.allCases {
            try canvas.text(l[keyPath: column.label], at: .at(headerRow, column.column), style: styles.header)
        }
        for (k, m) in p.columns.enumerated() {
            try canvas.text(m.label, at: .at(headerRow, layout.money(k)), style: styles.header, field: .moneyColumn(k))
        }
        var row = headerRow + 1
        for (i, project) in p.rows.enumerated() {
            for column in ProjectColumn.allCases {
                try canvas.text(column.text(project), at: .at(row, column.column), style: styles.input(column.kind),
                                field: .project(i, column.field))
            }
            for (c, amount) in project.amounts.enumerated() {
                let cell = CellReference.at(row, layout.money(c))
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
            let column = layout.money(c)
            let formula = p.rows.isEmpty ? "=0" : "=SUM(\(CellRange(first: .at(headerRow, column), last: .at(totalRow - 1, column))))"
            try canvas.formula(formula, cached: Double(sums[c]), at: .at(totalRow, column), style: styles.totalAmount,
                               field: .projectTotal(c))
        }
        if let reference = s.lastYear, let column = layout.reference {
            try writeReference(reference, column: column, rows: p.rows.count, on: canvas, labels: l)
        }
        canvas.define(TableName.projects, CellRange(first: .at(headerRow, 0), last: .at(totalRow, lastColumn)))
        canvas.define(TableName.projectTotals, CellRange(first: .at(totalRow, fixedColumns), last: .at(totalRow, lastColumn)))
        guard !p.rows.isEmpty else { return }
        try addValidations(on: canvas, template: t, body: headerRow + 1...totalRow - 1, lastColumn: lastColumn)
    }

    /// Last year's budget, locked, in its column beside this year's: `(参考)令和2年度予算`, one
    /// amount per project row (the amounts follow the rows, as `layoutProblem` checked), the total
    /// row's cell shaded and blank.
    private static func writeReference(_ r: LastYearReference, column: Int, rows: Int, on canvas: SheetCanvas,
                                       labels l: FormTemplate.Labels) throws {
        let styles = canvas.styles
        try canvas.text(l.referenceColumn(r.budget?.label ?? ""), at: .at(headerRow, column), style: styles.header,
                        field: .lastYearBudget(0))
        for k in 0..<rows {
            let cell = CellReference.at(headerRow + 1 + k, column)
            if k < r.budgetAmounts.count, let amount = r.budgetAmounts[k].amount {
                try canvas.number(Double(amount), at: cell, style: styles.referenceAmount, field: .lastYearBudget(k))
            } else {
                try canvas.blank(at: cell, style: styles.referenceAmount, field: .lastYearBudget(k))
            }
        }
        try canvas.blank(at: .at(headerRow + 1 + rows, column), style: styles.totalAmount)
    }

    /// The dropdown of 実行計画, the input help of 施策の方向性, and the bound of the amounts.
    private static func addValidations(on canvas: SheetCanvas, template t: WorkbookTemplate, body rows: ClosedRange<Int>,
                                       lastColumn: Int) throws {
        let l = t.labels, help = t.inputHelp
        let body = { (c: ProjectColumn) in CellRange(first: .at(rows.lowerBound, c.column), last: .at(rows.upperBound, c.column)) }
        try canvas.validation(XLSXDataValidation(
            .list([Project.executionPlanMark]), inputTitle: l.executionPlan, inputMessage: help["executionPlan"],
            errorTitle: l.executionPlan, errorMessage: help["executionPlan"]), body(.executionPlan))
        try canvas.validation(XLSXDataValidation(
            .any, inputTitle: l.projectDirections, inputMessage: help["directions"]), body(.directions))
        // The one bound every reader accepts: a user can type exactly what import takes.
        try canvas.validation(XLSXDataValidation(
            .wholeNumber(min: Amount.range.lowerBound, max: Amount.range.upperBound), inputTitle: l.amountTitle,
            inputMessage: help["amount"], errorTitle: l.amountTitle,
            errorMessage: "\(Amount.range.lowerBound)〜\(Amount.maximumText) の整数を入力してください(千円単位)"),
            CellRange(first: .at(rows.lowerBound, fixedColumns), last: .at(rows.upperBound, lastColumn)))
    }
}

extension ProjectsSheet {
    /// Where the header put each column: the fixed ones by their labels, the money ones by their years.
    struct Header {
        var row: Int
        var fixed: [ProjectColumn: Int]
        var money: [(column: Int, label: MoneyColumn)]
        /// Last year's budget beside them on a rolled-over sheet (`(参考)令和2年度予算`).
        var reference: (column: Int, label: MoneyColumn)?
    }

    /// Reads the header (columns found by their labels, money years from the header text), the rows
    /// down to the 総事業費 row, and recomputes the totals, warning when the saved ones disagree.
    /// Last year's budget in its reference column is gathered into `lastYear`, never read as this year's.
    static func read(_ sheet: SheetView, _ ctx: ImportContext, lastYear: inout LastYearParts) -> ProjectTable {
        guard let header = readHeader(sheet, ctx) else { return ProjectTable(columns: [], rows: [], totals: []) }
        let (rows, sheetRows, totalRow) = readRows(sheet, header, ctx)
        checkHeadlessColumns(sheet, header, sheetRows, ctx)
        if let reference = header.reference {
            lastYear.budget = reference.label
            lastYear.amounts = readReference(sheet, at: reference.column, header.row, zip(sheetRows, rows).map { $0 }, ctx)
            // The total row has no reference total: a blank there is the layout's, anything typed is
            // left untaken, so it is named (xlsx.unread-cell) rather than dropped.
            if let totalRow, sheet.isBlank(.at(totalRow, reference.column)) { ctx.take(sheet, .at(totalRow, reference.column)) }
        }
        let table = ProjectTable(columns: header.money.map(\.label), rows: rows, totals: [])
        let sums = table.computedTotals
        guard let totalRow else {
            let l = ctx.template.labels
            ctx.fail("xlsx.missing-label", sheet, nil, ja: "「\(l.total)」の行が見つかりません", en: "cannot find the \(l.total) row")
            return ProjectTable(columns: table.columns, rows: rows, totals: sums.map { $0 })
        }
        checkTotals(sums, row: totalRow, header, sheet, ctx)
        return ProjectTable(columns: table.columns, rows: rows, totals: sums.map { $0 })
    }

    /// The header row found by its No. label, each fixed column by its label, the money columns by
    /// their years, and the unit note above (all taken); nil with an error when a column is missing.
    static func readHeader(_ sheet: SheetView, _ ctx: ImportContext) -> Header? {
        let l = ctx.template.labels
        guard let codeHeader = sheet.find(l.projectCode) else {
            ctx.fail("xlsx.missing-label", sheet, nil, ja: "構成事業の見出し「\(l.projectCode)」が見つかりません",
                     en: "cannot find the §3 header \"\(l.projectCode)\"")
            return nil
        }
        let row = codeHeader.row
        var fixed: [ProjectColumn: Int] = [.code: codeHeader.column]
        ctx.take(sheet, codeHeader)
        var missing = false
        let headerCells = sheet.filled(row: row)
        for column in ProjectColumn.allCases where column != .code {
            let label = ctx.label(column.label)
            guard let c = headerCells.first(where: { sheet.isLabel($0, label) }) else {
                ctx.fail("xlsx.missing-label", sheet, codeHeader, ja: "構成事業の見出しに「\(label)」がありません",
                         en: "the §3 header has no \"\(label)\" column")
                missing = true
                continue
            }
            ctx.take(sheet, c)
            fixed[column] = c.column
        }
        var money: [(column: Int, label: MoneyColumn)] = []
        var reference: (column: Int, label: MoneyColumn)?
        for cell in headerCells {
            let text = sheet.text(cell)
            if reference == nil, let m = referenceColumns.value("\(l.referenceColumn.utf8.count):\(l.referenceColumn)\(text)", { referenceColumn(text, l) }) {
                ctx.take(sheet, cell)
                reference = (cell.column, m)
            } else if let m = moneyColumns.value(text, { MoneyColumn(label: text) }) {
                ctx.locate(.moneyColumn(money.count), sheet, cell)
                money.append((cell.column, m))
            } else if !fixed.values.contains(cell.column), Self.looksLikeAMoneyHeader(text) {
                // A year's column whose heading is mistyped (令和元年度決済): its amounts would be
                // dropped as cells the layout does not read, so it is an error, as in the text form.
                ctx.fail("xlsx.unknown-column", sheet, cell,
                         ja: "構成事業の見出し「\(ImportContext.shown(text))」は年度の金額列として読めません(例: 令和元年度決算、令和2年度予算)",
                         en: "the §3 heading \"\(ImportContext.shown(text))\" is no money column (e.g. 令和元年度決算, 令和2年度予算)")
            }
        }
        if money.isEmpty {
            ctx.fail("xlsx.missing-label", sheet, codeHeader, ja: "構成事業の見出しに年度の金額列(例: 令和元年度決算)がありません",
                     en: "the §3 header has no money columns (e.g. 令和元年度決算)")
            return nil
        }
        guard !missing else { return nil }
        // The unit note: in the row above the header, where the export puts it (over the last column).
        if row > 0, let unit = sheet.filled(row: row - 1).last(where: { sheet.isLabel($0, l.unit) }) { ctx.take(sheet, unit) }
        return Header(row: row, fixed: fixed, money: money, reference: reference)
    }

    /// A column inside the table (or just right of it) whose heading is blank while its project rows
    /// hold numbers: a money column's heading deleted, or typed over with a space. Its amounts would
    /// be dropped as cells the layout does not read, so it is an error at the heading, as a mistyped
    /// heading is. A column of the user's own further right is a warning per cell, as before.
    static func checkHeadlessColumns(_ sheet: SheetView, _ header: Header, _ rows: [Int], _ ctx: ImportContext) {
        let known = Set(header.fixed.values).union(header.money.map(\.column)).union(header.reference.map { [$0.column] } ?? [])
        guard let firstMoney = header.fixed.values.max().map({ $0 + 1 }), let last = known.max() else { return }
        var reported: Set<Int> = []
        for r in rows {
            for cell in sheet.cells(row: r) {
                let c = cell.reference.column
                guard c >= firstMoney, c <= last + 1, !known.contains(c), !reported.contains(c), case .number = cell.value,
                      sheet.isBlank(.at(header.row, c)) else { continue }
                reported.insert(c)
                let name = CellReference.columnName(c)
                ctx.fail("xlsx.unknown-column", sheet, .at(header.row, c),
                         ja: "構成事業の見出し(\(name)列)が空欄ですが、その列の事業の行に金額が入っています。年度の金額列の見出し(例: 令和2年度決算)を入れてください",
                         en: "the §3 heading of column \(name) is blank but its project rows hold amounts; give it a money column's heading (e.g. 令和2年度決算)")
            }
        }
    }

    /// Whether a §3 heading that is no money column names a year or a kind of amount (`年度`, `決算`,
    /// `予算`) or is a number (`2019`, a year typed over the heading): a money column mistyped, not a
    /// column of the user's own (`備考`).
    static func looksLikeAMoneyHeader(_ text: String) -> Bool {
        let key = LabelKey.of(text)
        if key.contains("年度") || key.contains("決算") || key.contains("予算") { return true }
        return !key.isEmpty && key.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("０"..."９").contains($0) || $0 == "." }
    }

    /// Header texts read as money columns, and as reference columns (by the template's pattern and
    /// the text): every workbook of a year has the same few headings.
    private static let moneyColumns = Memo<MoneyColumn?>(limit: 1024)
    private static let referenceColumns = Memo<MoneyColumn?>(limit: 1024)

    /// The money column a reference heading names (`(参考)令和2年度予算` → 令和2年度予算), by the
    /// template's `referenceColumn`; nil for any other text.
    static func referenceColumn(_ text: String, _ l: FormTemplate.Labels) -> MoneyColumn? {
        let parts = l.referenceColumn.components(separatedBy: "{column}")
        guard parts.count == 2 else { return nil }
        let key = LabelKey.of(text), prefix = LabelKey.of(parts[0]), suffix = LabelKey.of(parts[1])
        guard key.count > prefix.count + suffix.count, key.hasPrefix(prefix), key.hasSuffix(suffix) else { return nil }
        return MoneyColumn(label: key.dropFirst(prefix.count).dropLast(suffix.count))
    }

    /// Last year's amount of each project row, by the row's code (blank: none).
    private static func readReference(_ sheet: SheetView, at column: Int, _ headerRow: Int, _ rows: [(Int, Project)],
                                      _ ctx: ImportContext) -> [ProjectAmount] {
        let label = sheet.text(.at(headerRow, column))
        return rows.enumerated().map { k, row in
            let cell = CellReference.at(row.0, column)
            ctx.locate(.lastYearBudget(k), sheet, cell)
            return ProjectAmount(code: row.1.code, amount: ctx.amount(sheet, cell, label: label))
        }
    }

    /// The project rows below the header and the sheet rows they are on, up to the 総事業費 row (its
    /// row, nil when there is none).
    static func readRows(_ sheet: SheetView, _ header: Header, _ ctx: ImportContext) -> ([Project], [Int], Int?) {
        let l = ctx.template.labels
        var rows: [Project] = []
        var sheetRows: [Int] = []
        var totalRow: Int?
        let columnLabels = ProjectColumn.allCases.map { l[keyPath: $0.label] }
        ctx.rows(of: sheet, from: header.row + 1) { row in
            let cell = { (c: ProjectColumn) in CellReference.at(row, header.fixed[c]!) }
            if sheet.isLabel(cell(.code), l.total) {
                ctx.take(sheet, cell(.code))
                totalRow = row
                return false
            }
            let all = ProjectColumn.allCases.map(cell) + header.money.map { CellReference.at(row, $0.column) }
            if all.allSatisfy(sheet.isBlank) { return true }
            rows.append(readProject(row: row, index: rows.count, cell, header, sheet, ctx, columnLabels))
            sheetRows.append(row)
            return true
        }
        return (rows, sheetRows, totalRow)
    }

    /// One project row: each fixed column by its description, then the amounts.
    /// `columnLabels`: the label of each column, in case order.
    private static func readProject(row: Int, index i: Int, _ cell: (ProjectColumn) -> CellReference, _ header: Header,
                                    _ sheet: SheetView, _ ctx: ImportContext, _ columnLabels: [String]) -> Project {
        var p = Project(code: "", name: "", inExecutionPlan: false, directions: [], section: "", amounts: [])
        for (column, label) in zip(ProjectColumn.allCases, columnLabels) {
            let ref = cell(column)
            ctx.locate(.project(i, column.field), sheet, ref)
            switch column {
            case .code:
                p.code = ctx.code(sheet, ref, digits: 10)
            case .name:
                p.name = ctx.text(sheet, ref, label: label)
            case .section:
                p.section = ctx.text(sheet, ref, label: label)
            case .executionPlan:
                let text = ctx.text(sheet, ref, label: label).trimmedSpaces()
                if !(text.isEmpty || LabelKey.of(String(text)) == Project.executionPlanMark) {
                    ctx.fail("xlsx.execution-plan", sheet, ref, ja: "\(label)は「対象」か空欄です: \"\(ImportContext.shown(String(text)))\"",
                             en: "\(label) must be 対象 or blank: \"\(ImportContext.shown(String(text)))\"")
                }
                p.inExecutionPlan = !text.isEmpty
            case .directions:
                let text = ctx.text(sheet, ref, label: label)
                guard !text.trimmedSpaces().isEmpty else { continue }
                if let parsed = Project.parseDirections(text) {
                    p.directions = parsed
                } else {
                    ctx.fail("xlsx.project-directions", sheet, ref,
                             ja: "\(label)は番号をカンマ区切りで入力してください(例: 1,2): \"\(ImportContext.shown(text))\"",
                             en: "directions must be numbers separated by commas (e.g. 1,2): \"\(ImportContext.shown(text))\"")
                }
            }
        }
        for (k, (c, m)) in header.money.enumerated() {
            ctx.locate(.project(i, .amount(k)), sheet, .at(row, c))
            p.amounts.append(ctx.amount(sheet, .at(row, c), label: m.label))
        }
        return p
    }

    /// Compares each saved 総事業費 with the sum of the rows: a total with no saved result, or one
    /// that differs, is a warning at its cell (the sum is used).
    private static func checkTotals(_ sums: [Int], row totalRow: Int, _ header: Header, _ sheet: SheetView, _ ctx: ImportContext) {
        for (k, (c, m)) in header.money.enumerated() {
            let cell = CellReference.at(totalRow, c)
            ctx.locate(.projectTotal(k), sheet, cell)
            guard sums[k] != Int.max else { continue }  // beyond the bound: reported as an invariant at this cell
            let saved = sheet.worksheet[cell]
            // 総事業費(令和元年度決算), named only in a warning (made only then: a Foundation search).
            func total() -> String { ctx.template.index.totalName(m.label) }
            if saved?.cachedValueMissing == true || saved?.value.numberValue == nil {
                let what = saved.map { SheetView.holdsContent($0) } == true ? "(\(ImportContext.shown(UnreadCells.content(saved!))))" : ""
                ctx.warn("xlsx.total-not-saved", sheet, cell,
                         ja: "\(total())の計算結果が保存されていません\(what)。事業の合計 \(yen(Double(sums[k]))) を使います",
                         en: "the total (\(m.label)) has no saved result\(what); using the sum of the rows, \(yen(Double(sums[k])))")
            } else if let v = saved?.value.numberValue, v != Double(sums[k]) {
                ctx.warn("xlsx.total-stale", sheet, cell,
                         ja: "\(total())の保存値 \(yen(v)) が事業の合計 \(yen(Double(sums[k]))) と異なります(数式の範囲外の行や文字列の数値は合計されません)。事業の合計を使います",
                         en: "the saved total (\(m.label)) \(yen(v)) differs from the sum of the rows, \(yen(Double(sums[k]))); using the sum")
            }
        }
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
