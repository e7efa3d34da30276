/// Conversion between Gregorian fiscal years (the model's integers) and the Japanese era
/// names the city prints (`令和元年度`, `平成30年度`).
///
/// A fiscal year (年度) starts in April and is named after the Gregorian year it starts in:
/// 2019 is 令和元年度, 2018 is 平成30年度. The model stores the Gregorian integer; text and
/// workbooks show the era form.
public enum JapaneseEra: String, CaseIterable, Sendable {
    case reiwa = "令和"
    case heisei = "平成"
    case showa = "昭和"

    /// The Gregorian year of the era's first (元) year.
    public var firstYear: Int {
        switch self {
        case .reiwa: 2019
        case .heisei: 1989
        case .showa: 1926
        }
    }

    /// The era a fiscal year is printed in (the era current at the year's end of April).
    public static func era(for fiscalYear: Int) -> JapaneseEra? {
        allCases.first { fiscalYear >= $0.firstYear }
    }
}

/// Formatting and parsing of fiscal years in the Japanese era.
public enum FiscalYearText {
    /// `2019` → `令和元年度`, `2018` → `平成30年度`, `2022` → `令和4年度`.
    public static func japanese(_ fiscalYear: Int) -> String {
        eraYear(fiscalYear) + "年度"
    }

    /// `2019` → `令和元`, `2020` → `令和2`: the era and its year number without `年度`.
    public static func eraYear(_ fiscalYear: Int) -> String {
        guard let era = JapaneseEra.era(for: fiscalYear) else { return String(fiscalYear) }
        let n = fiscalYear - era.firstYear + 1
        return era.rawValue + (n == 1 ? "元" : String(n))
    }

    /// Parses `令和元年度`, `令和1年度`, `令和元 年度`, `平成30年度`, `令和２年度` (full-width digits),
    /// and also a bare `2019年度`. Spaces are ignored. Returns the Gregorian fiscal year.
    /// The `年度` suffix is optional when `requireSuffix` is false (`令和元` → 2019).
    public static func parse(_ text: some StringProtocol, requireSuffix: Bool = true) -> Int? {
        if text.hasOnlySimpleCharacters { return parse(simple: text, requireSuffix: requireSuffix) }
        return parse(characters: text, requireSuffix: requireSuffix)
    }

    /// `parse` on characters: the definition, for any text.
    static func parse(characters text: some StringProtocol, requireSuffix: Bool) -> Int? {
        var s = Substring(String(text.filter { $0 != " " && $0 != "\u{3000}" }))
        if s.hasSuffix("年度") {
            s = s.dropLast(2)
        } else if requireSuffix {
            return nil
        }
        for era in JapaneseEra.allCases where s.hasPrefix(era.rawValue) {
            let rest = s.dropFirst(era.rawValue.count)
            if rest == "元" { return era.firstYear }
            guard let n = parseDigits(rest), n >= 1, n <= 99 else { return nil }
            return era.firstYear + n - 1
        }
        if let n = parseDigits(s), n >= 1900, n <= 2999 { return n }
        return nil
    }

    /// `parse` for a text whose characters are single scalars in NFC (`hasOnlySimpleCharacters`):
    /// the same steps on UTF-8 bytes, where comparing bytes is comparing characters.
    private static func parse(simple text: some StringProtocol, requireSuffix: Bool) -> Int? {
        var s = Array(text.utf8)
        if s.contains(0x20) || s.contains(0xE3) {
            var kept = String.UnicodeScalarView()
            kept.append(contentsOf: text.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" })
            s = Array(String(kept).utf8)
        }
        let suffix = "年度".utf8
        var end = s.count
        if s.count >= suffix.count, s[(s.count - suffix.count)...].elementsEqual(suffix) {
            end -= suffix.count
        } else if requireSuffix {
            return nil
        }
        let body = s[..<end]
        for era in JapaneseEra.allCases where body.starts(with: era.rawValue.utf8) {
            let rest = body.dropFirst(era.rawValue.utf8.count)
            if rest.elementsEqual("元".utf8) { return era.firstYear }
            guard let n = parseDigits(String(decoding: rest, as: UTF8.self)), n >= 1, n <= 99 else { return nil }
            return era.firstYear + n - 1
        }
        if let n = parseDigits(String(decoding: body, as: UTF8.self)), n >= 1900, n <= 2999 { return n }
        return nil
    }

    /// Parses ASCII or full-width decimal digits (`12`, `１２`); nil for anything else.
    public static func parseDigits(_ s: some StringProtocol) -> Int? {
        guard !s.isEmpty, s.count <= 6 else { return nil }
        var n = 0
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: n = n * 10 + Int(scalar.value - 0x30)
            case 0xFF10...0xFF19: n = n * 10 + Int(scalar.value - 0xFF10)
            default: return nil
            }
        }
        return n
    }
}
