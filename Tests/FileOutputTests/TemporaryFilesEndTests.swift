import Foundation
import Testing
@testable import FileOutput

/// The clean-up a signal runs: temporaries created through `creating` are removed with the rest.
@Suite("Temporary files at the end of a run")
struct TemporaryFilesEndTests {
    @Test func creatingHandsOnWhatCreateGives() {
        let registry = TemporaryFiles()
        #expect(registry.creating { 42 } == 42)
        #expect(registry.creating { "a" + "b" } == "ab")
    }

    @Test func theCleanUpForTheEndRemovesFilesCreatedThroughTheRegistry() throws {
        let dir = try makeDirectory("temporaries-end")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let registry = TemporaryFiles()
        let (a, b) = (dir + "/.a.tmp-1-1", dir + "/.b.tmp-1-2")
        registry.register(a)
        registry.register(b)
        #expect(registry.creating { FileManager.default.createFile(atPath: a, contents: Data("x".utf8)) })
        #expect(registry.creating { FileManager.default.createFile(atPath: b, contents: Data()) })
        #expect(FileManager.default.createFile(atPath: dir + "/kept.json", contents: Data("k".utf8)))
        #expect(registry.registered == [a, b])
        registry.removeAllForEnd()
        #expect(registry.registered.isEmpty)
        #expect(contents(dir) == ["kept.json"])
    }
}
