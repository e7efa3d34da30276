import Foundation
import EvalSheet
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

    /// One line to standard error; a control character in it (a file or sheet name's) made visible.
    static func printError(_ line: String) {
        StandardStreams.err(Data((line.withControlsVisible + "\n").utf8))
    }

    /// Reports what expanding the inputs found — each missing input as an error, each entry passed
    /// over as a warning — and returns the files to read, or nil (with an error) when there is none.
    /// (`reportingPassedOver` false: the caller reports them with its findings — unless there is
    /// nothing to read, when they say why.)
    func inputs(_ expansion: SheetSource.Expansion, named paths: [String], reportingPassedOver: Bool = true) -> [String]? {
        expansion.missing.forEach(error)
        if reportingPassedOver || expansion.files.isEmpty { notes(expansion.passedOver) }
        if expansion.files.isEmpty {
            if expansion.missing.isEmpty { error(SheetSource.nothingToRead(paths)) }
            return nil
        }
        return expansion.files
    }
}
