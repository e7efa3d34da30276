// `import EvalSheet` is all a library user needs: the model, the form's description, every reader
// and writer, validation, the diff and the year's cycle — and the entry points that read any file
// (`SheetSource`, `SheetLoading`) and write any format (`SheetOutput`).
@_exported import EvalSheetModel
@_exported import EvalSheetForm
@_exported import EvalSheetText
@_exported import EvalSheetJSON
@_exported import EvalSheetWorkbook
@_exported import EvalSheetValidation
@_exported import EvalSheetCycle
