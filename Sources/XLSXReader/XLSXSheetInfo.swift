/// Whether a sheet tab is shown.
public enum XLSXSheetState: String, Sendable, Equatable {
    /// Shown (the default).
    case visible
    /// Hidden; the user can unhide it from Excel's menu.
    case hidden
    /// Hidden; only VBA or an XML editor can unhide it.
    case veryHidden
}

/// What kind of sheet a workbook entry is.
public enum XLSXSheetKind: String, Sendable, Equatable {
    /// A grid of cells (the only kind `XLSXDocument.worksheet` reads).
    case worksheet
    /// A chart on its own tab.
    case chartsheet
    /// An Excel 5 dialog sheet.
    case dialogsheet
    /// An Excel 4 macro sheet.
    case macrosheet
}

/// One sheet of the workbook, in workbook (tab) order.
public struct XLSXSheetInfo: Sendable, Equatable {
    /// The tab name.
    public let name: String
    /// The `sheetId` attribute (stable across reordering; not the position).
    public let sheetId: Int
    /// Position in the workbook, from 0.
    public let index: Int
    /// Visible, hidden or very hidden.
    public let state: XLSXSheetState
    /// Worksheet, chartsheet…
    public let kind: XLSXSheetKind
    /// The part (zip entry) holding the sheet, e.g. `xl/worksheets/sheet1.xml`.
    public let partName: String
}
