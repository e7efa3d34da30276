import XLSX

/// Writes one worksheet of an `XLSXWorkbookWriter`: cells, merges, sizes, validation and view.
///
/// Rows and columns are zero-based, as in `CellReference`. Each write takes an `XLSXStyle`
/// (default `.default`); equal styles share one format in the file. Every method throws
/// `XLSXWriteError.workbookClosed` once the workbook is finished or abandoned.
/// Print setup, protection and charts are in extensions (XLSXPrintSetup.swift, …).
public final class XLSXSheetWriter {
    let sheet: LXWSheet
    let context: XLSXWorkbookContext

    init(sheet: LXWSheet, context: XLSXWorkbookContext) {
        self.sheet = sheet
        self.context = context
    }

    /// The sheet's name.
    public var name: String { sheet.name }

    /// The sheet's zero-based position in the workbook.
    public var index: Int { sheet.index }

    // MARK: Cells

    /// Writes text. An empty string writes a blank cell (with `style`, if any).
    public func writeString(_ value: String, at cell: CellReference, style: XLSXStyle = .default) throws {
        try sheet.writeString(cell.row, cell.column, value, style)
    }

    /// Writes a number (finite; stored with 16 significant digits).
    public func writeNumber(_ value: Double, at cell: CellReference, style: XLSXStyle = .default) throws {
        try sheet.writeNumber(cell.row, cell.column, value, style)
    }

    /// Writes TRUE or FALSE.
    public func writeBool(_ value: Bool, at cell: CellReference, style: XLSXStyle = .default) throws {
        try sheet.writeBool(cell.row, cell.column, value, style)
    }

    /// Writes an empty cell that carries `style` (with `.default` nothing needs writing).
    public func writeBlank(at cell: CellReference, style: XLSXStyle = .default) throws {
        try sheet.writeBlank(cell.row, cell.column, style)
    }

    /// Writes a formula such as `=SUM(B2:B9)` with its numeric result, which libxlsxwriter
    /// cannot compute; readers that do not recalculate show `cachedNumber`.
    public func writeFormula(_ formula: String, cachedNumber: Double, at cell: CellReference,
                             style: XLSXStyle = .default) throws {
        try sheet.writeFormula(cell.row, cell.column, formula, cachedNumber: cachedNumber, style)
    }

    /// Writes a formula with its text result.
    public func writeFormula(_ formula: String, cachedString: String, at cell: CellReference,
                             style: XLSXStyle = .default) throws {
        try sheet.writeFormula(cell.row, cell.column, formula, cachedString: cachedString, style)
    }

    /// Writes a hyperlink: `https://…`, `mailto:…`, `file:///…`, or an internal link
    /// `internal:'Sheet'!A1`. `text` is shown instead of the URL; with `.default` style the
    /// link gets Excel's blue underlined hyperlink style.
    public func writeURL(_ url: String, text: String? = nil, tooltip: String? = nil, at cell: CellReference,
                         style: XLSXStyle = .default) throws {
        try sheet.writeURL(cell.row, cell.column, url, text: text, tooltip: tooltip, style)
    }

    /// Writes a link to a cell of a sheet in this workbook.
    public func writeInternalLink(toSheet sheetName: String, cell target: CellReference, text: String? = nil,
                                  at cell: CellReference, style: XLSXStyle = .default) throws {
        try writeURL("internal:" + quotedSheetName(sheetName) + "!" + target.description, text: text,
                     at: cell, style: style)
    }

    // MARK: Streamed rows

    /// Streams this sheet's rows from `firstRow` on: their cells go to a scratch file beside the
    /// workbook instead of memory, and into the sheet when the workbook is finished, the same file
    /// byte for byte (see `XLSXRowStream`). The values of `keptColumns` are kept for charts that show
    /// them. Once called, this sheet and the sheets before it take no more cells, row settings or
    /// column styles; one sheet a workbook, whose default row height is the default.
    public func streamRows(from firstRow: Int, keepingValuesOf keptColumns: [Int] = []) throws -> XLSXRowStream {
        try context.beginStream(on: sheet, from: firstRow, keeping: keptColumns)
    }

