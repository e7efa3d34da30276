import EvalSheetModel

/// A text-form file that cannot be read: the file, the 1-based line, and what is wrong — plus every
/// further problem found in the same file (`additional`), so that one run reports them all.
public struct TextFormError: SheetReadError, CustomStringConvertible {
    public var file: String
    /// 1-based line number; 0 when the problem concerns the whole file.
    public var line: Int
    public var message: LocalizedMessage
    /// A stable identifier of the kind of problem, e.g. `text.amount`.
    public var id: String
    /// The other problems of the same file, in line order.
    public var additional: [TextFormError] = []

    public init(file: String, line: Int, message: LocalizedMessage, id: String = "text.unreadable") {
        self.file = file
        self.line = line
        self.message = message
        self.id = id
    }

    /// `511.txt:27` or, for the whole file, `511.txt`.
    public var location: String { line > 0 ? "\(file):\(line)" : file }

    /// This problem and the additional ones.
    public var problems: [ReaderNote] {
        ([self] + additional).map { ReaderNote(id: $0.id, message: $0.message, file: $0.file, location: $0.location) }
    }

    /// `511.txt:27: 金額が数値ではありません: "2,45O"` — one line per problem.
    public func text(_ language: Language) -> String {
        lines(language).joined(separator: "\n")
    }

    public var description: String { text(.ja) }
}
