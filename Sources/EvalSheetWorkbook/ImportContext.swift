import Foundation
import EvalSheetModel
import XLSX
import XLSXReader

/// The state of importing one workbook: the document, where each value came from (`Sheet!Cell`),
/// and the warnings collected on the way (numbers typed as text, stale totals, …).
final class ImportContext {
    let file: String
    let document: XLSXDocument
    let template: WorkbookTemplate
    var sourceMap: SourceMap
    var notes: [ReaderNote] = []

    init(file: String, document: XLSXDocument, template: WorkbookTemplate) {
        self.file = file
        self.document = document
        self.template = template
        self.sourceMap = SourceMap(file: file)
    }

    func locate(_ path: FieldPath, _ sheet: SheetView, _ cell: CellReference) {
        sourceMap[path] = .cell(sheet: sheet.name, cell: cell.description)
    }

    func place(_ sheet: SheetView, _ cell: CellReference) -> String { "\(quotedIfNeeded(sheet.name))!\(cell)" }

    func error(_ sheet: SheetView, _ cell: CellReference?, ja: String, en: String) -> WorkbookImportError {
        WorkbookImportError(file: file, place: cell.map { place(sheet, $0) } ?? quotedIfNeeded(sheet.name),
                            message: .init(ja: ja, en: en))
    }

    func warn(_ id: String, _ sheet: SheetView, _ cell: CellReference, ja: String, en: String) {
        notes.append(ReaderNote(id: id, message: .init(ja: ja, en: en), file: file, location: "\(file) \(place(sheet, cell))"))
    }

    /// The cell a workbook-level defined name points at on this sheet, if it still does.
    func definedCell(_ name: String, on sheet: SheetView) -> CellRange? {
        guard let area = document.definedNames.first(where: { $0.name == name && $0.localSheetId == nil })?.area,
              area.sheetName == sheet.name else { return nil }
        return area.range
    }

    private func quotedIfNeeded(_ name: String) -> String {
        name.contains(where: { $0 == " " || $0 == "'" || $0 == "!" }) ? quotedSheetName(name) : name
    }
}

/// A worksheet as the importer reads it: values as text, labels compared the tolerant way
/// (spaces removed, full-width folded), and searches for labels by text.
struct SheetView {
    let worksheet: XLSXWorksheet
    /// Row number → position in `worksheet.rows`, for direct access to a row's cells.
    private let rowPositions: [Int: Int]

    init(worksheet: XLSXWorksheet) {
        self.worksheet = worksheet
        var positions: [Int: Int] = [:]
        positions.reserveCapacity(worksheet.rows.count)
        for (i, row) in worksheet.rows.enumerated() { positions[row.index] = i }
        rowPositions = positions
    }

    var name: String { worksheet.name }

    /// The cells of a row (empty when the row holds nothing).
    func cells(row: Int) -> ArraySlice<XLSXCell> {
        rowPositions[row].map { worksheet.rows[$0].cells } ?? []
    }

    /// The cell's value as text: strings verbatim (CRLF → LF), numbers in their shortest form.
    func text(_ ref: CellReference) -> String {
        switch worksheet.value(at: ref) {
        case .string(let s) where s.utf8.contains(13):
            return s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        case .string(let s): return s
        case .number(let d, _): return NumberFormatCodec.shortest(d)
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
        return s.hasLabelKey(LabelKey.of(label))
    }

    func isBlank(_ ref: CellReference) -> Bool { text(ref).trimmedSpaces().isEmpty }

    /// The first cell (row by row) whose label key equals `label`'s, at or below `fromRow`,
    /// optionally only in one column.
    func find(_ label: String, fromRow: Int = 0, column: Int? = nil) -> CellReference? {
        let target = LabelKey.of(label)
        for row in worksheet.rows where row.index >= fromRow {
            for cell in row.cells where column == nil || cell.reference.column == column {
                if case .string(let s) = cell.value, s.hasLabelKey(target) { return cell.reference }
            }
        }
        return nil
    }

    /// Whether any cell of the row is the template's end marker (以下余白).
    func isEndMarker(row: Int, marker: String) -> Bool {
        let target = LabelKey.of(marker)
        return cells(row: row).contains {
            if case .string(let s) = $0.value { return s.hasLabelKey(target) }
            return false
        }
    }

    /// The last row index holding anything.
    var lastRow: Int { worksheet.usedRange?.last.row ?? 0 }

    /// The non-empty cells of a row at or right of `fromColumn`.
    func filled(row: Int, fromColumn: Int = 0) -> [CellReference] {
        cells(row: row).map(\.reference).filter { $0.column >= fromColumn && !isBlank($0) }
    }
}

/// How labels are compared on import (see `StringProtocol.labelKey()`).
enum LabelKey {
    static func of(_ s: String) -> String { s.labelKey() }
}
