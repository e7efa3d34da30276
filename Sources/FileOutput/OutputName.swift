/// What an output file may be called: a plain file name inside the output directory. Every writer
/// checks the name it is given, so no value read from a file can make it write elsewhere.
public enum OutputName {
    /// Whether `name` is a plain file name: 1–255 bytes, no `/` or `\`, not `.` or `..`, not starting
    /// with a dot (hidden files, and our own temporaries, start with one), no control character.
    public static func isPlain(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...255).contains(bytes.count), bytes[0] != UInt8(ascii: ".") else { return false }
        return !bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }
    }

    /// `directory/name`, or `.notAPlainFileName` when `name` is not plain.
    public static func path(_ name: String, in directory: String) throws(OutputError) -> String {
        guard isPlain(name) else { throw .notAPlainFileName(name) }
        if directory.isEmpty || directory == "." { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Splits a path into its directory (`.` when none) and its last component.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }
}
