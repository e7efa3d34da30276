import Foundation
import EvalSheetModel
import EvalSheetText

/// Reads sheets from any supported input, chosen by the file extension.
enum SheetSource {
    enum Kind: String { case text = "txt", json }

    static func kind(of path: String) throws(CLIError) -> Kind {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "txt", "tsv", "text": return .text
        case "json": return .json
        default:
            throw CLIError(.init(
                ja: "\(path): 対応していない形式です(.txt / .json)",
                en: "\(path): unsupported file type (.txt / .json)"))
        }
    }

    /// Every sheet in the file, with where its values came from.
    static func load(_ path: String) throws -> [LoadedSheet] {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CLIError(.init(ja: "\(path): ファイルを開けません", en: "\(path): cannot open the file"))
        }
        switch try kind(of: path) {
        case .text:
            return try TextFormReader.read(data, file: path)
        case .json:
            return try EvaluationSheetJSON.decode(data, file: path).map {
                LoadedSheet(sheet: $0, sourceMap: SourceMap(file: path, usesJSONPointers: true))
            }
        }
    }
}
