import EvalSheetForm

/// The template's label for each case of a row or column enum (`ProjectColumn`, `IndicatorRow`, …)
/// and its label key, read once from the template: a key path read per cell is slow, and the
/// readers ask for the same labels on every line.
struct LabelTable<Case: Hashable & CaseIterable>: Sendable where Case: Sendable {
    private let labels: [Case: String]
    private let keys: [Case: String]

    init(_ template: FormTemplate.Labels, _ path: (Case) -> KeyPath<FormTemplate.Labels, String>) {
        var labels: [Case: String] = [:], keys: [Case: String] = [:]
        for c in Case.allCases {
            labels[c] = template[keyPath: path(c)]
            keys[c] = Label.key(template[keyPath: path(c)])
        }
        self.labels = labels
        self.keys = keys
    }

    /// The label as the template prints it.
    subscript(_ c: Case) -> String { labels[c]! }

    /// The label's key (`Label.key`).
    func key(_ c: Case) -> String { keys[c]! }

    /// The first case, in `allCases` order, whose label key is `key`.
    func first(withKey key: String) -> Case? { Case.allCases.first { keys[$0]! == key } }
}
