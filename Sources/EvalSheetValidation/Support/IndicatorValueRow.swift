import EvalSheetModel
import EvalSheetForm

/// One of the three value rows of an indicator (目標値, 実績値, 達成率) as the template labels it:
/// its label, its English name, its values and the field of a value in a column.
struct IndicatorValueRow {
    var label: String
    var english: String
    var values: KeyPath<Indicator, [IndicatorValue]>
    var field: (Int) -> FieldPath.IndicatorField

    /// Target, actual and rate, in the form's order.
    static func all(_ l: FormTemplate.Labels) -> [IndicatorValueRow] {
        [
            IndicatorValueRow(label: l.target, english: "target", values: \.targets, field: { .target($0) }),
            IndicatorValueRow(label: l.actual, english: "actual", values: \.actuals, field: { .actual($0) }),
            IndicatorValueRow(label: l.rate, english: "rate", values: \.rates, field: { .rate($0) }),
        ]
    }
}
