import Foundation
import Testing
import EvalSheetModel
import TestSupport

/// Class 1 of the hardening issue: the policy code names each output file, so a code that is not a
/// plain name (`../../escaped`, a NUL, a newline, a leading dot, nothing) is refused at its place
/// before any use — nothing is written for it, inside `-o` or outside — and the other policies of
/// the run are still converted.
@Suite("Data never becomes a path (end to end)", .serialized)
struct DataNeverAPathTests {
    static let faults: [(fixture: String, shown: String)] = [
        ("policy-code-parent-directory", "../../escaped"), ("policy-code-absolute-path", "/tmp/escaped"),
        ("policy-code-nul", "511\\0x"), ("policy-code-newline", "511\\nx"), ("policy-code-leading-dot", ".511"),
        ("policy-code-empty", ""), ("policy-code-space", "5 11"),
    ]

    static func fixture(_ name: String) -> String { "Tests/Fixtures/json-malformed/\(name).json" }

    /// Every file under `dir`, recursively, hidden ones included.
    static func tree(_ dir: URL) -> [String] {
        (FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String] ?? []).sorted()
    }

    @Test(arguments: faults)
    func importRefusesTheCodeAtItsPointerAndWritesNothing(_ fault: (fixture: String, shown: String)) throws {
        let root = RepositoryPaths.temporaryDirectory("path-import")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("a/b/out")
        for command in ["import", "export"] {
            let r = try EvalsheetBinary.run([command, Self.fixture(fault.fixture), "samples/kiyose-2019/512.txt", "-o", out.path, "-q"])
            #expect(r.status == 1)
            #expect(r.stderr.contains("エラー: \(Self.fixture(fault.fixture))#/policy/code: 施策コード「\(fault.shown)」は使えません"), "\(r.stderr)")
            #expect(Self.tree(root) == ["a", "a/b", "a/b/out", "a/b/out/512.\(command == "import" ? "json" : "xlsx")"])
            try FileManager.default.removeItem(at: out.appendingPathComponent("512.\(command == "import" ? "json" : "xlsx")"))
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/escaped.json") && !FileManager.default.fileExists(atPath: "/tmp/escaped.xlsx"))
    }

    @Test func aBatchWithEveryBadCodeConvertsTheRealYearAndNothingElse() throws {
        let root = RepositoryPaths.temporaryDirectory("path-batch")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("x/out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for code in RepositoryPaths.policyCodes {
            try FileManager.default.copyItem(at: RepositoryPaths.sampleYear.appendingPathComponent("\(code).txt"),
                                             to: input.appendingPathComponent("\(code).txt"))
        }
        for f in Self.faults {
            try FileManager.default.copyItem(atPath: RepositoryPaths.root.appendingPathComponent(Self.fixture(f.fixture)).path,
                                             toPath: input.appendingPathComponent("\(f.fixture).json").path)
        }
        let r = try EvalsheetBinary.run(["batch", input.path, "-o", out.path, "--to", "json", "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("converted 9, skipped (existing) 0, failed 7."))
        for f in Self.faults {
            #expect(r.stderr.contains("\(f.fixture).json#/policy/code: the policy code \"\(f.shown)\" is not allowed"), "\(f.fixture)")
        }
        #expect(Self.tree(root.appendingPathComponent("x")) == ["out"] + (RepositoryPaths.policyCodes.map { "out/\($0).json" }
            + ["out/findings.json", "out/index.xlsx"]).sorted())
        #expect(Self.tree(input).count == 16, "nothing written next to the inputs")
    }
}
