import Foundation
import EvalSheetModel
import XLSX
import XLSXReader

/// The state of importing one workbook: the document, where each value came from (`Sheet!Cell`),
/// the warnings collected on the way (numbers typed as text, stale totals, cells outside the
/// layout, …) and the errors — all of them, so that one run reports every problem of the workbook.
final class ImportContext {
    let file: String
    let document: XLSXDocument
    let template: WorkbookTemplate
    var sourceMap: SourceMap
    private var errors: [(key: Place, error: WorkbookImportError)] = []
    private var warnings: [(key: Place, note: ReaderNote)] = []
    private var standIns: Set<FieldPath> = []
    /// The labels already reported missing, by section: two fields beside one label (将来像's code
    /// and name) are one missing label, reported once.
    var missingLabels: Set<String> = []

    /// Where a message belongs: the section sheet (extra sheets after the seven), then the cell;
    /// messages about the whole file come first.
    struct Place: Comparable {
        var section: Int
        var row: Int
        var column: Int

        static let file = Place(section: -1, row: -1, column: -1)

        static func < (a: Place, b: Place) -> Bool {
            (a.section, a.row, a.column) < (b.section, b.row, b.column)
        }
    }

    init(file: String, document: XLSXDocument, template: WorkbookTemplate) {
        self.file = file
        self.document = document
        self.template = template
        self.sourceMap = SourceMap(file: file)
        // An exported workbook locates about 200 values: room for them at once, not grown by doubling.
        sourceMap.locations.reserveCapacity(256)
    }

    /// Records that `path` was read from `cell` (and that the import took the cell).
    func locate(_ path: FieldPath, _ sheet: SheetView, _ cell: CellReference) {
        sourceMap[path] = .cell(sheet: sheet.name, cell: cell.description)
        sheet.take(cell)
    }

    /// Records that the import checked a fixed label (or other template text) in this cell.
    func take(_ sheet: SheetView, _ cell: CellReference) { sheet.take(cell) }

    func place(_ sheet: SheetView, _ cell: CellReference) -> String { Self.place(sheet.name, cell) }

    /// `'3 構成事業'!F7`: the sheet name quoted as a formula would quote it when it needs quoting.
    static func place(_ sheetName: String, _ cell: CellReference) -> String { "\(quotedIfNeeded(sheetName))!\(cell)" }

    static func quotedIfNeeded(_ name: String) -> String { SourceLocation.sheetReference(name) }

    // MARK: - Errors and warnings

    /// Records an error at a cell (or the whole sheet when `cell` is nil) and lets the import go on.
    func fail(_ id: String, _ sheet: SheetView, _ cell: CellReference?, ja: String, en: String) {
        let key = Place(section: sheet.section, row: cell?.row ?? -1, column: cell?.column ?? -1)
        record(WorkbookImportError(file: file, place: cell.map { place(sheet, $0) } ?? Self.quotedIfNeeded(sheet.name),
                                   message: .init(ja: ja, en: en), id: id), at: key)
    }

    /// Records an error that is not about one cell (a missing sheet, an unreadable part).
    func record(_ error: WorkbookImportError, at key: Place = .file) {
        errors.append((key, error))
    }

    var hasErrors: Bool { !errors.isEmpty }

    /// A value that could not be read (its error is recorded) stands in as a placeholder that breaks
    /// no invariant; the paths are remembered so that invariants never report a stand-in again.
    func standIn(_ path: FieldPath) { standIns.insert(path) }

    func isStandIn(_ path: FieldPath) -> Bool { standIns.contains(path) }

    /// The fiscal year that stands in for an unreadable 評価対象年度.
    static let standInYear = 2000

    /// Whether an error is already recorded at this place (so a later check does not repeat it).
    func hasError(at place: String) -> Bool { errors.contains { $0.error.place == place } }

    func warn(_ id: String, _ sheet: SheetView, _ cell: CellReference, ja: String, en: String) {
        warnings.append((Place(section: sheet.section, row: cell.row, column: cell.column),
                         ReaderNote(id: id, message: .init(ja: ja, en: en), file: file, location: "\(file) \(place(sheet, cell))")))
    }

    /// A warning about the workbook as a whole.
    func warn(_ id: String, ja: String, en: String) {
        warnings.append((.file, ReaderNote(id: id, message: .init(ja: ja, en: en), file: file, location: file)))
    }

    /// A warning about a sheet that is not one of the seven sections (`index` orders them after).
    func warn(_ id: String, sheetName: String, index: Int, cell: CellReference, ja: String, en: String) {
        warnings.append((Place(section: 7 + index, row: cell.row, column: cell.column),
                         ReaderNote(id: id, message: .init(ja: ja, en: en), file: file,
                                    location: "\(file) \(Self.place(sheetName, cell))")))
    }

    /// Throws every recorded error (the first, with the others in `additional`, in sheet and cell
    /// order); otherwise returns the warnings in sheet and cell order.
    func finish() throws(WorkbookImportError) -> [ReaderNote] {
        if !errors.isEmpty {
            let sorted = errors.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element.error)
            var first = sorted[0]
            first.additional = Array(sorted.dropFirst())
            throw first
        }
        return warnings.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element.note)
    }

    // MARK: - Layout helpers

    /// The cell a workbook-level defined name points at on this sheet, if it still does.
    func definedCell(_ name: String, on sheet: SheetView) -> CellRange? {
        guard let defined = document.definedNames.first(where: { $0.name == name && $0.localSheetId == nil }),
              let area = Self.areas.value(defined.refersTo, { defined.area }), area.sheetName == sheet.name else { return nil }
        return area.range
    }

    /// Defined names' areas by their text: every exported workbook names the same few areas, and
    /// parsing one (Character by Character) costs more than the rest of a lookup.
    private static let areas = Memo<XLSXAreaReference?>(limit: 4096)

    /// A template label by its key path, read in place: a key path applied to a local copy of the
    /// labels copied (retained and released) every one of them.
    func label(_ path: KeyPath<FormTemplate.Labels, String>) -> String { template.labels[keyPath: path] }

    /// Reads the rows of a table from `first` down to the template's end marker (taking the marker's
    /// cell) or the sheet's last row; `body` returns false to stop early.
    func rows(of sheet: SheetView, from first: Int, _ body: (Int) -> Bool) {
        var row = first
        let markerKey = LabelKey.ofLabel(template.endMarker)
        while row <= sheet.lastRow {
            if let marker = sheet.endMarker(row: row, markerKey: markerKey) {
                take(sheet, marker)
                return
            }
            if !body(row) { return }
            row += 1
        }
    }

    /// A cell's text as messages quote it (`String.quotedInMessage()`: 40 characters and 120 scalars
    /// at most, control characters made visible).
    static func shown(_ text: String) -> String { text.quotedInMessage(atMost: 40) }
}
