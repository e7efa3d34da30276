import Foundation
import Testing
import EvalSheetModel
import EvalSheetValidation
import TestSupport

/// Class 2 of the hardening issue: amounts near Int.max (which crashed validate, export and batch
/// with an overflow trap) are refused at their place by the one bound every reader shares, and a
/// batch goes on with its other files, its index and its findings.
@Suite("Arithmetic on data never traps (end to end)", .serialized)
struct ArithmeticNeverTrapsTests {
    static let nearIntMax = "Tests/Fixtures/json-malformed/amount-near-int-max.json"

    @Test func validateReportsTheAmountsAndExitsTwo() throws {
        let r = try EvalsheetBinary.run(["validate", Self.nearIntMax, "samples/kiyose-2019/541.txt", "--format", "json"])
        #expect(r.status == 2)
        let findings = try Findings.decodeJSON(Data(r.stdout.utf8))
        #expect(findings.filter { $0.severity == .error }.map(\.location) == [
            "\(Self.nearIntMax)#/projects/rows/0/amounts/0", "\(Self.nearIntMax)#/projects/rows/1/amounts/0"])
        #expect(findings.first?.message.ja == "事業 0102010801 の金額が上限 999,999,999,999 千円を超えています")
        #expect(findings.contains { $0.file == "samples/kiyose-2019/541.txt" && $0.ruleID == "projects.section-unknown" }, "the other input is still checked")
    }

    @Test func exportAndImportRefuseWithoutATrap() throws {
        let dir = RepositoryPaths.temporaryDirectory("trap")
        defer { try? FileManager.default.removeItem(at: dir) }
        for command in ["export", "import"] {
            for fixture in [Self.nearIntMax, "Tests/Fixtures/json-malformed/amount-over-the-bound.json",
                            "Tests/Fixtures/json-malformed/fiscal-year-int-max.json"] {
                let r = try EvalsheetBinary.run([command, fixture, "-o", dir.path])
                #expect(r.status == 1, "\(command) \(fixture): \(r.stderr)")
                #expect(r.stderr.contains("エラー: \(fixture)#/"))
                #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("overflow"))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func aBatchKeepsItsOtherFilesIndexAndFindings() throws {
        let input = RepositoryPaths.temporaryDirectory("trap-in"), out = RepositoryPaths.temporaryDirectory("trap-out")
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: out) }
        try FileManager.default.copyItem(atPath: RepositoryPaths.root.appendingPathComponent(Self.nearIntMax).path,
                                         toPath: input.appendingPathComponent("0-huge.json").path)
        for code in ["511", "541"] {
            try FileManager.default.copyItem(at: RepositoryPaths.sampleYear.appendingPathComponent("\(code).txt"),
                                             to: input.appendingPathComponent("\(code).txt"))
        }
        let r = try EvalsheetBinary.run(["batch", input.path, "-o", out.path, "--jobs", "1"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("変換 2 件、スキップ(既存) 0 件、失敗 1 件"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["511.xlsx", "541.xlsx", "findings.json", "index.xlsx"])
        let findings = try Findings.decodeJSON(Data(contentsOf: out.appendingPathComponent("findings.json")))
        #expect(findings.filter { $0.severity == .error }.count == 2)
    }

    @Test func sumsOfTheBoundAreCheckedNotTrapped() {
        #expect(Amount.sum([Amount.maximum, 1]) == nil)
        #expect(Amount.sum([Int.max, Int.max]) == nil)
        #expect(Amount.sum([Amount.maximum, nil, 0]) == Amount.maximum)
        var s = RealYear.sheet("511")
        s.projects.rows[0].amounts[0] = Int.max
        s.projects.rows[1].amounts[0] = Int.max
        #expect(s.projects.computedTotals[0] == Int.max)
        #expect(s.invariantViolations().map(\.path) == [.project(0, .amount(0)), .project(1, .amount(0))])
    }
}
