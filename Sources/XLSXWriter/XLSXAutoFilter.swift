import XLSX

extension XLSXSheetWriter {
    /// Puts filter buttons on the first row of `range` (its header), filtering the rows below it.
    /// One range per sheet: a second call replaces the first.
    public func autofilter(_ range: CellRange) throws { try sheet.autofilter(range) }
}
