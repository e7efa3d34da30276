import Foundation
import EvalSheetModel

/// The words findings and changes are built from besides the form's labels (which come from the
/// template, see `FormTemplate+Names.swift`): amounts as printed, years in the Japanese era, row
/// names (`事業 0102010801 計画行財政推進事業`, `指標①`).
enum Wording {
    /// `(空欄)` / `(blank)`: how a blank cell is shown.
    static let blankJA = "(空欄)"
    static let blankEN = "(blank)"

    /// `108,114`; nil (a blank cell) as `(空欄)`.
    static func amount(_ value: Int?, _ language: Language = .ja) -> String {
        guard let value else { return language == .ja ? blankJA : blankEN }
        return PrintedNumber.format(Decimal(value), fractionDigits: 0, grouped: true)
    }

    /// An indicator cell as printed; blank as `(空欄)`.
    static func value(_ value: IndicatorValue, _ language: Language = .ja) -> String {
        value.isBlank ? (language == .ja ? blankJA : blankEN) : value.text
    }

    /// A percentage with one decimal: `97.1%`.
    static func percent(_ value: Decimal) -> String {
        PrintedNumber.format(value, fractionDigits: 1, grouped: false) + "%"
    }

    /// `令和元年度`.
    static func year(_ fiscalYear: Int) -> String { FiscalYearText.japanese(fiscalYear) }

    /// `FY2019`.
    static func yearEN(_ fiscalYear: Int) -> String { "FY\(fiscalYear)" }

    /// `事業 0102010801 計画行財政推進事業`.
    static func project(_ p: Project) -> String { "事業 \(p.code.quotedInMessage()) \(p.name.quotedInMessage())" }

    /// `project 0102010801 (計画行財政推進事業)`.
    static func projectEN(_ p: Project) -> String { "project \(p.code.quotedInMessage()) (\(p.name.quotedInMessage()))" }

    /// `指標① 経常収支比率`.
    static func indicator(_ item: Indicator) -> String { "指標\(CircledNumber.text(item.number)) \(item.name.quotedInMessage())" }

    /// `indicator ① (経常収支比率)`.
    static func indicatorEN(_ item: Indicator) -> String { "indicator \(CircledNumber.text(item.number)) (\(item.name.quotedInMessage()))" }

    /// The year of an indicator column: `令和7年度` (or `5列目` when the header has no such column).
    static func indicatorYear(_ table: IndicatorTable, _ c: Int) -> (ja: String, en: String) {
        guard c < table.years.count else { return ("\(c + 1)列目", "column \(c + 1)") }
        return (year(table.years[c]), yearEN(table.years[c]))
    }

    /// The label of a money column: `令和元年度決算` (or `3列目`).
    static func moneyColumn(_ table: ProjectTable, _ c: Int) -> (ja: String, en: String) {
        guard c < table.columns.count else { return ("\(c + 1)列目", "column \(c + 1)") }
        let col = table.columns[c]
        return (col.label, "\(col.label) (FY\(col.fiscalYear) \(col.kind == .settled ? "settled" : "budget"))")
    }

    /// A §6 row by its category, with the ordinal when the category repeats: `その他`, `その他 2`.
    static func factorRow(_ factors: [ExternalFactor], _ i: Int) -> String {
        let category = factors[i].category
        let n = factors[..<i].filter { $0.category == category }.count + 1
        return n == 1 ? category : "\(category) \(n)"
    }

    /// Policy codes joined as the form would: `531・532・541`.
    static func policies(_ codes: [String]) -> String { codes.joined(separator: "・") }

    /// Policy codes in English: `policy 513`, `policies 531, 532, 541`.
    static func policiesEN(_ codes: [String]) -> String {
        (codes.count == 1 ? "policy " : "policies ") + codes.joined(separator: ", ")
    }
}
