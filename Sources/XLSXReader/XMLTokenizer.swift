// A small streaming pull tokenizer for the XML of OOXML parts.
//
// It works on one inflated part held in memory (bounded by XLSXReadLimits), validates UTF-8 once,
// and then hands out events whose names, attributes and text are byte ranges into that buffer:
// no Strings are created unless a parser asks for one. It refuses DTDs, checks well-formedness
// (tag balance, attribute syntax, entities), resolves namespace prefixes with scoping, and caps
// nesting depth.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a part came from, for error messages.
struct PartSource: Sendable {
    var file: String
    var part: String

    func error(_ kind: XLSXReadError.Kind, cell: String? = nil, offset: Int? = nil, _ detail: String) -> XLSXReadError {
        XLSXReadError(kind, file: file, part: part, cell: cell, offset: offset, detail: detail)
    }
}

/// One event from the tokenizer; details are read from the tokenizer's properties.
enum XMLEvent: Equatable {
    /// A start tag (also reported for `<a/>`, followed at once by `.endElement`).
    case startElement
    /// An end tag.
    case endElement
    /// Character data or a CDATA section inside the root element.
    case text
    /// The end of the document (all elements closed).
    case endOfDocument
}

/// One attribute of the current start tag, as byte offsets into the part.
struct XMLAttribute {
    var namespace: XMLNamespace
    var localStart: Int
    var nameEnd: Int
    var valueStart: Int
    var valueEnd: Int
    /// The value contains `&`, tab, CR or LF and must be decoded/normalized before use.
    var needsDecoding: Bool
}

/// The pull tokenizer. Create it with `XMLTokenizer.make`, then call `next()` until
/// `.endOfDocument`.
struct XMLTokenizer {
    private let bytes: PartBytes
    private let p: UnsafePointer<UInt8>
    private let end: Int
    private var pos: Int
    let source: PartSource
    private let maxDepth: Int

    // Open elements: qualified-name range and the namespace-binding count to restore.
    private struct Open {
        var qnameStart: Int
        var qnameEnd: Int
        var namespace: XMLNamespace
        var localStart: Int
        var bindingCount: Int
        var defaultNamespace: XMLNamespace
    }
    private var stack: [Open] = []

    private struct Binding {
        var prefixStart: Int
        var prefixEnd: Int  // equal to prefixStart for the default namespace
        var namespace: XMLNamespace
    }
    private var bindings: [Binding] = []
    /// Cap on namespace declarations in scope (prefix lookup is linear in their number).
    static let maxBindings = 512
    /// Incremented whenever `bindings` changes; invalidates the prefix cache.
    private var bindingGeneration = 0
    private var cachedPrefixGeneration = -1
    private var cachedPrefixStart = 0
    private var cachedPrefixLength = 0
    private var cachedPrefixNamespace: XMLNamespace = .none
    private var defaultNamespace: XMLNamespace = .none
    private var pendingEnd = false
    private var sawRoot = false
    private var scratch: [UInt8] = []

    // Current event details.
    /// Namespace of the current (start or end) element.
    private(set) var elementNamespace: XMLNamespace = .none
    private var localStart = 0
    private var localEnd = 0
    /// Attribute storage, reused between tags; only the first `attributeCount` are current.
    private var attributeStorage: [XMLAttribute] = []
    /// Number of attributes of the current start tag.
    private(set) var attributeCount = 0
    /// True when the current start tag is `<a/>`.
    private(set) var isEmptyElement = false
    private var textStart = 0
    private var textEnd = 0
    private var textIsCDATA = false
    private var textNeedsDecoding = false

    /// Depth of the current element (1 for the root while it is open).
    var depth: Int { stack.count }

    /// Byte offset of the tokenizer (for error messages from parsers).
    var offset: Int { pos }

    /// The size of the part in bytes (for parsers sizing what they collect).
    var partSize: Int { end }

