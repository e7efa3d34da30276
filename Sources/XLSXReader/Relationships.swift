// OPC relationships: parsing `.rels` parts and resolving their targets to part names.

/// One `<Relationship>` of a `.rels` part.
struct Relationship: Sendable {
    var id: String
    var type: RelationshipType
    var typeURI: String
    var target: String
    var isExternal: Bool
}

/// The relationships of one source part.
struct Relationships: Sendable {
    /// The part these relationships belong to ("" for the package root).
    var sourcePart: String
    var all: [Relationship] = []
    /// Index of the first relationship with each id.
    private var indexByID: [String: Int] = [:]

    init(sourcePart: String) {
        self.sourcePart = sourcePart
    }

    mutating func append(_ relationship: Relationship) {
        if indexByID[relationship.id] == nil { indexByID[relationship.id] = all.count }
        all.append(relationship)
    }

    /// The first relationship of a type.
    func first(_ type: RelationshipType) -> Relationship? {
        all.first { $0.type == type }
    }

    /// The relationship with an id (the first, if a hostile part repeats ids).
    func byID(_ id: String) -> Relationship? {
        indexByID[id].map { all[$0] }
    }

    /// The `.rels` part name for a source part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`;
    /// "" (the package) → `_rels/.rels`.
    static func partName(for sourcePart: String) -> String {
        guard let slash = sourcePart.lastIndex(of: "/") else { return "_rels/" + sourcePart + ".rels" }
        let directory = sourcePart[..<slash]
        let file = sourcePart[sourcePart.index(after: slash)...]
        return directory + "/_rels/" + file + ".rels"
    }

    /// Reads the relationships of `sourcePart`; an absent `.rels` part means no relationships.
    static func read(for sourcePart: String, in archive: ZipArchive, required: Bool = false) throws(XLSXReadError) -> Relationships {
        let relsPart = partName(for: sourcePart)
        let result = Relationships(sourcePart: sourcePart)
        guard archive.contains(relsPart) else {
            if required {
                throw XLSXReadError(.missingPart, file: archive.fileName, part: relsPart,
                                    detail: "the package has no relationships part, so it is not an OOXML workbook")
            }
            return result
        }
        return try archive.parse(relsPart, memo: parsed, key: sourcePart) { (xml) throws(XLSXReadError) in
            try parse(&xml, into: result)
        }
    }

    /// The relationships parts parsed lately, by source part (every workbook of a template has the same ones).
    private static let parsed = PartMemo<Relationships>()

    /// The `<Relationship>` elements of a `.rels` part, added to `result`.
    private static func parse(_ xml: inout XMLTokenizer, into result: Relationships) throws(XLSXReadError) -> Relationships {
        var result = result
        while true {
            switch try xml.next() {
            case .startElement:
                guard xml.depth == 2, xml.elementNamespace == .packageRelationships || xml.elementNamespace == .none,
                      bytesEqual(xml.localName, "Relationship") else { continue }
                guard let id = xml.attribute(.none, "Id"), let type = xml.attribute(.none, "Type"),
                      let target = xml.attribute(.none, "Target") else { continue }
                let mode = xml.attribute(.none, "TargetMode")
                result.append(Relationship(id: id, type: RelationshipType(uri: type), typeURI: type,
                                               target: target, isExternal: mode == "External"))
            case .endOfDocument:
                return result
            default:
                continue
            }
        }
    }

    /// Resolves a relationship to a part name inside the package, or throws a typed error for
    /// external relationships and targets that leave the package.
    func resolve(_ relationship: Relationship, archive: ZipArchive) throws(XLSXReadError) -> String {
        if relationship.isExternal {
            throw XLSXReadError(.externalRelationship, file: archive.fileName, part: Self.partName(for: sourcePart),
                                detail: "relationship \(relationship.id) points outside the workbook (TargetMode=\"External\", target \"\(relationship.target)\"); external targets are never followed")
        }
        guard let name = Self.resolveTarget(relationship.target, from: sourcePart) else {
            throw XLSXReadError(.targetOutsidePackage, file: archive.fileName, part: Self.partName(for: sourcePart),
                                detail: "relationship \(relationship.id) target \"\(relationship.target)\" resolves outside the package")
        }
        return name
    }

    /// Resolves a target URI against the source part's directory. Handles absolute targets
    /// (`/xl/worksheets/sheet1.xml`), `.` and `..` segments, backslashes and %-escapes. Returns nil
    /// for targets outside the package (too many `..`, or a URI with a scheme).
    static func resolveTarget(_ target: String, from sourcePart: String) -> String? {
        if let simple = simpleTarget(target, from: sourcePart) { return simple }
        if let resolved = resolveASCIITarget(target, from: sourcePart) { return resolved }
        return resolveTargetByCharacters(target, from: sourcePart)
    }

