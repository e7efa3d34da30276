import Foundation
import Testing
@testable import FileOutput

@Suite("Atomic output in pieces")
struct ChunkedOutputTests {
    @Test func thePiecesMakeTheWholeFileAndNoTemporary() throws {
        let dir = try makeDirectory("fileoutput")
        let path = dir + "/findings.json"
        let pieces = ["[\n", "  1", ",\n  2", "", "\n]\n"].map { Array($0.utf8) }
        try AtomicOutput.write(chunks: pieces, to: path, overwrite: false)
        #expect(contents(dir) == ["findings.json"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "[\n  1,\n  2\n]\n")
        #expect(TemporaryFiles.shared.registered.allSatisfy { !$0.hasPrefix(dir) })
    }

    @Test func noPiecesMakeAnEmptyFile() throws {
        let dir = try makeDirectory("fileoutput")
        try AtomicOutput.write(chunks: [[UInt8]](), to: dir + "/empty", overwrite: false)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/empty")).isEmpty)
    }

    @Test func anExistingFileIsKeptUnlessOverwriting() throws {
        let dir = try makeDirectory("fileoutput")
        let path = dir + "/findings.json"
        try AtomicOutput.write(Array("old".utf8), to: path, overwrite: false)
        #expect(throws: OutputError.fileExists(path)) {
            try AtomicOutput.write(chunks: [Array("new".utf8)], to: path, overwrite: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        try AtomicOutput.write(chunks: [Array("n".utf8), Array("ew".utf8)], to: path, overwrite: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(contents(dir) == ["findings.json"])
    }

    @Test func aPieceIsAskedForOnlyOnceTheOneBeforeIsWritten() throws {
        let dir = try makeDirectory("fileoutput")
        let path = dir + "/n.txt"
        var sizes: [Int] = []
        let pieces = sequence(state: 0) { (i: inout Int) -> [UInt8]? in
            guard i < 3 else { return nil }
            sizes.append((try? FileManager.default.attributesOfItem(atPath: path)) == nil ? -1 : 0)
            i += 1
            return Array("\(i)".utf8)
        }
        try AtomicOutput.write(chunks: pieces, to: path, overwrite: false)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "123")
        #expect(sizes == [-1, -1, -1])  // nothing at the final path until the end
    }
}
