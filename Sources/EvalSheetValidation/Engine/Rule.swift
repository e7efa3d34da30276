import EvalSheetModel
import EvalSheetForm

/// A validation rule: a stable identifier and the severity of everything it reports.
///
/// Identifiers are `section.what` (`projects.total`, `indicators.rate`); they are part of the
/// output format, so they never change once published. A rule names the parts of the form in its
/// messages as the template it is given labels them, so a renamed label renames its messages.
public protocol ValidationRule: Sendable {
    /// The stable identifier, e.g. `projects.total`.
    var id: String { get }
    /// The severity of every hit of this rule.
    var severity: Severity { get }
}

/// A rule that looks at one sheet at a time.
public protocol SheetRule: ValidationRule {
    /// Every problem this rule finds in the sheet, its messages worded with `template`'s labels;
    /// empty when it holds.
    func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit]
}

extension SheetRule {
    /// Every problem this rule finds in the sheet, worded with the default form's labels.
    public func check(_ sheet: EvaluationSheet) -> [RuleHit] { check(sheet, template: .standard) }
}

/// A rule that compares the sheets of one fiscal year (all policies validated together).
///
/// The validator calls it once per fiscal year with that year's sheets, in the order given;
/// each hit names the index of the sheet it belongs to in that array.
public protocol YearRule: ValidationRule {
    /// The parts of each sheet the rule reads; a batch keeps only these of every sheet for the
    /// year's rules (`Validator.yearRuleInput`), so a rule that reads more must say so here.
    var reads: SheetParts { get }
    /// Every problem this rule finds across the sheets, its messages worded with `template`'s labels.
    func check(_ sheets: [EvaluationSheet], template: FormTemplate) -> [YearRuleHit]
    /// The rule over sheets given one at a time (`YearRuleStream`); the same hits as `check`.
    func stream() -> any YearRuleStream
}

/// A year rule over the sheets of one year given one at a time, in order: it keeps what it needs
/// of each sheet (keyed by project code, not whole sheets), so a batch need not hold the year.
public protocol YearRuleStream {
    /// Takes the next sheet; its hits will carry `index`.
    mutating func add(_ sheet: EvaluationSheet, index: Int)
    /// Every hit over the sheets added, in `check`'s order, each with its sheet's `index`.
    func hits(template: FormTemplate) -> [YearRuleHit]
}

extension YearRule {
    /// For a rule without a stream of its own: the sheets are held and `check` runs at the end.
    public func stream() -> any YearRuleStream { HeldSheets(rule: self) }

    /// `check` through the rule's stream (a rule whose stream is its definition checks this way).
    public func checkByStreaming(_ sheets: [EvaluationSheet], template: FormTemplate) -> [YearRuleHit] {
        var s = stream()
        for (i, sheet) in sheets.enumerated() { s.add(sheet, index: i) }
        return s.hits(template: template)
    }
}

/// The stream of a rule that has none of its own: every sheet held, `check` over them at the end.
private struct HeldSheets<Rule: YearRule>: YearRuleStream {
    let rule: Rule
    var sheets: [EvaluationSheet] = []
    var indices: [Int] = []

    mutating func add(_ sheet: EvaluationSheet, index: Int) {
        sheets.append(sheet)
        indices.append(index)
    }

    func hits(template: FormTemplate) -> [YearRuleHit] {
        rule.check(sheets, template: template).compactMap { i, hit in indices.indices.contains(i) ? (indices[i], hit) : nil }
    }
}

extension YearRule {
    /// Every problem this rule finds across the sheets, worded with the default form's labels.
    public func check(_ sheets: [EvaluationSheet]) -> [YearRuleHit] { check(sheets, template: .standard) }
}