    /// Prepares a part for tokenizing: handles a UTF-8 BOM, transcodes UTF-16 (BOM required),
    /// and validates UTF-8.
    static func make(_ bytes: PartBytes, source: PartSource, maxDepth: Int) throws(XLSXReadError) -> XMLTokenizer {
        var data = bytes
        var start = 0
        let n = bytes.count
        let b = bytes.base
        if n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) {
            data = try transcodeUTF16(bytes, bigEndian: b[0] == 0xFE, source: source)
        } else if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
            start = 3
        }
        if let bad = firstInvalidUTF8(data.base + start, data.count - start) {
            throw source.error(.invalidEncoding, offset: start + bad, "invalid UTF-8")
        }
        return XMLTokenizer(bytes: data, start: start, source: source, maxDepth: maxDepth)
    }

    private init(bytes: PartBytes, start: Int, source: PartSource, maxDepth: Int) {
        self.bytes = bytes
        self.p = UnsafePointer(bytes.base)
        self.end = bytes.count
        self.pos = start
        self.source = source
        self.maxDepth = maxDepth
        stack.reserveCapacity(16)
        attributeStorage = Array(repeating: XMLAttribute(namespace: .none, localStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0,
                                                          needsDecoding: false), count: Self.plainAttributeRoom)
    }

    private static func transcodeUTF16(_ bytes: PartBytes, bigEndian: Bool, source: PartSource) throws(XLSXReadError) -> PartBytes {
        let n = bytes.count
        guard n % 2 == 0 else { throw source.error(.invalidEncoding, offset: n - 1, "odd number of bytes in UTF-16 part") }
        var units: [UInt16] = []
        units.reserveCapacity(n / 2 - 1)
        var i = 2
        while i + 1 < n {
            let a = UInt16(bytes.base[i]), c = UInt16(bytes.base[i + 1])
            units.append(bigEndian ? (a << 8 | c) : (c << 8 | a))
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 2)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var index = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                appendUTF8(scalar.value, to: &out)
                index += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput:
                break loop
            case .error:
                throw source.error(.invalidEncoding, offset: 2 + index * 2, "invalid UTF-16")
            }
        }
        guard let base = malloc(max(out.count, 1))?.assumingMemoryBound(to: UInt8.self) else {
            throw source.error(.invalidEncoding, "out of memory")
        }
        _ = out.withUnsafeBufferPointer { memcpy(base, $0.baseAddress!, $0.count) }
        return PartBytes(base: base, count: out.count)
    }

    // MARK: - Reading event details

    /// The local name of the current element as bytes.
    var localName: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: p + localStart, count: localEnd - localStart)
    }

    /// True when the current element is `namespace:local`.
    @inline(__always)
    func isElement(_ namespace: XMLNamespace, _ local: StaticString) -> Bool {
        elementNamespace == namespace && bytesEqual(p + localStart, localEnd - localStart, local)
    }

    /// Attribute `index` (< `attributeCount`) of the current start tag.
    @inline(__always)
    func attribute(at index: Int) -> XMLAttribute { attributeStorage[index] }

    /// The first byte of an attribute's local name.
    @inline(__always)
    func localNameByte(of attribute: XMLAttribute) -> UInt8 { p[attribute.localStart] }

    /// Index of the attribute `namespace:local` on the current start tag.
    func attributeIndex(_ namespace: XMLNamespace, _ local: StaticString) -> Int? {
        for i in 0..<attributeCount {
            let a = attributeStorage[i]
            if a.namespace == namespace && bytesEqual(p + a.localStart, a.nameEnd - a.localStart, local) { return i }
        }
        return nil
    }

    /// Calls `body` with the decoded value of attribute `index` (raw bytes when nothing needs decoding).
    mutating func withAttributeValue<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(XLSXReadError) -> R) throws(XLSXReadError) -> R {
        let a = attributeStorage[index]
        if !a.needsDecoding {
            return try body(UnsafeBufferPointer(start: p + a.valueStart, count: a.valueEnd - a.valueStart))
        }
        var buffer = scratch
        scratch = []
        buffer.removeAll(keepingCapacity: true)
        appendDecoded(from: a.valueStart, to: a.valueEnd, into: &buffer, attribute: true)
        defer { scratch = buffer }
        return try buffer.withUnsafeBufferPointer { (b) throws(XLSXReadError) -> R in try body(b) }
    }

    /// The bytes of attribute `index` when they need no decoding (no entity, tab, CR or LF), else nil.
    func plainAttributeValue(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
        let a = attributeStorage[index]
        if a.needsDecoding { return nil }
        return UnsafeBufferPointer(start: p + a.valueStart, count: a.valueEnd - a.valueStart)
    }

    /// The decoded value of attribute `namespace:local`, or nil when absent.
    mutating func attribute(_ namespace: XMLNamespace, _ local: StaticString) -> String? {
        guard let i = attributeIndex(namespace, local) else { return nil }
        return attributeString(i)
    }

    /// The decoded value of attribute `index` as a String.
    mutating func attributeString(_ index: Int) -> String {
        let a = attributeStorage[index]
        if !a.needsDecoding { return makeString(p + a.valueStart, a.valueEnd - a.valueStart) }
        var out: [UInt8] = []
        appendDecoded(from: a.valueStart, to: a.valueEnd, into: &out, attribute: true)
        return String(decoding: out, as: UTF8.self)
    }

    /// `attributeString`, the String made through `cache` (the one made before for the same bytes).
    mutating func attributeString(_ index: Int, cache: SharedStringCache) -> String {
        let a = attributeStorage[index]
        if !a.needsDecoding { return cache.string(UnsafeBufferPointer(start: p + a.valueStart, count: a.valueEnd - a.valueStart)) }
        var out: [UInt8] = []
        appendDecoded(from: a.valueStart, to: a.valueEnd, into: &out, attribute: true)
        return out.withUnsafeBufferPointer { cache.string($0) }
    }

    /// Appends the current text event, decoded, to `out`.
    func appendText(to out: inout [UInt8]) {
        if textIsCDATA || textNeedsDecoding {
            appendDecoded(from: textStart, to: textEnd, into: &out, attribute: false, cdata: textIsCDATA)
        } else {
            out.append(contentsOf: UnsafeBufferPointer(start: p + textStart, count: textEnd - textStart))
        }
    }

    /// The raw bytes of the current text event when they need no decoding, else nil.
    var plainText: UnsafeBufferPointer<UInt8>? {
        if textIsCDATA || textNeedsDecoding { return nil }
        return UnsafeBufferPointer(start: p + textStart, count: textEnd - textStart)
    }

    /// When the next bytes are exactly `<local>text</local>` — no attribute, no blank inside either
    /// tag, text without markup, entity or CR, in the default namespace `namespace`, nested no
    /// deeper than allowed — consumes them and returns the text (which then needs no decoding);
    /// otherwise consumes nothing and returns nil. Taking the element so gives the parser what
    /// `next()` (start, text, end) would have: the element is well-formed by construction.
    mutating func takePlainTextElement(_ namespace: XMLNamespace, _ local: StaticString) -> UnsafeBufferPointer<UInt8>? {
        let n = local.utf8CodeUnitCount
        guard !pendingEnd, !stack.isEmpty, stack.count < maxDepth, defaultNamespace == namespace else { return nil }
        let open = pos + 1, textStart = open + n + 1
        guard textStart < end, p[pos] == UInt8(ascii: "<"), bytesEqualShort(p + open, local),
              p[open + n] == UInt8(ascii: ">") else { return nil }
        var i = textStart
        while true {
            i = firstByteBelow0x40(p, from: i, to: end)
            guard i < end, (textSpecialMask >> UInt64(p[i])) & 1 == 0 else { break }
            i += 1
        }
        // The text ends at its end tag, `</local>`: anything else (an entity, CR, a child) is the general path's.
        guard i + n + 3 <= end, p[i] == UInt8(ascii: "<"), p[i + 1] == UInt8(ascii: "/"),
              bytesEqualShort(p + i + 2, local), p[i + 2 + n] == UInt8(ascii: ">") else { return nil }
        pos = i + n + 3
        return UnsafeBufferPointer(start: p + textStart, count: i - textStart)
    }

    /// When the next bytes are a start tag `<local …>` or `<local …/>` whose attributes are all plain
    /// — names of ASCII letters only (no prefix, no `xmlns`), values in `"` or `'` holding no `<`, `&`,
    /// tab, CR or LF — consumes it and returns true, leaving the tokenizer exactly as `next()` would
    /// (the same `.startElement`: element, attributes in order, empty-element flag, open element,
    /// position); otherwise consumes nothing and returns false, and `next()` reads the tag (and
    /// reports whatever is wrong with it). Either way the attributes of the tag before are gone:
    /// read them first. White space may be any XML blank, as many as written.
    /// What is taken needs none of the checks it skips: without a prefix or a declaration nothing
    /// is resolved, and a value without `&` or `<` is well-formed as it stands.
    mutating func takePlainStartTag(_ local: StaticString) -> Bool {
        let n = local.utf8CodeUnitCount
        guard !pendingEnd, !stack.isEmpty, stack.count < maxDepth else { return false }
        let bytes = p, limit = end
        let nameStart = pos &+ 1, nameEnd = nameStart &+ n
        guard nameEnd < limit, bytes[pos] == UInt8(ascii: "<"), bytesEqualShort(bytes + nameStart, local) else { return false }
        // The attributes go straight into the storage (which always has room for `plainAttributeRoom`).
        let scanned = attributeStorage.withUnsafeMutableBufferPointer { room in
            Self.scanPlainAttributes(bytes, from: nameEnd, to: limit, into: room)
        }
        guard let scanned else { return false }
        attributeCount = scanned.count
        elementNamespace = defaultNamespace
        localStart = nameStart
        localEnd = nameEnd
        isEmptyElement = scanned.selfClosing
        stack.append(Open(qnameStart: nameStart, qnameEnd: nameEnd, namespace: defaultNamespace,
                          localStart: nameStart, bindingCount: bindings.count, defaultNamespace: defaultNamespace))
        pendingEnd = scanned.selfClosing
        pos = scanned.end
        return true
    }

    /// Attributes the storage always has room for (a plain tag with more is left to `next()`).
    static let plainAttributeRoom = 8

    /// The plain attributes of a start tag from `i` (just after its name) to its `>` or `/>`, written
    /// into `room`; nil for anything `takePlainStartTag` leaves to `next()`.
    private static func scanPlainAttributes(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int,
                                            into room: UnsafeMutableBufferPointer<XMLAttribute>) -> (count: Int, selfClosing: Bool, end: Int)? {
        var i = start
        var count = 0
        while true {
            // The element's name (and each value) must end at a blank, `>` or `/>`.
            guard i < end else { return nil }
            var b = p[i]
            if !isXMLSpace(b) {
                if b == UInt8(ascii: ">") { return (count, false, i &+ 1) }
                guard b == UInt8(ascii: "/"), i &+ 1 < end, p[i &+ 1] == UInt8(ascii: ">") else { return nil }
                return (count, true, i &+ 2)
            }
            repeat {
                i &+= 1
                guard i < end else { return nil }
                b = p[i]
            } while isXMLSpace(b)
            if b == UInt8(ascii: ">") || b == UInt8(ascii: "/") { continue }
            let attrStart = i
            while i < end && (p[i] | 0x20) &- UInt8(ascii: "a") < 26 { i &+= 1 }
            let attrEnd = i
            guard attrEnd > attrStart, attrEnd &- attrStart < 5 || memcmp(p + attrStart, "xmlns", 5) != 0,
                  count < room.count else { return nil }
            while i < end && isXMLSpace(p[i]) { i &+= 1 }
            guard i < end, p[i] == UInt8(ascii: "=") else { return nil }
            i &+= 1
            while i < end && isXMLSpace(p[i]) { i &+= 1 }
            guard i < end else { return nil }
            let quote = p[i]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            let valueStart = i &+ 1
            var k = valueStart
            while true {
                k = firstByteBelow0x40(p, from: k, to: end)
                guard k < end else { return nil }
                let c = p[k]
                if c == quote { break }
                if (attributeSpecialMask >> UInt64(c)) & 1 != 0 { return nil }
                k &+= 1
            }
            room[count] = XMLAttribute(namespace: .none, localStart: attrStart, nameEnd: attrEnd,
                                       valueStart: valueStart, valueEnd: k, needsDecoding: false)
            count &+= 1
            i = k &+ 1
        }
    }

    /// When the next bytes are exactly `</name>` closing the innermost open element (no blank before
    /// `>`), consumes them and returns true, leaving the tokenizer as `next()` would after that
    /// `.endElement`; otherwise consumes nothing and returns false.
    mutating func takePlainEndTag() -> Bool {
        guard !pendingEnd, let open = stack.last else { return false }
        let length = open.qnameEnd - open.qnameStart
        let close = pos + 2 + length
        guard close < end, p[pos] == UInt8(ascii: "<"), p[pos + 1] == UInt8(ascii: "/"),
              p[close] == UInt8(ascii: ">") else { return false }
        for k in 0..<length where p[pos + 2 + k] != p[open.qnameStart + k] { return false }
        pos = close + 1
        popElement()
        return true
    }

    /// The plain cell (`scanPlainCell`) the next bytes hold, when it is SpreadsheetML (the default
    /// namespace), inside a `<row>` at depth 3, with room to nest a `<v>` in it; else nil. Consumes
    /// nothing: `endPlainCell` then moves past it, leaving the tokenizer as `next()` leaves it after the
    /// cell's end tag, but for the details of that event (element, attributes), which a row's parser
    /// never reads.
    func plainCell() -> PlainCell? {
        guard !pendingEnd, stack.count == 3, maxDepth > 4, defaultNamespace == .spreadsheetML,
              pos < end, p[pos] == UInt8(ascii: "<") else { return nil }
        return Self.scanPlainCell(p, from: pos, to: end)
    }

    /// Moves past the cell `plainCell` returned.
    mutating func endPlainCell(_ cell: PlainCell) {
        pos = cell.end
    }

    /// Skips everything up to and including the end tag of the element just started.
    mutating func skipElement() throws(XLSXReadError) {
        let target = depth - 1
        while depth > target {
            if try next() == .endOfDocument { return }
        }
    }

    /// `skipElement`, with plain start tags `<local …>` and plain end tags taken straight from the
    /// bytes (`takePlainStartTag`, `takePlainEndTag`: the events `next()` would give, so the same end
    /// and the same errors): for an element of many alike children, such as `<cols>`.
    mutating func skipElement(takingPlain local: StaticString) throws(XLSXReadError) {
        let target = depth - 1
        while depth > target {
            if takePlainStartTag(local) || takePlainEndTag() { continue }
            if try next() == .endOfDocument { return }
        }
    }

    // MARK: - Errors

    private func malformed(_ at: Int, _ detail: String) -> XLSXReadError {
        source.error(.malformedXML, offset: at, detail)
    }

    private func truncated() -> XLSXReadError {
        malformed(end, "unexpected end of XML (truncated part?)")
    }

    // MARK: - Tokenizing

    /// The next event.
    mutating func next() throws(XLSXReadError) -> XMLEvent {
        if pendingEnd {
            pendingEnd = false
            popElement()
            return .endElement
        }
        while true {
            if pos >= end {
                if let open = stack.last {
                    throw malformed(end, "unexpected end of XML inside <\(makeString(p + open.qnameStart, open.qnameEnd - open.qnameStart))>")
                }
                if !sawRoot { throw malformed(end, "no root element") }
                return .endOfDocument
            }
            if p[pos] != UInt8(ascii: "<") {
                // Scan to the next '<', noting '&' and CR; short runs byte by byte, long ones with memchr.
                var i = pos
                var special = false
                let quickEnd = min(end, pos + 32)
                while i < quickEnd {
                    let b = p[i]
                    if inMask(b, textSpecialMask) {
                        if b == UInt8(ascii: "<") { break }
                        special = true
                    }
                    i += 1
                }
                let lt: Int
                if i < quickEnd || i == end {
                    lt = i
                } else {
                    lt = findByte(UInt8(ascii: "<"), p, from: i, to: end)
                    if !special {
                        special = findByte(UInt8(ascii: "&"), p, from: i, to: lt) < lt
                            || findByte(0x0D, p, from: i, to: lt) < lt
                    }
                }
                if stack.isEmpty {
                    for k in pos..<lt where !isXMLSpace(p[k]) {
                        throw malformed(k, "text outside the root element")
                    }
                    pos = lt
                    continue
                }
                textStart = pos
                textEnd = lt
                textIsCDATA = false
                textNeedsDecoding = special
                if special { try validateEntities(from: pos, to: lt) }
                pos = lt
                return .text
            }
            guard pos + 1 < end else { throw truncated() }
            switch p[pos + 1] {
            case UInt8(ascii: "/"):
                try readEndTag()
                return .endElement
            case UInt8(ascii: "?"):
                guard let close = findSequence("?>", p, from: pos + 2, to: end) else { throw truncated() }
                pos = close + 2
            case UInt8(ascii: "!"):
                if hasPrefix("<!--", at: pos) {
                    guard let close = findSequence("-->", p, from: pos + 4, to: end) else { throw truncated() }
                    pos = close + 3
                } else if hasPrefix("<![CDATA[", at: pos) {
                    guard !stack.isEmpty else { throw malformed(pos, "CDATA outside the root element") }
                    guard let close = findSequence("]]>", p, from: pos + 9, to: end) else { throw truncated() }
                    textStart = pos + 9
                    textEnd = close
                    textIsCDATA = true
                    textNeedsDecoding = false
                    pos = close + 3
                    return .text
                } else if hasPrefixIgnoringCase("<!DOCTYPE", at: pos) {
                    throw source.error(.doctypeNotAllowed, offset: pos,
                                       "document type declarations (<!DOCTYPE) are refused: they enable entity expansion and external entities")
                } else {
                    throw malformed(pos, "unexpected markup declaration")
                }
            default:
                try readStartTag()
                return .startElement
            }
        }
    }

    @inline(__always)
    private func hasPrefix(_ literal: StaticString, at i: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        return i + n <= end && memcmp(p + i, literal.utf8Start, n) == 0
    }

    private func hasPrefixIgnoringCase(_ literal: StaticString, at i: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard i + n <= end else { return false }
        for k in 0..<n where (p[i + k] | 0x20) != (literal.utf8Start[k] | 0x20) { return false }
        return true
    }

    /// Scans a name starting at `i`; returns its end and the position of its first ':' (or the end).
    @inline(__always)
    private func scanName(from i: Int) throws(XLSXReadError) -> (end: Int, colon: Int) {
        var j = i
        var colon = -1
        while j < end {
            let b = p[j]
            // Every byte that ends a name, and ':', is below 0x40: letters pass with one test.
            if b < 0x40 {
                if (nameEndMask >> UInt64(b)) & 1 != 0 { break }
                if b == UInt8(ascii: ":") && colon < 0 { colon = j }
            }
            j += 1
        }
        // The errors are made from the source alone: asking the tokenizer for them (`truncated()`)
        // made a copy of all of it before every name scanned.
        if j == i {
            if j >= end { throw source.error(.malformedXML, offset: end, "unexpected end of XML (truncated part?)") }
            throw source.error(.malformedXML, offset: i, "expected a name")
        }
        if j >= end { throw source.error(.malformedXML, offset: end, "unexpected end of XML (truncated part?)") }
        return (j, colon < 0 ? j : colon)
    }

    private mutating func readStartTag() throws(XLSXReadError) {
        let tagStart = pos
        let nameStart = pos + 1
        let (nameEnd, nameColon) = try scanName(from: nameStart)
        if stack.isEmpty && sawRoot { throw malformed(tagStart, "a second root element") }
        attributeCount = 0
        let bindingCount = bindings.count
        let savedDefault = defaultNamespace
        var sawPrefixedAttribute = false
        var i = nameEnd
        var selfClosing = false
        while true {
            while i < end && isXMLSpace(p[i]) { i += 1 }
            guard i < end else { throw truncated() }
            let b = p[i]
            if b == UInt8(ascii: ">") {
                i += 1
                break
            }
            if b == UInt8(ascii: "/") {
                guard i + 1 < end else { throw truncated() }
                guard p[i + 1] == UInt8(ascii: ">") else { throw malformed(i, "expected '>' after '/'") }
                selfClosing = true
                i += 2
                break
            }
            let attrStart = i
            let (attrEnd, colon) = try scanName(from: i)
            i = attrEnd
            while i < end && isXMLSpace(p[i]) { i += 1 }
            guard i < end else { throw truncated() }
            guard p[i] == UInt8(ascii: "=") else { throw malformed(i, "expected '=' after attribute name") }
            i += 1
            while i < end && isXMLSpace(p[i]) { i += 1 }
            guard i < end else { throw truncated() }
            let quote = p[i]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw malformed(i, "attribute value must be quoted")
            }
            let valueStart = i + 1
            var needsDecoding = false
            var k = valueStart
            while true {
                // Both quotes and every byte that needs attention are below 0x40.
                k = firstByteBelow0x40(p, from: k, to: end)
                guard k < end else { break }
                let c = p[k]
                if c == quote { break }
                if (attributeSpecialMask >> UInt64(c)) & 1 != 0 {
                    if c == UInt8(ascii: "<") { throw malformed(k, "'<' inside an attribute value") }
                    needsDecoding = true
                }
                k += 1
            }
            guard k < end else { throw truncated() }
            let valueEnd = k
            if needsDecoding { try validateEntities(from: valueStart, to: valueEnd) }
            i = valueEnd + 1

            // xmlns / xmlns:prefix declare namespaces rather than being attributes.
            let nameLength = attrEnd - attrStart
            if nameLength >= 5 && p[attrStart] == UInt8(ascii: "x") && memcmp(p + attrStart, "xmlns", 5) == 0
                && (nameLength == 5 || colon == attrStart + 5) {
                let namespace: XMLNamespace
                if needsDecoding {
                    var decoded: [UInt8] = []
                    appendDecoded(from: valueStart, to: valueEnd, into: &decoded, attribute: true)
                    namespace = decoded.withUnsafeBufferPointer { XMLNamespace.identify($0) }
                } else {
                    namespace = XMLNamespace.identify(UnsafeBufferPointer(start: p + valueStart, count: valueEnd - valueStart))
                }
                if bindings.count >= Self.maxBindings {
                    throw malformed(attrStart, "more than \(Self.maxBindings) namespace declarations in scope")
                }
                bindingGeneration &+= 1
                if nameLength == 5 {
                    bindings.append(Binding(prefixStart: attrStart, prefixEnd: attrStart, namespace: namespace))
                    defaultNamespace = namespace
                } else {
                    guard nameLength > 6 else { throw malformed(attrStart, "empty namespace prefix") }
                    bindings.append(Binding(prefixStart: attrStart + 6, prefixEnd: attrEnd, namespace: namespace))
                }
                continue
            }
            let prefixed = colon < attrEnd
            if prefixed {
                sawPrefixedAttribute = true
                if colon + 1 == attrEnd { throw malformed(attrStart, "empty local name") }
            }
            let attribute = XMLAttribute(
                namespace: prefixed ? .other : .none,
                localStart: prefixed ? colon + 1 : attrStart,
                nameEnd: attrEnd, valueStart: valueStart, valueEnd: valueEnd, needsDecoding: needsDecoding)
            if attributeCount < attributeStorage.count {
                attributeStorage[attributeCount] = attribute
            } else {
                attributeStorage.append(attribute)
            }
            attributeCount += 1
        }
        if sawPrefixedAttribute {
            // Resolve attribute prefixes now that every declaration of this tag is known.
            for index in 0..<attributeCount {
                let a = attributeStorage[index]
                guard a.namespace == .other else { continue }
                var start = a.localStart - 1
                while start > 0 && !inMask(p[start - 1], nameEndMask) { start -= 1 }
                attributeStorage[index].namespace = try resolvePrefix(start, a.localStart - 1)
            }
        }

        // Resolve the element's own prefix.
        let namespace: XMLNamespace
        if nameColon + 1 == nameEnd { throw malformed(nameStart, "empty local name") }
        if nameColon < nameEnd {
            namespace = try resolvePrefix(nameStart, nameColon)
            localStart = nameColon + 1
        } else {
            namespace = defaultNamespace
            localStart = nameStart
        }
        localEnd = nameEnd
        elementNamespace = namespace
        isEmptyElement = selfClosing

        if stack.count >= maxDepth {
            throw source.error(.nestingTooDeep(limit: maxDepth), offset: tagStart,
                               "elements nest deeper than \(maxDepth) levels")
        }
        stack.append(Open(qnameStart: nameStart, qnameEnd: nameEnd, namespace: namespace,
                          localStart: localStart, bindingCount: bindingCount, defaultNamespace: savedDefault))
        sawRoot = true
        pendingEnd = selfClosing
        pos = i
    }

    /// Resolves the prefix `p[start..<colon]` against the bindings in scope. The last answer is
    /// cached until the bindings change, so a document using one prefix throughout (`x:`) costs
    /// one comparison per element however many namespaces are declared.
    private mutating func resolvePrefix(_ start: Int, _ colon: Int) throws(XLSXReadError) -> XMLNamespace {
        let length = colon - start
        if length == 0 { throw malformed(start, "empty namespace prefix") }
        if cachedPrefixGeneration == bindingGeneration && cachedPrefixLength == length
            && memcmp(p + cachedPrefixStart, p + start, length) == 0 {
            return cachedPrefixNamespace
        }
        var k = bindings.count - 1
        while k >= 0 {
            let binding = bindings[k]
            if binding.prefixEnd - binding.prefixStart == length
                && memcmp(p + binding.prefixStart, p + start, length) == 0 {
                cachedPrefixGeneration = bindingGeneration
                cachedPrefixStart = start
                cachedPrefixLength = length
                cachedPrefixNamespace = binding.namespace
                return binding.namespace
            }
            k -= 1
        }
        if length == 3 && memcmp(p + start, "xml", 3) == 0 { return .xml }
        throw malformed(start, "undeclared namespace prefix '\(makeString(p + start, length))'")
    }

    private mutating func readEndTag() throws(XLSXReadError) {
        let tagStart = pos
        let nameStart = pos + 2
        let nameEnd = try scanName(from: nameStart).end
        var i = nameEnd
        while i < end && isXMLSpace(p[i]) { i += 1 }
        guard i < end else { throw truncated() }
        guard p[i] == UInt8(ascii: ">") else { throw malformed(i, "expected '>' in end tag") }
        guard let open = stack.last else {
            throw malformed(tagStart, "end tag </\(makeString(p + nameStart, nameEnd - nameStart))> without a start tag")
        }
        let length = nameEnd - nameStart
        guard open.qnameEnd - open.qnameStart == length && memcmp(p + open.qnameStart, p + nameStart, length) == 0 else {
            throw malformed(tagStart, "mismatched end tag </\(makeString(p + nameStart, length))>, expected </\(makeString(p + open.qnameStart, open.qnameEnd - open.qnameStart))>")
        }
        pos = i + 1
        popElement()
    }

    @inline(__always)
    private mutating func popElement() {
        let open = stack.removeLast()
        elementNamespace = open.namespace
        localStart = open.localStart
        localEnd = open.qnameEnd
        if bindings.count != open.bindingCount {
            bindings.removeSubrange(open.bindingCount...)
            bindingGeneration &+= 1
        }
        defaultNamespace = open.defaultNamespace
    }

    // MARK: - Entities

    /// Parses the entity reference at `i` (`p[i] == '&'`); returns the scalar and the reference length.
    private func parseEntity(at i: Int, limit: Int) -> (scalar: UInt32, length: Int)? {
        let semicolon = findByte(UInt8(ascii: ";"), p, from: i + 1, to: min(limit, i + 12))
        guard semicolon < min(limit, i + 12) else { return nil }
        let nameStart = i + 1
        let length = semicolon - nameStart
        let total = semicolon - i + 1
        guard length > 0 else { return nil }
        if p[nameStart] == UInt8(ascii: "#") {
            var value: UInt32 = 0
            var k = nameStart + 1
            let hex = k < semicolon && (p[k] == UInt8(ascii: "x"))
            if hex { k += 1 }
            guard k < semicolon else { return nil }
            while k < semicolon {
                let digit: UInt32
                if hex {
                    guard let h = hexValue(p[k]) else { return nil }
                    digit = h
                    value = value * 16 + digit
                } else {
                    let d = p[k] &- UInt8(ascii: "0")
                    guard d <= 9 else { return nil }
                    value = value * 10 + UInt32(d)
                }
                if value > 0x10FFFF { return nil }
                k += 1
            }
            guard value != 0, !(0xD800...0xDFFF).contains(value), value != 0xFFFE, value != 0xFFFF else { return nil }
            return (value, total)
        }
        let name = p + nameStart
        if bytesEqual(name, length, "amp") { return (0x26, total) }
        if bytesEqual(name, length, "lt") { return (0x3C, total) }
        if bytesEqual(name, length, "gt") { return (0x3E, total) }
        if bytesEqual(name, length, "quot") { return (0x22, total) }
        if bytesEqual(name, length, "apos") { return (0x27, total) }
        return nil
    }

    private func validateEntities(from: Int, to: Int) throws(XLSXReadError) {
        var i = findByte(UInt8(ascii: "&"), p, from: from, to: to)
        while i < to {
            guard let entity = parseEntity(at: i, limit: to) else {
                let shown = min(to, i + 12)
                throw malformed(i, "bad entity reference '\(String(decoding: UnsafeBufferPointer(start: p + i, count: shown - i), as: UTF8.self))'")
            }
            i = findByte(UInt8(ascii: "&"), p, from: i + entity.length, to: to)
        }
    }

    /// Decodes entities and normalizes line ends (and, in attributes, white space).
    private func appendDecoded(from: Int, to: Int, into out: inout [UInt8], attribute: Bool, cdata: Bool = false) {
        var i = from
        var run = from
        while i < to {
            let c = p[i]
            if c == UInt8(ascii: "&") && !cdata {
                out.append(contentsOf: UnsafeBufferPointer(start: p + run, count: i - run))
                if let entity = parseEntity(at: i, limit: to) {
                    appendUTF8(entity.scalar, to: &out)
                    i += entity.length
                } else {
                    out.append(c)  // unreachable after validation; kept safe
                    i += 1
                }
                run = i
            } else if c == 0x0D {
                out.append(contentsOf: UnsafeBufferPointer(start: p + run, count: i - run))
                out.append(attribute ? 0x20 : 0x0A)
                i += 1
                if i < to && p[i] == 0x0A { i += 1 }
                run = i
            } else if attribute && (c == 0x09 || c == 0x0A) {
                out.append(contentsOf: UnsafeBufferPointer(start: p + run, count: i - run))
                out.append(0x20)
                i += 1
                run = i
            } else {
                i += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(start: p + run, count: to - run))
    }
}

extension XMLTokenizer {
    /// After a `.startElement`, appends the decoded text inside the element (text of nested
    /// elements is skipped) and consumes its end tag.
    mutating func collectText(into out: inout [UInt8]) throws(XLSXReadError) {
        let parentDepth = depth - 1
        while true {
            // A plain end tag (what ends nearly every text) is taken straight from the bytes.
            switch takePlainEndTag() ? XMLEvent.endElement : try next() {
            case .text:
                appendText(to: &out)
            case .startElement:
                try skipElement()
            case .endElement:
                if depth == parentDepth { return }
            case .endOfDocument:
                return
            }
        }
    }

    /// After a `.startElement`, the decoded text inside the element (see `collectText`).
    mutating func readText() throws(XLSXReadError) -> String {
        var out: [UInt8] = []
        try collectText(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `readText`, the String made through `cache` (the one made before for the same bytes).
    mutating func readText(cache: SharedStringCache) throws(XLSXReadError) -> String {
        var out: [UInt8] = []
        try collectText(into: &out)
        return out.withUnsafeBufferPointer { cache.string($0) }
    }
}
