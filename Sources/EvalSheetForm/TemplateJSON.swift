import Foundation

/// A JSON document as written, for checking a template before it is decoded: objects keep their
/// keys in order *with duplicates* (JSONDecoder keeps only the last, silently), numbers keep
/// whether they are finite. Nesting is limited, so a hostile file cannot exhaust the stack.
indirect enum TemplateJSON: Equatable {
    case object([(key: String, value: TemplateJSON)])
    case array([TemplateJSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    static func == (a: TemplateJSON, b: TemplateJSON) -> Bool {
        switch (a, b) {
        case let (.object(x), .object(y)): x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case let (.array(x), .array(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.bool(x), .bool(y)): x == y
        case (.null, .null): true
        default: false
        }
    }

    /// The kind, in the words of a message: (ja, en).
    var kind: (ja: String, en: String) {
        switch self {
        case .object: ("オブジェクト", "an object")
        case .array: ("配列", "an array")
        case .string: ("文字列", "a string")
        case .number: ("数値", "a number")
        case .bool: ("真偽値", "true or false")
        case .null: ("null", "null")
        }
    }

    func sameKind(_ other: TemplateJSON) -> Bool {
        switch (self, other) {
        case (.object, .object), (.array, .array), (.string, .string), (.number, .number), (.bool, .bool), (.null, .null): true
        default: false
        }
    }

    /// A syntax error: the byte offset where it was found and what was expected.
    struct SyntaxError: Error {
        var offset: Int
        var expected: (ja: String, en: String)
    }

    static let maximumDepth = 32

    /// Parses a whole document (UTF-8, an optional BOM).
    static func parse(_ data: Data) throws(SyntaxError) -> TemplateJSON {
        var parser = Parser(bytes: Array(data))
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.i = 3 }
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.i == parser.bytes.count else { throw SyntaxError(offset: parser.i, expected: ("文書の終わり", "the end of the document")) }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        }

        func fail(_ ja: String, _ en: String) -> SyntaxError { SyntaxError(offset: i, expected: (ja, en)) }

        mutating func value(depth: Int) throws(SyntaxError) -> TemplateJSON {
            guard depth < TemplateJSON.maximumDepth else { throw fail("これより浅い入れ子(\(TemplateJSON.maximumDepth) 段まで)", "nesting of at most \(TemplateJSON.maximumDepth) levels") }
            skipSpace()
            guard i < bytes.count else { throw fail("値", "a value") }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var members: [(key: String, value: TemplateJSON)] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                while true {
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("キー(\"…\")", "a key (\"…\")") }
                    let key = try string()
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail(":", ":") }
                    i += 1
                    members.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    guard i < bytes.count else { throw fail(", か }", ", or }") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                    throw fail(", か }", ", or }")
                }
            case UInt8(ascii: "["):
                i += 1
                var items: [TemplateJSON] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                while true {
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < bytes.count else { throw fail(", か ]", ", or ]") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                    throw fail(", か ]", ", or ]")
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default:
                return .number(try number())
            }
        }

        mutating func literal(_ word: String) throws(SyntaxError) {
            let w = Array(word.utf8)
            guard bytes.count - i >= w.count, Array(bytes[i..<i + w.count]) == w else { throw fail("値", "a value") }
            i += w.count
        }

        mutating func number() throws(SyntaxError) -> Double {
            let start = i
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
            func digits() -> Int {
                let s = i
                while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
                return i - s
            }
            guard digits() > 0 else { i = start; throw fail("値", "a value") }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard digits() > 0 else { throw fail("小数点の後の数字", "digits after the point") }
            }
            if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else { throw fail("指数の数字", "exponent digits") }
            }
            return Double(String(decoding: bytes[start..<i], as: UTF8.self)) ?? .nan
        }

        mutating func string() throws(SyntaxError) -> String {
            i += 1  // the opening quote
            var out: [UInt8] = []
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
                if b < 0x20 { throw fail("制御文字のない文字列(\\n などで書いてください)", "a string without raw control characters (write \\n etc.)") }
                if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
                i += 1
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var unit = try hex4()
                    if (0xD800...0xDBFF).contains(unit), bytes.count - i >= 6, bytes[i] == UInt8(ascii: "\\"),
                       bytes[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        unit = (0xDC00...0xDFFF).contains(low) ? 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                    } else if (0xD800...0xDFFF).contains(unit) {
                        unit = 0xFFFD
                    }
                    out.append(contentsOf: Array(String(Unicode.Scalar(unit).map(Character.init) ?? "\u{FFFD}").utf8))
                default:
                    i -= 1
                    throw fail("正しいエスケープ(\\n, \\\", \\uXXXX など)", "a valid escape (\\n, \\\", \\uXXXX …)")
                }
            }
            throw fail("文字列の終わりの \"", "the closing \" of a string")
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard bytes.count - i >= 4 else { throw fail("\\u の後の16進4桁", "four hex digits after \\u") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[i]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: throw fail("\\u の後の16進4桁", "four hex digits after \\u")
                }
                v = v << 4 | d
                i += 1
            }
            return v
        }
    }
}
