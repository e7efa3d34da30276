#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The package as a set of named parts: sniffs the file type, maps zip entries by normalized
// name (parts are matched case-insensitively, as OPC requires) and inflates parts under the
// configured budgets.

/// A workbook's zip package.
final class ZipArchive {
    let fileName: String
    let limits: XLSXReadLimits
    private let zip: LibZipArchive
    private var entries: [String: LibZipEntry] = [:]
    private var totalInflated = 0

    /// Opens the file at `path`. Files up to `wholeFileLimit` bytes are read with one `read` and
    /// opened from memory (far fewer system calls than libzip's seeks); larger ones by path.
    init(path: String, limits: XLSXReadLimits, wholeFileLimit: Int = 64 << 20) throws(XLSXReadError) {
        let fileName = Self.lastPathComponent(path)
        self.fileName = fileName
        self.limits = limits
        let contents: FileContents
        do {
            contents = try readFile(path: path, wholeFileLimit: wholeFileLimit)
        } catch {
            throw XLSXReadError(.cannotOpenFile, file: fileName, detail: "cannot open the file for reading")
        }
        do {
            try Self.sniff(contents.prefix, file: fileName)
        } catch {
            free(contents.whole)
            throw error
        }
        do {
            if let whole = contents.whole {
                zip = try LibZipArchive(taking: whole, count: contents.count)
            } else {
                zip = try LibZipArchive(path: path)
            }
        } catch {
            throw Self.map(error, file: fileName, part: nil)
        }
        try indexEntries()
    }

    /// Opens a zip held in memory; `name` is used in error messages.
    init(bytes: UnsafeRawBufferPointer, name: String, limits: XLSXReadLimits) throws(XLSXReadError) {
        fileName = name
        self.limits = limits
        try Self.sniff(Array(bytes.prefix(8)), file: name)
        do {
            zip = try LibZipArchive(bytes: bytes)
        } catch {
            throw Self.map(error, file: name, part: nil)
        }
        try indexEntries()
    }

