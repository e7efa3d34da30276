import Foundation
import Testing
import EvalSheetModel
import EvalSheetText
import TestSupport

/// Reading a file from disk goes sheet by sheet in 1 MB chunks (`TextFormReader.forEachSheet`);
/// what it gives must be exactly what reading the same bytes whole gives: the same models, source
/// maps, notes and failures with their lines — for LF, CR LF and CR line ends, with a BOM, and with
/// a CR LF or a multi-byte character cut by a chunk boundary.
@Suite("Reading a text file in chunks")
struct StreamingReadTests {
    /// The real year repeated until the file passes one chunk, with a line before the first sheet
    /// sized so that a line end (or a character) straddles the first chunk boundary.
    static func bytes(lineEnd: String, bom: Bool, straddle: Bool) throws -> Data {
        let year = try String(contentsOf: RepositoryPaths.wholeYear, encoding: .utf8)
        var body = String(repeating: year + "\n", count: 13)
        body = body.replacingOccurrences(of: "\n", with: lineEnd)
        var bytes = Array(body.utf8)
        let boundary = (1 << 20) - (bom ? 3 : 0)
        // Insert a leading line so that the byte at the boundary is the second byte of a line end
        // (straddle) or of a three-byte character.
        let lead = Array("前置き".utf8) + Array(lineEnd.utf8)
        let target = bytes.indices.first { i in
            i > boundary - 200_000 && (straddle ? bytes[i] == 0x0D && bytes[i + 1] == 0x0A : bytes[i] >= 0xE0 && bytes[i] < 0xF0)
        }!
        let padding = boundary - 1 - target - lead.count
        bytes = Array(repeating: UInt8(ascii: "x"), count: max(0, padding)) + lead + bytes
        return Data((bom ? [0xEF, 0xBB, 0xBF] : []) + bytes)
    }

    @Test("chunked reading gives what whole reading gives", arguments: [
        ("\n", false, false), ("\r\n", false, true), ("\r\n", true, true), ("\r", false, false),
    ])
    func chunkedEqualsWhole(_ lineEnd: String, _ bom: Bool, _ straddle: Bool) throws {
        let data = try Self.bytes(lineEnd: lineEnd, bom: bom, straddle: straddle)
        #expect(data.count > 1 << 20)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("streaming-\(UUID().uuidString).txt")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        let whole = TextFormReader.readEach(data, file: "year.txt")
        let chunked = TextFormReader.readEach(contentsOf: url, displayName: "year.txt")
        #expect(whole.sheets.count == 13 * 9)
        #expect(chunked.sheets.map(\.sheet) == whole.sheets.map(\.sheet))
        #expect(chunked.sheets.map(\.sourceMap) == whole.sheets.map(\.sourceMap))
        #expect(chunked.sheets.map(\.notes) == whole.sheets.map(\.notes))
        #expect(chunked.failures.map { $0.text(.en) } == whole.failures.map { $0.text(.en) })
        #expect(chunked.sheets.first?.notes.first?.location == "year.txt:1")
    }

