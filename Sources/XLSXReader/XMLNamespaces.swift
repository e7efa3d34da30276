#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The namespaces the reader cares about. Transitional and Strict OOXML URIs map to the same
/// case, so parsers match elements by (namespace, local name) whatever the prefix or flavour.
enum XMLNamespace: UInt8, Sendable {
    /// No namespace (unprefixed attributes, or elements with no default namespace in scope).
    case none
    /// SpreadsheetML main: workbook, worksheet, sharedStrings, styles.
    case spreadsheetML
    /// Office document relationships (`r:id` attributes).
    case officeRelationships
    /// OPC package relationships (`.rels` parts).
    case packageRelationships
    /// OPC content types (`[Content_Types].xml`).
    case contentTypes
    /// Custom file properties (`docProps/custom.xml`).
    case customProperties
    /// Variant types (`vt:lpwstr`, `vt:i4`…).
    case variantTypes
    /// OPC core properties (`cp:`).
    case coreProperties
    /// Dublin Core elements (`dc:title`).
    case dublinCore
    /// Dublin Core terms (`dcterms:created`).
    case dublinCoreTerms
    /// Excel 2010 SpreadsheetML extensions (`x14:`).
    case spreadsheetML2009
    /// Excel main (`xm:`), used inside `x14:` extensions.
    case excelMain
    /// The predefined `xml:` namespace.
    case xml
    /// Any other namespace.
    case other

    /// Known URIs, Transitional first, then Strict.
    static let known: [(uri: StaticString, namespace: XMLNamespace)] = [
        ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", .spreadsheetML),
        ("http://purl.oclc.org/ooxml/spreadsheetml/main", .spreadsheetML),
        ("http://schemas.openxmlformats.org/officeDocument/2006/relationships", .officeRelationships),
        ("http://purl.oclc.org/ooxml/officeDocument/relationships", .officeRelationships),
        ("http://schemas.openxmlformats.org/package/2006/relationships", .packageRelationships),
        ("http://schemas.openxmlformats.org/package/2006/content-types", .contentTypes),
        ("http://schemas.openxmlformats.org/officeDocument/2006/custom-properties", .customProperties),
        ("http://purl.oclc.org/ooxml/officeDocument/customProperties", .customProperties),
        ("http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes", .variantTypes),
        ("http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes", .variantTypes),
        ("http://schemas.openxmlformats.org/package/2006/metadata/core-properties", .coreProperties),
        ("http://purl.org/dc/elements/1.1/", .dublinCore),
        ("http://purl.org/dc/terms/", .dublinCoreTerms),
        ("http://schemas.microsoft.com/office/spreadsheetml/2009/9/main", .spreadsheetML2009),
        ("http://schemas.microsoft.com/office/excel/2006/main", .excelMain),
        ("http://www.w3.org/XML/1998/namespace", .xml),
    ]

    /// The namespace a URI (as UTF-8 bytes) denotes; `.none` for the empty URI.
    static func identify(_ uri: UnsafeBufferPointer<UInt8>) -> XMLNamespace {
        if uri.isEmpty { return .none }
        for (known, namespace) in known where known.utf8CodeUnitCount == uri.count {
            if memcmp(known.utf8Start, uri.baseAddress!, uri.count) == 0 { return namespace }
        }
        return .other
    }
}

/// Relationship types the reader follows, with both flavours of each URI.
enum RelationshipType: Sendable, Equatable {
    case officeDocument, worksheet, chartsheet, dialogsheet, macrosheet, sharedStrings, styles
    case customProperties, coreProperties, other

    private static let prefixes: [StaticString] = [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/",
        "http://schemas.openxmlformats.org/package/2006/relationships/",
        "http://schemas.microsoft.com/office/2006/relationships/",
    ]

    /// The types by what follows a prefix, for `classifyASCII`.
    private static let suffixes: [(StaticString, RelationshipType)] = [
        ("officeDocument", .officeDocument), ("worksheet", .worksheet), ("chartsheet", .chartsheet),
        ("dialogsheet", .dialogsheet), ("xlMacrosheet", .macrosheet), ("xlIntlMacrosheet", .macrosheet),
        ("sharedStrings", .sharedStrings), ("styles", .styles), ("custom-properties", .customProperties),
        ("customProperties", .customProperties), ("metadata/core-properties", .coreProperties),
    ]

    /// Classifies a `Type` attribute value: on bytes when it is ASCII (every writer's; bytes and
    /// Characters then compare alike), else by Characters.
    init(uri: String) {
        if uri.utf8.allSatisfy({ $0 < 0x80 }) {
            self = Self.classifyASCII(uri)
            return
        }
        self.init(byCharacters: uri)
    }

    static func classifyASCII(_ uri: String) -> RelationshipType {
        var uri = uri
        return uri.withUTF8 { bytes -> RelationshipType in
            for prefix in prefixes {
                let count = prefix.utf8CodeUnitCount
                guard bytes.count >= count, let base = bytes.baseAddress, memcmp(base, prefix.utf8Start, count) == 0 else { continue }
                let rest = UnsafeBufferPointer(rebasing: bytes[count...])
                for (suffix, type) in suffixes where bytesEqual(rest, suffix) { return type }
                return .other
            }
            return .other
        }
    }

    /// Classifies a `Type` attribute value by Characters (the definition).
    init(byCharacters uri: String) {
        var suffix: Substring?
        for prefix in Self.prefixes where uri.hasPrefix(prefix.description) {
            suffix = uri.dropFirst(prefix.description.count)
            break
        }
        switch suffix {
        case "officeDocument": self = .officeDocument
        case "worksheet": self = .worksheet
        case "chartsheet": self = .chartsheet
        case "dialogsheet": self = .dialogsheet
        case "xlMacrosheet", "xlIntlMacrosheet": self = .macrosheet
        case "sharedStrings": self = .sharedStrings
        case "styles": self = .styles
        case "custom-properties", "customProperties": self = .customProperties
        case "metadata/core-properties": self = .coreProperties
        default: self = .other
        }
    }
}
