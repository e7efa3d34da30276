import EvalSheetModel

/// A text-form file that cannot be read: the file, the 1-based line, and what is wrong.
public struct TextFormError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line number; 0 when the problem concerns the whole file.
    public var line: Int
    public var message: LocalizedMessage

    public init(file: String, line: Int, message: LocalizedMessage) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `511.txt:27: 金額が数値ではありません: "2,45O"`.
    public func text(_ language: Language) -> String {
        (line > 0 ? "\(file):\(line)" : file) + ": " + message.text(language)
    }

    public var description: String { text(.ja) }
}
