import EvalSheetModel
import EvalSheetWorkbook
import FileOutput
import XLSXWriter

/// An error the CLI reports to the user, with a message in Japanese and English.
struct CLIError: Error, CustomStringConvertible {
    var message: LocalizedMessage
    init(_ message: LocalizedMessage) { self.message = message }
    var description: String { message.ja }
}

/// Turns any error into the lines a user reads, in the chosen language: one line per problem, each
/// with its place. No Swift value is ever printed as such.
enum ErrorText {
    static func lines(_ error: any Error, _ lang: Language) -> [String] {
        switch error {
        case let e as any SheetReadError: e.lines(lang)
        case let e as CLIError: [e.message.text(lang)]
        case let e as OutputError: [lang == .en ? e.en : e.ja]
        case let e as TemplateError: [e.text(lang)]
        case XLSXWriteError.fileExists(let path): lines(OutputError.fileExists(path), lang)
        case let e as OutputFailure:
            [(lang == .ja ? "\(e.path) を書き出せません(何も残していません): " : "\(e.path) was not written (nothing was left behind): ")
                + lines(e.underlying, lang).joined(separator: " / ")]
        case let e as WorkbookExportError: [e.text(lang)]
        case let e as XLSXWriteError: [e.message.text(lang)]
        default: [(lang == .ja ? "予期しないエラー: " : "unexpected error: ") + String(describing: error)]
        }
    }
}
