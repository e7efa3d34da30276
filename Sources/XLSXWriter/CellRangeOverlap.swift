import XLSX

extension CellRange {
    /// Whether the two ranges share at least one cell.
    func intersects(_ other: CellRange) -> Bool {
        first.row <= other.last.row && other.first.row <= last.row
            && first.column <= other.last.column && other.first.column <= last.column
    }
}
