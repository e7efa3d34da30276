import EvalSheetModel

/// `indicators.footnote` (warning): the note under §4 (`※平成29年度実績値を記載`) is printed
/// exactly when some value carries the mark `(※)`. A missing note is reported on the first
/// marked value; a note without any mark on the note itself.
public struct FootnoteRule: SheetRule {
    public let id = "indicators.footnote"
    public let severity = Severity.warning

    public init() {}

    public func check(_ sheet: EvaluationSheet) -> [RuleHit] {
        let table = sheet.indicators
        let hasNote = !(table.footnote ?? "").trimmedSpaces().isEmpty
        if table.hasFootnoteMark, !hasNote, let (path, item, label, labelEN, value) = firstMark(table) {
            return [RuleHit(path,
                ja: "\(Wording.indicator(item)) の\(label)「\(value)」に(※)が付いていますが、表の下に注記(※…)がありません",
                en: "\(Wording.indicatorEN(item)): the \(labelEN), \(value), carries (※) but no note (※…) is printed under the table")]
        }
        if !table.hasFootnoteMark, hasNote, let note = table.footnote {
            return [RuleHit(.indicatorFootnote,
                ja: "注記「\(note)」がありますが、(※)の付いた値がありません",
                en: "the note \"\(note)\" is printed but no value carries (※)")]
        }
        return []
    }

    private func firstMark(_ table: IndicatorTable) -> (FieldPath, Indicator, String, String, String)? {
        for (i, item) in table.items.enumerated() {
            let rows: [(String, String, [IndicatorValue], (Int) -> FieldPath.IndicatorField)] = [
                ("目標値", "target", item.targets, { .target($0) }),
                ("実績値", "actual", item.actuals, { .actual($0) }),
                ("達成率", "rate", item.rates, { .rate($0) }),
            ]
            for (label, labelEN, values, field) in rows {
                if let c = values.firstIndex(where: { $0.number?.footnote == true }) {
                    let year = Wording.indicatorYear(table, c)
                    return (.indicator(i, field(c)), item, "\(label)(\(year.ja))", "\(labelEN) for \(year.en)", values[c].text)
                }
            }
        }
        return nil
    }
}
