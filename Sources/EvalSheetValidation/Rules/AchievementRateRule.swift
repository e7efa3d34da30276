import EvalSheetModel

/// `indicators.rate` (error): a printed 達成率 equals 実績値 ÷ 目標値 × 100 (目標値 ÷ 実績値 for a
/// lower-is-better indicator), rounded half up to one decimal. Checked wherever the rate, the
/// target and the actual are all numbers; a divisor of 0 with a printed rate is an error too.
public struct AchievementRateRule: SheetRule {
    public let id = "indicators.rate"
    public let severity = Severity.error

    public init() {}

    public func check(_ sheet: EvaluationSheet) -> [RuleHit] {
        var hits: [RuleHit] = []
        let table = sheet.indicators
        for (i, item) in table.items.enumerated() {
            for c in item.rates.indices {
                guard let rate = item.rates[c].number,
                      let target = item.targets[safe: c]?.number,
                      let actual = item.actuals[safe: c]?.number else { continue }
                let year = Wording.indicatorYear(table, c)
                let lower = item.direction == .lowerIsBetter
                let formula = lower ? "目標値 \(target.text) ÷ 実績値 \(actual.text)、低いほど良い指標"
                                    : "実績値 \(actual.text) ÷ 目標値 \(target.text)"
                let formulaEN = lower ? "target \(target.text) ÷ actual \(actual.text), lower is better"
                                      : "actual \(actual.text) ÷ target \(target.text)"
                guard let computed = AchievementRate.percent(actual: actual.value, target: target.value,
                                                             direction: item.direction) else {
                    hits.append(RuleHit(.indicator(i, .rate(c)),
                        ja: "\(Wording.indicator(item)) の達成率(\(year.ja))を計算できません(\(lower ? "実績値" : "目標値")が 0): 表示 \(rate.text)",
                        en: "\(Wording.indicatorEN(item)): the rate for \(year.en) cannot be computed (\(lower ? "actual" : "target") is 0), printed \(rate.text)"))
                    continue
                }
                guard computed != rate.value else { continue }
                var ja = "\(Wording.indicator(item)) の達成率(\(year.ja))が計算と一致しません: 表示 \(rate.text) / 計算 \(Wording.percent(computed))(\(formula))"
                var en = "\(Wording.indicatorEN(item)): the rate for \(year.en) does not match: printed \(rate.text), computed \(Wording.percent(computed)) (\(formulaEN))"
                let other: IndicatorDirection = lower ? .higherIsBetter : .lowerIsBetter
                if AchievementRate.percent(actual: actual.value, target: target.value, direction: other) == rate.value {
                    ja += "。\(lower ? "実績値 ÷ 目標値" : "目標値 ÷ 実績値")なら一致します(指標の向き: \(other.label))"
                    en += "; it matches if the indicator is \(lower ? "higher" : "lower")-is-better"
                }
                hits.append(RuleHit(.indicator(i, .rate(c)), ja: ja, en: en))
            }
        }
        return hits
    }
}
