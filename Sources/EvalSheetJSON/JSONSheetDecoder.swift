import EvalSheetModel
import StrictJSON
/// Reads evaluation sheets from parsed JSON, field by field, collecting every problem with its
/// pointer (a missing key, a value of the wrong type, an integer out of range, an indicator value
/// that is not one) instead of stopping at the first, and noting keys it does not know.
struct JSONSheetDecoder {
    let file: String
    private(set) var problems: [JSONReadError] = []
    private(set) var notes: [ReaderNote] = []

    init(file: String) { self.file = file }

    // MARK: - Reporting

    mutating func problem(_ pointer: String, ja: String, en: String, id: String) {
        problems.append(JSONReadError(file: file, pointer: pointer, message: .init(ja: ja, en: en), id: id))
    }

    /// A note (a warning) at a pointer: something read, but not exactly as written.
    mutating func note(_ pointer: String, _ id: String, ja: String, en: String) {
        notes.append(ReaderNote(id: id, message: .init(ja: ja, en: en), file: file, place: .jsonPointer(pointer)))
    }

    private mutating func wrongType(_ node: JSONNode, _ place: JSONPlace, expected: (ja: String, en: String)) {
        problem(place.pointer, ja: "値の型が違います(\(expected.ja)が必要ですが\(node.kind.ja)です)",
                en: "expected \(expected.en), found \(node.kind.en)", id: "json.type")
    }

    // MARK: - Objects

    /// The members of an object, each looked up once; unknown members become notes at `finish`.
    struct Members {
        /// The object's place, shared by its members' places.
        let container: JSONPlace.Container
        let pairs: [JSONMember]

        /// The object's pointer (for a message).
        var pointer: String { container.pointer }

        /// The place of the member `key`.
        func place(_ key: String) -> JSONPlace { .member(key, of: container) }

        /// The value of the first member named `key`, if any.
        func value(_ key: String) -> JSONNode? { pairs.first(where: { $0.key == key })?.value }
    }

    mutating func object(_ node: JSONNode?, _ place: JSONPlace) -> Members? {
        guard let node else { return nil }
        guard case .object(let pairs) = node else {
            wrongType(node, place, expected: ("オブジェクト", "an object"))
            return nil
        }
        return Members(container: .init(place), pairs: pairs)
    }

    /// Notes every member of `m` whose key is not in `known` (it would otherwise be dropped unseen).
    mutating func finish(_ m: Members, known: [String]) {
        for key in m.pairs.lazy.map(\.key) where !known.contains(key) {
            let pointer = m.pointer + "/" + JSONParser.escape(key)
            notes.append(ReaderNote(id: "json.unknown-key", message: .init(
                ja: "知らない項目 \"\(key)\" を無視しました(綴りを確かめてください)",
                en: "ignored the unknown key \"\(key)\" (check its spelling)"), file: file, place: .jsonPointer(pointer)))
        }
    }

    /// The value of a required member; a problem when it is missing.
    mutating func required(_ m: Members, _ key: String) -> (JSONNode, JSONPlace)? {
        guard let node = m.pairs.first(where: { $0.key == key })?.value else {
            problem(m.place(key).pointer, ja: "必須の項目 \(key) がありません", en: "missing key \(key)", id: "json.missing-key")
            return nil
        }
        return (node, m.place(key))
    }

    /// The value of an optional member (absent or null: nil).
    func optional(_ m: Members, _ key: String) -> (JSONNode, JSONPlace)? {
        guard let node = m.pairs.first(where: { $0.key == key })?.value else { return nil }
        if case .null = node { return nil }
        return (node, m.place(key))
    }

    // MARK: - Scalars

    // The scalar members below answer at once when the member is there with the right type; only a
    // problem needs the member's place.

    mutating func string(_ m: Members, _ key: String) -> String? {
        if case .string(let s)? = m.value(key) { return s }
        guard let (node, place) = required(m, key) else { return nil }
        return string(node, place)
    }

    mutating func string(_ node: JSONNode, _ place: JSONPlace) -> String? {
        guard case .string(let s) = node else { wrongType(node, place, expected: ("文字列", "a string")); return nil }
        return s
    }

    mutating func optionalString(_ m: Members, _ key: String) -> String? {
        if case .string(let s)? = m.value(key) { return s }
        guard let (node, place) = optional(m, key) else { return nil }
        return string(node, place)
    }

    mutating func int(_ m: Members, _ key: String) -> Int? {
        if case .number(let text)? = m.value(key), let n = Int(text) { return n }
        guard let (node, place) = required(m, key) else { return nil }
        return int(node, place)
    }

    /// An integer literal that fits an Int (`2019`; not `2019.5`, `1e3` or 20 digits).
    mutating func int(_ node: JSONNode, _ place: JSONPlace) -> Int? {
        guard case .number(let text) = node else { wrongType(node, place, expected: ("整数", "an integer")); return nil }
        guard let n = Int(text) else {
            problem(place.pointer, ja: "整数ではないか、大きすぎます: \(text)", en: "not an integer, or too large: \(text)", id: "json.integer")
            return nil
        }
        return n
    }

    mutating func optionalInt(_ node: JSONNode, _ place: JSONPlace) -> Int?? {
        if case .null = node { return .some(nil) }
        guard let n = int(node, place) else { return nil }
        return .some(n)
    }

    mutating func bool(_ m: Members, _ key: String) -> Bool? {
        if case .bool(let b)? = m.value(key) { return b }
        guard let (node, place) = required(m, key) else { return nil }
        guard case .bool(let b) = node else { wrongType(node, place, expected: ("true か false", "true or false")); return nil }
        return b
    }

    // MARK: - Arrays

    /// The elements of a required array member, each mapped with its place; nil when the member is
    /// missing or not an array, and nil elements where an element could not be read.
    mutating func array<T>(_ m: Members, _ key: String, _ element: (inout JSONSheetDecoder, JSONNode, JSONPlace) -> T?) -> [T]? {
        guard let (node, place) = required(m, key) else { return nil }
        return array(node, place, element)
    }

    mutating func array<T>(_ node: JSONNode, _ place: JSONPlace, _ element: (inout JSONSheetDecoder, JSONNode, JSONPlace) -> T?) -> [T]? {
        guard case .array(let items) = node else { wrongType(node, place, expected: ("配列", "an array")); return nil }
        var out: [T] = []
        out.reserveCapacity(items.count)
        var complete = true
        let container = JSONPlace.Container(place)
        for (k, item) in items.enumerated() {
            if let v = element(&self, item, .element(k, of: container)) { out.append(v) } else { complete = false }
        }
        return complete ? out : nil
    }
}
