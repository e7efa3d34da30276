import Foundation
import Testing
import EvalSheetModel
import EvalSheetWorkbook
import TestSupport

/// The index's goal totals when the policies of one goal list different money columns: a policy
/// without a column adds 0 to it, as its row in 施策一覧 shows (the writer trapped on an index past
/// the shorter list, and the batch lost index.xlsx and findings.json).
@Suite("Index goal totals")
struct IndexGoalTotalsTests {
    @Test("a goal's policies with three and two money columns: totals per column, 0 for the missing one")
    func differentColumns() throws {
        let dir = RepositoryPaths.temporaryDirectory("index-goal-columns")
        defer { try? FileManager.default.removeItem(at: dir) }
        var a = PolicySummary(RealYear.sheet("511"), errors: 0, warnings: 0, workbook: nil)
        var b = PolicySummary(RealYear.sheet("512"), errors: 0, warnings: 0, workbook: nil)
        (a.totals, b.goal) = ([1000, 2000, 3000], a.goal)
        (b.columns, b.totals) = (Array(a.columns.prefix(2)), [10, 20])
        try #require(a.columns.count == 3)
        let path = dir.appendingPathComponent("index.xlsx").path
        try YearIndexWriter().write([a, b], to: path, overwrite: false)
        let goals = try #require(try StoredNumbers.read(path).xml["基本目標別"])
        #expect(goals["C4"] == "2")  // policies of the goal
        #expect([goals["D4"], goals["E4"], goals["F4"]] == ["1010", "2020", "3000"])
        #expect([goals["D5"], goals["E5"], goals["F5"]] == ["1010", "2020", "3000"])  // the sum row
        // The other way round: the shorter list first.
        try YearIndexWriter().write([b, a].map { var s = $0; s.code = s.code == "512" ? "500" : s.code; return s },
                                    to: dir.appendingPathComponent("index2.xlsx").path, overwrite: false)
    }
}
