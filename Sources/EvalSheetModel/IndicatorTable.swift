/// §4 まちづくり指標: the year columns (from the sheet's own header), the indicators and the
/// footnote printed under the table.
public struct IndicatorTable: Hashable, Sendable, Codable {
    /// The fiscal years of the value columns, e.g. [2018, 2019, 2020, 2022, 2025].
    public var years: [Int]
    /// The indicators, numbered ①, ②, … in order.
    public var items: [Indicator]
    /// The note under the table, e.g. `※平成29年度実績値を記載`; nil when none is printed.
    public var footnote: String?

    public init(years: [Int], items: [Indicator], footnote: String?) {
        self.years = years
        self.items = items
        self.footnote = footnote
    }

    /// Whether some value carries the footnote mark `(※)`.
    public var hasFootnoteMark: Bool {
        items.contains { item in
            (item.targets + item.actuals + item.rates).contains { $0.number?.footnote == true }
        }
    }
}

/// One まちづくり指標 with its three value rows, each with one value per year column.
public struct Indicator: Hashable, Sendable, Codable {
    /// The circled number (① = 1).
    public var number: Int
    /// 名称.
    public var name: String
    /// 説明; nil when blank.
    public var description: String?
    /// 単位, e.g. `%`, `件`, or `—` (dimensionless: here the dash is a unit, not "n/a").
    public var unit: String
    /// 抽出方法; nil when blank.
    public var method: String?
    /// 目標値 per year column.
    public var targets: [IndicatorValue]
    /// 実績値 per year column.
    public var actuals: [IndicatorValue]
    /// 達成率 per year column (printed percentages).
    public var rates: [IndicatorValue]
    /// Whether a higher actual is better (rate = actual ÷ target) or a lower one (target ÷ actual).
    /// The sheet does not print it: the text reader infers it from the printed rates.
    public var direction: IndicatorDirection

    public init(number: Int, name: String, description: String?, unit: String, method: String?,
                targets: [IndicatorValue], actuals: [IndicatorValue], rates: [IndicatorValue],
                direction: IndicatorDirection = .higherIsBetter) {
        self.number = number
        self.name = name
        self.description = description
        self.unit = unit
        self.method = method
        self.targets = targets
        self.actuals = actuals
        self.rates = rates
        self.direction = direction
    }
}

/// Which way an indicator improves.
public enum IndicatorDirection: String, Hashable, Sendable, Codable, CaseIterable {
    /// 達成率 = 実績値 ÷ 目標値 (most indicators).
    case higherIsBetter
    /// 達成率 = 目標値 ÷ 実績値 (e.g. 経常収支比率).
    case lowerIsBetter
}

/// Circled numbers ①…⑳ as the sheets print them.
public enum CircledNumber {
    /// `1` → `①`; numbers outside 1…20 print as `(n)`.
    public static func text(_ n: Int) -> String {
        guard (1...20).contains(n) else { return "(\(n))" }
        return String(Unicode.Scalar(0x2460 + UInt32(n - 1))!)
    }

    /// `①` → 1; nil for anything else.
    public static func parse(_ s: some StringProtocol) -> Int? {
        var scalars = s.trimmedSpaces().unicodeScalars.makeIterator()
        guard let only = scalars.next(), scalars.next() == nil, (0x2460...0x2473).contains(only.value) else { return nil }
        return Int(only.value - 0x2460) + 1
    }
}
