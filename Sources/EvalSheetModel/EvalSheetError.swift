/// The one shape of every error EvalSheet reports to a person: each line a user reads, in Japanese
/// or English, each naming its place (`511.txt:27`, `511.xlsx '3 構成事業'!F5`, `511.json#/policy/code`,
/// or the file). Readers' errors (`SheetReadError`), writers' and the command line's all conform, so
/// a caller prints any of them the same way and never prints a Swift value.
public protocol EvalSheetError: Error, Sendable {
    /// One line per problem, in `language`.
    func lines(_ language: Language) -> [String]
}

extension SourceLocation {
    /// The place with its file, as every message prints it: `511.txt:27`, `511.xlsx '3 構成事業'!F5`,
    /// `511.json#/policy/code`. The one place a location is formatted.
    public func qualified(in file: String) -> String {
        switch self {
        case .line: "\(file):\(description)"
        case .cell: file.isEmpty ? description : "\(file) \(description)"
        case .jsonPointer: file + description
        }
    }
}
