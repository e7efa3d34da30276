import EvalSheetModel
import EvalSheetForm

/// `year.execution-plan-mismatch` (warning): a project that several policies of one year list
/// carries the same 実行計画 mark (`対象` or blank) in all of them.
///
/// One hit per project code, however many policies differ: it is on the first policy (in the
/// order given) whose mark differs from the one most policies print (a tie goes to the policy
/// listed first), and it names every policy on each side.
public struct ExecutionPlanRule: YearRule {
    public let id = "year.execution-plan-mismatch", severity = Severity.warning
    public let reads: SheetParts = [.projects]

    public init() {}

    public func check(_ sheets: [EvaluationSheet], template: FormTemplate) -> [YearRuleHit] {
        checkByStreaming(sheets, template: template)
    }

    public func stream() -> any YearRuleStream {
        SharedProjectsStream { _, occ, template in ExecutionPlanRule.hit(occ, template: template).map { [$0] } ?? [] }
    }

    /// The hit of one shared project, if its marks differ.
    private static func hit(_ occ: [SharedProjects.Occurrence], template: FormTemplate) -> YearRuleHit? {
        let reference = SharedProjects.reference(occ.map(\.project.inExecutionPlan))
        guard let first = occ.first(where: { $0.project.inExecutionPlan != reference }) else { return nil }
        let marked = occ.filter(\.project.inExecutionPlan).map(\.policy)
        let blank = occ.filter { !$0.project.inExecutionPlan }.map(\.policy)
        return (first.sheet, RuleHit(.project(first.row, .executionPlan),
            ja: "\(Wording.project(first.project)) の\(template.labels.executionPlan)が施策によって異なります: 「\(Project.executionPlanMark)」は施策 \(Wording.policies(marked))、空欄は施策 \(Wording.policies(blank))",
            en: "\(Wording.projectEN(first.project)): \(template.labels.executionPlan) differs between policies: \(Project.executionPlanMark) in \(Wording.policiesEN(marked)), blank in \(Wording.policiesEN(blank))"))
    }
}
