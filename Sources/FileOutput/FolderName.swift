import Foundation

/// Folder names made from arbitrary text (a department's name read from a sheet) that are safe on
/// every file system a city uses — Linux, macOS (case-insensitive, normalising) and Windows/SMB shares:
///
/// - Unicode NFC (so one name is one folder whatever the keyboard produced);
/// - `/ \ : * ? " < > |` become `_`; control and invisible format characters (NUL, tabs, line
///   breaks, DEL, C1 controls, bidi overrides) are removed;
/// - no leading dot or space (hidden, or `..`), no trailing dot or space (Windows drops them);
/// - a reserved Windows device name (`CON`, `PRN`, `AUX`, `NUL`, `COM1`…`COM9`, `LPT1`…`LPT9`, also
///   with an extension, any case) gets a `_` after its device part (`CON_`, `con_.txt`);
/// - at most `maxBytes` UTF-8 bytes, cut at a character boundary;
/// - nothing left: the caller's `fallback` name.
public enum FolderName {
    /// The bytes a folder name may take by default (far below the 255 of every file system, and
    /// short enough for Windows' path limits with a file name below it).
    public static let defaultMaxBytes = 120

    /// The safe folder name for `raw`, or `fallback` when nothing usable is left of it.
    public static func safe(_ raw: String, fallback: String, maxBytes: Int = defaultMaxBytes) -> String {
        var scalars = String.UnicodeScalarView()
        for u in raw.precomposedStringWithCanonicalMapping.unicodeScalars {
            if forbidden.contains(u) {
                scalars.append("_")
            } else if u.properties.generalCategory == .control || u.properties.generalCategory == .format
                        || u.properties.generalCategory == .lineSeparator || u.properties.generalCategory == .paragraphSeparator {
                continue
            } else {
                scalars.append(u)
            }
        }
        var name = trimmed(String(scalars))
        if name.utf8.count > maxBytes {
            var cut = ""
            for c in name {
                if cut.utf8.count + String(c).utf8.count > maxBytes { break }
                cut.append(c)
            }
            name = trimmed(cut)
        }
        if isReservedOnWindows(name) {
            // `CON` → `CON_`, `con.txt` → `con_.txt`: the part before the first dot is what Windows reads.
            let dot = name.firstIndex(of: ".") ?? name.endIndex
            name = name[..<dot] + "_" + name[dot...]
        }
        return name.isEmpty ? fallback : name
    }

    /// `/ \ : * ? " < > |`: refused by Windows (and `/` by every system).
    static let forbidden: Set<Unicode.Scalar> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]

    /// Without leading dots and spaces and trailing dots and spaces (any Unicode space).
    static func trimmed(_ s: String) -> String {
        var chars = Substring(s)
        while let f = chars.first, f == "." || f.isWhitespace { chars.removeFirst() }
        while let l = chars.last, l == "." || l.isWhitespace { chars.removeLast() }
        return String(chars)
    }

    /// Whether Windows treats the name as a device (`CON`, `con.txt`, `LPT1`, `COM¹` …).
    public static func isReservedOnWindows(_ name: String) -> Bool {
        let base = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? name
        let upper = trimmed(base).uppercased()
        if ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"].contains(upper) { return true }
        guard upper.count == 4, upper.hasPrefix("COM") || upper.hasPrefix("LPT") else { return false }
        return "123456789¹²³".contains(upper.last!)
    }
}

/// The folders of one run: each distinct name gets its own safe folder, and two names whose safe
/// folders would be one folder (the same after the rules of `FolderName`, or differing only in
/// case, as on a case-insensitive disk) never merge — the later one gets ` (2)`, ` (3)` …, and the
/// collision is returned so the caller can say so.
public struct FolderNames: Sendable {
    /// What `folder(for:)` chose for a name.
    public struct Choice: Hashable, Sendable {
        /// The folder name to use.
        public var name: String
        /// The other name whose folder this one would have taken, when a suffix was needed.
        public var collidedWith: String?
    }

    public let fallback: String
    public let maxBytes: Int
    private var chosen: [String: String] = [:]
    private var owners: [String: String] = [:]

    /// `fallback` is used for a name with nothing usable in it; it must itself be a safe name.
    public init(fallback: String, maxBytes: Int = FolderName.defaultMaxBytes) {
        self.fallback = fallback
        self.maxBytes = maxBytes
    }

    /// The folder for `raw` (the same one each time it is asked for the same name, in NFC).
    public mutating func folder(for raw: String) -> Choice {
        // Every name with nothing usable in it shares the fallback folder.
        let nfc = raw.precomposedStringWithCanonicalMapping
        let key = FolderName.safe(nfc, fallback: "", maxBytes: maxBytes).isEmpty ? "" : nfc
        if let name = chosen[key] { return Choice(name: name, collidedWith: nil) }
        let base = FolderName.safe(key, fallback: fallback, maxBytes: maxBytes)
        var name = base, collided: String?
        var n = 1
        while let owner = owners[name.lowercased()] {
            collided = collided ?? owner
            n += 1
            let suffix = " (\(n))"
            name = FolderName.safe(base, fallback: fallback, maxBytes: maxBytes - suffix.utf8.count) + suffix
        }
        owners[name.lowercased()] = key
        chosen[key] = name
        return Choice(name: name, collidedWith: collided)
    }
}
