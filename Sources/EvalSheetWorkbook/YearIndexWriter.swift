import Foundation
import EvalSheetModel
import XLSX
import XLSXWriter
import XLSXReader

/// The year's summary workbook (`index.xlsx`), in the same style as the policy workbooks:
/// 施策一覧 (one row per policy with a link to its workbook), 基本目標別 (totals per goal as live
/// SUMIF formulas with cached values) and a chart of project money per policy across the years.
public struct YearIndexWriter: Sendable {
    public let template: WorkbookTemplate

    public init(template: WorkbookTemplate = .standard) { self.template = template }

    /// The value of the `EvalSheetKind` custom property that marks a year index.
    public static let kind = "index"

    /// Whether the workbook at `path` is a year index written by this tool (read by its properties).
    public static func isYearIndex(_ path: String) -> Bool {
        guard let document = try? XLSXDocument(path: path) else { return false }
        return isYearIndex(document)
    }

    /// Whether an opened workbook is a year index written by this tool (read by its properties).
    public static func isYearIndex(_ document: XLSXDocument) -> Bool {
        if case .string(let kind)? = document.customProperties[WorkbookProperty.kind] { return kind == Self.kind }
        return false
    }

    /// Writes the index of `summaries` to `path` atomically, the rows in code order.
    ///
    /// - Throws: `TemplateError` for a template the writer cannot honour; `WorkbookExportError`
    ///   naming `path` and why (a cell that could not be written, or the file). Nothing is left behind.
    public func write(_ summaries: [PolicySummary], to path: String, overwrite: Bool) throws {
        var rows = PolicySummaryRows(summaries)
        rows.sortByCode()
        try write(rows, to: path, overwrite: overwrite)
    }

    /// Writes the index of `rows` to `path` atomically, the rows in the order they are read
    /// (`PolicySummaryRows.sortByCode` puts them in the index's order). Throws as the other `write`.
    public func write(_ rows: PolicySummaryRows, to path: String, overwrite: Bool) throws {
        try template.validate(file: "テンプレート \(template.name)")
        try WorkbookFile.write(to: path, overwrite: overwrite, { book in
            try write(rows, into: book)
        }, describe: { error in
            switch error {
            case let e as IndexCellError:
                return WorkbookExportError(file: path, problems: [
                    .init(id: "export.cell", place: e.place, message: e.error.message, writeError: e.error)])
            case let e as TotalOverflow:
                return WorkbookExportError(file: path, problems: [.init(id: "export.total", place: quotedSheetName(template.index.goalSheet), message: .init(
                    ja: "\(template.index.goal) \(e.goal) の総事業費の合計が大きすぎて計算できません", en: "the total of goal \(e.goal) is too large to compute"))])
            default:
                return nil
            }
        })
    }

    /// A cell of the index that could not be written.
    private struct IndexCellError: Error {
        var place: String
        var error: XLSXWriteError
    }

    /// Runs the writes of one sheet, naming the sheet and row of a failure.
    private func on(_ sheet: XLSXSheetWriter, row: Int, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as XLSXWriteError {
            throw IndexCellError(place: "\(quotedSheetName(sheet.name))!A\(row + 1)", error: error)
        }
    }

    /// A goal's total that Int cannot hold.
    private struct TotalOverflow: Error { var goal: String }

