import EvalSheetForm

/// The template's label for each case of a row or column enum (`ProjectColumn`, `IndicatorRow`, …)
/// and its label key, read once from the template: a key path read per cell is slow, and the
/// readers ask for the same labels on every line.
struct LabelTable<Case: Hashable & CaseIterable>: Sendable where Case: Sendable {
    /// Each case with its label and key, in `allCases` order (a few cases: a scan is cheapest).
    private let entries: [(case: Case, label: String, key: String)]

    init(_ template: FormTemplate.Labels, _ path: (Case) -> KeyPath<FormTemplate.Labels, String>) {
        entries = Case.allCases.map { c in
            let label = template[keyPath: path(c)]
            return (c, label, Label.key(label))
        }
    }

    private func entry(_ c: Case) -> (case: Case, label: String, key: String) {
        entries.first { $0.case == c }!
    }

    /// The label as the template prints it.
    subscript(_ c: Case) -> String { entry(c).label }

    /// The label's key (`Label.key`).
    func key(_ c: Case) -> String { entry(c).key }

    /// The first case, in `allCases` order, whose label key is `key`.
    func first(withKey key: String) -> Case? { entries.first { $0.key == key }?.case }
}
