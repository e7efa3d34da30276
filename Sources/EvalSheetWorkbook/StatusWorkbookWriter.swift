import Foundation
import EvalSheetModel
import XLSX
import XLSXWriter
import XLSXReader

/// What the collection-status workbook shows, as plain tables: the caller decides the columns
/// (headings are data, in the order given) and the rows; the writer gives them the index's care —
/// a title, a frozen header with filter buttons, counts as numbers, links, column widths that fit
/// the text, rows of one group (a department) banded together, A4 landscape print.
public struct StatusWorkbook: Sendable {
    /// What a column holds, which decides its style: short text on one line; long text wrapped in a
    /// column of at most `StatusWorkbookWriter.wrapWidth` (the row grows to show all of it); a
    /// number; a link (wrapped like long text).
    public enum ColumnKind: Sendable { case text, longText, count, link }

    /// One column: its heading and kind.
    public struct Column: Sendable {
        public var heading: String
        public var kind: ColumnKind
        public init(_ heading: String, _ kind: ColumnKind) {
            self.heading = heading
            self.kind = kind
        }
    }

    /// One cell's value.
    public enum Cell: Hashable, Sendable {
        case text(String)
        /// A number the reader can filter and sum.
        case count(Int)
        /// A link to a file, relative to the workbook's folder, shown as `text`.
        case link(target: String, text: String)
        case blank
    }

    /// One worksheet: a title above a header row, then the rows; `groups[i]` is row i's group
    /// (rows of one group are banded alike; empty: no banding).
    public struct Table: Sendable {
        public var sheetName: String
        public var title: String
        public var columns: [Column]
        public var rows: [[Cell]]
        public var groups: [Int]

        public init(sheetName: String, title: String, columns: [Column], rows: [[Cell]], groups: [Int] = []) {
            self.sheetName = sheetName
            self.title = title
            self.columns = columns
            self.rows = rows
            self.groups = groups
        }
    }

    public var tables: [Table]

    public init(tables: [Table]) { self.tables = tables }
}

/// Writes a `StatusWorkbook` atomically, never over an existing file unless asked, marked (custom
/// property `EvalSheetKind` = `status`) so that the tool never reads it back as a policy's sheet.
public struct StatusWorkbookWriter: Sendable {
    /// The value of the `EvalSheetKind` custom property that marks a status workbook.
    public static let kind = "status"

    public let template: WorkbookTemplate

    public init(template: WorkbookTemplate = .standard) { self.template = template }

    /// Whether the workbook at `path` is a status workbook written by this tool.
    public static func isStatusWorkbook(_ path: String) -> Bool {
        guard let document = try? XLSXDocument(path: path) else { return false }
        if case .string(let kind)? = document.customProperties[WorkbookProperty.kind] { return kind == Self.kind }
        return false
    }

    /// The width in column units that shows `text` on one line (clamped to 6…60).
    static func width(_ text: String) -> Double {
        min(60, max(6, (TextMetrics.displayWidth(text) + 2).rounded(.up)))
    }

    /// The widest a column of long text or links gets; longer text wraps.
    public static let wrapWidth = 36.0

    /// Writes the workbook to `path`.
    ///
    /// - Throws: `WorkbookExportError` naming `path` and why (a cell that could not be written, or the
    ///   file: `.fileExists` without `overwrite`). Nothing is left behind.
    public func write(_ workbook: StatusWorkbook, to path: String, overwrite: Bool) throws {
        var place = ""
        try WorkbookFile.write(to: path, overwrite: overwrite, { book in
            try book.setCustomProperty(WorkbookProperty.kind, string: Self.kind)
            for table in workbook.tables { try write(table, into: book, place: &place) }
        }, describe: { error in
            guard let e = error as? XLSXWriteError, !place.isEmpty else { return nil }
            return WorkbookExportError(file: path, problems: [.init(id: "export.cell", place: place, message: e.message, writeError: e)])
        })
    }

