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
}

extension YearRule {
    /// Every problem this rule finds across the sheets, worded with the default form's labels.
    public func check(_ sheets: [EvaluationSheet]) -> [YearRuleHit] { check(sheets, template: .standard) }
}
