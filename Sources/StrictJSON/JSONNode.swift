/// A parsed JSON value. Numbers keep their literal text (so `2019` and `1e400` are told apart exactly
/// when a field is read); objects keep their members in file order (each key once: the parser
/// refuses a key twice). Not `indirect`: arrays and objects hold their elements in arrays already, so a
/// node needs no box of its own (one allocation less per value, and less to free).
public enum JSONNode: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// `文字列` / `a string` … for messages.
    public var kind: (ja: String, en: String) {
        switch self {
        case .null: ("null", "null")
        case .bool: ("真偽値", "a boolean")
        case .number: ("数値", "a number")
        case .string: ("文字列", "a string")
        case .array: ("配列", "an array")
        case .object: ("オブジェクト", "an object")
        }
    }
}

/// One member of a JSON object: its key (unescaped) and its value. A struct, not a tuple: an array of
/// tuples is destroyed through the runtime's generic tuple witnesses, a struct's through its own.
public struct JSONMember: Sendable {
    public var key: String
    public var value: JSONNode

    public init(key: String, value: JSONNode) {
        self.key = key
        self.value = value
    }
}

/// A JSON text that is not well formed, or that this reader refuses (a duplicate key, a number
/// beyond a double, nesting deeper than `JSONParser.maximumDepth`), at its pointer and line, with
/// the message in Japanese and English.
public struct JSONSyntaxError: Error, Sendable {
    /// The RFC 6901 pointer of the value being read.
    public var pointer: String
    public var line: Int
    public var column: Int
    public var ja: String
    public var en: String
    /// `json.syntax`, `json.duplicate-key`, `json.key-too-long`, `json.number-range`, `json.too-deep`, `json.encoding`.
    public var id: String
}
