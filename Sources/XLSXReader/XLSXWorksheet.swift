import XLSX

/// One row of stored cells, in column order.
public struct XLSXRow: Sendable {
    /// Zero-based row index (Excel row 1 is 0).
    public let index: Int
    /// The row's stored cells, left to right.
    public let cells: ArraySlice<XLSXCell>
}

/// A `<dataValidation>` rule (also those Excel stores in the `x14` extension list).
public struct XLSXDataValidation: Sendable, Equatable {
    /// `list`, `whole`, `decimal`, `date`, `time`, `textLength`, `custom` or `none`.
    public let type: String
    /// `between`, `equal`… when given.
    public let operatorName: String?
    /// The cells the rule applies to (`sqref`).
    public let ranges: [CellRange]
    /// The first formula, e.g. `"はい,いいえ"` or `リスト!$A$1:$A$5`.
    public let formula1: String?
    /// The second formula (upper bound of `between`).
    public let formula2: String?
    /// True when blank cells pass.
    public let allowBlank: Bool
}

/// The worksheet's `<sheetProtection>` element.
public struct XLSXSheetProtection: Sendable, Equatable {
    /// True when `sheet="1"`: the sheet is protected (locked cells cannot be edited).
    public let isSheetProtected: Bool
    /// True when a password hash is stored.
    public let hasPassword: Bool
}

/// The cells and sheet-level settings of one worksheet, read in one streaming pass.
public struct XLSXWorksheet: Sendable {
    /// The tab name.
    public let name: String
    /// Position in the workbook, from 0.
    public let index: Int
    /// The part the sheet was read from.
    public let partName: String
    /// Every stored cell, sorted by row then column. Cells that carry nothing (no value, no
    /// formula, default style) are not stored.
    public let cells: [XLSXCell]
    /// Packed keys (`row << 14 | column`) parallel to `cells`, for binary search.
    private let keys: [Int]
    /// The stored cells grouped by row, top to bottom.
    public let rows: [XLSXRow]
    /// Merged ranges (`<mergeCells>`), in document order.
    public let merges: [CellRange]
    /// Data validation rules, in document order.
    public let dataValidations: [XLSXDataValidation]
    /// The sheet protection settings, when the sheet has a `<sheetProtection>` element.
    public let protection: XLSXSheetProtection?
    /// The smallest range holding every cell with a value or a formula (formatted empty cells do
    /// not count); nil for an empty sheet. Computed from the cells, never from `<dimension>`.
    public let usedRange: CellRange?

    init(name: String, index: Int, partName: String, cells: [XLSXCell], keys: [Int], merges: [CellRange],
         dataValidations: [XLSXDataValidation], protection: XLSXSheetProtection?) {
        self.name = name
        self.index = index
        self.partName = partName
        self.cells = cells
        self.keys = keys
        self.merges = merges
        self.dataValidations = dataValidations
        self.protection = protection
        var rows: [XLSXRow] = []
        var start = 0
        var minRow = Int.max, minColumn = Int.max, maxRow = -1, maxColumn = -1
        // Each cell's fields are read in place (a copy of the cell would retain its strings).
        for i in cells.indices {
            let reference = cells[i].reference
            if reference.row != cells[start].reference.row {
                rows.append(XLSXRow(index: cells[start].reference.row, cells: cells[start..<i]))
                start = i
            }
            if cells[i].hasFormula || !cells[i].value.isEmpty {
                minRow = min(minRow, reference.row)
                maxRow = max(maxRow, reference.row)
                minColumn = min(minColumn, reference.column)
                maxColumn = max(maxColumn, reference.column)
            }
        }
        if !cells.isEmpty { rows.append(XLSXRow(index: cells[start].reference.row, cells: cells[start...])) }
        self.rows = rows
        usedRange = maxRow < 0 ? nil : CellRange(first: CellReference(row: minRow, column: minColumn),
                                                 last: CellReference(row: maxRow, column: maxColumn))
    }

    /// The stored cell at a reference, or nil.
    public subscript(_ reference: CellReference) -> XLSXCell? {
        position(of: reference).map { cells[$0] }
    }

    /// The index in `cells` of the stored cell at a reference, or nil when none is stored there.
    public func position(of reference: CellReference) -> Int? {
        guard reference.row >= 0, reference.row <= CellReference.maxRow,
              reference.column >= 0, reference.column <= CellReference.maxColumn else { return nil }
        let key = reference.row << 14 | reference.column
        var lo = 0
        var hi = keys.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            let k = keys[mid]
            if k == key { return mid }
            if k < key { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// The stored cell at an A1 reference such as `B7` or `$B$7`, or nil.
    public subscript(_ a1: String) -> XLSXCell? {
        guard let reference = CellReference(a1) else { return nil }
        return self[reference]
    }

    /// The value at a reference; `.empty` when no cell is stored there.
    public func value(at reference: CellReference) -> XLSXValue {
        guard let i = position(of: reference) else { return .empty }
        return cells[i].value
    }

    /// The merged range covering a cell, if any.
    public func mergedRange(containing reference: CellReference) -> CellRange? {
        merges.first { $0.contains(reference) }
    }
}
