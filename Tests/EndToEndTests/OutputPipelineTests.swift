import Foundation
import Testing
import EvalSheetModel
import EvalSheetJSON
import FileOutput
import TestSupport
@testable import EvalSheet
@testable import EvalSheetCLI

/// The import pipeline's pieces: extensions read from path bytes, the writer threads, and outputs
/// rendered on them with their results reported as when rendered on the reading thread.
@Suite("import pipeline pieces", .serialized)
struct OutputPipelineTests {
    /// `kind(of:)` before the byte fast path: always through a URL.
    static func kindThroughURL(_ path: String) -> SheetSource.Kind? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "txt", "tsv", "text": .text
        case "json": .json
        case "xlsx", "xlsm": .xlsx
        default: nil
        }
    }

    static let paths = [
        "511.json", "a/b/511.JSON", "/abs/year.txt", "y.tsv", "y.text", "w.xlsx", "w.XLSM", "施策/政策.json", "a b/c d.txt",
        "noext", "dir/noext", ".json", ".hidden.json", "a..json", "a.", "a.json.", "a.json ", "a.jso", "a.json5", "a.tar.json",
        "a/.json", "a/./b.json", "a/../b.json", "a//b.json", "./b.json", "../b.json", "b.json/", "/", "", ".", "..",
        "a%2ejson", "a.js%6Fn", "100%.json", "x.Txt", "x.tXt/y", "x.json/y", "dir.json", "dir.json/",
    ]

    @Test func kindAnswersAsTheURLDoes() throws {
        // A folder named like a file, in the working directory, for the paths a URL checks on disk.
        let root = RepositoryPaths.temporaryDirectory("kind")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("dir.json"), withIntermediateDirectories: true)
        let previous = FileManager.default.currentDirectoryPath
        #expect(FileManager.default.changeCurrentDirectoryPath(root.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        for path in Self.paths {
            #expect(SheetSource.kind(of: path) == Self.kindThroughURL(path), "\(path)")
        }
    }

    @Test(arguments: [("511.json", "json"), ("a/b/511.JSON", "JSON"), ("/abs/year.txt", "txt"), ("施策/政策.json", "json"),
                      ("noext", ""), ("a.tar.json", "json"), ("a.", ""), ("a.json ", "json ")])
    func plainPathsHaveTheirExtensionReadFromBytes(_ path: String, _ ext: String) {
        #expect(PathExtension.of(path) == ext)
    }

    @Test(arguments: ["", "/", "b.json/", ".json", "a..json", "a/./b.json", "a/../b.json", "a//b.json", ".", "..", "a/..", "100%.json"])
    func otherPathsAreLeftToFoundation(_ path: String) {
        #expect(PathExtension.of(path) == nil)
    }

    @Test func writersRunEveryJobSubmittedWithinTheirWindow() {
        let writers = OutputWriters(count: 2, perThread: 3)
        #expect(writers.count == 2)
        let tally = Tally()
        for i in 1...200 {
            writers.submit { tally.run(i) }
        }
        writers.waitForSubmitted()
        #expect(tally.values.count == 200)
        #expect(tally.values.reduce(0, +) == 200 * 201 / 2)
        #expect(tally.mostAtOnce <= 2, "one job at a time on each of the two threads")
        #expect(OutputWriters(count: 0).count == 1)
    }

    @Test func outputsRenderedLaterReportWhatRenderingOnTheReadingThreadReports() throws {
        let root = RepositoryPaths.temporaryDirectory("render-later")
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.path
        #expect(FileManager.default.createFile(atPath: dir + "/512.json", contents: Data("kept".utf8)))
        struct RenderFailed: Error {}
        let grouped = GroupedOutputs(directory: dir, writers: 2) { loaded in
            if loaded.sheet.policy.code == "513" { throw RenderFailed() }
            return Array("policy \(loaded.sheet.policy.code)".utf8)
        }
        var outcome = FileOutcome(file: "year.txt")
        for code in ["511", "512", "513", "521"] {
            var policy = PolicyOutcome(code: code)
            policy.output = dir + "/\(code).json"
            policy.ticket = grouped.queueLater(RealYear.loadedSheet(code), to: dir + "/\(code).json", overwrite: false)
            outcome.policies.append(policy)
        }
        grouped.finished(outcome)
        let settled = grouped.finish()
        #expect(settled.count == 1)
        let policies = try #require(settled.first).policies
        #expect(policies.map(\.ticket) == [nil, nil, nil, nil])
        #expect(try #require(settled.first).written == [dir + "/511.json", dir + "/521.json"])
        if case .fileExists(let path)? = policies[1].error as? OutputError { #expect(path == dir + "/512.json") } else {
            Issue.record("512: \(String(describing: policies[1].error))")
        }
        #expect(policies[2].error is RenderFailed)
        #expect(try String(contentsOfFile: dir + "/511.json", encoding: .utf8) == "policy 511")
        #expect(try String(contentsOfFile: dir + "/512.json", encoding: .utf8) == "kept")
        #expect(try String(contentsOfFile: dir + "/521.json", encoding: .utf8) == "policy 521")
        #expect(!FileManager.default.fileExists(atPath: dir + "/513.json"))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(left == ["511.json", "512.json", "521.json"], "no temporaries left")
    }
}

