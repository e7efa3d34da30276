import Foundation

/// Writing to stdout and stderr, which may be a full disk, a closed descriptor or a broken pipe:
/// `FileHandle.write(_:)` stops the program on a failed write, so every write goes through here.
enum StandardStreams {
    /// Writes to stdout; false when the write failed.
    static func out(_ data: Data) -> Bool {
        (try? FileHandle.standardOutput.write(contentsOf: data)) != nil
    }

    /// Writes to stderr; a failure is dropped, there being nowhere left to report it.
    static func err(_ data: Data) {
        try? FileHandle.standardError.write(contentsOf: data)
    }
}
