import EvalSheetModel
import EvalSheetForm

/// `projects.direction-undeclared` (error): every 施策の方向性 number a §3 project names is one
/// of the §2 directions. One hit per project and unknown number.
public struct UndeclaredDirectionRule: SheetRule {
    public let id = "projects.direction-undeclared", severity = Severity.error

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        let l = template.labels
        let declared = sheet.directions.map(\.number)
        let list = declared.map(String.init).joined(separator: ", ")
        var hits: [RuleHit] = []
        for (i, p) in sheet.projects.rows.enumerated() {
            for n in p.directions where !declared.contains(n) {
                hits.append(RuleHit(.project(i, .directions),
                    ja: "\(Wording.project(p)) の\(l.projectDirections) \(n) は「\(template.sheets.directions.title)」にありません(\(l.directions): \(list))",
                    en: "\(Wording.projectEN(p)) names direction \(n), which §2 does not declare (directions: \(list))"))
            }
        }
        return hits
    }
}