    private func write(_ table: StatusWorkbook.Table, into book: XLSXWorkbookWriter, place: inout String) throws {
        let styles = WorkbookStyles(template)
        let sheet = try book.addSheet(named: table.sheetName)
        let header = 2, first = 3
        place = "\(quotedSheetName(table.sheetName))!A1"
        try writeHeading(table, header: header, on: sheet, styles: styles)
        // Widths first (they decide how long text wraps), then the cells and the rows' heights.
        let widths = Self.widths(table)
        let plain = styles.label.with { $0.fillColor = nil; $0.vertical = .center; $0.wrap = false }
        let band = plain.with { $0.fillColor = 0xF2F2F2 }
        for (i, row) in table.rows.enumerated() {
            let banded = i < table.groups.count && table.groups[i] % 2 == 1
            try write(row, at: first + i, of: table, widths: widths, on: sheet, style: banded ? band : plain,
                      place: &place)
        }
        place = "\(quotedSheetName(table.sheetName))!A\(header + 1)"
        for (c, w) in widths.enumerated() { try sheet.setColumnWidth(c, width: w) }
        try sheet.setRowHeight(header, height: template.font.size * 2)
        if !table.columns.isEmpty {
            try sheet.autofilter(CellRange(first: .at(header, 0), last: .at(header + max(table.rows.count, 1), table.columns.count - 1)))
        }
        try sheet.freezePanes(row: first, column: 0)
        try sheet.setPaper(.a4)
        try sheet.setOrientation(.landscape)
        try sheet.fitToPages(width: 1, height: 0)
        try sheet.repeatRows(first: 0, last: header)
        try sheet.setFooter("&R&9&P / &N ページ")
        place = ""
    }

    /// The title over all columns (row 1) and the column headings (row `header`).
    private func writeHeading(_ table: StatusWorkbook.Table, header: Int, on sheet: XLSXSheetWriter, styles: WorkbookStyles) throws {
        let columns = max(1, table.columns.count)
        if columns > 1 {
            try sheet.merge(CellRange(first: .at(0, 0), last: .at(0, columns - 1)), string: table.title, style: styles.title)
        } else {
            try sheet.writeString(table.title, at: .at(0, 0), style: styles.title)
        }
        try sheet.setRowHeight(0, height: template.font.titleSize * 2)
        let headerStyle = styles.header.with { $0.wrap = false; $0.vertical = .center }
        for (c, column) in table.columns.enumerated() {
            try sheet.writeString(column.heading, at: .at(header, c), style: headerStyle)
        }
    }

    /// A relative file path as a link target: `%`, `#` and `?` escaped (`#` would start the location
    /// in the file, `?` a query, and a `%` followed by hex digits would be read as an escape: `100%20.json`).
    static func linkTarget(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "#", with: "%23")
            .replacingOccurrences(of: "?", with: "%3F")
    }

    /// Each column's width: its longest value or heading (long texts and links wrap at `wrapWidth`).
    private static func widths(_ table: StatusWorkbook.Table) -> [Double] {
        var widths = table.columns.map { width($0.heading) + 2 }  // room for the filter button
        for row in table.rows {
            for (c, value) in row.enumerated() where c < table.columns.count {
                let text: String
                switch value {
                case .text(let s): text = s
                case .count(let n): text = String(n)
                case .link(_, let shown): text = shown
                case .blank: text = ""
                }
                widths[c] = max(widths[c], width(text))
            }
        }
        for (c, column) in table.columns.enumerated() where column.kind == .longText || column.kind == .link {
            widths[c] = min(widths[c], max(wrapWidth, width(column.heading) + 2))
        }
        return widths
    }

    /// One row of the table at row `r`, its height grown for the lines its wrapped texts take.
    private func write(_ row: [StatusWorkbook.Cell], at r: Int, of table: StatusWorkbook.Table, widths: [Double],
                       on sheet: XLSXSheetWriter, style: XLSXStyle, place: inout String) throws {
        var lines = 1
        for (c, value) in row.enumerated() where c < table.columns.count {
            let wraps = table.columns[c].kind == .longText || table.columns[c].kind == .link
            let base = style.with { $0.wrap = wraps }
            place = "\(quotedSheetName(table.sheetName))!\(CellReference.at(r, c))"
            switch value {
            case .text(let s):
                if s.isEmpty { try sheet.writeBlank(at: .at(r, c), style: base) } else { try sheet.writeString(s, at: .at(r, c), style: base) }
                if wraps { lines = max(lines, TextMetrics.lines(s, width: widths[c])) }
            case .count(let n):
                try sheet.writeNumber(Double(n), at: .at(r, c), style: base.with { $0.numberFormat = "#,##0"; $0.horizontal = .right })
            case .link(let target, let text):
                let style = base.with { $0.fontColor = 0x0563C1; $0.underline = .single }
                try sheet.writeURL("external:" + Self.linkTarget(target), text: text, tooltip: DerivedText.clipped(DerivedText.line(target), to: 255),
                                   at: .at(r, c), style: style)
                // The writer turns the link's `/` into `\` (as Windows writes relative links) in
                // the text it shows too; the text is written over it as given.
                try sheet.writeString(text, at: .at(r, c), style: style)
                lines = max(lines, TextMetrics.lines(text, width: widths[c]))
            case .blank:
                try sheet.writeBlank(at: .at(r, c), style: base)
            }
        }
        if lines > 1 { try sheet.setRowHeight(r, height: TextMetrics.height(lines: lines, fontSize: template.font.size)) }
    }
}
