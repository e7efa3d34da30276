import EvalSheetModel
import EvalSheetForm

/// `indicators.years` (error): the year header of §4 names each year once, in ascending order.
/// A repeated year (`令和4年度` twice) or one out of order makes the k-th value of every indicator
/// ambiguous, so it is reported at the repeated header cell; the values are kept as typed.
public struct IndicatorYearsRule: SheetRule {
    public let id = "indicators.years", severity = Severity.error

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        let section = template.sectionName(4)
        let years = sheet.indicators.years
        var hits: [RuleHit] = []
        for c in years.indices.dropFirst() {
            let year = years[c]
            if let first = years[..<c].firstIndex(of: year) {
                hits.append(RuleHit(.indicatorYear(c),
                    ja: "\(section)の年度見出しで\(Wording.year(year))が2回あります(\(first + 1)番目と\(c + 1)番目)。どちらの年度の値か決まりません",
                    en: "\(section): the year header names \(Wording.yearEN(year)) twice (year columns \(first + 1) and \(c + 1)); the values of that year are ambiguous"))
            } else if year < years[c - 1] {
                hits.append(RuleHit(.indicatorYear(c),
                    ja: "\(section)の年度見出しが年度順ではありません: \(Wording.year(years[c - 1]))の次に\(Wording.year(year))",
                    en: "\(section): the year header is not in order: \(Wording.yearEN(year)) after \(Wording.yearEN(years[c - 1]))"))
            }
        }
        return hits
    }
}
