import EvalSheetModel
import EvalSheetForm

/// `environment.assessment` (error): each §6 外部要因に対する評価 holds at least one assessment;
/// each code is 1, 2 or 3 with the form's label for that code; codes are ascending without
/// duplicates. One hit per wrong assessment, plus one per row for emptiness or order.
public struct AssessmentRule: SheetRule {
    public let id = "environment.assessment", severity = Severity.error

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        let l = template.labels
        var hits: [RuleHit] = []
        for (i, factor) in sheet.environment.enumerated() {
            let row = Wording.factorRow(sheet.environment, i)
            let path = FieldPath.factor(i, .assessments)
            let subject = "\(l.factor)「\(row.quotedInMessage())」の\(l.assessment)"
            let subjectEN = "external factor \"\(row.quotedInMessage())\""
            if factor.assessments.isEmpty {
                hits.append(RuleHit(path, ja: "\(subject)が空欄です", en: "\(subjectEN): the assessment (\(l.assessment)) is blank"))
                continue
            }
            for a in factor.assessments {
                if let label = Assessment.labels[a.code] {
                    if !a.labelMatchesCode {
                        hits.append(RuleHit(path,
                            ja: "\(subject)「\(a.text.quotedInMessage())」の文言が、番号 \(a.code) の「\(label)」と一致しません",
                            en: "\(subjectEN): assessment \"\(a.text.quotedInMessage())\" does not carry the label of code \(a.code), \"\(label)\""))
                    }
                } else {
                    hits.append(RuleHit(path,
                        ja: "\(subject)「\(a.text.quotedInMessage())」の番号 \(a.code) は 1〜3 のいずれでもありません",
                        en: "\(subjectEN): assessment \"\(a.text.quotedInMessage())\" has code \(a.code), which is not 1, 2 or 3"))
                }
            }
            let codes = factor.assessments.map(\.code)
            if zip(codes, codes.dropFirst()).contains(where: { $0 >= $1 }) {
                let list = codes.map(String.init).joined(separator: ", ")
                hits.append(RuleHit(path,
                    ja: "\(subject)が番号の小さい順(重複なし)になっていません: \(list)",
                    en: "\(subjectEN): the assessments are not in ascending order without repeats: \(list)"))
            }
        }
        return hits
    }
}
