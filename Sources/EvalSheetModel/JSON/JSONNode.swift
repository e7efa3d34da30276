/// A parsed JSON value. Numbers keep their literal text (so `2019` and `1e400` are told apart exactly
/// when a field is read); objects keep their members in file order.
indirect enum JSONNode: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([(key: String, value: JSONNode)])

    /// `文字列` / `string` … for messages.
    var kind: (ja: String, en: String) {
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

/// A JSON text that is not well formed, or that this reader refuses (a duplicate key, a number
/// beyond a double, nesting deeper than `JSONParser.maximumDepth`), at its pointer and line.
struct JSONSyntaxError: Error {
    var pointer: String
    var line: Int
    var column: Int
    var message: LocalizedMessage
    var id: String
}