    /// `a + b`, or an error when the sum leaves what Int holds (never a trap).
    private static func add(_ a: Int, _ b: Int, goal: String) throws -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow { throw TotalOverflow(goal: goal) }
        return sum
    }

    private func write(_ rows: PolicySummaryRows, into book: XLSXWorkbookWriter) throws {
        try book.setCustomProperty(WorkbookProperty.kind, string: YearIndexWriter.kind)
        let layout = IndexLayout(rows: rows, template: template)
        let list = try writeList(layout, into: book)
        let goals = try Self.goals(rows)
        let (goalSheet, totalRow) = try writeGoals(goals, layout, into: book)
        try writeChart(layout, on: goalSheet, below: totalRow, in: book)
        try list.activate()
    }

    /// 施策一覧: the title, the headings and one row per policy, walking `layout.columns`.
    private func writeList(_ layout: IndexLayout, into book: XLSXWorkbookWriter) throws -> XLSXSheetWriter {
        let x = template.index, styles = layout.styles, columns = layout.columns
        let list = try book.addSheet(named: x.listSheet)
        try list.merge(CellRange(first: .at(0, 0), last: .at(0, columns.count - 1)),
                       string: x.listTitle(year: layout.year, count: layout.rows.count), style: styles.title)
        try list.setRowHeight(0, height: template.font.titleSize * 2)
        for (c, column) in columns.enumerated() { try list.writeString(column.heading, at: .at(2, c), style: styles.header) }
        try list.setRowHeight(2, height: layout.headingHeight(columns.map(\.heading)))
        // With file links every cell of a row is text, a number or a blank: the rows are streamed
        // (XLSXRowStream: the same file without holding every cell in memory).
        let rows: any XLSXCellWriting = layout.fileLinks && !layout.rows.isEmpty
            ? try list.streamRows(from: IndexLayout.firstRow, keepingValuesOf: layout.chartColumns) : list
        for (i, r) in layout.rows.enumerated() {
            let row = IndexLayout.firstRow + i
            try on(list, row: row) {
                for (c, column) in columns.enumerated() { try column.write(r, rows, .at(row, c)) }
            }
        }
        if layout.fileLinks { try list.addFileLinks { layout.workbookLinks() } }
        for (c, column) in columns.enumerated() { try list.setColumnWidth(c, width: column.width) }
        try list.freezePanes(row: IndexLayout.firstRow, column: 2)
        try printSetup(list, landscape: true, repeatUntil: 2)
        return list
    }

    /// The goals in code order with their totals per money column (an overflow is an error) and
    /// how many policies each has. A policy without a column adds 0 to it, as its row in the list shows.
    private static func goals(_ rows: PolicySummaryRows) throws -> [(CodedName, [Int], policies: Int)] {
        var goals: [(CodedName, [Int], policies: Int)] = []
        for r in rows {
            if let i = goals.firstIndex(where: { $0.0.code == r.goal.code }) {
                let (a, b) = (goals[i].1, r.totals)
                goals[i].1 = try (0..<max(a.count, b.count)).map { k in
                    try Self.add(k < a.count ? a[k] : 0, k < b.count ? b[k] : 0, goal: r.goal.code)
                }
                goals[i].policies += 1
            } else {
                goals.append((r.goal, r.totals, 1))
            }
        }
        return goals.sorted { $0.0.code < $1.0.code }
    }

    /// 基本目標別: totals per goal, as SUMIF over the list (live) with the values cached, and their sum.
    private func writeGoals(_ goals: [(CodedName, [Int], policies: Int)], _ layout: IndexLayout,
                            into book: XLSXWorkbookWriter) throws -> (XLSXSheetWriter, Int) {
        let x = template.index, styles = layout.styles, rows = layout.rows, money = layout.moneyColumns
        let goalSheet = try book.addSheet(named: x.goalSheet)
        let goalHeaders = [x.goal, x.goalName, x.policyCount] + money.map { x.total($0.label) }
        try goalSheet.merge(CellRange(first: .at(0, 0), last: .at(0, goalHeaders.count - 1)),
                            string: x.goalTitle(year: layout.year), style: styles.title)
        try goalSheet.setRowHeight(0, height: template.font.titleSize * 2)
        for (c, h) in goalHeaders.enumerated() { try goalSheet.writeString(h, at: .at(2, c), style: styles.header) }
        try goalSheet.setRowHeight(2, height: layout.headingHeight(goalHeaders))
        let listRange = { (c: Int) in layout.listRange(column: c) }
        for (i, (goal, totals, count)) in goals.enumerated() {
            let row = IndexLayout.firstRow + i
            try goalSheet.writeString(goal.code, at: .at(row, 0), style: layout.cell)
            try write(goal.name, goalSheet, .at(row, 1), layout.cell)
            try goalSheet.writeFormula("=COUNTIF(\(listRange(layout.goalColumn)),A\(row + 1))", cachedNumber: Double(count),
                                       at: .at(row, 2), style: layout.number)
            for k in money.indices {
                try goalSheet.writeFormula("=SUMIF(\(listRange(layout.goalColumn)),$A\(row + 1),\(listRange(layout.moneyStart + k)))",
                                           cachedNumber: Double(k < totals.count ? totals[k] : 0), at: .at(row, 3 + k), style: layout.number)
            }
        }
        let totalRow = IndexLayout.firstRow + goals.count
        try goalSheet.merge(CellRange(first: .at(totalRow, 0), last: .at(totalRow, 1)), string: x.sum, style: styles.totalLabel)
        try goalSheet.writeFormula("=SUM(C4:C\(totalRow))", cachedNumber: Double(rows.count), at: .at(totalRow, 2), style: styles.totalAmount)
        for k in money.indices {
            let col = CellReference.columnName(3 + k)
            let total = try goals.reduce(0) { try Self.add($0, k < $1.1.count ? $1.1[k] : 0, goal: x.sum) }
            try goalSheet.writeFormula("=SUM(\(col)4:\(col)\(totalRow))", cachedNumber: Double(total),
                                       at: .at(totalRow, 3 + k), style: styles.totalAmount)
        }
        for (c, w) in ([10.0, 34, 8] + money.map { _ in 18.0 }).enumerated() {
            try goalSheet.setColumnWidth(c, width: IndexLayout.width(goalHeaders[c], atLeast: w))
        }
        try printSetup(goalSheet, landscape: false, repeatUntil: 2)
        return (goalSheet, totalRow)
    }

    /// The chart: project money per policy, one series per year column, below the goal totals.
    private func writeChart(_ layout: IndexLayout, on sheet: XLSXSheetWriter, below totalRow: Int, in book: XLSXWorkbookWriter) throws {
        let x = template.index, rows = layout.rows
        guard !rows.isEmpty, !layout.moneyColumns.isEmpty else { return }
        let categories = "=" + layout.listRange(column: 0)
        let series = layout.moneyColumns.enumerated().map { k, m in
            XLSXChartSeries(name: m.label, categories: categories, values: "=" + layout.listRange(column: layout.moneyStart + k))
        }
        let chart = try book.addChart(XLSXChartSpec(kind: .column, series: series, title: x.chartTitle,
                                                    xAxisTitle: template.labels.policyCode, yAxisTitle: x.chartValueAxis, legend: .bottom,
                                                    yAxisNumberFormat: "#,##0"))
        try sheet.insertChart(chart, at: .at(totalRow + 2, 0), width: 760, height: 360)
    }

    private func write(_ text: String, _ sheet: XLSXSheetWriter, _ at: CellReference, _ style: XLSXStyle) throws {
        if text.isEmpty { try sheet.writeBlank(at: at, style: style) } else { try sheet.writeString(text, at: at, style: style) }
    }

    private func printSetup(_ sheet: XLSXSheetWriter, landscape: Bool, repeatUntil: Int) throws {
        try sheet.setPaper(.a4)
        try sheet.setOrientation(landscape ? .landscape : .portrait)
        try sheet.fitToPages(width: 1, height: 0)
        try sheet.repeatRows(first: 0, last: repeatUntil)
        try sheet.setFooter(template.index.footer)
    }
}
