import Foundation
import EvalSheetModel

/// Whether a printed 達成率 is what `AchievementRate.percent` gives for an actual and a target —
/// on integers where the values are small and not negative: rate × 10 = actual × 1000 ÷ target
/// rounded half up, exact (the quotient's `Decimal` digits decide the same rounding: no run of nines
/// in a quotient of integers below 2^63 is long enough to reach 38 digits). `Decimal` answers for
/// anything else (negative values, long significands, products that do not fit in 64 bits).
enum PrintedRateCheck {
    static func matches(_ rate: Decimal, actual: Decimal, target: Decimal, _ direction: IndicatorDirection) -> Bool {
        let (num, den) = direction == .higherIsBetter ? (actual, target) : (target, actual)
        if let answer = integerMatch(rate: rate, num: num, den: den) { return answer }
        return AchievementRate.percent(actual: actual, target: target, direction: direction) == rate
    }

    /// rate == round(num × 100 ÷ den, 1 place, half up) on integers; nil when they cannot settle it.
    static func integerMatch(rate: Decimal, num: Decimal, den: Decimal) -> Bool? {
        guard let r = PrintedNumber.smallParts(rate), let n = PrintedNumber.smallParts(num),
              let d = PrintedNumber.smallParts(den), !n.negative, !d.negative else { return nil }
        if d.significand == 0 { return false }  // no rate: `percent` is nil
        if r.negative { return r.significand == 0 ? nil : false }  // a rate below zero is never given here
        // R = round(n × 10^(k) ÷ d, half up) with k = n.exp − d.exp + 3: ten times the rate.
        let k = n.exponent - d.exponent + 3
        guard abs(k) <= 18 else { return nil }
        var top = n.significand, bottom = d.significand
        if k >= 0 { guard let t = scaled(top, k) else { return nil }; top = t } else {
            guard let b = scaled(bottom, -k) else { return nil }; bottom = b
        }
        guard let twiceTop = scaled(top, 0, times: 2), let twiceBottom = scaled(bottom, 0, times: 2) else { return nil }
        let (sum, over) = twiceTop.addingReportingOverflow(bottom)
        guard !over else { return nil }
        let tenfold = sum / twiceBottom
        // Compare tenfold with r × 10^(r.exp + 1).
        let e = r.exponent + 1
        guard abs(e) <= 18 else { return nil }
        if e >= 0 {
            guard let rhs = scaled(r.significand, e) else { return nil }
            return tenfold == rhs
        }
        guard let lhs = scaled(tenfold, -e) else { return nil }
        return lhs == r.significand
    }

    /// value × 10^power × times, nil on overflow.
    private static func scaled(_ value: UInt64, _ power: Int, times: UInt64 = 1) -> UInt64? {
        var v = value.multipliedReportingOverflow(by: times)
        guard !v.overflow else { return nil }
        for _ in 0..<power {
            v = v.partialValue.multipliedReportingOverflow(by: 10)
            guard !v.overflow else { return nil }
        }
        return v.partialValue
    }
}
