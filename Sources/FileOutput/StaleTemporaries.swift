/// Removes the temporary files a killed run left in a directory: names of our pattern
/// (`.<name>.tmp-<pid>-<hex>`) whose process no longer exists. Files of a run still going on, and
/// anything not of our pattern, are left alone.
public enum StaleTemporaries {
    /// Sweeps `directory`; returns the names removed.
    @discardableResult
    public static func sweep(_ directory: String) -> [String] {
        guard let names = Syscalls.directoryEntries(directory) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = TemporaryName.owner(of: name), !Syscalls.processExists(pid) else { continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard Syscalls.isRegularFile(path) else { continue }
            Syscalls.unlinkQuietly(path)
            removed.append(name)
        }
        return removed
    }
}
