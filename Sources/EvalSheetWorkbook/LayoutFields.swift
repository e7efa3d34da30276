import EvalSheetModel
import XLSX

/// One scalar value of the layout: the cell it is written to (merged over `span` columns), the cell
/// of the label that identifies it, and its defined name. Export writes the label and the value and
/// defines the name; import resolves the name, checks the label beside it, and falls back to finding
/// the label when a user has moved things.
struct ScalarField {
    let path: FieldPath
    let definedName: String
    let cell: CellReference
    let span: Int
    let labelCell: CellReference
    let label: String
    let kind: Kind

    enum Kind { case text, code, wrapped, center }

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
    /// What the workbook is: absent on a policy's workbook, `index` on a batch's year index.
    static let kind = "EvalSheetKind"
}

extension CellReference {
    /// `B3` for (row 2, column 1): a short way to write fixed layout positions.
    static func at(_ row: Int, _ column: Int) -> CellReference { CellReference(row: row, column: column) }
}
