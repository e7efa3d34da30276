import EvalSheetModel
import EvalSheetForm

/// `directions.unused` (warning): each §2 施策の方向性 is served by at least one §3 project.
public struct UnusedDirectionRule: SheetRule {
    public let id = "directions.unused", severity = Severity.warning

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        let used = Set(sheet.projects.rows.flatMap(\.directions))
        return sheet.directions.enumerated().compactMap { k, d in
            guard !used.contains(d.number) else { return nil }
            return RuleHit(.direction(k, .number),
                ja: "\(template.labels.directions) \(d.number)「\(d.text.quotedInMessage())」に該当する\(template.sectionName(3))がありません",
                en: "no project in §3 serves direction \(d.number) (\"\(d.text.quotedInMessage())\")")
        }
    }
}
