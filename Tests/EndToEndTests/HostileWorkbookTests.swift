import Foundation
import Testing
import TestSupport

/// Every broken or hostile workbook (Tests/Fixtures/xlsx-hostile, made by make_xlsx_fixtures.py, and
/// the unusable evaluation sheets of xlsx-domain) through the real binary: a clear error naming the
/// file, exit status 1, no crash, no hang, no output file.
@Suite("Hostile and broken workbooks through evalsheet import")
struct HostileWorkbookTests {
    static let files: [String] = ["xlsx-hostile", "xlsx-domain"].flatMap { dir in
        ((try? FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.fixtures.appendingPathComponent(dir).path)) ?? [])
            .filter { $0.hasSuffix(".xlsx") }.sorted().map { "Tests/Fixtures/\(dir)/\($0)" }
    }

    @Test("at least 40 files in the corpus")
    func corpusSize() {
        #expect(Self.files.count >= 40)
    }

    @Test("error, exit 1, nothing written", arguments: files)
    func refused(_ file: String) throws {
        let out = RepositoryPaths.temporaryDirectory("hostile")
        defer { try? FileManager.default.removeItem(at: out) }
        let start = Date()
        let r = try EvalsheetBinary.run(["import", file, "-o", out.path])
        #expect(Date().timeIntervalSince(start) < 20, "must not hang")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("エラー: \(file)"), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Sanitizer"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }
}
