import XLSX

/// Writes text, numbers and styled blanks into cells: a sheet (`XLSXSheetWriter`) or the rows of
/// one that are streamed (`XLSXRowStream`).
public protocol XLSXCellWriting {
    /// Writes text; an empty string writes a blank cell (with `style`, if any).
    func writeString(_ value: String, at cell: CellReference, style: XLSXStyle) throws
    /// Writes a number (finite).
    func writeNumber(_ value: Double, at cell: CellReference, style: XLSXStyle) throws
    /// Writes an empty cell that carries `style` (with `.default` nothing is written).
    func writeBlank(at cell: CellReference, style: XLSXStyle) throws
}

extension XLSXSheetWriter: XLSXCellWriting {}

/// The rows of a sheet from one row on, written to an unnamed scratch file beside the workbook as
/// they come instead of into libxlsxwriter's memory (about 110 bytes a cell there), and put into the
/// sheet when the workbook is finished: the same file, byte for byte, as if the cells had been
/// written with the sheet's own methods. Strings still go to the workbook's shared-string table
/// (one copy of each distinct text), styles are numbered as libxlsxwriter numbers them, and the
/// values of `keptColumns` are kept (16 bytes a cell) for the caches of charts that show them.
///
/// Made by `XLSXSheetWriter.streamRows(from:keepingValuesOf:)`. Cells must come in row order and,
/// within a row, in column order, each once. Once the stream is made, the sheet and the sheets before
/// it take no more cells (`XLSXWriteError.library`); later sheets do. A chart whose range reaches the
/// streamed rows must read only `keptColumns` there, else `finish()` throws.
public final class XLSXRowStream: XLSXCellWriting {
    let sheet: LXWSheet
    /// The first row of the stream (zero-based); rows above it are the sheet's own.
    public let firstRow: Int
    private let keptColumns: [Int]
    /// The kept values of each of `keptColumns` (in that order), one per row from `firstRow`.
    private var kept: [[XLSXChartPoint]]
    private var scratch: XLSXRowScratch
    /// The 16-row block being gathered (libxlsxwriter gives every row of a block the block's `spans`).
    private var blockNumber = -1
    private var blockCells: [UInt8] = []
    private var blockRows: [(row: Int, start: Int)] = []
    private var blockColumns: ClosedRange<Int>?
    /// The columns of the sheet's own cells in the block `firstRow` is in, if any: rows streamed into
    /// that block take its spans and must stay within them (those rows' spans are written already).
    private let sharedBlockColumns: ClosedRange<Int>?
    private var last: (row: Int, column: Int)?
    /// Texts of numbers that need 17 digits (libxlsxwriter writes 16) — a correction of another
    /// number to its shortest text could apply to them (`XLSXNumberText`), as it would in the library's file.
    private(set) var texts17: Set<String> = []
    private(set) var isFinished = false

    init(sheet: LXWSheet, firstRow: Int, keptColumns: [Int], scratch: XLSXRowScratch) {
        self.sheet = sheet
        self.firstRow = firstRow
        self.keptColumns = keptColumns
        self.kept = keptColumns.map { _ in [] }
        self.scratch = scratch
        let blockStart = firstRow / 16 * 16
        sharedBlockColumns = sheet.cellColumns(inRows: blockStart..<firstRow)
    }