    // MARK: Merges

    /// Merges `range` and writes `string` in it. All cells of the range get `style` (so borders
    /// surround the whole block). A one-cell range is written without merging. Overlapping an
    /// earlier merge throws `.overlappingMerge`.
    public func merge(_ range: CellRange, string: String, style: XLSXStyle = .default) throws {
        if range.first == range.last { return try writeString(string, at: range.first, style: style) }
        try sheet.merge(range, text: string, style)
    }

    /// Merges `range` and writes `number` in its first cell.
    public func merge(_ range: CellRange, number: Double, style: XLSXStyle = .default) throws {
        if range.first == range.last { return try writeNumber(number, at: range.first, style: style) }
        try LXWGuard.number(number)
        try sheet.merge(range, text: "", style)
        try sheet.writeNumber(range.first.row, range.first.column, number, style)
    }

    /// Merges `range` without a value (a blank block carrying `style`).
    public func merge(_ range: CellRange, style: XLSXStyle = .default) throws {
        if range.first == range.last { return try writeBlank(at: range.first, style: style) }
        try sheet.merge(range, text: "", style)
    }

    // MARK: Rows and columns

    /// Sets the width of one column in characters (0…255), optionally a default style and hiding it.
    public func setColumnWidth(_ column: Int, width: Double, style: XLSXStyle? = nil, hidden: Bool = false) throws {
        try sheet.setColumns(column, column, width: width, style: style, hidden: hidden)
    }

    /// Sets the width of a range of columns.
    public func setColumnWidth(_ columns: ClosedRange<Int>, width: Double, style: XLSXStyle? = nil,
                               hidden: Bool = false) throws {
        try sheet.setColumns(columns.lowerBound, columns.upperBound, width: width, style: style, hidden: hidden)
    }

    /// Sets the height of one row in points (0…409), optionally a default style and hiding it.
    /// Wrapped text needs an explicit height: libxlsxwriter cannot measure text.
    public func setRowHeight(_ row: Int, height: Double, style: XLSXStyle? = nil, hidden: Bool = false) throws {
        try sheet.setRow(row, height: height, style: style, hidden: hidden)
    }

    /// Hides a row, keeping the default height.
    public func hideRow(_ row: Int) throws {
        try sheet.setRow(row, height: nil, style: nil, hidden: true)
    }

    // MARK: Data validation

    /// Adds a validation rule to `range`. A `.list` too long for libxlsxwriter 1.1.4's inline
    /// list is moved to the hidden `_lists` sheet and referenced by a list formula.
    public func addDataValidation(_ validation: XLSXDataValidation, range: CellRange) throws {
        var effective = validation
        if case .list(let items) = validation.kind, !LXWGuard.inlineListFits(items) {
            try LXWGuard.listItems(items)
            effective.kind = .listFormula(try context.listFormula(for: items))
        }
        try sheet.addValidation(effective, range: range)
    }

    // MARK: View

    /// Hides the sheet (a user can unhide it). If the active sheet ends up hidden, the
    /// workbook opens on the first visible sheet instead.
    public func hide() throws { try sheet.hide() }

    /// Makes this the sheet Excel opens on (this also unhides it).
    public func activate() throws { try sheet.activate() }

    /// Colours the sheet's tab (`0xRRGGBB`).
    public func setTabColor(_ color: UInt32) throws { try sheet.setTabColor(color) }

    /// Hides the gridlines on screen and in print.
    public func hideGridlines() throws { try sheet.hideGridlines() }

    /// Freezes the rows above `row` and the columns left of `column` (0 freezes none).
    public func freezePanes(row: Int, column: Int) throws { try sheet.freezePanes(row: row, column: column) }

    /// Sets the zoom, 10…400 percent.
    public func setZoom(_ percent: Int) throws { try sheet.setZoom(percent) }
}
