import EvalSheetModel
import XLSX

/// One scalar value of the layout: the cell it is written to (merged over `span` columns), the cell
/// of the label that identifies it, and its defined name. Export writes the label and the value and
/// defines the name; import resolves the name, checks the label beside it, and falls back to finding
/// the label when a user has moved things.
struct ScalarField {
    let path: FieldPath
    /// The model's value as the cell shows it; import writes the cell's text back through it when
    /// it is writable (評価対象年度 is parsed by its section).
    let value: KeyPath<EvaluationSheet, String>
    let definedName: String
    let cell: CellReference
    let span: Int
    let labelCell: CellReference
    let label: String
    let kind: Kind

    enum Kind { case text, code, wrapped, center }

    /// Writes a value read from the cell into the model (nothing for a derived value such as the year).
    func store(_ text: String, in s: inout EvaluationSheet) {
        if let writable = value as? WritableKeyPath<EvaluationSheet, String> { s[keyPath: writable] = text }
    }

    /// Where the label sits relative to the value.
    var labelOffset: (rows: Int, columns: Int) { (labelCell.row - cell.row, labelCell.column - cell.column) }
}

/// The defined names the layout gives to tables (each spans its header row to its end row, so a
/// spreadsheet program grows the name when rows are inserted inside it).
enum TableName {
    static let relatedSections = "ES_RelatedSections"
    static let directions = "ES_Directions"
    static let projects = "ES_Projects"
    static let projectTotals = "ES_ProjectTotals"
    static let indicators = "ES_Indicators"
    static let indicatorFootnote = "ES_IndicatorFootnote"
    static let environment = "ES_Environment"
    static let challenges = "ES_Challenges"
}

/// Custom document properties every exported workbook carries, read back on import.
enum WorkbookProperty {
    static let schemaVersion = "EvalSheetSchemaVersion"
    static let policyCode = "EvalSheetPolicyCode"
    static let fiscalYear = "EvalSheetFiscalYear"
    static let toolVersion = "EvalSheetToolVersion"
    static let template = "EvalSheetTemplate"
    /// `FormTemplate.digest` of the template the workbook was made with.
    static let templateDigest = "EvalSheetTemplateDigest"
    /// The first tool version (`toolVersion`) that records `templateDigest` in every workbook.
    static let templateDigestSince = [0, 2, 0]
    /// What the workbook is: absent on a policy's workbook, `index` on a batch's year index.
    static let kind = "EvalSheetKind"
}

extension EvaluationSheet {
    /// 評価対象年度 as the workbook shows it (令和元年度).
    var fiscalYearText: String { FiscalYearText.japanese(fiscalYear) }

    /// What import starts from: every value blank, each section's reader fills in its own.
    static func blank(fiscalYear: Int) -> EvaluationSheet {
        EvaluationSheet(
            fiscalYear: fiscalYear, policy: CodedName(code: "", name: ""), vision: CodedName(code: "", name: ""),
            goal: CodedName(code: "", name: ""),
            organization: Organization(department: "", section: "", subsection: "", person: "", title: "", phoneExtension: "",
                                       relatedSections: []),
            futureVision: "", directions: [], projects: ProjectTable(columns: [], rows: [], totals: []),
            indicators: IndicatorTable(years: [], items: [], footnote: nil), evaluation: Evaluation(rating: Rating(rawValue: ""), reason: ""),
            environment: [], challenges: [])
    }
}

extension CellReference {
    /// `B3` for (row 2, column 1): a short way to write fixed layout positions.
    static func at(_ row: Int, _ column: Int) -> CellReference { CellReference(row: row, column: column) }
}
