import Foundation
import EvalSheetModel
import EvalSheetText
import EvalSheetWorkbook

/// Reads sheets from any supported input, chosen by the file extension.
enum SheetSource {
    enum Kind: String { case text = "txt", json, xlsx }

    static func kind(of path: String) throws(CLIError) -> Kind {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "txt", "tsv", "text": return .text
        case "json": return .json
        case "xlsx", "xlsm": return .xlsx
        default:
            throw CLIError(.init(
                ja: "\(path): 対応していない形式です(.txt / .json / .xlsx)",
                en: "\(path): unsupported file type (.txt / .json / .xlsx)"))
        }
    }

    /// The input files: each path as given, each directory replaced by its supported files (sorted).
    static func expand(_ inputs: [String]) throws -> [String] {
        var out: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw CLIError(.init(ja: "\(input) が見つかりません", en: "\(input): no such file or directory"))
            }
            guard isDirectory.boolValue else { out.append(input); continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
            out += names.filter { !$0.hasPrefix(".") && (try? kind(of: $0)) != nil }.sorted()
                .map { (input as NSString).appendingPathComponent($0) }
        }
        return out
    }

    /// Every sheet in the file, with where its values came from.
    static func load(_ path: String, template: WorkbookTemplate = .standard) throws -> [LoadedSheet] {
        let kind = try kind(of: path)
        if kind == .xlsx {
            return [try WorkbookImporter(template: template).read(path: path)]
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError(.init(ja: "\(path): ファイルを開けません", en: "\(path): cannot open the file"))
        }
        if kind == .text { return try TextFormReader.read(data, file: path) }
        return try EvaluationSheetJSON.decode(data, file: path).map {
            LoadedSheet(sheet: $0, sourceMap: SourceMap(file: path, usesJSONPointers: true))
        }
    }
}
