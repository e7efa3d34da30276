import EvalSheetModel
import EvalSheetForm

/// `indicators.rate-presence` (warning): a 達成率 is printed exactly where it can be computed —
/// where both the 目標値 and the 実績値 of that year are numbers. A rate next to a `—` or blank
/// target or actual, or no rate (blank or `—`) next to two numbers, is reported.
public struct RatePresenceRule: SheetRule {
    public let id = "indicators.rate-presence", severity = Severity.warning

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        let l = template.labels
        var hits: [RuleHit] = []
        let table = sheet.indicators
        for (i, item) in table.items.enumerated() {
            for c in item.rates.indices {
                let target = item.targets[safe: c] ?? .blank
                let actual = item.actuals[safe: c] ?? .blank
                let rate = item.rates[c]
                let year = Wording.indicatorYear(table, c)
                let computable = target.number != nil && actual.number != nil
                if let printed = rate.number, !computable {
                    hits.append(RuleHit(.indicator(i, .rate(c)),
                        ja: "\(Wording.indicator(item)) の\(l.rate)(\(year.ja))が表示されていますが、\(l.target)または\(l.actual)が数値ではありません: \(l.rate) \(printed.text)、\(l.target) \(Wording.value(target))、\(l.actual) \(Wording.value(actual))",
                        en: "\(Wording.indicatorEN(item)): a rate is printed for \(year.en) but the target or the actual is not a number: rate \(printed.text), target \(Wording.value(target, .en)), actual \(Wording.value(actual, .en))"))
                } else if rate.number == nil, computable, let t = target.number, let a = actual.number {
                    let expected = AchievementRate.percent(actual: a.value, target: t.value, direction: item.direction)
                        .map { "(計算すると \(Wording.percent($0)))" } ?? ""
                    let expectedEN = AchievementRate.percent(actual: a.value, target: t.value, direction: item.direction)
                        .map { " (computed: \(Wording.percent($0)))" } ?? ""
                    hits.append(RuleHit(.indicator(i, .rate(c)),
                        ja: "\(Wording.indicator(item)) の\(l.rate)(\(year.ja))が\(rate.isBlank ? "空欄" : "「—」")です: \(l.target) \(t.text)、\(l.actual) \(a.text)\(expected)",
                        en: "\(Wording.indicatorEN(item)): no rate for \(year.en) although target \(t.text) and actual \(a.text) are numbers\(expectedEN)"))
                }
            }
        }
        return hits
    }
}
