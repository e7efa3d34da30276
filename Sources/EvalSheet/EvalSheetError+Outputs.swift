import EvalSheetModel
import FileOutput
import XLSXWriter
import EvalSheetWorkbook

// The domain-free layers (FileOutput, XLSXWriter) know nothing of `Language`; their errors join the
// one error protocol here, so a caller prints them like any other.

extension OutputError: EvalSheetError {
    public func lines(_ language: Language) -> [String] { [language == .en ? en : ja] }
}

extension XLSXWriteError: EvalSheetError {
    public func lines(_ language: Language) -> [String] {
        if case .fileExists(let path) = self { return OutputError.fileExists(path).lines(language) }
        return [message.text(language)]
    }
}