    @Test("a sheet of more lines than the bound (a run of blank lines) is refused at the first line past it, the others read; whole and chunked alike")
    func aSheetTooLongIsRefused() throws {
        var lines = try String(contentsOf: RepositoryPaths.wholeYear, encoding: .utf8).components(separatedBy: "\n")
        let headings = lines.indices.filter { lines[$0].hasPrefix("1. 基本情報") }
        let first = try #require(headings.first) + 1, second = try #require(headings.dropFirst().first)
        lines.insert(contentsOf: Array(repeating: "", count: 150_000), at: second - 1)  // the end of sheet 511
        let data = Data(lines.joined(separator: "\n").utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("too-long-\(UUID().uuidString).txt")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = TextFormReader.readEach(data, file: "year.txt")
        let chunked = TextFormReader.readEach(contentsOf: url, displayName: "year.txt")
        for read in [whole, chunked] {
            #expect(read.sheets.map(\.sheet.policy.code) == ["512", "513", "521", "522", "531", "532", "533", "541"])
            #expect(read.failures.map(\.id) == ["text.too-many-lines"])
            // The sheet opens on line `first`: its 100,001st line is refused.
            let past = first + 100_000
            #expect(read.failures.first?.location == "year.txt:\(past)")
            #expect(read.failures.first?.message.ja.hasPrefix("1つの施策のシートが 100000 行を超えています(\(past) 行目から") == true)
        }
        #expect(chunked.failures.map { $0.text(.en) } == whole.failures.map { $0.text(.en) })
        #expect(chunked.sheets.map(\.sourceMap) == whole.sheets.map(\.sourceMap))
    }

    @Test("a file refused as a whole is refused the same way, before any sheet")
    func refusedWhole() throws {
        let year = try Data(contentsOf: RepositoryPaths.wholeYear)
        let cases: [(String, Data, String)] = [
            ("bad UTF-8 at the end", year + Data([0xFF, 0x0A]), "year.txt:733: invalid UTF-8 (save the file as UTF-8)"),
            ("blanks only", Data("  \n\t\n\u{3000}\n".utf8), "year.txt: the file is empty"),
            ("no heading", Data("hello\tworld\nfoo\n".utf8), "year.txt:1: not an evaluation sheet: no \"1. 基本情報\" heading"),
        ]
        for (name, data, message) in cases {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("refused-\(UUID().uuidString).txt")
            try data.write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            var handed = 0
            let failures = TextFormReader.forEachSheet(contentsOf: url, displayName: "year.txt") { _ in handed += 1 }
            #expect(handed == 0, "\(name)")
            #expect(failures.map { $0.text(.en) } == [message], "\(name)")
        }
    }

    @Test("several threads reading the sheets give exactly what one gives, in file order", arguments: [2, 3, 8])
    func threadsEqualOne(_ jobs: Int) throws {
        // Text before the first sheet, a refused first sheet (its leading notes go to the next one
        // read), good and refused sheets mixed, the whole past one chunk.
        let fixtures = RepositoryPaths.root.appendingPathComponent("Tests/Fixtures/text-malformed")
        let bad = try String(contentsOf: fixtures.appendingPathComponent("many-problems-in-one-sheet.txt"), encoding: .utf8)
        let middle = try String(contentsOf: fixtures.appendingPathComponent("bad-sheet-in-the-middle.txt"), encoding: .utf8)
        let year = try String(contentsOf: RepositoryPaths.wholeYear, encoding: .utf8)
        let text = "前置き\n" + bad + "\n" + String(repeating: year + "\n" + middle + "\n", count: 12)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("threads-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(text.utf8.count > 1 << 20)

        func read(_ jobs: Int) -> (results: [String], whole: [String], sheets: [LoadedSheet]) {
            var results: [String] = [], sheets: [LoadedSheet] = []
            let whole = TextFormReader.forEachSheet(contentsOf: url, displayName: "year.txt", jobs: jobs) { result in
                switch result {
                case .success(let loaded):
                    sheets.append(loaded)
                    results.append("sheet \(loaded.sheet.policy.code) " + loaded.notes.map { "\($0.location) \($0.message.en)" }.joined(separator: "|"))
                case .failure(let error):
                    results.append("failure " + error.text(.en))
                }
            }
            return (results, whole.map { $0.text(.en) }, sheets)
        }
        let one = read(1), many = read(jobs)
        #expect(one.results.count == 225)  // the fixtures hold several sheets each
        #expect(one.results.filter { $0.hasPrefix("failure") }.count >= 13)
        #expect(one.results[1].contains("year.txt:1 "), "the leading line's note goes with the first sheet read")
        #expect(many.results == one.results)
        #expect(many.whole == one.whole)
        #expect(many.sheets.map(\.sheet) == one.sheets.map(\.sheet))
        #expect(many.sheets.map(\.sourceMap) == one.sheets.map(\.sourceMap))
    }
}
