import EvalSheetModel
import EvalSheetForm

/// `indicators.footnote` (warning): the note under §4 (`※平成29年度実績値を記載`) is printed
/// exactly when some value carries the mark `(※)`. A missing note is reported on the first
/// marked value; a note without any mark on the note itself.
public struct FootnoteRule: SheetRule {
    public let id = "indicators.footnote", severity = Severity.warning

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        let table = sheet.indicators
        let hasNote = !(table.footnote ?? "").trimmedSpaces().isEmpty
        if table.hasFootnoteMark, !hasNote, let (path, item, label, labelEN, value) = firstMark(table, template.labels) {
            return [RuleHit(path,
                ja: "\(Wording.indicator(item)) の\(label)「\(value.quotedInMessage())」に(※)が付いていますが、表の下に注記(※…)がありません",
                en: "\(Wording.indicatorEN(item)): the \(labelEN), \(value.quotedInMessage()), carries (※) but no note (※…) is printed under the table")]
        }
        if !table.hasFootnoteMark, hasNote, let note = table.footnote {
            return [RuleHit(.indicatorFootnote,
                ja: "注記「\(note.quotedInMessage())」がありますが、(※)の付いた値がありません",
                en: "the note \"\(note.quotedInMessage())\" is printed but no value carries (※)")]
        }
        return []
    }

    private func firstMark(_ table: IndicatorTable, _ labels: FormTemplate.Labels) -> (FieldPath, Indicator, String, String, String)? {
        for (i, item) in table.items.enumerated() {
            for row in IndicatorValueRow.all(labels) {
                let values = item[keyPath: row.values]
                if let c = values.firstIndex(where: { $0.number?.footnote == true }) {
                    let year = Wording.indicatorYear(table, c)
                    return (.indicator(i, row.field(c)), item, "\(row.label)(\(year.ja))", "\(row.english) for \(year.en)", values[c].text)
                }
            }
        }
        return nil
    }
}
