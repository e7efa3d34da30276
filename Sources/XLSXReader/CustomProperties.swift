// `docProps/custom.xml`: user-defined document properties (File ▸ Properties ▸ Custom).

/// The typed value of a custom document property.
public enum XLSXPropertyValue: Sendable, Equatable {
    /// `vt:lpwstr`, `vt:lpstr`, `vt:bstr`.
    case string(String)
    /// `vt:i1`…`vt:i8`, `vt:int`, `vt:ui1`…`vt:ui8`, `vt:uint`.
    case int(Int)
    /// `vt:r4`, `vt:r8`, `vt:decimal`.
    case double(Double)
    /// `vt:bool` (`true`/`false`/`1`/`0`).
    case bool(Bool)
    /// `vt:filetime` / `vt:date`: the ISO 8601 text as stored.
    case date(String)
}

enum CustomProperties {
    /// Parses the part. Properties of unknown or malformed variant types are skipped.
    static func parse(_ xml: inout XMLTokenizer) throws(XLSXReadError) -> [String: XLSXPropertyValue] {
        var result: [String: XLSXPropertyValue] = [:]
        try xml.forEachTopLevelElement { xml throws(XLSXReadError) in
            guard xml.isElement(.customProperties, "property"), let name = xml.attribute(.none, "name") else { return }
            var value: XLSXPropertyValue?
            try xml.forEachChild { xml throws(XLSXReadError) in
                guard xml.elementNamespace == .variantTypes else { return }
                let type = String(decoding: xml.localName, as: UTF8.self)
                let text = try xml.readText()
                value = Self.value(type: type, text: text)
            }
            if let value { result[name] = value }
        }
        return result
    }

    static func value(type: String, text: String) -> XLSXPropertyValue? {
        switch type {
        case "lpwstr", "lpstr", "bstr":
            return .string(text)
        case "i1", "i2", "i4", "i8", "int", "ui1", "ui2", "ui4", "ui8", "uint":
            return Int(text.trimmingXMLSpace()).map { .int($0) }
        case "r4", "r8", "decimal":
            let trimmed = text.trimmingXMLSpace()
            guard trimmed.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || "+-.eE".utf8.contains($0) }) else { return nil }
            return Double(trimmed).map { .double($0) }
        case "bool":
            switch text.trimmingXMLSpace() {
            case "true", "1": return .bool(true)
            case "false", "0": return .bool(false)
            default: return nil
            }
        case "filetime", "date":
            return .date(text.trimmingXMLSpace())
        default:
            return nil
        }
    }
}

/// The core document properties (`docProps/core.xml`) a reader may show.
public struct XLSXCoreProperties: Sendable, Equatable {
    /// `dc:title`.
    public var title: String?
    /// `dc:creator`.
    public var creator: String?
    /// `cp:lastModifiedBy`.
    public var lastModifiedBy: String?
    /// `dcterms:created` as stored (ISO 8601).
    public var created: String?
    /// `dcterms:modified` as stored (ISO 8601).
    public var modified: String?

    /// Creates core properties.
    public init(title: String? = nil, creator: String? = nil, lastModifiedBy: String? = nil,
                created: String? = nil, modified: String? = nil) {
        self.title = title
        self.creator = creator
        self.lastModifiedBy = lastModifiedBy
        self.created = created
        self.modified = modified
    }

    static func parse(_ xml: inout XMLTokenizer) throws(XLSXReadError) -> XLSXCoreProperties {
        var result = XLSXCoreProperties()
        try xml.forEachTopLevelElement { xml throws(XLSXReadError) in
            if xml.isElement(.dublinCore, "title") {
                result.title = try xml.readText()
            } else if xml.isElement(.dublinCore, "creator") {
                result.creator = try xml.readText()
            } else if xml.isElement(.coreProperties, "lastModifiedBy") {
                result.lastModifiedBy = try xml.readText()
            } else if xml.isElement(.dublinCoreTerms, "created") {
                result.created = try xml.readText()
            } else if xml.isElement(.dublinCoreTerms, "modified") {
                result.modified = try xml.readText()
            }
        }
        return result
    }
}

extension String {
    func trimmingXMLSpace() -> String {
        var s = Substring(self)
        while let f = s.utf8.first, isXMLSpace(f) { s = s.dropFirst() }
        while let l = s.utf8.last, isXMLSpace(l) { s = s.dropLast() }
        return String(s)
    }
}
