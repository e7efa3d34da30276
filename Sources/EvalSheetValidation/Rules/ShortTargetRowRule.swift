import EvalSheetModel
import EvalSheetForm

/// `indicators.short-target-row` (warning): an indicator's 目標値 row ends in blanks while earlier
/// years are filled — the row is shorter than the year header (521 prints 4 targets for 5 years).
/// One hit per indicator, on the last year's target.
public struct ShortTargetRowRule: SheetRule {
    public let id = "indicators.short-target-row", severity = Severity.warning

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        let table = sheet.indicators
        let columns = table.years.count
        return table.items.enumerated().compactMap { i, item in
            guard columns > 0, item.targets.count == columns,
                  let lastFilled = item.targets.lastIndex(where: { !$0.isBlank }),
                  lastFilled < columns - 1 else { return nil }
            let missing = (lastFilled + 1..<columns).map { Wording.indicatorYear(table, $0) }
            return RuleHit(.indicator(i, .target(columns - 1)),
                ja: "\(Wording.indicator(item)) の\(template.labels.target)が \(lastFilled + 1) 年度分しかありません(\(missing.map(\.ja).joined(separator: "、"))が空欄)",
                en: "\(Wording.indicatorEN(item)) has targets for only \(lastFilled + 1) of \(columns) years (\(missing.map(\.en).joined(separator: ", ")) blank)")
        }
    }
}
