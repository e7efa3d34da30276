import Foundation

/// A strict JSON parser (RFC 8259) over UTF-8 bytes. Beyond the grammar it refuses what would let
/// one value silently replace or change another: a key twice in one object, a number a double
/// cannot hold (`1e400`), nesting deeper than `maximumDepth`; invalid UTF-8 and lone surrogates too,
/// and a key longer than `maximumKeyLength`.
/// Errors name the JSON pointer of the value being read and its line and column.
public struct JSONParser {
    /// The deepest nesting accepted; a sheet needs 6.
    public static let maximumDepth = 64

    /// The longest key accepted, in UTF-8 bytes (a sheet's longest is 21). Every key is compared
    /// with the names a reader knows and quoted in its messages; comparing a `String` normalizes it,
    /// in time that grows with the square of a run of combining marks — a key of 30,000 marks took
    /// ten seconds to read.
    public static let maximumKeyLength = 256

    /// The longest number literal without an exponent that needs no check against a double's range
    /// (its magnitude is below 10^300, far inside a double's 1.8 × 10^308).
    static let literalLengthAlwaysFinite = 300

    /// What to do with a key that appears twice in one object.
    public enum DuplicateKeys: Sendable {
        /// Refuse the text (`json.duplicate-key`): neither value can be chosen.
        case refuse
        /// Keep both members, in file order, for a caller that reports every repeated key itself
        /// together with its other findings (the template checker).
        case keep
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let duplicateKeys: DuplicateKeys
    private var i = 0
    /// The members and elements being read, outermost first; rendered as a pointer only by `fail`.
    private var path: [PathComponent] = []

    /// One step of `path`: a member's key (not yet escaped) or an element's index.
    /// The members or elements an object or array gets room for at once (most of a sheet's have
    /// fewer): one allocation instead of growing 1, 2, 4, 8.
    private static let reservedCount = 8

    private enum PathComponent {
        case key(String)
        case index(Int)
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>, duplicateKeys: DuplicateKeys) {
        self.bytes = bytes
        self.duplicateKeys = duplicateKeys
    }

    /// Parses one JSON text (a single value, optionally surrounded by whitespace; a UTF-8 BOM is skipped).
    public static func parse(_ data: some Collection<UInt8>, duplicateKeys: DuplicateKeys = .refuse) throws(JSONSyntaxError) -> JSONNode {
        if let result = data.withContiguousStorageIfAvailable({ parse(buffer: $0, duplicateKeys) }) { return try result.get() }
        return try Array(data).withUnsafeBufferPointer { parse(buffer: $0, duplicateKeys) }.get()
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>, _ duplicateKeys: DuplicateKeys) -> Result<JSONNode, JSONSyntaxError> {
        let result: Result<JSONNode, JSONSyntaxError> = { () -> Result<JSONNode, JSONSyntaxError> in
            var p = JSONParser(buffer, duplicateKeys: duplicateKeys)
            do throws(JSONSyntaxError) {
                if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { p.i = 3 }
                p.skipWhitespace()
                let value = try p.value(depth: 0)
                p.skipWhitespace()
                guard p.i == buffer.count else {
                    throw p.fail(ja: "JSON の値の後に余分な文字があります", en: "unexpected text after the JSON value", id: "json.syntax")
                }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }()
        return result
    }

    // MARK: - Values

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard depth < Self.maximumDepth else {
            throw fail(ja: "入れ子が深すぎます(\(Self.maximumDepth) 段まで)", en: "nesting deeper than \(Self.maximumDepth) levels", id: "json.too-deep")
        }
        guard i < bytes.count else { throw fail(ja: "JSON が途中で終わっています", en: "the JSON text ends too early", id: "json.syntax") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default:
            throw fail(ja: "JSON の値が読めません", en: "expected a JSON value", id: "json.syntax")
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        i += 1
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { i += 1; return .object([]) }
        var members: [JSONMember] = []
        members.reserveCapacity(Self.reservedCount)
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else {
                throw fail(ja: "オブジェクトのキー(\"…\")がありません", en: "expected an object key in double quotes", id: "json.syntax")
            }
            let key = try string()
            guard key.utf8.count <= Self.maximumKeyLength else {
                throw fail(ja: "キーが長すぎます(\(key.utf8.count) バイト、上限 \(Self.maximumKeyLength) バイト)",
                           en: "a key of \(key.utf8.count) bytes, longer than \(Self.maximumKeyLength)", id: "json.key-too-long")
            }
            path.append(.key(key))
            if duplicateKeys == .refuse, members.contains(where: { $0.key == key }) {
                throw fail(ja: "キー \"\(key)\" が同じオブジェクトに2回あります(どちらの値を使うか決められません)",
                           en: "the key \"\(key)\" appears twice in one object (neither value can be chosen)", id: "json.duplicate-key")
            }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw fail(ja: "キーの後に「:」がありません", en: "expected ':' after the key", id: "json.syntax") }
            i += 1
            skipWhitespace()
            members.append(JSONMember(key: key, value: try value(depth: depth + 1)))
            skipWhitespace()
            guard peek(UInt8(ascii: ",")) || peek(UInt8(ascii: "}")) else {
                throw fail(ja: "オブジェクトの「,」か「}」がありません", en: "expected ',' or '}' in an object", id: "json.syntax")
            }
            path.removeLast()
            i += 1
            if bytes[i - 1] == UInt8(ascii: "}") { return .object(members) }
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        i += 1
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { i += 1; return .array([]) }
        var items: [JSONNode] = []
        items.reserveCapacity(Self.reservedCount)
        while true {
            skipWhitespace()
            path.append(.index(items.count))
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            guard peek(UInt8(ascii: ",")) || peek(UInt8(ascii: "]")) else {
                throw fail(ja: "配列の「,」か「]」がありません", en: "expected ',' or ']' in an array", id: "json.syntax")
            }
            path.removeLast()
            i += 1
            if bytes[i - 1] == UInt8(ascii: "]") { return .array(items) }
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let w = word.utf8
        let n = w.count
        guard i + n <= bytes.count, bytes[i..<(i + n)].elementsEqual(w) else {
            throw fail(ja: "JSON の値が読めません", en: "expected a JSON value", id: "json.syntax")
        }
        i += n
    }

    /// A number literal, validated by the grammar and refused when a double cannot hold it.
    private mutating func number() throws(JSONSyntaxError) -> String {
        let start = i
        var hasExponent = false
        if peek(UInt8(ascii: "-")) { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw badNumber() }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { while i < bytes.count, isDigit(bytes[i]) { i += 1 } }
        if peek(UInt8(ascii: ".")) {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw badNumber() }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            hasExponent = true
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw badNumber() }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        // Without an exponent, a literal of at most 300 bytes is below 10^300: a double holds it.
        if !hasExponent, i - start <= Self.literalLengthAlwaysFinite { return text }
        guard let d = Double(text), d.isFinite else {
            throw fail(ja: "数値 \(text) は大きすぎて扱えません", en: "the number \(text) is too large to be held", id: "json.number-range")
        }
        return text
    }