/// What the writer test's jobs did, and how many ran at once.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var running = 0
    private(set) var mostAtOnce = 0
    private var done: [Int] = []

    var values: [Int] { lock.withLock { done } }

    func run(_ value: Int) {
        lock.withLock { running += 1; mostAtOnce = max(mostAtOnce, running) }
        lock.withLock { running -= 1; done.append(value) }
    }
}

/// Findings files are told from sheets as when the head was always decoded.
@Suite("findings files told apart")
struct FindingsFileHeadTests {
    static func byDecoding(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        guard head.drop(while: { $0.isWhitespace }).first == "[" else { return false }
        return head.contains("\"ruleID\"") && head.contains("\"severity\"") && !head.contains("\"schemaVersion\"")
    }

    static let findings = "[{\"file\": \"a.txt\", \"location\": \"a.txt:1\", \"message\": \"m\", \"ruleID\": \"r\", \"severity\": \"error\"}]"

    @Test func theHeadIsReadAsBefore() throws {
        let f = Self.findings
        var cases = [f, " \n\t\r" + f, "\u{3000}" + f, "\u{FEFF}" + f, "\u{00A0}" + f, "\u{000B}" + f, "\u{000C}" + f, "\u{1F}" + f, "\u{7F}" + f, "{}", " {", "\u{3000}{", "",
                     "   ", "[", "[\u{301}" + f.dropFirst(), "x" + f, "\u{85}" + f, String(repeating: " ", count: 4096) + f,
                     String(repeating: " ", count: 4095) + "{", "[{\"schemaVersion\": 1, \"ruleID\": 1, \"severity\": 2}]"]
        cases.append(String(decoding: try EvaluationSheetJSON.encode(RealYear.sheet("511")), as: UTF8.self))
        var datas = cases.map { Data($0.utf8) } + [Data([0xFF, 0x5B]), Data([0x20, 0xC2])]
        let malformed = RepositoryPaths.fixtures.appendingPathComponent("json-malformed")
        for name in try FileManager.default.contentsOfDirectory(atPath: malformed.path).sorted() {
            datas.append(try Data(contentsOf: malformed.appendingPathComponent(name)))
        }
        for data in datas {
            #expect(SheetSource.isFindingsFile(data) == Self.byDecoding(data), "\(String(decoding: data.prefix(40), as: UTF8.self))")
        }
        #expect(SheetSource.isFindingsFile(Data(f.utf8)))
        #expect(SheetSource.opensWithOtherThanArray(Data(" \n{".utf8)))
        #expect(!SheetSource.opensWithOtherThanArray(Data(" [".utf8)))
        #expect(!SheetSource.opensWithOtherThanArray(Data("\u{3000}{".utf8)), "other whitespace: decoded")
    }
}