    /// `resolveTarget` of what writers store, `worksheets/sheet1.xml` or `/xl/styles.xml`: printable
    /// ASCII without `%`, `\\`, `#` or `:`, whose segments are neither empty nor `.` or `..`, from an
    /// ASCII source part without an empty segment. Such a target resolves to the source's
    /// directory joined with it (an absolute one to itself without its `/`); nil for anything else,
    /// which `resolveASCIITarget` or the Character path then resolves.
    static func simpleTarget(_ target: String, from sourcePart: String) -> String? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var target = target
        var source = sourcePart
        return target.withUTF8 { t -> String? in
            guard let first = t.first, t.last != slash else { return nil }
            var segmentStart = first == slash ? 1 : 0
            for i in segmentStart...t.count {
                if i == t.count || t[i] == slash {
                    let length = i - segmentStart
                    if length == 0 || (length <= 2 && t[segmentStart] == dot && (length == 1 || t[segmentStart + 1] == dot)) {
                        return nil
                    }
                    segmentStart = i + 1
                    continue
                }
                let b = t[i]
                if b <= 0x20 || b >= 0x7F || b == UInt8(ascii: "%") || b == UInt8(ascii: "\\") || b == UInt8(ascii: "#")
                    || b == UInt8(ascii: ":") {
                    return nil
                }
            }
            if first == slash { return String(decoding: UnsafeBufferPointer(rebasing: t[1...]), as: UTF8.self) }
            return source.withUTF8 { s -> String? in
                guard !s.isEmpty else { return String(decoding: t, as: UTF8.self) }
                guard s.first != slash, s.last != slash else { return nil }
                var lastSlash: Int?
                for k in s.indices {
                    if s[k] >= 0x80 { return nil }
                    if s[k] == slash {
                        if k > 0 && s[k - 1] == slash { return nil }
                        lastSlash = k
                    }
                }
                guard let lastSlash else { return String(decoding: t, as: UTF8.self) }
                return String(decoding: UnsafeBufferPointer(rebasing: s[...lastSlash]), as: UTF8.self)
                    + String(decoding: t, as: UTF8.self)
            }
        }
    }

    /// `resolveTarget` on bytes, for what every workbook has: a target and a source part that are
    /// ASCII once %-decoded (bytes and Characters then compare alike). `.some(nil)` is a target
    /// outside the package; nil means "not ASCII, resolve by Characters".
    static func resolveASCIITarget(_ target: String, from sourcePart: String) -> String?? {
        guard target.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var text: [UInt8] = []
        text.reserveCapacity(target.utf8.count)
        for byte in target.utf8 {
            if byte == UInt8(ascii: "#") { break }
            text.append(byte)
        }
        if text.contains(UInt8(ascii: "%")) { text = percentDecodedBytes(text) }
        guard !text.contains(where: { $0 >= 0x80 }), sourcePart.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let slash = UInt8(ascii: "/")
        for i in text.indices where text[i] == UInt8(ascii: "\\") { text[i] = slash }
        if let colon = text.firstIndex(of: UInt8(ascii: ":")), !text[..<colon].contains(slash) { return .some(nil) }
        if text.isEmpty || text.last == slash { return .some(nil) }
        var segments: [ArraySlice<UInt8>] = []
        if text.first != slash {
            segments = Array(sourcePart.utf8).split(separator: slash, omittingEmptySubsequences: true)
            if !segments.isEmpty { segments.removeLast() }
        }
        for segment in text.split(separator: slash, omittingEmptySubsequences: true) {
            if segment.count == 1 && segment.first == UInt8(ascii: ".") { continue }
            if segment.count == 2 && segment.allSatisfy({ $0 == UInt8(ascii: ".") }) {
                if segments.isEmpty { return .some(nil) }
                segments.removeLast()
                continue
            }
            segments.append(segment)
        }
        if segments.isEmpty { return .some(nil) }
        var out: [UInt8] = []
        for (k, segment) in segments.enumerated() {
            if k > 0 { out.append(slash) }
            out.append(contentsOf: segment)
        }
        return .some(String(decoding: out, as: UTF8.self))
    }

    static func resolveTargetByCharacters(_ target: String, from sourcePart: String) -> String? {
        var text = target
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        text = percentDecoded(text)
        text = String(text.map { $0 == "\\" ? "/" : $0 })
        // A scheme (`file:`, `http:`) before any slash means an absolute URI: not a part.
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/") { return nil }
        if text.isEmpty || text.hasSuffix("/") { return nil }  // no part named
        var segments: [Substring] = []
        if !text.hasPrefix("/") {
            segments = sourcePart.split(separator: "/", omittingEmptySubsequences: true)
            if !segments.isEmpty { segments.removeLast() }  // the source file name
        }
        for segment in text.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                if segments.isEmpty { return nil }
                segments.removeLast()
            default:
                segments.append(segment)
            }
        }
        if segments.isEmpty { return nil }
        return segments.joined(separator: "/")
    }

    private static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return String(decoding: percentDecodedBytes(Array(text.utf8)), as: UTF8.self)
    }

    /// `%XX` escapes replaced by their byte; a `%` not followed by two hex digits stays.
    private static func percentDecodedBytes(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) {
                out.append(UInt8(hi * 16 + lo))
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }
}
