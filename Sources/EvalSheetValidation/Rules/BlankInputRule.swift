import EvalSheetModel
import EvalSheetForm

/// `cycle.blank-input` (warning): on a sheet made by rollover (it carries last year's reference), the
/// inputs a department still has to fill: each project's 決算 for the evaluation year, each
/// indicator's 実績値 for the evaluation year, the 総合評価 and the 評価理由. One hit per blank cell.
public struct BlankInputRule: SheetRule {
    public let id = "cycle.blank-input", severity = Severity.warning

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        guard sheet.lastYear != nil else { return [] }
        let l = template.labels
        var hits: [RuleHit] = []
        let year = sheet.fiscalYear
        let settled = MoneyColumn(fiscalYear: year, kind: .settled)
        if let c = sheet.projects.columns.firstIndex(of: settled) {
            for (i, p) in sheet.projects.rows.enumerated() where (p.amounts[safe: c] ?? nil) == nil {
                hits.append(RuleHit(.project(i, .amount(c)),
                    ja: "事業 \(p.code) \(p.name) の\(settled.label)がまだ空欄です",
                    en: "project \(p.code) (\(p.name)): \(Wording.yearEN(year)) settled amount (\(settled.label)) is still blank"))
            }
        }
        if let c = sheet.indicators.years.firstIndex(of: year) {
            for (i, item) in sheet.indicators.items.enumerated() where (item.actuals[safe: c] ?? .blank) == .blank {
                hits.append(RuleHit(.indicator(i, .actual(c)),
                    ja: "\(Wording.indicator(item)) の\(FiscalYearText.japanese(year))の\(l.actual)がまだ空欄です",
                    en: "\(Wording.indicatorEN(item)): the actual for \(Wording.yearEN(year)) is still blank"))
            }
        }
        if sheet.evaluation.rating.rawValue.trimmedSpaces().isEmpty {
            hits.append(RuleHit(.rating, ja: "\(l.ratingName)がまだ空欄です", en: "the rating (\(l.ratingName)) is still blank"))
        }
        if sheet.evaluation.reason.trimmedSpaces().isEmpty {
            hits.append(RuleHit(.ratingReason, ja: "\(l.reasonHeader)がまだ空欄です", en: "the reason (\(l.reasonHeader)) is still blank"))
        }
        return hits
    }
}
