import EvalSheetModel

/// A text-form file, or one sheet of it, that cannot be read: the file, the 1-based line, what is
/// wrong — plus every further problem found in the same sheet (`additional`), so that one run
/// reports them all.
public struct TextFormError: SheetReadError, CustomStringConvertible {
    public var file: String
    /// 1-based line number; 0 when the problem concerns the whole file.
    public var line: Int
    public var message: LocalizedMessage
    /// A stable identifier of the kind of problem, e.g. `text.amount`, `text.duplicate-label`.
    public var id: String
    /// The lines of the sheet the problem was found in; nil for a problem of the whole file
    /// (not UTF-8, empty, no sheet in it).
    public var sheetLines: ClosedRange<Int>?
    /// The other problems of the same sheet (or file), in line order.
    public var additional: [TextFormError] = []

    public init(file: String, line: Int, message: LocalizedMessage, id: String = "text.unreadable",
                sheetLines: ClosedRange<Int>? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.id = id
        self.sheetLines = sheetLines
    }

    /// `511.txt:27` or, for the whole file, `511.txt`.
    public var location: String { place?.qualified(in: file) ?? file }
    /// The line, typed; nil for the file as a whole.
    public var place: SourceLocation? { line > 0 ? .line(line) : nil }

    /// This problem and the additional ones.
    public var problems: [ReaderNote] {
        ([self] + additional).map { ReaderNote(id: $0.id, message: $0.message, file: $0.file, place: $0.place) }
    }

    /// `511.txt:27: 金額が数値ではありません: "2,45O"` — one line per problem.
    public func text(_ language: Language) -> String {
        lines(language).joined(separator: "\n")
    }

    public var description: String { text(.ja) }

    /// The first of `problems` carrying the rest as `additional` (each flattened); nil when empty.
    static func combined(_ problems: [TextFormError]) -> TextFormError? {
        let flat = problems.flatMap { p -> [TextFormError] in
            var head = p
            head.additional = []
            return [head] + p.additional
        }
        guard var first = flat.first else { return nil }
        first.additional = Array(flat.dropFirst())
        return first
    }
}
