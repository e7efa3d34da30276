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

    static func report(_ views: [SheetView?], in document: XLSXDocument, _ ctx: ImportContext) {
        for view in views.compactMap({ $0 }) {
            for cell in view.untakenCells {
                let hidden = view.worksheet.mergedRange(containing: cell.reference).map { $0.first != cell.reference } ?? false
                let shown = ImportContext.shown(content(cell))
                ctx.warn("xlsx.unread-cell", view, cell.reference,
                         ja: "様式が値を読む位置ではないため、このセルの内容は取り込まれていません\(hidden ? "(結合セルに隠れています)" : ""): \"\(shown)\"",
                         en: "this cell is not where the layout reads a value, so its content was not imported\(hidden ? " (hidden under a merged cell)" : ""): \"\(shown)\"")
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