    /// Writes text (shared strings, as the sheet does); an empty string writes a blank cell.
    public func writeString(_ value: String, at cell: CellReference, style: XLSXStyle = .default) throws {
        if value.isEmpty { return try writeBlank(at: cell, style: style) }
        try checkOpen()
        try LXWGuard.cell(cell.row, cell.column)
        try checkOrder(cell)
        try LXWGuard.cellString(value)
        sheet.book.noteCell(textBytes: value.utf8.count)
        let s = try sheet.styleIndex(style)
        // The text the sheet's writeString hands the library (XLSXCellText escapes what it would not).
        let (index, string) = try sheet.sharedString(XLSXCellText.escaped(value) ?? value)
        try place(cell)
        startCell(cell, s)
        append(#" t="s"><v>"#)
        append(String(index))
        append("</v></c>")
        keep(.string(string), at: cell)
    }

    /// Writes a number, in the text the sheet's file would end with (the library's `%.16G`, or its
    /// shortest form where `XLSXNumberText` corrects it).
    public func writeNumber(_ value: Double, at cell: CellReference, style: XLSXStyle = .default) throws {
        try checkOpen()
        try LXWGuard.cell(cell.row, cell.column)
        try checkOrder(cell)
        sheet.book.noteCell()
        try LXWGuard.number(value)
        sheet.book.noteNumber(value, sheet: sheet.index)
        let s = try sheet.styleIndex(style)
        try place(cell)
        startCell(cell, s)
        append("><v>")
        append(Self.text(value, texts17: &texts17))
        append("</v></c>")
        keep(.number(value), at: cell)
    }

    /// Writes a blank cell with `style`; with `.default` nothing is written (as in the sheet).
    public func writeBlank(at cell: CellReference, style: XLSXStyle = .default) throws {
        try checkOpen()
        try LXWGuard.cell(cell.row, cell.column)
        sheet.book.noteCell()
        guard let s = try sheet.styleIndex(style) else { return }
        try checkOrder(cell)
        try place(cell)
        startCell(cell, s)
        append("/>")
        keep(.blank, at: cell)
    }

    /// The number's text in the finished file. A number the library's text does not read back as
    /// is noted in `texts17`.
    static func text(_ value: Double, texts17: inout Set<String>) -> String {
        if value == value.rounded(), abs(value) < 1e15, !(value == 0 && value.sign == .minus) { return String(Int(value)) }
        if let (_, wanted) = XLSXNumberText.safeCorrection(value) { return wanted }
        let written = XLSXNumberText.library(value)
        if Double(written) != value { texts17.insert(written) }
        return written
    }

    private func checkOpen() throws {
        guard !isFinished, sheet.book.isOpen else { throw XLSXWriteError.workbookClosed }
    }

    /// Throws unless the cell comes after the last one, in the stream's rows (checked before anything
    /// of the cell is written, its text or style included).
    private func checkOrder(_ cell: CellReference) throws {
        guard cell.row >= firstRow else {
            throw XLSXWriteError.library(function: "XLSXRowStream", code: 0, message: "cell \(cell) is above the streamed rows (from row \(firstRow + 1))")
        }
        if let last, (cell.row, cell.column) <= last {
            throw XLSXWriteError.library(function: "XLSXRowStream", code: 0,
                                         message: "cells must be streamed in row and column order (\(cell) after \(CellReference(row: last.row, column: last.column)))")
        }
    }

    /// Counts the cell in the sheet's dimension and opens its row (and block).
    private func place(_ cell: CellReference) throws {
        if cell.row / 16 != blockNumber {
            try flushBlock()
            blockNumber = cell.row / 16
        }
        if blockRows.last?.row != cell.row { blockRows.append((cell.row, blockCells.count)) }
        blockColumns = blockColumns.map { min($0.lowerBound, cell.column)...max($0.upperBound, cell.column) } ?? cell.column...cell.column
        last = (cell.row, cell.column)
        sheet.noteStreamedCell(row: cell.row, column: cell.column)
    }

    /// `<c r="A4"` and ` s="3"` when the style is not the default one (`_write_cell`).
    private func startCell(_ cell: CellReference, _ style: Int32?) {
        append(#"<c r=""#)
        append(cell.description)
        append("\"")
        if let style, style != 0 {
            append(#" s=""#)
            append(String(style))
            append("\"")
        }
    }

    private func append(_ text: String) { blockCells.append(contentsOf: text.utf8) }

    private func keep(_ point: XLSXChartPoint, at cell: CellReference) {
        guard let k = keptColumns.firstIndex(of: cell.column) else { return }
        let i = cell.row - firstRow
        while kept[k].count < i { kept[k].append(.none) }
        kept[k].append(point)
    }

    /// Writes the block's rows, each `<row r="5" spans="1:15">` (`_write_row`) with its cells.
    private func flushBlock() throws {
        guard var columns = blockColumns else { return }
        if blockNumber == firstRow / 16, let shared = sharedBlockColumns {
            guard columns.clamped(to: shared) == columns else {
                throw XLSXWriteError.library(function: "XLSXRowStream", code: 0,
                                             message: "rows streamed into the block of 16 rows that row \(firstRow + 1) is in must stay within the columns of the sheet's own cells there")
            }
            columns = shared
        }
        let spans = Array(#"" spans=""#.utf8) + Array("\(columns.lowerBound + 1):\(columns.upperBound + 1)\">".utf8)
        for (i, row) in blockRows.enumerated() {
            let end = i + 1 < blockRows.count ? blockRows[i + 1].start : blockCells.count
            scratch.write(Array(#"<row r=""#.utf8) + Array(String(row.row + 1).utf8) + spans)
            scratch.write(blockCells[row.start..<end])
            scratch.write(Array("</row>".utf8))
        }
        blockCells.removeAll(keepingCapacity: true)
        blockRows.removeAll(keepingCapacity: true)
        blockColumns = nil
    }

    /// Ends the stream: the last block is written and the scratch file is checked.
    func finish() throws {
        guard !isFinished else { return }
        try flushBlock()
        isFinished = true
        try scratch.finish()
    }

    /// The rows' XML as written, in pieces (read back and checked against what was written).
    func rows(_ write: (ArraySlice<UInt8>) -> Void) throws { try scratch.read(write) }

    /// The points a chart caches for `columns` × `rows` of this sheet (row by row), from the sheet's own
    /// cells above the stream and the kept values in it; nil when a column in the stream was not kept.
    func chartPoints(rows: ClosedRange<Int>, columns: ClosedRange<Int>) -> [XLSXChartPoint]? {
        var points: [XLSXChartPoint] = []
        for r in rows {
            for c in columns {
                if r < firstRow {
                    points.append(sheet.chartPoint(row: r, column: c))
                } else {
                    guard let k = keptColumns.firstIndex(of: c) else { return nil }
                    let i = r - firstRow
                    points.append(i < kept[k].count ? kept[k][i] : .none)
                }
            }
        }
        return points
    }

    /// Drops the kept values once the charts' caches hold them (libxlsxwriter's copies), before the
    /// workbook is closed; the rows stay in the scratch file for the rewrite.
    func dropKeptValues() { kept = [] }

    /// Drops the kept values and closes the scratch file.
    func close() {
        kept = []
        scratch.close()
    }
}
