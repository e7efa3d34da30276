import Foundation
import Testing
@testable import FileOutput

/// An unnamed scratch file: on the directory's disk, with no name there once made, readable and
/// writable, registered with the clean-up only while it had a name; none in a missing directory.
@Suite struct ScratchFileTests {
    @Test func aScratchFileHasNoNameAndHoldsWhatIsWritten() throws {
        let dir = try makeDirectory("scratch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = TemporaryFiles.shared.registered
        let fd = try #require(ScratchFile.create(in: dir, name: "evalsheet-findings"))
        defer { close(fd) }
        #expect(contents(dir).isEmpty, "unlinked at once")
        #expect(TemporaryFiles.shared.registered == before, "registered only while it had a name")
        let bytes: [UInt8] = Array("検査結果 findings".utf8)
        #expect(pwrite(fd, bytes, bytes.count, 0) == bytes.count)
        var back = [UInt8](repeating: 0, count: bytes.count)
        #expect(pread(fd, &back, back.count, 0) == bytes.count)
        #expect(back == bytes)
        // The name it had was one of ours, which StaleTemporaries sweeps after a killed run.
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)")
        let name = ((target.replacingOccurrences(of: " (deleted)", with: "")) as NSString).lastPathComponent
        #expect(name.hasPrefix(".evalsheet-findings.tmp-"))
        #expect(TemporaryName.owner(of: name) == getpid())
    }

    @Test func noScratchFileInAMissingDirectory() {
        #expect(ScratchFile.create(in: "/nonexistent/evalsheet/scratch", name: "x") == nil)
    }
}
