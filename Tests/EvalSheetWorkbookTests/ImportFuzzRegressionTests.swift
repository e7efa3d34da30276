import Foundation
import Testing
import EvalSheetModel
import EvalSheetWorkbook
import TestSupport

/// Workbooks the importer fuzzer (scripts/fuzz-workbook-importer.sh) found breaking the oracle,
/// kept as fixtures: `<name>.fuzz-input` is the reproducer, `<name>.xlsx` the workbook the harness
/// built from it (`EVALSHEET_FUZZ_DUMP=<name>.xlsx fuzz-workbook-importer <name>.fuzz-input`).
@Suite("Importer fuzz regressions")
struct ImportFuzzRegressionTests {
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: RepositoryPaths.fixtures.appendingPathComponent("xlsx-fuzz/\(name).xlsx")))
    }

    /// Edits of 521: 役職 set to spaces, a 300-character name typed beside 関連する事務事業名 of
    /// challenge ①, `12.5` below §7's end marker. The import takes all of it, naming the stray number;
    /// the export of the result failed (row height 485 pt > Excel's 409) — the writer's part of
    /// issue 9 class 6, not the reader's.
    @Test("a 300-character related project name: imported exactly, every cell accounted for")
    func relatedProjectNameOf300Characters() throws {
        let name = "related-project-name-of-300-characters"
        let bytes = try Self.bytes(name)
        let loaded = try WorkbookImporter().read(bytes: bytes, displayName: "\(name).xlsx")
        var expected = RealYear.sheet("521")
        expected.organization.title = "  "
        expected.challenges[0].relatedProjects.append(String(repeating: "長", count: 300))
        #expect(loaded.sheet == expected)
        #expect(loaded.notes.map { "\($0.id) \($0.location)" } == ["xlsx.unread-cell \(name).xlsx '7 課題'!A15"])
        #expect(NothingLostOracle.cellViolations(bytes: bytes, loaded: loaded) == [])
    }

    /// Edits of 513 (the fuzzer's): 施策名 moved up a row, sheet 3 renamed "Sheet3", a 状況 moved
    /// down a row over the next one, and the number 0.30000000000000004 typed over a 外部要因. The
    /// oracle first took the number for 17 digits where the import (rightly, as Excel shows it) reads
    /// "0.3": the oracle now compares numbers in text cells by value.
    @Test("a 17-digit number in a text cell is read as Excel shows it; the moved name is named at its cell")
    func seventeenDigitNumberInAFactorCategory() throws {
        let name = "seventeen-digit-number-in-a-factor-category"
        let bytes = try Self.bytes(name)
        let loaded = try WorkbookImporter().read(bytes: bytes, displayName: "\(name).xlsx")
        var expected = RealYear.sheet("513")
        expected.policy.name = ""
        expected.environment[1].status = expected.environment[0].status
        expected.environment[0].status = ""
        expected.environment[4].category = "0.3"
        #expect(loaded.sheet == expected)
        let heading = ["1 基本情報", "2 施策の方向", "Sheet3", "4 まちづくり指標", "5 評価", "6 施策を取り巻く環境", "7 課題"]
            .map { "xlsx.unread-cell \(name).xlsx \($0.contains(" ") ? "'\($0)'" : $0)!A2" }
        #expect(loaded.notes.map { "\($0.id) \($0.location)" }
            == [heading[0], "xlsx.unread-cell \(name).xlsx '1 基本情報'!D3"] + heading.dropFirst())
        #expect(NothingLostOracle.violations(bytes: bytes, loaded: loaded, scratch: NSTemporaryDirectory()) == [])
    }
}
