import EvalSheetModel
import EvalSheetForm

/// `projects.code-unique` (error): no project No. appears twice in one policy's §3.
/// The hit is on the later row and names the earlier one.
public struct ProjectCodeUniqueRule: SheetRule {
    public let id = "projects.code-unique", severity = Severity.error

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        var first: [String: Int] = [:]
        var hits: [RuleHit] = []
        for (i, p) in sheet.projects.rows.enumerated() {
            guard let j = first[p.code] else {
                first[p.code] = i
                continue
            }
            let earlier = sheet.projects.rows[j]
            hits.append(RuleHit(.project(i, .code),
                ja: "事業番号 \(p.code.quotedInMessage()) が\(template.sectionName(3))の中で重複しています(\(j + 1)番目の「\(earlier.name.quotedInMessage())」と\(i + 1)番目の「\(p.name.quotedInMessage())」)",
                en: "project number \(p.code.quotedInMessage()) appears twice in §3 (projects #\(j + 1) \"\(earlier.name.quotedInMessage())\" and #\(i + 1) \"\(p.name.quotedInMessage())\")"))
        }
        return hits
    }
}
