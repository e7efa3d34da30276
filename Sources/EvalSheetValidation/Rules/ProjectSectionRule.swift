import EvalSheetModel
import EvalSheetForm

/// `projects.section-unknown` (warning): a project's 担当課 is the policy's 担当課 or one of its
/// 関係課. A close spelling among them is suggested (`監査委員事務局` → `監査委員会事務局`).
public struct ProjectSectionRule: SheetRule {
    public let id = "projects.section-unknown", severity = Severity.warning

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        let l = template.labels
        let org = sheet.organization
        let known = [org.section] + org.relatedSections
        return sheet.projects.rows.enumerated().compactMap { i, p in
            guard !known.contains(p.section) else { return nil }
            let hint = SimilarName.nearest(to: p.section, in: known)
            return RuleHit(.project(i, .section),
                ja: "\(Wording.project(p)) の\(l.projectSection)「\(p.section.quotedInMessage())」が、施策の\(l.section)(\(org.section.quotedInMessage()))にも\(l.relatedSections)にもありません"
                    + (hint.map { "(似た名前: \($0.quotedInMessage()))" } ?? ""),
                en: "\(Wording.projectEN(p)): \(l.projectSection) \"\(p.section.quotedInMessage())\" is neither the policy's section (\(org.section.quotedInMessage())) nor one of its related sections (\(l.relatedSections))"
                    + (hint.map { " (similar: \($0.quotedInMessage()))" } ?? ""))
        }
    }
}
