/// A scratch file on a given disk (beside the outputs, never in /tmp) that has no name: made under a
/// temporary name of ours (`.<name>.tmp-<pid>-<hex>`) registered with `TemporaryFiles` and unlinked at
/// once, so that a signal between the two removes it like any temporary, and one a killed run left
/// is swept by the next (`StaleTemporaries`). Gone when closed or when the process ends.
public enum ScratchFile {
    /// The descriptor (reading and writing) of a new unnamed file in `directory`, or nil when none can
    /// be made there. `name` says whose it is in the temporary name.
    public static func create(in directory: String, name: String) -> Int32? {
        let path = (directory.hasSuffix("/") ? directory : directory + "/") + TemporaryName.make(for: name)
        TemporaryFiles.shared.register(path)
        defer {
            Syscalls.unlinkQuietly(path)
            TemporaryFiles.shared.unregister(path)
        }
        guard case .success(let fd) = TemporaryFiles.shared.creating({ Syscalls.createExclusiveForReadingAndWriting(path) }) else {
            return nil
        }
        return fd
    }

    /// Writes all of `bytes` at `offset` of a scratch file; false when they were not all written.
    public static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        Syscalls.transferAll(fd, UnsafeMutableRawBufferPointer(mutating: bytes), at: offset, reading: false) == nil
    }

    /// Fills `buffer` from `offset` of a scratch file; false when it could not be filled.
    public static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        Syscalls.transferAll(fd, buffer, at: offset, reading: true) == nil
    }
}
