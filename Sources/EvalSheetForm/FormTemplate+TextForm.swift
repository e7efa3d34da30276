import EvalSheetModel

extension FormTemplate {
    /// Wording only the city's TAB-separated text form has, beside the labels it shares with the
    /// workbook (`labels`, the section titles in `sheets`, the `legend`): the other spellings of
    /// labels found in the city's files, and the shape of the cells that join a label and a value.
    /// The reader accepts every spelling; the writer prints the first (the label itself).
    public struct TextForm: Codable, Sendable, Equatable {
        /// Other spellings of §1 labels in the city's files (`主担当部` for `担当部署` …): read as the
        /// label, never printed.
        public var labelVariants: LabelVariants
        /// The §1 fiscal-year cell: `{label}` is `labels.fiscalYear`, `{fiscalYear}` the year —
        /// `評価対象年度 (令和元年度)`. The reader also takes the label alone with the year in the next cell.
        public var fiscalYearCell: String
        /// The word of a unit statement above §3 (`単位`): a cell starting with `(` and this word that
        /// is not `labels.unit` states another unit, which would change every amount — a problem.
        public var amountUnitWord: String
        /// Other wordings of the §5 criterion (`labels.criterion`) in the city's files: accepted
        /// without a warning (the criterion is form text, not kept), never printed.
        public var criterionVariants: [String]
    }

    /// §1 label variants, by the label they stand for.
    public struct LabelVariants: Codable, Sendable, Equatable {
        public var department, section, subsection: [String]
    }

    /// The placeholders of `textForm.fiscalYearCell`.
    public static let fiscalYearCellPlaceholders: Set<String> = ["label", "fiscalYear"]

    /// Every value of `textForm` the text reader and writer cannot honour, with its JSON pointer:
    /// empty or over-long texts, control characters, unknown placeholders, a fiscal-year cell
    /// without its label and year (label first), a variant that is another §1 label (it would
    /// read one record as another), a unit word that `labels.unit` does not contain.
    func textFormProblems() -> [TemplateProblem] {
        var c = TemplateChecks()
        let limit = EvaluationSheet.maximumTextLength - 20
        func text(_ value: String, _ pointer: String, placeholders: Set<String> = []) {
            c.text(value, pointer, limit: limit, placeholders: placeholders)
        }
        // §1 variants: each a label of its own record only.
        let ownLabels: [(String, String, [String])] = [
            ("department", labels.department, textForm.labelVariants.department),
            ("section", labels.section, textForm.labelVariants.section),
            ("subsection", labels.subsection, textForm.labelVariants.subsection),
        ]
        let basic = [labels.fiscalYear, labels.policyCode, labels.policyName, labels.vision, labels.goal, labels.department,
                     labels.section, labels.subsection, labels.person, labels.title, labels.phoneExtension, labels.relatedSections]
        for (key, label, variants) in ownLabels {
            let others = Set((basic.filter { $0 != label } + ownLabels.filter { $0.0 != key }.flatMap(\.2)).map { $0.labelKey() })
            for (i, v) in variants.enumerated() {
                let pointer = "/textForm/labelVariants/\(key)/\(i)"
                text(v, pointer)
                if others.contains(v.labelKey()) {
                    c.add(pointer, ja: "「\(v)」は基本情報の別の項目名です(その項目と区別できません)",
                        en: "\"\(v)\" is another label of §1 (the two could not be told apart)")
                }
            }
        }
        // The fiscal-year cell: the label, then the year.
        let cell = textForm.fiscalYearCell
        text(cell, "/textForm/fiscalYearCell", placeholders: Self.fiscalYearCellPlaceholders)
        let found = Self.placeholders(in: cell)
        if found.filter(Self.fiscalYearCellPlaceholders.contains) != ["label", "fiscalYear"] || !cell.hasPrefix("{label}") {
            c.add("/textForm/fiscalYearCell", ja: "「{label}」で始め、その後に「{fiscalYear}」を1回書いてください(例: {label} ({fiscalYear}))",
                en: "must start with {label} and hold {fiscalYear} once after it (e.g. {label} ({fiscalYear}))")
        }
        // The unit word and the criterion's other wordings.
        text(textForm.amountUnitWord, "/textForm/amountUnitWord")
        if !textForm.amountUnitWord.isEmpty, !labels.unit.labelKey().contains(textForm.amountUnitWord.labelKey()) {
            c.add("/textForm/amountUnitWord", ja: "金額の単位の見出し(labels.unit「\(labels.unit)」)に含まれる語にしてください",
                en: "must be a word of the amounts' unit label (labels.unit \"\(labels.unit)\")")
        }
        for (i, v) in textForm.criterionVariants.enumerated() { text(v, "/textForm/criterionVariants/\(i)") }
        return c.out
    }
}
