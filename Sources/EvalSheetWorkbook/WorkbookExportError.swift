import EvalSheetModel
import XLSXWriter

/// A workbook that was not written, with every reason: the output file, and for each problem the
/// value concerned (its `FieldPath`, so a caller can name the value's place in the *input*), the
/// value's name on the form (sheet, row, label), where in the workbook it was going, and why —
/// in Japanese and English. Nothing is written when this is thrown.
public struct WorkbookExportError: EvalSheetError, CustomStringConvertible {
    /// One reason the workbook was not written.
    public struct Problem: Equatable, Sendable {
        /// A stable identifier: `export.invariant` (the sheet breaks a rule every format shares),
        /// `export.cell` (a value or label could not be written), `export.file` (creating or
        /// finishing the file failed).
        public var id: String
        /// The value concerned; nil when the problem is not one value's (a label, the file).
        public var path: FieldPath?
        /// The value's name on the form, e.g. 「5 評価」の「評価理由」; nil without a path.
        public var field: LocalizedMessage?
        /// Where in the workbook: `'5 評価'!C4`; "" when not a cell.
        public var place: String
        /// What is wrong.
        public var message: LocalizedMessage
        /// The writer's own error, when the writer refused (e.g. `.fileExists`, `.cannotWriteFile`).
        public var writeError: XLSXWriteError?

        public init(id: String, path: FieldPath? = nil, field: LocalizedMessage? = nil, place: String = "",
                    message: LocalizedMessage, writeError: XLSXWriteError? = nil) {
            self.id = id
            self.path = path
            self.field = field
            self.place = place
            self.message = message
            self.writeError = writeError
        }

        /// `5 評価「評価理由」 '5 評価'!C4: message` (the parts that are known).
        public func text(_ language: Language) -> String {
            let head = [field?.text(language), place.isEmpty ? nil : place].compactMap { $0 }.joined(separator: " ")
            return head.isEmpty ? message.text(language) : "\(head): \(message.text(language))"
        }
    }

    /// The workbook that was not written, as the caller named it.
    public var file: String
    /// Every problem, in the form's order; at least one.
    public var problems: [Problem]

    public init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }

    /// The problems that concern one value: its path and what is wrong, for mapping to source places.
    public var violations: [(path: FieldPath, message: LocalizedMessage)] {
        problems.compactMap { p in p.path.map { ($0, p.message) } }
    }

    /// The writer's error when the file itself could not be created or written (the first one).
    public var writeError: XLSXWriteError? { problems.lazy.compactMap(\.writeError).first }

    /// One line per problem: `out/511.xlsx: 「5 評価」の「評価理由」: message` (a message about the
    /// file itself already names it: `ブック out/511.xlsx を書き込めません: …`).
    public func lines(_ language: Language) -> [String] {
        problems.map { p in
            let text = p.text(language)
            return p.field == nil && p.place.isEmpty && text.contains(file) ? text : "\(file): \(text)"
        }
    }

    /// All lines, joined.
    public func text(_ language: Language) -> String { lines(language).joined(separator: "\n") }

    public var description: String { text(.ja) }
}

extension XLSXWriteError {
    /// The error in Japanese and English, for printing (`description` alone is English).
    public var message: LocalizedMessage { LocalizedMessage(ja: japaneseDescription, en: description) }
}