    private func badNumber() -> JSONSyntaxError {
        fail(ja: "数値の書き方が正しくありません", en: "malformed number", id: "json.syntax")
    }

    /// A string: escapes decoded, surrogate pairs joined; control characters, invalid UTF-8 and
    /// lone surrogates refused.
    private mutating func string() throws(JSONSyntaxError) -> String {
        i += 1
        let start = i
        var plain = true
        while i < bytes.count {
            i = JSONByteScan.firstSpecialByte(in: bytes, from: i)  // a quote, a backslash or a control byte
            guard i < bytes.count else { break }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") { plain = false; i += 2; continue }
            if b < 0x20 {
                throw fail(ja: "文字列の中に制御文字がそのまま入っています(\\n などで書いてください)",
                           en: "a control character inside a string must be escaped", id: "json.syntax")
            }
        }
        guard i < bytes.count else { throw fail(ja: "文字列が閉じていません", en: "unterminated string", id: "json.syntax") }
        let end = i
        i += 1
        if plain {
            guard let s = Self.validatedUTF8(UnsafeBufferPointer(rebasing: bytes[start..<end])) else { throw invalidUTF8() }
            return s
        }
        return try unescape(start, end)
    }

    private func unescape(_ start: Int, _ end: Int) throws(JSONSyntaxError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var k = start
        while k < end {
            let b = bytes[k]
            guard b == UInt8(ascii: "\\") else { out.append(b); k += 1; continue }
            guard k + 1 < end else { throw badEscape() }
            let e = bytes[k + 1]
            k += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(k, end)
                k += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    guard k + 6 <= end, bytes[k] == UInt8(ascii: "\\"), bytes[k + 1] == UInt8(ascii: "u") else { throw loneSurrogate() }
                    let low = try hex4(k + 2, end)
                    guard (0xDC00...0xDFFF).contains(low) else { throw loneSurrogate() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    k += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw loneSurrogate()
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                throw badEscape()
            }
        }
        guard let s = out.withUnsafeBufferPointer({ Self.validatedUTF8($0) }) else { throw invalidUTF8() }
        return s
    }

    /// The bytes as a String when they are valid UTF-8, else nil: `String(validating:as:)`'s answer
    /// without its generic path (a metadata look-up per string). `String(decoding:)` replaces each
    /// invalid sequence with U+FFFD and keeps valid text as it is, so its result has the same bytes
    /// as the input exactly when the input is valid UTF-8.
    static func validatedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var s = String(decoding: bytes, as: UTF8.self)
        let same = s.withUTF8 { decoded in
            guard decoded.count == bytes.count else { return false }
            guard let a = decoded.baseAddress, let b = bytes.baseAddress else { return true }  // both empty
            return memcmp(a, b, bytes.count) == 0
        }
        return same ? s : nil
    }

    private func hex4(_ k: Int, _ end: Int) throws(JSONSyntaxError) -> UInt32 {
        guard k + 4 <= end else { throw badEscape() }
        var v: UInt32 = 0
        for b in bytes[k..<(k + 4)] {
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw badEscape()
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    private func badEscape() -> JSONSyntaxError { fail(ja: "文字列のエスケープ(\\…)が正しくありません", en: "malformed escape in a string", id: "json.syntax") }
    private func loneSurrogate() -> JSONSyntaxError { fail(ja: "文字列に対になっていないサロゲート(\\uD800 など)があります", en: "a lone surrogate escape in a string", id: "json.syntax") }
    private func invalidUTF8() -> JSONSyntaxError { fail(ja: "UTF-8 として読めない文字があります", en: "invalid UTF-8 in a string", id: "json.encoding") }

    // MARK: - Bytes

    private func peek(_ b: UInt8) -> Bool { i < bytes.count && bytes[i] == b }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    private func fail(ja: String, en: String, id: String) -> JSONSyntaxError {
        var line = 1, column = 1
        for b in bytes[..<min(i, bytes.count)] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        let pointer = path.map { component in
            switch component {
            case .key(let key): "/" + Self.escape(key)
            case .index(let index): "/" + String(index)
            }
        }.joined()
        return JSONSyntaxError(pointer: pointer, line: line, column: column,
                               ja: "\(ja)(\(line) 行 \(column) 文字目)", en: "\(en) (line \(line), column \(column))", id: id)
    }

    /// RFC 6901: `~` → `~0`, `/` → `~1`.
    public static func escape(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return key }
        return key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
