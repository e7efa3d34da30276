import EvalSheetModel
import EvalSheetForm

/// `challenges.related-project-unknown` (warning): each §7 関連する事務事業名 is the name of a
/// §3 project of some sheet of the same year (all sheets validated together; spaces ignored).
/// One hit per unknown name, with the closest known name as a hint.
public struct RelatedProjectRule: YearRule {
    public let id = "challenges.related-project-unknown", severity = Severity.warning
    public let reads: SheetParts = [.projects, .relatedProjects]

    public init() {}

    public func check(_ sheets: [EvaluationSheet], template: FormTemplate) -> [YearRuleHit] {
        var names: [String] = []
        var known: Set<String> = []
        for sheet in sheets {
            for p in sheet.projects.rows where known.insert(p.name.withoutSpaces()).inserted {
                names.append(p.name)
            }
        }
        var hits: [YearRuleHit] = []
        for (s, sheet) in sheets.enumerated() {
            for (i, challenge) in sheet.challenges.enumerated() {
                for (k, name) in challenge.relatedProjects.enumerated()
                where !name.trimmedSpaces().isEmpty && !known.contains(name.withoutSpaces()) {
                    let hint = SimilarName.nearest(to: name, in: names)
                    let number = CircledNumber.text(challenge.number)
                    hits.append((s, RuleHit(.challenge(i, .relatedProject(k)),
                        ja: "課題\(number) の\(template.labels.relatedProjects)「\(name)」が、\(Wording.year(sheet.fiscalYear))のどの施策の\(template.sectionName(3))にもありません"
                            + (hint.map { "(似た名前: \($0))" } ?? ""),
                        en: "challenge \(number): related project \"\(name)\" is not a project (§3) of any policy of \(Wording.yearEN(sheet.fiscalYear))"
                            + (hint.map { " (similar: \($0))" } ?? ""))))
                }
            }
        }
        return hits
    }
}
