import EvalSheetModel
import XLSX

/// §1 基本情報 on its own worksheet (columns A–H): label/value pairs, then 関係課 seven to a row.
///
/// ```
///   A             B        C       D       E       F     G      H
/// 3 評価対象年度  令和元年度
/// 4 施策コード    511      施策名  地域コミュニティの活性化……………
/// 5 将来像        5        都市格が高いまち…
/// 6 まちづくりの基本目標 51 市民が主体となったまちづくり
/// 7 担当部署      企画部           担当課  企画課        担当係 市民協働係
/// 8 担当者        今村 広司        役職    企画部長      内線   210
/// 9 関係課        地域包括ケア推進課 教育総務課 …  (7 per row)
///   …                                                       以下余白
/// ```
enum BasicInformationSheet {
    static let relatedPerRow = 7
    static let relatedRow = 8

    /// The scalar fields of §1 and where they sit.
    static func fields(_ l: WorkbookTemplate.Labels) -> [ScalarField] {
        func f(_ path: FieldPath, _ value: KeyPath<EvaluationSheet, String>, _ name: String, _ r: Int, _ c: Int, span: Int = 1,
               labelAt lc: Int, _ label: String, _ kind: ScalarField.Kind = .text) -> ScalarField {
            ScalarField(path: path, value: value, definedName: name, cell: .at(r, c), span: span,
                        labelCell: .at(r, lc), label: label, kind: kind)
        }
        return [
            f(.fiscalYear, \.fiscalYearText, "ES_FiscalYear", 2, 1, span: 2, labelAt: 0, l.fiscalYear, .code),
            f(.policyCode, \.policy.code, "ES_PolicyCode", 3, 1, labelAt: 0, l.policyCode, .code),
            f(.policyName, \.policy.name, "ES_PolicyName", 3, 3, span: 5, labelAt: 2, l.policyName),
            f(.visionCode, \.vision.code, "ES_VisionCode", 4, 1, labelAt: 0, l.vision, .code),
            f(.visionName, \.vision.name, "ES_VisionName", 4, 2, span: 6, labelAt: 0, l.vision),
            f(.goalCode, \.goal.code, "ES_GoalCode", 5, 1, labelAt: 0, l.goal, .code),
            f(.goalName, \.goal.name, "ES_GoalName", 5, 2, span: 6, labelAt: 0, l.goal),
            f(.department, \.organization.department, "ES_Department", 6, 1, span: 2, labelAt: 0, l.department),
            f(.section, \.organization.section, "ES_Section", 6, 4, span: 2, labelAt: 3, l.section),
            f(.subsection, \.organization.subsection, "ES_Subsection", 6, 7, labelAt: 6, l.subsection),
            f(.person, \.organization.person, "ES_Person", 7, 1, span: 2, labelAt: 0, l.person),
            f(.title, \.organization.title, "ES_Title", 7, 4, span: 2, labelAt: 3, l.title),
            f(.phoneExtension, \.organization.phoneExtension, "ES_Extension", 7, 7, labelAt: 6, l.phoneExtension, .code),
        ]
    }

    static func write(_ s: EvaluationSheet, on canvas: SheetCanvas, template t: WorkbookTemplate) throws {
        let styles = canvas.styles
        var labelled: Set<CellReference> = []
        for field in fields(t.labels) {
            if labelled.insert(field.labelCell).inserted {
                try canvas.text(field.label, at: field.labelCell, style: styles.label)
            }
            try ScalarFieldIO.write(field, value: s[keyPath: field.value], on: canvas)
        }
        // 関係課: seven names per row, one spare row for additions, closed by the end marker.
        let names = s.organization.relatedSections
        let rows = names.count / relatedPerRow + 1
        try canvas.text(t.labels.relatedSections, at: .at(relatedRow, 0), style: styles.label)
        for r in 0..<rows {
            if r > 0 { try canvas.blank(at: .at(relatedRow + r, 0), style: styles.label) }
            for c in 0..<relatedPerRow {
                let k = r * relatedPerRow + c
                try canvas.text(k < names.count ? names[k] : "", at: .at(relatedRow + r, 1 + c), style: styles.inputText,
                                field: k < names.count ? .relatedSection(k) : nil)
            }
        }
        let end = relatedRow + rows
        try canvas.text(t.endMarker, at: .at(end, 0), span: 8, style: styles.endMarker)
        canvas.define(TableName.relatedSections, CellRange(first: .at(relatedRow, 0), last: .at(end, 7)))
    }
}

/// Writing a scalar field's value, and getting it from the model, shared by every section.
enum ScalarFieldIO {
    static func write(_ field: ScalarField, value: String, on canvas: SheetCanvas) throws {
        let style = canvas.styles.input(field.kind)
        try canvas.text(value, at: field.cell, span: field.span, style: style, field: field.path)
        canvas.define(field.definedName, CellRange(field.cell))
    }
}

extension BasicInformationSheet {
    /// Reads the scalar fields by their labels into `s` and the 関係課 block row by row down to the
    /// end marker. Problems are recorded in `ctx`; what could not be read stays blank (a stand-in).
    static func read(_ sheet: SheetView, _ ctx: ImportContext, into s: inout EvaluationSheet) {
        for field in fields(ctx.template.labels) {
            guard let cell = ctx.resolve(field, on: sheet) else {
                ctx.standIn(field.path)
                continue
            }
            let text = ctx.scalar(field, at: cell, on: sheet)
            if field.path == .fiscalYear { readFiscalYear(text, at: cell, sheet, ctx, into: &s) } else { field.store(text, in: &s) }
        }
        s.organization.relatedSections = readRelatedSections(sheet, ctx)
    }

    private static func readFiscalYear(_ text: String, at cell: CellReference, _ sheet: SheetView, _ ctx: ImportContext,
                                       into s: inout EvaluationSheet) {
        if let y = FiscalYearText.parse(text) {
            s.fiscalYear = y
            s.futureActionsFromYear = y + 2
        } else {
            let label = ctx.template.labels.fiscalYear
            ctx.fail("xlsx.fiscal-year", sheet, cell, ja: "\(label)が読めません(例: 令和元年度): \"\(ImportContext.shown(text))\"",
                     en: "cannot read the fiscal year (e.g. 令和元年度): \"\(ImportContext.shown(text))\"")
            ctx.standIn(.fiscalYear)
        }
    }

    /// 関係課: every name in the block, row by row, up to the end marker (or a new label in column A).
    private static func readRelatedSections(_ sheet: SheetView, _ ctx: ImportContext) -> [String] {
        var related: [String] = []
        let label = ctx.template.labels.relatedSections
        guard let labelCell = sheet.find(label, column: 0) else { return [] }
        ctx.take(sheet, labelCell)
        ctx.rows(of: sheet, from: labelCell.row) { row in
            if row > labelCell.row, !sheet.isBlank(.at(row, 0)) { return false }
            for cell in sheet.filled(row: row, fromColumn: 1) {
                ctx.locate(.relatedSection(related.count), sheet, cell)
                related.append(ctx.text(sheet, cell, label: label))
            }
            return true
        }
        return related
    }
}
