import EvalSheetModel
import EvalSheetForm

/// Compares two versions of one policy's sheet field by field.
///
/// Changes come in section order (1 → 7). Rows are matched by key, not position: projects by
/// code, indicators and challenges by number, directions by number, factors by category and
/// occurrence, 関係課 by name. A row only on one side is one `added` / `removed` change; shared
/// rows in another order are one `reordered` change. Money columns are matched by their label
/// and indicator values by year. Each change is located in the new source (the old one for a
/// removed row), so a workbook compared with its text original points at cells. Sections, rows
/// and fields are named as the given template labels them (the default form's unless told).
public enum SheetDiff {
    /// Every difference between `old` and `new`; empty when they print the same.
    public static func diff(old: LoadedSheet, new: LoadedSheet, template: FormTemplate = .standard) -> [Change] {
        var b = DiffBuilder(old: old, new: new, template: template)
        b.basicInformation()
        b.directions()
        b.projects()
        b.indicators()
        b.evaluation()
        b.environment()
        b.challenges()
        return b.changes
    }
}
