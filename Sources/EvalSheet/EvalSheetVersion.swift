/// The version of the library and the tool, recorded in every workbook it writes.
public enum EvalSheetVersion {
    public static let current = "0.2.0"
}
