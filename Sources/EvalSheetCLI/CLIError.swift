import EvalSheetModel
import EvalSheetText
import EvalSheetWorkbook
import XLSXWriter

/// An error the CLI reports to the user, with a message in Japanese and English.
struct CLIError: Error {
    var message: LocalizedMessage
    init(_ message: LocalizedMessage) { self.message = message }
}

/// Turns any error into the line a user reads.
enum ErrorText {
    static func describe(_ error: any Error, _ lang: Language) -> String {
        switch error {
        case let e as CLIError: e.message.text(lang)
        case let e as TextFormError: e.text(lang)
        case let e as JSONReadError: e.text(lang)
        case let e as WorkbookImportError: e.text(lang)
        case let e as TemplateError: e.text(lang)
        case let e as XLSXWriteError: (lang == .ja ? "ブックを書き出せません: " : "cannot write the workbook: ") + String(describing: e)
        default: String(describing: error)
        }
    }
}
