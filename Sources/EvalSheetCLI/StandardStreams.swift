import Foundation
import EvalSheetModel

/// Writing to stdout and stderr, which may be a full disk, a closed descriptor or a broken pipe:
/// `FileHandle.write(_:)` stops the program on a failed write, so every write goes through here.
enum StandardStreams {
    /// Writes to stdout; false when the write failed.
    static func out(_ data: Data) -> Bool {
        (try? FileHandle.standardOutput.write(contentsOf: data)) != nil
    }

    /// Writes a command's report (validate's findings, diff's changes, status) to stdout; throws
    /// when it cannot be written, so that a report nobody received never ends with a success.
    static func print(_ text: String) throws {
        if !out(Data(text.utf8)) { throw notWritten(hint: nil) }
    }

    /// Standard output could not be written; `hint` says what to do instead.
    static func notWritten(hint: LocalizedMessage?) -> CLIError {
        CLIError(.init(ja: "標準出力に書き込めません(出力先がいっぱいか、閉じられています)" + (hint.map { "。" + $0.ja } ?? ""),
                       en: "cannot write to standard output (it is full or closed)" + (hint.map { ": " + $0.en } ?? "")))
    }

    /// Writes to stderr; a failure is dropped, there being nowhere left to report it.
    static func err(_ data: Data) {
        try? FileHandle.standardError.write(contentsOf: data)
    }
}
