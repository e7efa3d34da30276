/// A path's extension read from its bytes, for the paths whose extension is plain to see — what
/// `URL(fileURLWithPath:).pathExtension` gives for them, without making a URL (which also asks the
/// file system whether the path is a folder).
enum PathExtension {
    /// The extension of `path` (`""` when its name has none), or nil when the path is not plain
    /// enough to say without Foundation: empty, ending in `/`, holding an empty, `.` or `..`
    /// component, a `%`, or a name that starts with a dot or has two dots before its extension.
    static func of(_ path: String) -> String? {
        let bytes = path.utf8
        guard let last = bytes.last, last != slash, !bytes.contains(percent) else { return nil }
        var nameStart = bytes.startIndex
        var previous: UInt8? = nil
        for i in bytes.indices {
            let byte = bytes[i]
            if byte == slash {
                // An empty component (`//`, not a leading `/`) or a `.` / `..` component.
                if previous == slash || isDotComponent(bytes[nameStart..<i]) { return nil }
                nameStart = bytes.index(after: i)
            }
            previous = byte
        }
        let name = bytes[nameStart...]
        guard !isDotComponent(name) else { return nil }
        guard let dot = name.lastIndex(of: dotByte) else { return "" }
        // `.name`, `a..json`: left to Foundation.
        guard dot != name.startIndex, bytes[bytes.index(before: dot)] != dotByte else { return nil }
        return String(path[bytes.index(after: dot)...])
    }

    private static let slash = UInt8(ascii: "/")
    private static let dotByte = UInt8(ascii: ".")
    private static let percent = UInt8(ascii: "%")

    private static func isDotComponent(_ component: String.UTF8View.SubSequence) -> Bool {
        component.elementsEqual(".".utf8) || component.elementsEqual("..".utf8)
    }
}
