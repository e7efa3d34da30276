import EvalSheetModel

/// A validation rule: a stable identifier and the severity of everything it reports.
///
/// Identifiers are `section.what` (`projects.total`, `indicators.rate`); they are part of the
/// output format, so they never change once published.
public protocol ValidationRule: Sendable {
    /// The stable identifier, e.g. `projects.total`.
    var id: String { get }
    /// The severity of every hit of this rule.
    var severity: Severity { get }
}

/// A rule that looks at one sheet at a time.
public protocol SheetRule: ValidationRule {
    /// Every problem this rule finds in the sheet; empty when it holds.
    func check(_ sheet: EvaluationSheet) -> [RuleHit]
}

/// A rule that compares the sheets of one fiscal year (all policies validated together).
///
/// The validator calls it once per fiscal year with that year's sheets, in the order given;
/// each hit names the index of the sheet it belongs to in that array.
public protocol YearRule: ValidationRule {
    /// Every problem this rule finds across the sheets.
    func check(_ sheets: [EvaluationSheet]) -> [YearRuleHit]
}
