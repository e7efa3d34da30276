import EvalSheetModel
import XLSX
import XLSXWriter

/// The policy list of `index.xlsx` as data: each column's heading (from the template), width and
/// how it writes one policy's cell. The list's headings, widths and rows all walk `columns`.
struct IndexLayout {
    /// The first row of policies (row 4); the headings are on row 3.
    static let firstRow = 3

    let rows: PolicySummaryRows
    let template: FormTemplate
    let styles: WorkbookStyles
    let year: String
    let moneyColumns: [MoneyColumn]
    let indicatorCount: Int
    let columns: [IndexColumn]
    /// Where the goal code, the first money column and the first rate are.
    let goalColumn = 2, moneyStart = 6
    let cell, number, percent, link: XLSXStyle
    /// Whether the links to the policies' workbooks are added after the sheet is written
    /// (`XLSXSheetWriter.addFileLinks`, the same file without holding every link in memory): when
    /// the writer writes each of them exactly as a hyperlink cell, else they are hyperlink cells.
    let fileLinks: Bool

    init(rows: PolicySummaryRows, template t: FormTemplate) {
        self.rows = rows
        template = t
        styles = WorkbookStyles(t)
        year = rows.first.map { FiscalYearText.japanese($0.fiscalYear) } ?? ""
        moneyColumns = rows.first?.columns ?? []
        indicatorCount = rows.map(\.latestRates.count).max() ?? 0
        let cell = styles.label.with { $0.fillColor = nil; $0.vertical = .center }
        let number = cell.with { $0.numberFormat = "#,##0"; $0.horizontal = .right }
        let percent = cell.with { $0.numberFormat = "0.0%"; $0.horizontal = .right }
        let link = cell.with { $0.fontColor = 0x0563C1; $0.underline = .single }
        (self.cell, self.number, self.percent, self.link) = (cell, number, percent, link)
        let l = t.labels, x = t.index
        let fileLinks = rows.lazy.filter { $0.workbook != nil }.count <= XLSXSheetWriter.maximumLinks
            && rows.allSatisfy { r in
                r.workbook.map { XLSXSheetWriter.canWriteFileLink(target: $0, text: x.open, tooltip: Self.tooltip(r)) } ?? true
            }
        self.fileLinks = fileLinks
        let text = { (value: @escaping (PolicySummary) -> String, style: XLSXStyle) in
            { (r: PolicySummary, sheet: any XLSXCellWriting, at: CellReference) throws in
                let v = value(r)
                if v.isEmpty { try sheet.writeBlank(at: at, style: style) } else { try sheet.writeString(v, at: at, style: style) }
            }
        }
        var columns: [IndexColumn] = [
            IndexColumn(heading: l.policyCode, width: 11, write: text(\.code, cell)),
            IndexColumn(heading: l.policyName, width: 34, write: text(\.name, cell)),
            IndexColumn(heading: x.goal, width: 9, write: text(\.goal.code, cell)),
            IndexColumn(heading: l.department, width: 12, write: text(\.department, cell)),
            IndexColumn(heading: l.section, width: 16, write: text(\.section, cell)),
            IndexColumn(heading: x.rating, width: 9, write: text(\.rating, cell.with { $0.horizontal = .center })),
        ]
        for (k, m) in moneyColumns.enumerated() {
            columns.append(IndexColumn(heading: x.total(m.label), width: 18) { r, sheet, at in
                try sheet.writeNumber(Double(k < r.totals.count ? r.totals[k] : 0), at: at, style: number)
            })
        }
        for k in 0..<indicatorCount {
            columns.append(IndexColumn(heading: x.latestRate(k + 1), width: 13) { r, sheet, at in
                guard k < r.latestRates.count, case .number(let n) = r.latestRates[k].rate else {
                    let shown = k < r.latestRates.count ? r.latestRates[k].rate.text : ""
                    return try text({ _ in shown }, cell.with { $0.horizontal = .right })(r, sheet, at)
                }
                // The double nearest the printed rate (94.8% → 0.948, divided in Decimal).
                try sheet.writeNumber(NumberFormatCodec.cellValue(n), at: at, style: percent)
            })
        }
        columns.append(IndexColumn(heading: x.errors, width: 7) { r, sheet, at in
            try sheet.writeNumber(Double(r.errors), at: at, style: number)
        })
        columns.append(IndexColumn(heading: x.warnings, width: 7) { r, sheet, at in
            try sheet.writeNumber(Double(r.warnings), at: at, style: number)
        })
        columns.append(IndexColumn(heading: x.workbook, width: 8) { r, sheet, at in
            guard let wb = r.workbook else { return try sheet.writeBlank(at: at, style: cell) }
            if fileLinks { return try sheet.writeString(x.open, at: at, style: link) }
            // Without file links the rows are not streamed: the sheet itself writes the hyperlink.
            guard let sheet = sheet as? XLSXSheetWriter else {
                throw XLSXWriteError.library(function: "writeURL", code: 0, message: "a streamed row cannot hold a hyperlink cell")
            }
            try sheet.writeURL("external:" + wb, text: x.open, tooltip: Self.tooltip(r), at: at, style: link)
        })
        self.columns = columns.map { IndexColumn(heading: $0.heading, width: Self.width($0.heading, atLeast: $0.width), write: $0.write) }
    }

    /// The tooltip of a policy's link: its code and name on one line.
    static func tooltip(_ r: PolicySummary) -> String {
        DerivedText.clipped(DerivedText.line("\(r.code) \(r.name)"), to: 255)
    }

    /// The links of the rows to their workbooks, in row order (for `XLSXSheetWriter.addFileLinks`).
    func workbookLinks() -> some Sequence<XLSXFileLink> {
        let column = columns.count - 1
        return rows.lazy.enumerated().compactMap { i, r in
            r.workbook.map { XLSXFileLink(cell: .at(Self.firstRow + i, column), target: $0, tooltip: Self.tooltip(r)) }
        }
    }

    /// A column wide enough for each line of its heading (bold), so that a heading wraps only at
    /// its line breaks, never inside a word.
    static func width(_ heading: String, atLeast base: Double) -> Double {
        let widest = heading.split(separator: "\n").map { TextMetrics.displayWidth($0) }.max() ?? 0
        return max(base, (widest * 1.1 + 2).rounded(.up))
    }

    /// The height of a heading row: every line of its tallest heading, at least `minimum` points.
    func headingHeight(_ headings: [String], minimum: Double = 40) -> Double {
        let lines = headings.map { $0.split(separator: "\n", omittingEmptySubsequences: false).count }.max() ?? 1
        return max(minimum, TextMetrics.height(lines: lines, fontSize: template.font.size))
    }

    /// The columns the chart shows (policy codes, money): kept when the rows are streamed.
    var chartColumns: [Int] { [0] + moneyColumns.indices.map { moneyStart + $0 } }

    /// `'施策一覧'!$G$4:$G$12`: a column of the list's policy rows, for formulas and the chart.
    func listRange(column c: Int) -> String {
        let name = CellReference.columnName(c)
        return "\(quotedSheetName(template.index.listSheet))!$\(name)$\(Self.firstRow + 1):$\(name)$\(Self.firstRow + rows.count)"
    }
}

/// One column of the index's policy list: its heading, its width and how it writes a policy's cell.
struct IndexColumn {
    var heading: String
    var width: Double
    var write: (PolicySummary, any XLSXCellWriting, CellReference) throws -> Void
}
