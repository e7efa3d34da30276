import XLSX
import XLSXWriter

/// One worksheet being written: cells with styles, merges across columns, defined names, and row
/// heights computed from the wrapped text each row holds.
final class SheetCanvas {
    let writer: XLSXSheetWriter
    let spec: WorkbookTemplate.Sheet
    let styles: WorkbookStyles
    let fontSize: Double
    private(set) var names: [(name: String, range: CellRange)] = []
    private var rowLines: [Int: Int] = [:]
    private var fixedHeights: [Int: Double] = [:]

    init(writer: XLSXSheetWriter, spec: WorkbookTemplate.Sheet, styles: WorkbookStyles, fontSize: Double) {
        self.writer = writer
        self.spec = spec
        self.styles = styles
        self.fontSize = fontSize
    }

    var name: String { writer.name }

    /// Width of a column in character units (the template's, else its last).
    func width(_ column: Int) -> Double {
        column < spec.columnWidths.count ? spec.columnWidths[column] : spec.columnWidths.last ?? 10
    }

    /// Writes text, merged over `span` columns when span > 1; blank text writes a styled blank cell.
    func text(_ value: String, at cell: CellReference, span: Int = 1, style: XLSXStyle) throws {
        let range = CellRange(first: cell, last: cell.offset(columns: span - 1))
        if span > 1 {
            try writer.merge(range, string: value, style: style)
        } else if value.isEmpty {
            try writer.writeBlank(at: cell, style: style)
        } else {
            try writer.writeString(value, at: cell, style: style)
        }
        if style.wrap, !value.isEmpty {
            let w = (cell.column..<cell.column + span).reduce(0) { $0 + width($1) }
            rowLines[cell.row] = max(rowLines[cell.row] ?? 1, TextMetrics.lines(value, width: w))
        }
    }

    func number(_ value: Double, at cell: CellReference, style: XLSXStyle) throws {
        try writer.writeNumber(value, at: cell, style: style)
    }

    func blank(at cell: CellReference, span: Int = 1, style: XLSXStyle) throws {
        try text("", at: cell, span: span, style: style)
    }

    func formula(_ formula: String, cached: Double, at cell: CellReference, style: XLSXStyle) throws {
        try writer.writeFormula(formula, cachedNumber: cached, at: cell, style: style)
    }

    /// A workbook-level defined name for a cell or range of this sheet.
    func define(_ name: String, _ range: CellRange) {
        names.append((name, range))
    }

    /// The formula text of a range on this sheet: `'3 構成事業'!$F$5:$F$10`.
    func reference(_ range: CellRange) -> String {
        quotedSheetName(name) + "!" + range.absolute
    }

    func setHeight(_ row: Int, _ height: Double) { fixedHeights[row] = height }

    /// Column widths and the row heights gathered while writing.
    func finish() throws {
        for (c, w) in spec.columnWidths.enumerated() { try writer.setColumnWidth(c, width: w) }
        for (row, lines) in rowLines where fixedHeights[row] == nil && lines > 1 {
            try writer.setRowHeight(row, height: TextMetrics.height(lines: lines, fontSize: fontSize))
        }
        for (row, h) in fixedHeights { try writer.setRowHeight(row, height: h) }
    }
}
