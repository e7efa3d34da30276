import Testing
import EvalSheetModel
import EvalSheetValidation
import TestSupport

/// The year's rules over shared projects keep each occurrence as a few small numbers: a project
/// shared by sheets hundreds apart, on a row past the hundredth, is still found at its sheet and row.
@Suite("Shared projects far apart")
struct SharedProjectsFarApartTests {
    @Test("a mismatch between the first and the 300th sheet, on row 200 and 130, is placed there")
    func farApart() throws {
        let base = RealYear.sheet("511")
        let project = try #require(base.projects.rows.first)
        var sheets: [EvaluationSheet] = []
        for n in 0..<300 {
            var s = base
            s.policy.code = "9\(n)"
            var rows: [Project] = []
            let count = n == 0 ? 201 : n == 299 ? 131 : 3
            for r in 0..<count {
                var p = project
                p.code = "P\(n)-\(r)"
                rows.append(p)
            }
            s.projects.rows = rows
            sheets.append(s)
        }
        sheets[0].projects.rows[200].code = "SHARED"
        sheets[299].projects.rows[130].code = "SHARED"
        sheets[150].projects.rows[2].code = "SHARED"
        sheets[299].projects.rows[130].name = project.name + "(別名)"
        let hits = SharedProjectRule().check(sheets, template: .standard)
        #expect(hits.count == 1)
        #expect(hits.first?.sheetIndex == 299)
        #expect(hits.first?.hit.path == .project(130, .name))
        let plan = sheets.indices.map { i in
            var s = sheets[i]
            if i == 150 { s.projects.rows[2].inExecutionPlan.toggle() }
            return s
        }
        let planHits = ExecutionPlanRule().check(plan, template: .standard)
        #expect(planHits.map(\.sheetIndex) == [150])
        #expect(planHits.first?.hit.path == .project(2, .executionPlan))
    }
}
