import EvalSheet
import EvalSheetModel
import EvalSheetWorkbook
import FileOutput
import XLSXWriter

/// An error the CLI reports to the user, with a message in Japanese and English.
struct CLIError: EvalSheetError, CustomStringConvertible {
    var message: LocalizedMessage
    init(_ message: LocalizedMessage) { self.message = message }
    var description: String { message.ja }
    func lines(_ language: Language) -> [String] { [message.text(language)] }
}

/// Turns any error into the lines a user reads, in the chosen language: one line per problem, each
/// with its place. No Swift value is ever printed as such.
enum ErrorText {
    static func lines(_ error: any Error, _ lang: Language) -> [String] {
        if let e = error as? any EvalSheetError { return e.lines(lang) }
        return [(lang == .ja ? "予期しないエラー: " : "unexpected error: ") + String(describing: error)]
    }
}
