// The workbook layout is written with the form's template: whoever imports the workbook layer sees
// it (WorkbookTemplate, FieldNames) without importing EvalSheetForm too.
@_exported import EvalSheetForm
