/// Reading an input file whole, by the C library's calls (`Syscalls.readRegularFile`): one `open`,
/// `fstat` and `read` for a regular file, without Foundation's URL and `Data` machinery (a working
/// directory look-up and tens of thousands of instructions a file). Only the happy path: any
/// failure gives nil, and the caller reads the file again its usual way, so that every error —
/// missing, unreadable, a folder, too large — is the message it always was.
public enum InputFile {
    /// The bytes of the regular file at `path` (a symbolic link followed, as `Data(contentsOf:)`
    /// does), or nil when it is not a regular file or cannot be opened or read.
    public static func regularFileBytes(_ path: String) -> [UInt8]? {
        Syscalls.readRegularFile(path)
    }

    /// The size in bytes of the regular file at `path` (a symbolic link followed); nil for anything else.
    public static func regularFileSize(_ path: String) -> Int64? { Syscalls.regularFileSize(path) }
}