    private static func lastPathComponent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        let name = path[path.index(after: slash)...]
        return name.isEmpty ? path : String(name)
    }

    /// Recognizes files that are not zip archives before libzip sees them.
    static func sniff(_ prefix: [UInt8], file: String) throws(XLSXReadError) {
        if prefix.isEmpty {
            throw XLSXReadError(.emptyFile, file: file, detail: "the file is empty (0 bytes)")
        }
        if prefix.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw XLSXReadError(.encryptedOrLegacyWorkbook, file: file,
                                detail: "this is a password-protected or .xls workbook (an OLE compound file), save it as .xlsx without a password")
        }
        if !prefix.starts(with: [0x50, 0x4B]) {
            throw XLSXReadError(.notAZip, file: file, detail: "not an .xlsx workbook (the file is not a zip archive)")
        }
    }

    private func indexEntries() throws(XLSXReadError) {
        let count = zip.entryCount
        if count > limits.maxEntries {
            throw XLSXReadError(.tooManyEntries(limit: limits.maxEntries), file: fileName,
                                detail: "the zip lists \(count) entries, more than the limit of \(limits.maxEntries)")
        }
        entries.reserveCapacity(count)
        for index in 0..<count {
            guard let entry = zip.entry(at: index) else { continue }
            if entry.name.hasSuffix("/") { continue }
            let key = Self.normalize(entry.name)
            if entries[key] == nil { entries[key] = entry }
        }
    }

    /// The stored names of the package's parts (no directories), in zip order; a name stored twice
    /// is listed once (the first entry is the one read).
    var partNames: [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for index in 0..<zip.entryCount {
            guard let entry = zip.entry(at: index), !entry.name.hasSuffix("/"), seen.insert(Self.normalize(entry.name)).inserted else { continue }
            names.append(entry.name)
        }
        return names
    }

    /// The lookup key for a part name: no leading slash, forward slashes, lower case.
    static func normalize(_ name: String) -> String {
        // One pass over the bytes: a name already in normal form (ASCII, no leading slash, no
        // backslash, no capital; what every writer stores and every lookup asks for) is its own key.
        let plain: Bool? = name.utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, first != UInt8(ascii: "/") else { return false }
            for b in bytes where b >= 0x80 || b == UInt8(ascii: "\\") || (b >= 0x41 && b <= 0x5A) { return false }
            return true
        }
        if plain == true { return name }
        return name.utf8.allSatisfy({ $0 < 0x80 }) ? normalizeASCII(name) : normalizeByCharacters(name)
    }

    /// `normalize` of any name, by Characters.
    static func normalizeByCharacters(_ name: String) -> String {
        var s = Substring(name)
        while s.first == "/" || s.first == "\\" { s = s.dropFirst() }
        var out = String(s)
        if out.utf8.contains(UInt8(ascii: "\\")) { out = out.replacingBackslashes() }
        return out.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 }) ? out.lowercased() : out
    }

    /// `normalize` of an ASCII name, on bytes (for ASCII, Characters and lower-casing are bytes').
    static func normalizeASCII(_ name: String) -> String {
        let utf8 = name.utf8
        let leadingSlash = utf8.first == UInt8(ascii: "/") || utf8.first == UInt8(ascii: "\\")
        guard leadingSlash || utf8.contains(where: { $0 == UInt8(ascii: "\\") || ($0 >= 0x41 && $0 <= 0x5A) }) else {
            return name
        }
        var bytes = Array(utf8.drop { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") })
        for i in bytes.indices {
            let b = bytes[i]
            if b == UInt8(ascii: "\\") { bytes[i] = UInt8(ascii: "/") } else if b >= 0x41 && b <= 0x5A { bytes[i] = b | 0x20 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when the package holds a part with this name (case-insensitively).
    func contains(_ partName: String) -> Bool {
        entries[Self.normalize(partName)] != nil
    }

    /// The entry's stored name for a part, if present.
    func storedName(_ partName: String) -> String? {
        entries[Self.normalize(partName)]?.name
    }

    /// Inflates a part under the per-part and whole-archive budgets.
    func read(_ partName: String) throws(XLSXReadError) -> PartBytes {
        guard let entry = entries[Self.normalize(partName)] else {
            throw XLSXReadError(.missingPart, file: fileName, part: partName, detail: "the part is missing from the package")
        }
        var consumed = 0
        do {
            let bytes = try zip.read(entry, partLimit: limits.maxPartBytes,
                                     archiveBudget: limits.maxTotalBytes - totalInflated, consumed: &consumed)
            totalInflated += consumed
            return bytes
        } catch {
            totalInflated += consumed
            throw Self.map(error, file: fileName, part: entry.name, limits: limits)
        }
    }

    /// A tokenizer over a part.
    func tokenizer(_ partName: String) throws(XLSXReadError) -> XMLTokenizer {
        let bytes = try read(partName)
        return try XMLTokenizer.make(bytes, source: PartSource(file: fileName, part: storedName(partName) ?? partName),
                                     maxDepth: limits.maxXMLDepth)
    }

    private static func map(_ failure: LibZipFailure, file: String, part: String?, limits: XLSXReadLimits = .default) -> XLSXReadError {
        switch failure {
        case .cannotOpenFile:
            return XLSXReadError(.cannotOpenFile, file: file, part: part, detail: "cannot open the file for reading")
        case .open(let code, let message):
            if code == LibZipArchive.notAZipCode {
                return XLSXReadError(.corruptZip, file: file, part: part,
                                     detail: "the zip archive is damaged or truncated (no central directory): \(message)")
            }
            return XLSXReadError(.corruptZip, file: file, part: part, detail: "the zip archive cannot be opened: \(message)")
        case .read(_, let message):
            return XLSXReadError(.corruptZip, file: file, part: part, detail: "the part cannot be inflated: \(message)")
        case .partBudgetExceeded:
            return XLSXReadError(.partTooLarge(limit: limits.maxPartBytes), file: file, part: part,
                                 detail: "the part inflates to more than \(limits.maxPartBytes) bytes (zip bomb?)")
        case .archiveBudgetExceeded:
            return XLSXReadError(.archiveTooLarge(limit: limits.maxTotalBytes), file: file, part: part,
                                 detail: "the workbook's parts inflate to more than \(limits.maxTotalBytes) bytes in total (zip bomb?)")
        case .encrypted(let method):
            return XLSXReadError(.encryptedEntry, file: file, part: part,
                                 detail: "the zip entry is encrypted (method \(method)); save the workbook without a password")
        case .unsupportedCompression(let method):
            return XLSXReadError(.unsupportedCompression(method: Int(method)), file: file, part: part,
                                 detail: "the zip entry uses compression method \(method); only store (0) and deflate (8) are accepted")
        }
    }
}

extension String {
    fileprivate func replacingBackslashes() -> String {
        String(decoding: utf8.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
    }
}
