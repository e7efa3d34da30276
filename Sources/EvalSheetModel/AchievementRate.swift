import Foundation

/// 達成率: actual ÷ target × 100 (target ÷ actual for lower-is-better indicators),
/// rounded half up to one decimal, as the city prints it.
public enum AchievementRate {
    /// The rate in percent with one decimal, or nil when the divisor is 0.
    public static func percent(actual: Decimal, target: Decimal, direction: IndicatorDirection) -> Decimal? {
        let (num, den) = direction == .higherIsBetter ? (actual, target) : (target, actual)
        guard den != 0 else { return nil }
        var q = num * 100 / den
        var rounded = Decimal()
        NSDecimalRound(&rounded, &q, 1, .plain)
        return rounded
    }
}
