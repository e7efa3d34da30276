import EvalSheetModel
import EvalSheetForm

/// `year.project-mismatch` (error): a project that several policies of one year list has the
/// same 事務事業名, 担当課 and amounts (per money column, blank ≠ 0) in all of them.
///
/// For each field the value most policies print is taken as the reference (a tie goes to the
/// policy listed first); one hit per policy and field that differs, naming the policies that
/// print the reference. 施策の方向性 may differ (directions are per policy), and the 実行計画
/// flag is `year.execution-plan-mismatch`'s business.
public struct SharedProjectRule: YearRule {
    public let id = "year.project-mismatch", severity = Severity.error
    public let reads: SheetParts = [.projects]

    public init() {}

    public func check(_ sheets: [EvaluationSheet], template: FormTemplate) -> [YearRuleHit] {
        checkByStreaming(sheets, template: template)
    }

    public func stream() -> any YearRuleStream {
        SharedProjectsStream { code, occ, template in SharedProjectRule.hits(code, occ, template: template) }
    }

    /// The hits of one shared project, field by field.
    private static func hits(_ code: String, _ occ: [SharedProjects.Occurrence], template: FormTemplate) -> [YearRuleHit] {
        let l = template.labels
        var hits: [YearRuleHit] = []
        func compare<Value: Hashable>(_ subset: [SharedProjects.Occurrence], _ value: (SharedProjects.Occurrence) -> Value,
                                      path: (SharedProjects.Occurrence) -> FieldPath,
                                      message: (SharedProjects.Occurrence, Value, Value, [String]) -> LocalizedMessage) {
            guard subset.count > 1 else { return }
            let reference = SharedProjects.reference(subset.map(value))
            let agreeing = subset.filter { value($0) == reference }.map(\.policy)
            for o in subset where value(o) != reference {
                hits.append((o.sheet, RuleHit(path: path(o), message: message(o, value(o), reference, agreeing))))
            }
        }
        compare(occ, \.project.name, path: { .project($0.row, .name) }) { o, mine, ref, others in
            LocalizedMessage(
                ja: "事業 \(code) の\(l.projectName)が他の施策と異なります: この施策「\(mine.quotedInMessage())」/ 施策 \(Wording.policies(others)) では「\(ref.quotedInMessage())」",
                en: "project \(code) is named \"\(mine.quotedInMessage())\" here but \"\(ref.quotedInMessage())\" in \(Wording.policiesEN(others))")
        }
        compare(occ, \.project.section, path: { .project($0.row, .section) }) { o, mine, ref, others in
            LocalizedMessage(
                ja: "\(Wording.project(o.project)) の\(l.projectSection)が他の施策と異なります: この施策「\(mine.quotedInMessage())」/ 施策 \(Wording.policies(others)) では「\(ref.quotedInMessage())」",
                en: "\(Wording.projectEN(o.project)): \(l.projectSection) is \"\(mine.quotedInMessage())\" here but \"\(ref.quotedInMessage())\" in \(Wording.policiesEN(others))")
        }
        var columns: [MoneyColumn] = []
        for o in occ {
            for column in o.columns where !columns.contains(column) { columns.append(column) }
        }
        for column in columns {
            let subset = occ.filter { $0.columns.contains(column) }
            func index(_ o: SharedProjects.Occurrence) -> Int { o.columns.firstIndex(of: column) ?? 0 }
            func amount(_ o: SharedProjects.Occurrence) -> Int? { o.project.amounts[safe: index(o)] ?? nil }
            compare(subset, amount, path: { .project($0.row, .amount(index($0))) }) { o, mine, ref, others in
                LocalizedMessage(
                    ja: "\(Wording.project(o.project)) の\(column.label)が他の施策と異なります: この施策 \(Wording.amount(mine)) / 施策 \(Wording.policies(others)) では \(Wording.amount(ref))",
                    en: "\(Wording.projectEN(o.project)): \(column.label) is \(Wording.amount(mine, .en)) here but \(Wording.amount(ref, .en)) in \(Wording.policiesEN(others))")
            }
        }
        return hits
    }
}
