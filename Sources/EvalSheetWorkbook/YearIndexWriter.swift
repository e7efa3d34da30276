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

    /// Writes the index to `path` atomically.
    ///
    /// - Throws: `TemplateError` for a template the writer cannot honour; `WorkbookExportError`
    ///   naming `path` and why (a cell that could not be written, or the file). Nothing is left behind.
    /// The value of the `EvalSheetKind` custom property that marks a year index.
    public static let kind = "index"

    /// Whether the workbook at `path` is a year index written by this tool (read by its properties).
    public static func isYearIndex(_ path: String) -> Bool {
        guard let document = try? XLSXDocument(path: path) else { return false }
        if case .string(let kind)? = document.customProperties[WorkbookProperty.kind] { return kind == Self.kind }
        return false
    }

    public func write(_ summaries: [PolicySummary], to path: String, overwrite: Bool) throws {
        try template.validate(file: "テンプレート \(template.name)")
        let book: XLSXWorkbookWriter
        do {
            book = try XLSXWorkbookWriter(path: path, overwrite: overwrite)
        } catch let error as XLSXWriteError {
            throw WorkbookExportError(file: path, problems: [.init(id: "export.file", message: error.message, writeError: error)])
        }
        do {
            try write(summaries.sorted { $0.code < $1.code }, into: book)
            try book.finish()
        } catch {
            book.abandon()
            switch error {
            case let e as IndexCellError:
                throw WorkbookExportError(file: path, problems: [
                    .init(id: "export.cell", place: e.place, message: e.error.message, writeError: e.error)])
            case let e as XLSXWriteError:
                throw WorkbookExportError(file: path, problems: [.init(id: "export.file", message: e.message, writeError: e)])
            case let e as TotalOverflow:
                throw WorkbookExportError(file: path, problems: [.init(id: "export.total", place: "'基本目標別'", message: .init(
                    ja: "基本目標 \(e.goal) の総事業費の合計が大きすぎて計算できません", en: "the total of goal \(e.goal) is too large to compute"))])
            default:
                throw error
            }
        }
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

    private func write(_ rows: [PolicySummary], into book: XLSXWorkbookWriter) throws {
        try book.setCustomProperty(WorkbookProperty.kind, string: YearIndexWriter.kind)
        let styles = WorkbookStyles(template)
        let columns = rows.first?.columns ?? []
        let indicatorCount = rows.map(\.latestRates.count).max() ?? 0
        let year = rows.first.map { FiscalYearText.japanese($0.fiscalYear) } ?? ""
        let headers = ["施策コード", "施策名", "基本目標", "担当部署", "担当課", "総合評価"]
            + columns.map { "総事業費(\($0.label))" }
            + (0..<indicatorCount).map { "指標\(CircledNumber.text($0 + 1)) 達成率(最新)" }
            + ["エラー", "警告", "ブック"]
        let moneyStart = 6, rateStart = 6 + columns.count, countStart = rateStart + indicatorCount
        let widths = [11.0, 34, 9, 12, 16, 9] + columns.map { _ in 18.0 } + (0..<indicatorCount).map { _ in 13.0 } + [7, 7, 8]

        let list = try book.addSheet(named: "施策一覧")
        try list.merge(CellRange(first: .at(0, 0), last: .at(0, headers.count - 1)),
                       string: "\(year) 施策評価シート 一覧(\(rows.count) 施策)", style: styles.title)
        try list.setRowHeight(0, height: template.font.titleSize * 2)
        for (c, h) in headers.enumerated() { try list.writeString(h, at: .at(2, c), style: styles.header) }
        try list.setRowHeight(2, height: 40)
        let cell = styles.label.with { $0.fillColor = nil; $0.vertical = .center }
        let number = cell.with { $0.numberFormat = "#,##0"; $0.horizontal = .right }
        let percent = cell.with { $0.numberFormat = "0.0%"; $0.horizontal = .right }
        let link = cell.with { $0.fontColor = 0x0563C1; $0.underline = .single }
        for (i, r) in rows.enumerated() {
            let row = 3 + i
            try on(list, row: row) {
            try list.writeString(r.code, at: .at(row, 0), style: cell)
            try list.writeString(r.name, at: .at(row, 1), style: cell)
            try write(r.goal.code, list, .at(row, 2), cell)
            try write(r.department, list, .at(row, 3), cell)
            try write(r.section, list, .at(row, 4), cell)
            try write(r.rating, list, .at(row, 5), cell.with { $0.horizontal = .center })
            for k in columns.indices {
                try list.writeNumber(Double(k < r.totals.count ? r.totals[k] : 0), at: .at(row, moneyStart + k), style: number)
            }
            for k in 0..<indicatorCount {
                let target = CellReference.at(row, rateStart + k)
                guard k < r.latestRates.count, case .number(let n) = r.latestRates[k].rate else {
                    try write(k < r.latestRates.count ? r.latestRates[k].rate.text : "", list, target, cell.with { $0.horizontal = .right })
                    continue
                }
                // The double nearest the printed rate (94.8% → 0.948, divided in Decimal).
                try list.writeNumber(NumberFormatCodec.cellValue(n), at: target, style: percent)
            }
            try list.writeNumber(Double(r.errors), at: .at(row, countStart), style: number)
            try list.writeNumber(Double(r.warnings), at: .at(row, countStart + 1), style: number)
            if let wb = r.workbook {
                let tooltip = DerivedText.clipped(DerivedText.line("\(r.code) \(r.name)"), to: 255)
                try list.writeURL("external:" + wb, text: "開く", tooltip: tooltip, at: .at(row, countStart + 2), style: link)
            } else {
                try list.writeBlank(at: .at(row, countStart + 2), style: cell)
            }
            }
        }
        for (c, w) in widths.enumerated() { try list.setColumnWidth(c, width: w) }
        try list.freezePanes(row: 3, column: 2)
        try printSetup(list, landscape: true, repeatUntil: 2)

        // 基本目標別: totals per goal, as SUMIF over the list (live) with the values cached.
        var goals: [(CodedName, [Int])] = []
        for r in rows {
            if let i = goals.firstIndex(where: { $0.0.code == r.goal.code }) {
                goals[i].1 = try zip(goals[i].1, r.totals).map { try Self.add($0, $1, goal: r.goal.code) }
            } else {
                goals.append((r.goal, r.totals))
            }
        }
        goals.sort { $0.0.code < $1.0.code }
        let goalSheet = try book.addSheet(named: "基本目標別")
        let goalHeaders = ["基本目標", "名称", "施策数"] + columns.map { "総事業費(\($0.label))" }
        try goalSheet.merge(CellRange(first: .at(0, 0), last: .at(0, goalHeaders.count - 1)),
                            string: "\(year) 基本目標別 総事業費(単位:千円)", style: styles.title)
        try goalSheet.setRowHeight(0, height: template.font.titleSize * 2)
        for (c, h) in goalHeaders.enumerated() { try goalSheet.writeString(h, at: .at(2, c), style: styles.header) }
        let listRange = { (c: Int) in "'施策一覧'!$\(CellReference.columnName(c))$4:$\(CellReference.columnName(c))$\(3 + rows.count)" }
        for (i, (goal, totals)) in goals.enumerated() {
            let row = 3 + i
            try goalSheet.writeString(goal.code, at: .at(row, 0), style: cell)
            try write(goal.name, goalSheet, .at(row, 1), cell)
            let count = rows.filter { $0.goal.code == goal.code }.count
            try goalSheet.writeFormula("=COUNTIF(\(listRange(2)),A\(row + 1))", cachedNumber: Double(count), at: .at(row, 2), style: number)
            for k in columns.indices {
                try goalSheet.writeFormula("=SUMIF(\(listRange(2)),$A\(row + 1),\(listRange(moneyStart + k)))",
                                           cachedNumber: Double(totals[k]), at: .at(row, 3 + k), style: number)
            }
        }
        let totalRow = 3 + goals.count
        try goalSheet.merge(CellRange(first: .at(totalRow, 0), last: .at(totalRow, 1)), string: "合計", style: styles.totalLabel)
        try goalSheet.writeFormula("=SUM(C4:C\(totalRow))", cachedNumber: Double(rows.count), at: .at(totalRow, 2), style: styles.totalAmount)
        for k in columns.indices {
            let col = CellReference.columnName(3 + k)
            let total = try goals.reduce(0) { try Self.add($0, k < $1.1.count ? $1.1[k] : 0, goal: "合計") }
            try goalSheet.writeFormula("=SUM(\(col)4:\(col)\(totalRow))", cachedNumber: Double(total),
                                       at: .at(totalRow, 3 + k), style: styles.totalAmount)
        }
        for (c, w) in ([10.0, 34, 8] + columns.map { _ in 18.0 }).enumerated() { try goalSheet.setColumnWidth(c, width: w) }
        try printSetup(goalSheet, landscape: false, repeatUntil: 2)

        // The chart: project money per policy, one series per year column.
        if !rows.isEmpty, !columns.isEmpty {
            let categories = "='施策一覧'!$A$4:$A$\(3 + rows.count)"
            let series = columns.enumerated().map { k, m in
                XLSXChartSeries(name: m.label, categories: categories,
                                values: "='施策一覧'!$\(CellReference.columnName(moneyStart + k))$4:$\(CellReference.columnName(moneyStart + k))$\(3 + rows.count)")
            }
            let chart = try book.addChart(XLSXChartSpec(kind: .column, series: series, title: "施策別 事業費(千円)",
                                                        xAxisTitle: "施策コード", yAxisTitle: "千円", legend: .bottom))
            try goalSheet.insertChart(chart, at: .at(totalRow + 2, 0), width: 760, height: 360)
        }
        try list.activate()
    }

    private func write(_ text: String, _ sheet: XLSXSheetWriter, _ at: CellReference, _ style: XLSXStyle) throws {
        if text.isEmpty { try sheet.writeBlank(at: at, style: style) } else { try sheet.writeString(text, at: at, style: style) }
    }

    private func printSetup(_ sheet: XLSXSheetWriter, landscape: Bool, repeatUntil: Int) throws {
        try sheet.setPaper(.a4)
        try sheet.setOrientation(landscape ? .landscape : .portrait)
        try sheet.fitToPages(width: 1, height: 0)
        try sheet.repeatRows(first: 0, last: repeatUntil)
        try sheet.setFooter("&R&9&P / &N ページ")
    }
}
