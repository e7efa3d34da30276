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
        var w = JSONTextWriter()
        sheet.writeJSON(&w)
        return Data(w.bytes + [0x0A])
    }

    /// Reads one sheet or an array of sheets. Errors name the JSON pointer of the bad value.
    public static func decode(_ data: Data, file: String) throws(JSONReadError) -> [EvaluationSheet] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw JSONReadError(file: file, pointer: "", message: .init(
                ja: "JSONとして読めません(\(error.localizedDescription))",
                en: "not valid JSON (\(error.localizedDescription))"))
        }
        let isArray = object is [Any]
        let sheets: [EvaluationSheet]
        do {
            let decoder = JSONDecoder()
            sheets = isArray ? try decoder.decode([EvaluationSheet].self, from: data)
                             : [try decoder.decode(EvaluationSheet.self, from: data)]
        } catch let error as DecodingError {
            throw JSONReadError(decoding: error, file: file)
        } catch {
            throw JSONReadError(file: file, pointer: "", message: .init(ja: "\(error)", en: "\(error)"))
        }
        for (n, sheet) in sheets.enumerated() {
            let prefix = isArray ? "/\(n)" : ""
            guard sheet.schemaVersion == EvaluationSheet.currentSchemaVersion else {
                throw JSONReadError(file: file, pointer: prefix + "/schemaVersion", message: .init(
                    ja: "schemaVersion \(sheet.schemaVersion) には対応していません(対応: \(EvaluationSheet.currentSchemaVersion))",
                    en: "unsupported schemaVersion \(sheet.schemaVersion) (this tool reads \(EvaluationSheet.currentSchemaVersion))"))
            }
            let violations = sheet.invariantViolations().map {
                JSONReadError(file: file, pointer: prefix + $0.path.jsonPointer, message: $0.message, id: "json.invariant")
            }
            if var first = violations.first {
                first.additional = Array(violations.dropFirst())
                throw first
            }
        }
        return sheets
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
    public var location: String { "\(file)#\(pointer)" }

    /// This problem and the additional ones.
    public var problems: [ReaderNote] {
        ([self] + additional).map { ReaderNote(id: $0.id, message: $0.message, file: $0.file, location: $0.location) }
    }

    init(decoding error: DecodingError, file: String) {
        func pointer(_ path: [any CodingKey]) -> String {
            path.map { "/" + ($0.intValue.map(String.init) ?? $0.stringValue) }.joined()
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            self.init(file: file, pointer: pointer(ctx.codingPath + [key]), message: .init(
                ja: "必須の項目 \(key.stringValue) がありません", en: "missing key \(key.stringValue)"))
        case .typeMismatch(let type, let ctx), .valueNotFound(let type, let ctx):
            self.init(file: file, pointer: pointer(ctx.codingPath), message: .init(
                ja: "値の型が違います(期待: \(type))", en: "expected a value of type \(type)"))
        case .dataCorrupted(let ctx):
            self.init(file: file, pointer: pointer(ctx.codingPath), message: .init(
                ja: "値が不正です: \(ctx.debugDescription)", en: "invalid value: \(ctx.debugDescription)"))
        @unknown default:
            self.init(file: file, pointer: "", message: .init(ja: "\(error)", en: "\(error)"))
        }
    }

    /// One line per problem: `511.json#/pointer: message`.
    public func text(_ language: Language) -> String {
        lines(language).joined(separator: "\n")
    }

    public var description: String { text(.ja) }
}
