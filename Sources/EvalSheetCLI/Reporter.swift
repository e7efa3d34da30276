import Foundation
import EvalSheetModel

/// Prints progress to standard error (unless quiet), and warnings and errors in the chosen language,
/// one line per problem, each with its place.
struct Reporter: Sendable {
    let global: GlobalOptions

    var language: Language { global.lang }

    func progress(ja: String, en: String) {
        guard !global.quiet else { return }
        Self.printError(language == .en ? en : ja)
    }

    func notes(_ notes: [ReaderNote]) {
        guard !global.quiet else { return }
        for n in notes {
            Self.printError("\(n.location): \(language == .en ? "warning" : "警告"): \(n.message.text(language))")
        }
    }

    func error(_ error: any Error) {
        for line in ErrorText.lines(error, language) {
            Self.printError("\(language == .en ? "error" : "エラー"): \(line)")
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
