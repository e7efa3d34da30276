import EvalSheetModel
import StrictJSON
import Foundation

/// The JSON form of the model: pretty-printed, sorted keys, UTF-8, with `schemaVersion`.
public enum EvaluationSheetJSON {
    /// The encoder every JSON writer uses.
    public static func makeEncoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// One sheet as JSON bytes (UTF-8, pretty-printed, sorted keys, with a trailing newline).
    public static func encode(_ sheet: EvaluationSheet) throws -> Data {
        Data(encodedBytes(sheet))
    }

    /// `encode` as an array of bytes (no copy into `Data` for a caller that writes bytes).
    public static func encodedBytes(_ sheet: EvaluationSheet) -> [UInt8] {
        var w = JSONTextWriter()
        sheet.writeJSON(&w)
        var bytes = w.bytes
        bytes.append(0x0A)
        return bytes
    }

    /// Reads one sheet or an array of sheets: every sheet that could be read, and one error (with
    /// every problem of that sheet) per sheet that could not. A file that is not JSON at all, or holds
    /// no sheet, is one failure. Keys the reader does not know are notes of their sheet.
    public static func decodeEach(_ data: some Collection<UInt8>, file: String) -> (sheets: [LoadedSheet], failures: [JSONReadError]) {
        let root: JSONNode
        do {
            root = try JSONParser.parse(data)
        } catch {
            return ([], [JSONReadError(file: file, pointer: error.pointer, message: .init(ja: error.ja, en: error.en), id: error.id)])
        }
        let elements: [(JSONNode, String)]
        switch root {
        case .array(let items):
            guard !items.isEmpty else {
                return ([], [JSONReadError(file: file, pointer: "", message: .init(
                    ja: "施策が1件もありません(空の配列です)", en: "the file holds no policy (an empty array)"), id: "json.empty")])
            }
            elements = items.enumerated().map { ($1, "/\($0)") }
        case .object:
            elements = [(root, "")]
        default:
            return ([], [JSONReadError(file: file, pointer: "", message: .init(
                ja: "施策のオブジェクト(またはその配列)ではありません(\(root.kind.ja)です)",
                en: "not a policy object or an array of them (found \(root.kind.en))"), id: "json.type")])
        }
        var sheets: [LoadedSheet] = []
        var failures: [JSONReadError] = []
        for (node, prefix) in elements {
            var decoder = JSONSheetDecoder(file: file)
            var problems: [JSONReadError] = []
            if let sheet = decoder.sheet(node, .root(prefix)) {
                problems = sheet.invariantViolations().map {
                    JSONReadError(file: file, pointer: prefix + $0.path.jsonPointer, message: $0.message, id: "json.invariant")
                }
                if problems.isEmpty {
                    var map = SourceMap(file: file, usesJSONPointers: true)
                    map.jsonPointerPrefix = prefix
                    sheets.append(LoadedSheet(sheet: sheet, sourceMap: map, notes: decoder.notes))
                    continue
                }
            } else {
                problems = decoder.problems
            }
            var first = problems[0]
            first.additional = Array(problems.dropFirst())
            failures.append(first)
        }
        return (sheets, failures)
    }

    /// Reads one sheet or an array of sheets; throws the first failure, with the problems of every
    /// other failing sheet in `additional`.
    public static func decode(_ data: Data, file: String) throws(JSONReadError) -> [EvaluationSheet] {
        let (sheets, failures) = decodeEach(data, file: file)
        if var first = failures.first {
            first.additional += failures.dropFirst().flatMap { [$0] + $0.additional }
            throw first
        }
        return sheets.map(\.sheet)
    }
}

/// A JSON file that cannot be read as evaluation sheets, with the pointer of the bad value — plus
/// every further problem found in the same file (`additional`), so that one run reports them all.
public struct JSONReadError: SheetReadError, CustomStringConvertible {
    public var file: String
    public var pointer: String
    public var message: LocalizedMessage
    /// A stable identifier of the kind of problem, e.g. `json.syntax`.
    public var id: String
    /// The other problems of the same file.
    public var additional: [JSONReadError] = []

    public init(file: String, pointer: String, message: LocalizedMessage, id: String = "json.unreadable") {
        self.file = file
        self.pointer = pointer
        self.message = message
        self.id = id
    }

    /// `511.json#/projects/rows/1`.
    public var location: String { SourceLocation.jsonPointer(pointer).qualified(in: file) }

    /// This problem and the additional ones.
    public var problems: [ReaderNote] {
        ([self] + additional).map { ReaderNote(id: $0.id, message: $0.message, file: $0.file, place: .jsonPointer($0.pointer)) }
    }

    /// One line per problem: `511.json#/pointer: message`.
    public func text(_ language: Language) -> String {
        lines(language).joined(separator: "\n")
    }

    public var description: String { text(.ja) }
}
