import EvalSheetModel
import EvalSheetForm

/// `indicators.rate` (error): a printed 達成率 equals 実績値 ÷ 目標値 × 100 (目標値 ÷ 実績値 for a
/// lower-is-better indicator), rounded half up to one decimal. Checked wherever the rate, the
/// target and the actual are all numbers; a divisor of 0 with a printed rate is an error too.
public struct AchievementRateRule: SheetRule {
    public let id = "indicators.rate", severity = Severity.error

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        var hits: [RuleHit] = []
        let table = sheet.indicators
        for (i, item) in table.items.enumerated() {
            for c in item.rates.indices {
                guard let rate = item.rates[c].number,
                      let target = item.targets[safe: c]?.number,
                      let actual = item.actuals[safe: c]?.number else { continue }
                let values = Values(year: Wording.indicatorYear(table, c), rate: rate, target: target, actual: actual)
                if let hit = Self.hit(item, values, at: .indicator(i, .rate(c)), template.labels) { hits.append(hit) }
            }
        }
        return hits
    }

    /// The printed values of one year of an indicator.
    private struct Values {
        var year: (ja: String, en: String)
        var rate, target, actual: PrintedNumber
    }

    /// The hit for one printed rate; nil when it matches the computed one.
    private static func hit(_ item: Indicator, _ v: Values, at path: FieldPath, _ l: FormTemplate.Labels) -> RuleHit? {
        let (rate, target, actual, year) = (v.rate, v.target, v.actual, v.year)
        let lower = item.direction == .lowerIsBetter
        let formula = lower ? "\(l.target) \(target.text) ÷ \(l.actual) \(actual.text)、\(l.direction(.lowerIsBetter))指標"
                            : "\(l.actual) \(actual.text) ÷ \(l.target) \(target.text)"
        let formulaEN = lower ? "target \(target.text) ÷ actual \(actual.text), lower is better"
                              : "actual \(actual.text) ÷ target \(target.text)"
        guard let computed = AchievementRate.percent(actual: actual.value, target: target.value,
                                                     direction: item.direction) else {
            return RuleHit(path,
                ja: "\(Wording.indicator(item)) の\(l.rate)(\(year.ja))を計算できません(\(lower ? l.actual : l.target)が 0): 表示 \(rate.text)",
                en: "\(Wording.indicatorEN(item)): the rate for \(year.en) cannot be computed (\(lower ? "actual" : "target") is 0), printed \(rate.text)")
        }
        guard computed != rate.value else { return nil }
        var ja = "\(Wording.indicator(item)) の\(l.rate)(\(year.ja))が計算と一致しません: 表示 \(rate.text) / 計算 \(Wording.percent(computed))(\(formula))"
        var en = "\(Wording.indicatorEN(item)): the rate for \(year.en) does not match: printed \(rate.text), computed \(Wording.percent(computed)) (\(formulaEN))"
        let other: IndicatorDirection = lower ? .higherIsBetter : .lowerIsBetter
        if AchievementRate.percent(actual: actual.value, target: target.value, direction: other) == rate.value {
            ja += "。\(lower ? "\(l.actual) ÷ \(l.target)" : "\(l.target) ÷ \(l.actual)")なら一致します(\(l.indicatorDirection): \(l.direction(other)))"
            en += "; it matches if the indicator is \(lower ? "higher" : "lower")-is-better"
        }
        return RuleHit(path, ja: ja, en: en)
    }
}
