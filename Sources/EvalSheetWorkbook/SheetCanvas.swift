import EvalSheetModel
import XLSX
import XLSXWriter

/// One worksheet being written: cells with styles, merges across columns, defined names, and row
/// heights computed from the wrapped text each row holds (capped at Excel's 409 points: a longer
/// text stays whole in its cell and shows as far as the row reaches).
///
/// A cell that cannot be written throws `CanvasWriteError` with the sheet, the cell and — for a
/// value of the model — its `FieldPath`, so the exporter can say which field of which file failed.
final class SheetCanvas {
    let writer: XLSXSheetWriter
    let spec: WorkbookTemplate.Sheet
    let styles: WorkbookStyles
    let fontSize: Double
    private(set) var names: [(name: String, range: CellRange)] = []
    private var rowLines: [Int: Int] = [:]
    private var fixedHeights: [Int: Double] = [:]
    /// The columns the sheet uses; those beyond the template's widths get its last width.
    var usedColumns = 0

    /// Excel's tallest row, in points.
    static let maximumRowHeight = 409.0

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

    /// Runs one write, turning a writer error into a `CanvasWriteError` for `cell` and `field`.
    func at<T>(_ cell: CellReference, field: FieldPath? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as XLSXWriteError {
            throw CanvasWriteError(sheet: name, cell: cell, field: field, error: error)
        }
    }

    /// Writes text, merged over `span` columns when span > 1; blank text writes a styled blank cell.
    /// `field` names the model's value the text is (nil for the form's own labels).
    func text(_ value: String, at cell: CellReference, span: Int = 1, style: XLSXStyle, field: FieldPath? = nil) throws {
        try at(cell, field: field) {
            let range = CellRange(first: cell, last: cell.offset(columns: span - 1))
            if span > 1 {
                try writer.merge(range, string: value, style: style)
            } else if value.isEmpty {
                try writer.writeBlank(at: cell, style: style)
            } else {
                try writer.writeString(value, at: cell, style: style)
            }
        }
        if style.wrap, !value.isEmpty {
            let w = (cell.column..<cell.column + span).reduce(0) { $0 + width($1) }
            rowLines[cell.row] = max(rowLines[cell.row] ?? 1, TextMetrics.lines(value, width: w))
        }
    }

    /// Writes text into a merged block of several rows (the row heights are the caller's).
    func text(_ value: String, merged range: CellRange, style: XLSXStyle, field: FieldPath? = nil) throws {
        try at(range.first, field: field) { try writer.merge(range, string: value, style: style) }
    }

    func number(_ value: Double, at cell: CellReference, style: XLSXStyle, field: FieldPath? = nil) throws {
        try at(cell, field: field) { try writer.writeNumber(value, at: cell, style: style) }
    }

    func blank(at cell: CellReference, span: Int = 1, style: XLSXStyle, field: FieldPath? = nil) throws {
        try text("", at: cell, span: span, style: style, field: field)
    }

    func formula(_ formula: String, cached: Double, at cell: CellReference, style: XLSXStyle, field: FieldPath? = nil) throws {
        try at(cell, field: field) { try writer.writeFormula(formula, cachedNumber: cached, at: cell, style: style) }
    }

    func formula(_ formula: String, cachedText: String, at cell: CellReference, style: XLSXStyle, field: FieldPath? = nil) throws {
        try at(cell, field: field) { try writer.writeFormula(formula, cachedString: cachedText, at: cell, style: style) }
    }

    /// Adds a data validation to `range` (its messages come from the template).
    func validation(_ validation: XLSXDataValidation, _ range: CellRange) throws {
        try at(range.first) { try writer.addDataValidation(validation, range: range) }
    }

    /// A workbook-level defined name for a cell or range of this sheet.
    func define(_ name: String, _ range: CellRange) {
        names.append((name, range))
    }

    /// The formula text of a range on this sheet: `'3 構成事業'!$F$5:$F$10`.
    func reference(_ range: CellRange) -> String {
        quotedSheetName(name) + "!" + range.absolute
    }

    /// Fixes a row's height (capped at `maximumRowHeight`).
    func setHeight(_ row: Int, _ height: Double) { fixedHeights[row] = min(height, Self.maximumRowHeight) }

    /// Column widths and the row heights gathered while writing.
    func finish() throws {
        for c in 0..<max(spec.columnWidths.count, usedColumns) {
            try at(.at(0, c)) { try writer.setColumnWidth(c, width: width(c)) }
        }
        for (row, lines) in rowLines where fixedHeights[row] == nil && lines > 1 {
            let height = min(TextMetrics.height(lines: lines, fontSize: fontSize), Self.maximumRowHeight)
            try at(.at(row, 0)) { try writer.setRowHeight(row, height: height) }
        }
        for (row, h) in fixedHeights { try at(.at(row, 0)) { try writer.setRowHeight(row, height: h) } }
    }
}

/// A cell of the layout that could not be written: the sheet, the cell, the model's value it
/// holds (nil for the form's labels and settings) and the writer's reason.
struct CanvasWriteError: Error {
    var sheet: String
    var cell: CellReference
    var field: FieldPath?
    var error: XLSXWriteError

    /// `'5 評価'!C4`.
    var place: String { quotedSheetName(sheet) + "!" + cell.description }
}
