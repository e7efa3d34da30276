import EvalSheetModel
import XLSX
import XLSXWriter

/// §6 施策を取り巻く環境 (columns A–D): one row per external factor, with dropdowns for the factor
/// and for its assessments (every combination of the three, written the way the form prints them).
enum EnvironmentSheet {
    static let headerRow = 2

    /// The dropdown choices for 外部要因に対する評価: each non-empty combination, in code order.
    static let assessmentChoices: [String] = {
        let codes = [1, 2, 3]
        return (1..<8).map { mask in
            codes.filter { mask & (1 << ($0 - 1)) != 0 }.compactMap { Assessment(code: $0)?.text }.joined(separator: " ")
        }.sorted()
    }()

    static func write(_ s: EvaluationSheet, on canvas: SheetCanvas, template t: WorkbookTemplate) throws {
        let styles = canvas.styles, l = t.labels
        let columns = FactorColumn.allCases
        for column in columns {
            try canvas.text(l[keyPath: column.label], at: .at(headerRow, column.column), style: styles.header)
        }
        var row = headerRow + 1
        for (i, f) in s.environment.enumerated() {
            for column in columns {
                try canvas.text(column.text(f), at: .at(row, column.column), style: styles.inputText, field: .factor(i, column.field))
            }
            row += 1
        }
        try canvas.text(t.endMarker, at: .at(row, 0), span: columns.count, style: styles.endMarker)
        canvas.define(TableName.environment, CellRange(first: .at(headerRow, 0), last: .at(row, columns.count - 1)))
        guard row > headerRow + 1 else { return }
        let body = { (c: FactorColumn) in CellRange(first: .at(headerRow + 1, c.column), last: .at(row - 1, c.column)) }
        try canvas.validation(XLSXDataValidation(
            .list(ExternalFactor.categories), inputTitle: l.factor, inputMessage: t.inputHelp["factor"],
            errorStyle: .warning), body(.category))
        try canvas.validation(XLSXDataValidation(
            .list(assessmentChoices), inputTitle: l.assessment, inputMessage: t.inputHelp["assessment"],
            errorStyle: .warning), body(.assessments))
    }
}

extension EnvironmentSheet {
    /// Reads the header (columns by their labels) and one factor per row down to the end marker.
    static func read(_ sheet: SheetView, _ ctx: ImportContext) -> [ExternalFactor] {
        let l = ctx.template.labels
        guard let first = sheet.find(l.factor) else {
            ctx.fail("xlsx.missing-label", sheet, nil, ja: "見出し「\(l.factor)」が見つかりません", en: "cannot find the header \"\(l.factor)\"")
            return []
        }
        let header = sheet.filled(row: first.row)
        var columns: [FactorColumn: Int] = [:]
        for column in FactorColumn.allCases {
            let label = ctx.label(column.label)
            guard let c = header.first(where: { sheet.isLabel($0, label) }) else {
                ctx.fail("xlsx.missing-label", sheet, first, ja: "見出しに「\(label)」がありません", en: "the header has no \"\(label)\" column")
                return []
            }
            ctx.take(sheet, c)
            columns[column] = c.column
        }
        var factors: [ExternalFactor] = []
        let columnLabels = Dictionary(uniqueKeysWithValues: FactorColumn.allCases.map { ($0, l[keyPath: $0.label]) })
        ctx.rows(of: sheet, from: first.row + 1) { row in
            let cell = { (c: FactorColumn) in CellReference.at(row, columns[c]!) }
            if FactorColumn.allCases.allSatisfy({ sheet.isBlank(cell($0)) }) { return true }
            let i = factors.count
            var texts: [FactorColumn: String] = [:]
            for column in FactorColumn.allCases {
                ctx.locate(.factor(i, column.field), sheet, cell(column))
            }
            for column in FactorColumn.allCases {
                texts[column] = ctx.text(sheet, cell(column), label: columnLabels[column]!)
            }
            let text = texts[.assessments]!
            var assessments: [Assessment] = []
            if !text.trimmedSpaces().isEmpty {
                if let parsed = assessmentLists.value(text, { Assessment.parseList(text) }) {
                    assessments = parsed
                } else {
                    ctx.fail("xlsx.assessment", sheet, cell(.assessments),
                             ja: "\(l.assessment)は一覧から選んでください(例: 1. 施策遂行に役立つ・有利): \"\(ImportContext.shown(text))\"",
                             en: "choose the assessment from the list (e.g. 1. 施策遂行に役立つ・有利): \"\(ImportContext.shown(text))\"")
                }
            }
            factors.append(ExternalFactor(category: texts[.category]!.withoutSpaces(), status: texts[.status]!,
                                          assessments: assessments, reason: texts[.reason]!))
            return true
        }
        return factors
    }

    /// Parsed assessment cells by their text: a workbook's cells hold the dropdown's few choices.
    private static let assessmentLists = Memo<[Assessment]?>(limit: 1024)
}
