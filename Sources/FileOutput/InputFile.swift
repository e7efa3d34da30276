/// Reading an input file whole, by the C library's calls (`Syscalls.readRegularFile`): one `open`,
/// `fstat` and `read` for a regular file, without Foundation's URL and `Data` machinery (a working
/// directory look-up and tens of thousands of instructions a file). Only the happy path and the size
/// bound: any other failure gives `.unavailable`, and the caller reads the file again its usual way,
/// so that every error — missing, unreadable, a folder — is the message it always was.
public enum InputFile {
    /// What reading a file whole gave.
    public enum Read: Equatable, Sendable {
        /// The file's bytes.
        case bytes([UInt8])
        /// The file holds more than the bound (`size` bytes, or at least that many): nothing kept.
        case tooLarge(size: Int64)
        /// Not a regular file, or it could not be opened or read.
        case unavailable
    }

    /// The bytes of the regular file at `path` (a symbolic link followed, as `Data(contentsOf:)`
    /// does) when it holds at most `limit` bytes; a larger one is refused by its size before it is read.
    public static func regularFileBytes(_ path: String, atMost limit: Int) -> Read {
        Syscalls.readRegularFile(path, atMost: limit)
    }

    /// Whether `path` leads (a symbolic link followed) to something that is neither a regular file
    /// nor a folder — a FIFO, a socket, a device — which a reader would block on or read forever:
    /// such an input is refused by its type before anything opens it.
    public static func isSpecialFile(_ path: String) -> Bool { Syscalls.isSpecialFile(path) }
}
