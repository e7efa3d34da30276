import EvalSheetModel
import XLSX
import XLSXReader

/// The end of an import: every non-empty cell of a section sheet that the import did not take —
/// below a table's end, in a column the layout does not use, a label typed where the layout puts
/// none — is a warning naming the cell (`xlsx.unread-cell`), as the text reader reports stray
/// cells; a worksheet that is not a section and holds anything is one warning (`xlsx.unread-sheet`).
enum UnreadCells {
    /// The hidden sheet the writer keeps dropdown choices on (never data).
    static let listsSheet = "_lists"

    /// The unread cells of one sheet named one by one; the rest are one warning with their count
    /// and the range they lie in (a million stray cells were a million warnings and 2.5 GB).
    static let namedPerSheet = 100

    static func report(_ views: [SheetView?], in document: XLSXDocument, _ ctx: ImportContext) {
        for view in views.compactMap({ $0 }) {
            var named = 0
            var rest: (first: CellReference, count: Int, rows: ClosedRange<Int>, columns: ClosedRange<Int>)?
            for cell in view.untakenCells {
                guard named < namedPerSheet else {
                    let r = cell.reference
                    if let n = rest {
                        rest = (n.first, n.count + 1, min(n.rows.lowerBound, r.row)...max(n.rows.upperBound, r.row),
                                min(n.columns.lowerBound, r.column)...max(n.columns.upperBound, r.column))
                    } else {
                        rest = (r, 1, r.row...r.row, r.column...r.column)
                    }
                    continue
                }
                named += 1
                let hidden = view.worksheet.mergedRange(containing: cell.reference).map { $0.first != cell.reference } ?? false
                let shown = ImportContext.shown(content(cell))
                ctx.warn("xlsx.unread-cell", view, cell.reference,
                         ja: "様式が値を読む位置ではないため、このセルの内容は取り込まれていません\(hidden ? "(結合セルに隠れています)" : ""): \"\(shown)\"",
                         en: "this cell is not where the layout reads a value, so its content was not imported\(hidden ? " (hidden under a merged cell)" : ""): \"\(shown)\"")
            }
            if let rest {
                let range = "\(CellReference.at(rest.rows.lowerBound, rest.columns.lowerBound)):\(CellReference.at(rest.rows.upperBound, rest.columns.upperBound))"
                ctx.warn("xlsx.unread-cell", view, rest.first,
                         ja: "様式が値を読む位置ではないため、ほかにも \(rest.count) 個のセル(\(range) の中)の内容が取り込まれていません(最初の \(namedPerSheet) 個はセルごとに示しました)",
                         en: "\(rest.count) more cells (within \(range)) are not where the layout reads a value and were not imported (the first \(namedPerSheet) are named one by one)")
            }
        }
        let sections = Set(views.compactMap { $0?.worksheet.index })
        for info in document.sheets where info.kind == .worksheet && !sections.contains(info.index) {
            if info.name == listsSheet && info.state != .visible { continue }
            // Excel's names have 31 characters at most: a longer one (or one with control
            // characters) is quoted as messages quote a cell's text.
            let name = ImportContext.shown(info.name)
            let worksheet: XLSXWorksheet
            do {
                worksheet = try document.worksheet(at: info.index)
            } catch {
                ctx.warn("xlsx.unread-sheet", sheetName: name, index: info.index, cell: .at(0, 0),
                         ja: "シート「\(name)」は読めなかったため取り込まれていません(\(error.detail))",
                         en: "the sheet \"\(name)\" could not be read and was not imported (\(error.detail))")
                continue
            }
            let filled = worksheet.cells.filter(SheetView.holdsContent)
            guard let first = filled.first else { continue }
            ctx.warn("xlsx.unread-sheet", sheetName: name, index: info.index, cell: first.reference,
                     ja: "シート「\(name)」は施策評価シートの様式にないため、内容のある \(filled.count) 個のセルは取り込まれていません",
                     en: "the sheet \"\(name)\" is not part of the evaluation-sheet layout; its \(filled.count) non-empty cells were not imported")
        }
    }

    /// What the cell holds, as a person would recognise it (a formula without a saved result by its formula).
    static func content(_ cell: XLSXCell) -> String {
        if cell.value == .empty, cell.hasFormula { return "=" + (cell.formula ?? "") }
        return SheetView.text(of: cell.value)
    }
}
