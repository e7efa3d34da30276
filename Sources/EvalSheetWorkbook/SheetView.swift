import EvalSheetModel
import XLSX
import XLSXReader

/// A worksheet as the importer reads it: values as text, labels compared the tolerant way
/// (spaces removed, full-width folded), searches for labels by text — and the set of cells the
/// import took (values placed in the model, fixed labels it checked), so that every other
/// non-empty cell can be reported instead of silently dropped.
struct SheetView {
    let worksheet: XLSXWorksheet
    /// The section (0…6) the sheet holds; messages are sorted by it.
    let section: Int
    private let taken: TakenCells

    init(worksheet: XLSXWorksheet, section: Int = 0) {
        self.worksheet = worksheet
        self.section = section
        taken = TakenCells(storedCount: worksheet.cells.count)
    }

    var name: String { worksheet.name }

    /// The cells of a row (empty when the row holds nothing): `worksheet.rows` is in row order, so
    /// the row is found by binary search.
    func cells(row: Int) -> ArraySlice<XLSXCell> {
        let rows = worksheet.rows
        var lo = 0, hi = rows.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            let index = rows[mid].index
            if index == row { return rows[mid].cells }
            if index < row { lo = mid + 1 } else { hi = mid }
        }
        return []
    }

    /// The cell's value as text: strings exactly as stored (a carriage return stays one), numbers as
    /// Excel's General format shows them (15 significant digits).
    func text(_ ref: CellReference) -> String {
        Self.text(of: worksheet.value(at: ref))
    }

    static func text(of value: XLSXValue) -> String {
        switch value {
        case .string(let s): return s
        case .number(let d, _): return CellDecimal(d)?.generalText ?? String(d)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        case .date(let d): return d
        case .empty: return ""
        }
    }

    /// The label key of a cell (for comparing fixed labels).
    func key(_ ref: CellReference) -> String { LabelKey.of(text(ref)) }

    /// Whether the cell holds the fixed label `label` (compared the tolerant way).
    func isLabel(_ ref: CellReference, _ label: String) -> Bool {
        guard case .string(let s) = worksheet.value(at: ref) else { return false }
        return s.hasLabelKey(LabelKey.ofLabel(label))
    }

    /// Whether the cell holds a fixed label whose key (`LabelKey.of`) is `key`.
    func isLabel(_ ref: CellReference, key: String) -> Bool {
        guard case .string(let s) = worksheet.value(at: ref) else { return false }
        return s.hasLabelKey(key)
    }

    func isBlank(_ ref: CellReference) -> Bool { Self.isBlank(worksheet.value(at: ref)) }

    /// Whether a value's text (`text(of:)`) is empty once spaces are trimmed — without printing a
    /// number, a boolean or an error to find out: their text always holds a digit or a letter.
    static func isBlank(_ value: XLSXValue) -> Bool {
        switch value {
        case .empty: return true
        case .string(let s), .error(let s), .date(let s): return s.trimmedSpaces().isEmpty
        case .number, .bool: return false
        }
    }

    /// The first cell (row by row) whose label key equals `label`'s, at or below `fromRow`,
    /// optionally only in one column.
    func find(_ label: String, fromRow: Int = 0, column: Int? = nil) -> CellReference? {
        let target = LabelKey.ofLabel(label)
        let rows = worksheet.rows
        // Cells are read in place: a copy of each would retain and release its strings.
        for r in rows.indices where rows[r].index >= fromRow {
            let cells = rows[r].cells
            for i in cells.indices where column == nil || cells[i].reference.column == column {
                if case .string(let s) = cells[i].value, s.hasLabelKey(target) { return cells[i].reference }
            }
        }
        return nil
    }

    /// The cell of the row holding the template's end marker (以下余白), if any; `markerKey` is the
    /// marker's label key (`LabelKey.of`), made once for all the rows of a table.
    func endMarker(row: Int, markerKey: String) -> CellReference? {
        let cells = cells(row: row)
        for i in cells.indices {
            if case .string(let s) = cells[i].value, s.hasLabelKey(markerKey) { return cells[i].reference }
        }
        return nil
    }

    /// The last row index holding anything.
    var lastRow: Int { worksheet.usedRange?.last.row ?? 0 }

    /// The non-empty cells of a row at or right of `fromColumn`.
    func filled(row: Int, fromColumn: Int = 0) -> [CellReference] {
        let cells = cells(row: row)
        var filled: [CellReference] = []
        for i in cells.indices where cells[i].reference.column >= fromColumn && !Self.isBlank(cells[i].value) {
            filled.append(cells[i].reference)
        }
        return filled
    }

    // MARK: - What the import took

    /// Records that the import read this cell (a value, or a fixed label it checked).
    func take(_ ref: CellReference) {
        if let i = worksheet.position(of: ref) { taken.stored[i] = true } else { taken.others.insert(ref) }
    }

    func wasTaken(_ ref: CellReference) -> Bool {
        if let i = worksheet.position(of: ref) { return taken.stored[i] }
        return taken.others.contains(ref)
    }

    /// Whether a cell holds something a person typed: a value other than blank text, or a formula.
    static func holdsContent(_ cell: XLSXCell) -> Bool {
        if cell.hasFormula { return true }
        switch cell.value {
        case .empty: return false
        case .string(let s): return !s.trimmedSpaces().isEmpty
        default: return true
        }
    }

    /// The cells holding content that the import did not take, in row and column order.
    var untakenCells: [XLSXCell] {
        worksheet.cells.indices.filter { !taken.stored[$0] && Self.holdsContent(worksheet.cells[$0]) }.map { worksheet.cells[$0] }
    }
}

/// The cells one sheet's import took (a reference type so that copies of a `SheetView` share it).
private final class TakenCells {
    /// Parallel to the worksheet's stored cells.
    var stored: [Bool]
    /// Cells taken where nothing is stored (a blank value cell, a label's empty neighbour).
    var others: Set<CellReference> = []

    init(storedCount: Int) { stored = Array(repeating: false, count: storedCount) }
}

/// How labels are compared on import (see `StringProtocol.labelKey()`).
enum LabelKey {
    static func of(_ s: String) -> String { s.labelKey() }

    /// The key of a template label (a fixed text the layout looks for), made once per label: every
    /// workbook asks for the same few, many times each.
    static func ofLabel(_ label: String) -> String { labels.value(label) { of(label) } }

    private static let labels = Memo<String>(limit: 1024)
}
