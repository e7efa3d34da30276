import EvalSheetModel
import EvalSheetForm

/// `projects.total` (error): each printed 総事業費 equals the sum of the project rows in its
/// column, a blank amount counted as 0. A blank total while the rows hold money is an error too.
public struct ProjectTotalsRule: SheetRule {
    public let id = "projects.total", severity = Severity.error

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        let total = template.labels.totalName
        let table = sheet.projects
        let sums = table.computedTotals
        var hits: [RuleHit] = []
        for c in table.columns.indices where c < table.totals.count {
            let label = Wording.moneyColumn(table, c)
            let sum = sums[c]
            let anyMoney = table.rows.contains { c < $0.amounts.count && $0.amounts[c] != nil }
            switch table.totals[c] {
            case .none where anyMoney:
                hits.append(RuleHit(.projectTotal(c),
                    ja: "\(total)(\(label.ja))が空欄ですが、事業の合計は \(Wording.amount(sum)) です",
                    en: "the total (\(total)) for \(label.en) is blank, but the projects add up to \(Wording.amount(sum))"))
            case .some(let printed) where printed != sum:
                hits.append(RuleHit(.projectTotal(c),
                    ja: "\(total)(\(label.ja))が事業の合計と一致しません: 表示 \(Wording.amount(printed)) / 合計 \(Wording.amount(sum))",
                    en: "the total (\(total)) for \(label.en) does not equal the sum of the projects: printed \(Wording.amount(printed)), sum \(Wording.amount(sum))"))
            default:
                break
            }
        }
        return hits
    }
}
