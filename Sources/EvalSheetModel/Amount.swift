/// The bound on money (千円) that every reader accepts and every writer writes — one bound, in one
/// place, so that export can never write what import refuses.
///
/// 999,999,999,999 千円 (just under 10^12 千円, i.e. 1,000 兆円) is far above any municipal figure
/// (the real data's largest is 3,065,316) and exactly representable as a Double, so a workbook cell
/// holds it without rounding. Sums of amounts use checked arithmetic and never trap.
public enum Amount {
    /// The largest amount any reader accepts: 999,999,999,999 千円.
    public static let maximum = 999_999_999_999
    /// Every amount a sheet may hold: 0 … `maximum`.
    public static let range: ClosedRange<Int> = 0...maximum

    /// Whether `value` is an amount a sheet may hold.
    public static func isValid(_ value: Int) -> Bool { range.contains(value) }

    /// The sum of the amounts, blank counted as 0; nil when it leaves `range` (or Int overflows).
    public static func sum(_ values: some Sequence<Int?>) -> Int? {
        var total = 0
        for v in values {
            guard let v else { continue }
            let (s, overflow) = total.addingReportingOverflow(v)
            guard !overflow, range.contains(s) else { return nil }
            total = s
        }
        return total
    }

    /// `999,999,999,999` — the bound as printed in messages.
    public static let maximumText: String = PrintedNumber.format(.init(maximum), fractionDigits: 0, grouped: true)
}
