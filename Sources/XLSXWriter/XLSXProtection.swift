/// What users may still do on a protected sheet.
///
/// The defaults match Excel's "Protect Sheet" dialog: users may select locked and unlocked
/// cells and nothing else. Cells whose style has `locked: false` stay editable.
public struct XLSXProtectionOptions: Hashable, Sendable {
    /// Select locked cells.
    public var selectLockedCells: Bool
    /// Select unlocked cells.
    public var selectUnlockedCells: Bool
    /// Format cells.
    public var formatCells: Bool
    /// Format columns (e.g. change widths).
    public var formatColumns: Bool
    /// Format rows (e.g. change heights).
    public var formatRows: Bool
    /// Insert columns.
    public var insertColumns: Bool
    /// Insert rows.
    public var insertRows: Bool
    /// Insert hyperlinks.
    public var insertHyperlinks: Bool
    /// Delete columns.
    public var deleteColumns: Bool
    /// Delete rows.
    public var deleteRows: Bool
    /// Sort.
    public var sort: Bool
    /// Use autofilters.
    public var autofilter: Bool
    /// Use pivot tables.
    public var pivotTables: Bool
    /// Edit scenarios.
    public var editScenarios: Bool
    /// Edit objects (charts, shapes).
    public var editObjects: Bool

    /// Creates options; every argument defaults to Excel's default.
    public init(selectLockedCells: Bool = true, selectUnlockedCells: Bool = true, formatCells: Bool = false,
                formatColumns: Bool = false, formatRows: Bool = false, insertColumns: Bool = false,
                insertRows: Bool = false, insertHyperlinks: Bool = false, deleteColumns: Bool = false,
                deleteRows: Bool = false, sort: Bool = false, autofilter: Bool = false,
                pivotTables: Bool = false, editScenarios: Bool = false, editObjects: Bool = false) {
        self.selectLockedCells = selectLockedCells
        self.selectUnlockedCells = selectUnlockedCells
        self.formatCells = formatCells
        self.formatColumns = formatColumns
        self.formatRows = formatRows
        self.insertColumns = insertColumns
        self.insertRows = insertRows
        self.insertHyperlinks = insertHyperlinks
        self.deleteColumns = deleteColumns
        self.deleteRows = deleteRows
        self.sort = sort
        self.autofilter = autofilter
        self.pivotTables = pivotTables
        self.editScenarios = editScenarios
        self.editObjects = editObjects
    }

    /// Excel's defaults.
    public static let `default` = XLSXProtectionOptions()
}

extension XLSXSheetWriter {
    /// Protects the sheet. `password` is optional (nil is the common case); when given it must
    /// be 1…24 printable ASCII characters, the range libxlsxwriter 1.1.4 hashes as Excel does.
    /// Sheet protection only prevents accidental edits: it is not security.
    public func protect(password: String? = nil, options: XLSXProtectionOptions = .default) throws {
        try sheet.protect(password: password, options: options)
    }
}
