import Foundation
import EvalSheetModel

/// Prints progress to standard error (unless quiet), and warnings and errors in the chosen language.
struct Reporter {
    let global: GlobalOptions

    func progress(ja: String, en: String) {
        guard !global.quiet else { return }
        Self.printError(global.lang == .en ? en : ja)
    }

    func notes(_ notes: [ReaderNote]) {
        guard !global.quiet else { return }
        for n in notes {
            Self.printError("\(n.location): \(global.lang == .en ? "warning" : "警告"): \(n.message.text(global.lang))")
        }
    }

    func error(_ error: any Error) {
        Self.printError("\(global.lang == .en ? "error" : "エラー"): \(ErrorText.describe(error, global.lang))")
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
