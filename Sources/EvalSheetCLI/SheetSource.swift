import Foundation
import EvalSheetModel
import EvalSheetJSON
import EvalSheetText
import EvalSheetWorkbook

/// What reading one input file gave: every sheet that could be read (with its reader notes), and one
/// error per sheet (or for the whole file) that could not. Reading never throws: a bad input is data.
struct InputRead: @unchecked Sendable {
    var file: String
    var sheets: [LoadedSheet] = []
    var failures: [any SheetReadError] = []
}

/// A problem with an input file as a whole: missing, of a kind we do not read, or unreadable.
struct InputFileError: SheetReadError, CustomStringConvertible {
    var file: String
    var id: String
    var message: LocalizedMessage

    var problems: [ReaderNote] { [ReaderNote(id: id, message: message, file: file, location: file)] }
    var description: String { lines(.ja).joined(separator: "\n") }

    static func missing(_ file: String) -> InputFileError {
        InputFileError(file: file, id: "input.missing", message: .init(
            ja: "ファイルまたはフォルダが見つかりません", en: "no such file or directory"))
    }

    static func unsupported(_ file: String) -> InputFileError {
        InputFileError(file: file, id: "input.unsupported", message: .init(
            ja: "対応していない形式です(.txt / .json / .xlsx)", en: "unsupported file type (.txt / .json / .xlsx)"))
    }

    static func unreadable(_ file: String, _ reason: String) -> InputFileError {
        InputFileError(file: file, id: "input.unreadable", message: .init(
            ja: "ファイルを開けません(\(reason))", en: "cannot open the file (\(reason))"))
    }
}

/// Reads sheets from any supported input, chosen by the file extension.
enum SheetSource {
    enum Kind: String { case text = "txt", json, xlsx }

    static func kind(of path: String) -> Kind? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "txt", "tsv", "text": .text
        case "json": .json
        case "xlsx", "xlsm": .xlsx
        default: nil
        }
    }

    /// The input files: each file as given, each directory replaced by its supported files (sorted,
    /// hidden files and our temporaries left out); inputs that do not exist are returned apart, so
    /// that every other input is still read.
    static func expand(_ inputs: [String]) -> (files: [String], missing: [InputFileError]) {
        var files: [String] = []
        var missing: [InputFileError] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                missing.append(.missing(input))
                continue
            }
            guard isDirectory.boolValue else { files.append(input); continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
            files += names.filter { !$0.hasPrefix(".") && kind(of: $0) != nil }.sorted()
                .map { (input as NSString).appendingPathComponent($0) }
        }
        return (files, missing)
    }

    /// Every sheet in the file, with where its values came from; every problem of the rest.
    static func read(_ path: String, template: WorkbookTemplate = .standard) -> InputRead {
        var result = InputRead(file: path)
        guard let kind = kind(of: path) else {
            result.failures = [InputFileError.unsupported(path)]
            return result
        }
        if kind == .xlsx {
            do {
                result.sheets = [try WorkbookImporter(template: template).read(path: path)]
            } catch {
                result.failures = [error]
            }
            return result
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            result.failures = [InputFileError.unreadable(path, (error as NSError).localizedDescription)]
            return result
        }
        switch kind {
        case .text:
            let (sheets, failures) = TextFormReader.readEach(data, file: path)
            result.sheets = sheets
            result.failures = failures
        case .json:
            let (sheets, failures) = EvaluationSheetJSON.decodeEach(data, file: path)
            result.sheets = sheets
            result.failures = failures
        case .xlsx:
            break
        }
        return result
    }
}
