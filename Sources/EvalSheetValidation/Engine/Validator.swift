import EvalSheetModel
import EvalSheetForm

/// Runs the rules over loaded sheets and returns the findings, each located through its sheet's
/// `SourceMap` (so sheets from the text form, a workbook or JSON are reported in their own terms).
///
/// Per-sheet rules run on every sheet; year-wide rules run once per fiscal year over all the
/// sheets of that year given together. Findings are sorted by file, then by sheet (in the order
/// given), then by section (1…7), then by location in the source. Messages name the parts of the
/// form as the given template labels them (the default form's labels unless told otherwise).
public enum Validator {
    /// The rules that look at one sheet, in the order of the form's sections.
    public static let sheetRules: [any SheetRule] = [
        PolicyCodePrefixRule(),
        NumberingRule(),
        UnusedDirectionRule(),
        ProjectCodeFormatRule(),
        ProjectCodeUniqueRule(),
        UndeclaredDirectionRule(),
        ProjectSectionRule(),
        ProjectTotalsRule(),
        AchievementRateRule(),
        IndicatorYearsRule(),
        RatePresenceRule(),
        ShortTargetRowRule(),
        FootnoteRule(),
        RatingRule(),
        BlankInputRule(),
        AssessmentRule(),
        FactorCategoryRule(),
    ]

    /// The rules that compare the sheets of one fiscal year.
    public static let yearRules: [any YearRule] = [
        DuplicatePolicyRule(),
        SharedProjectRule(),
        ExecutionPlanRule(),
        RelatedProjectRule(),
    ]

    /// Every rule, per-sheet ones first.
    public static var allRules: [any ValidationRule] { sheetRules + yearRules }

    /// What the year's rules read of a sheet (the union of their `reads`): a batch keeps this of
    /// each policy instead of the whole sheet.
    public static func yearRuleInput(_ loaded: LoadedSheet, rules: [any YearRule] = yearRules) -> LoadedSheet {
        loaded.keeping(rules.reduce(into: SheetParts.basics) { $0.formUnion($1.reads) })
    }

    /// Validates the sheets with every rule, naming the form's parts as `template` does.
    public static func validate(_ sheets: [LoadedSheet], template: FormTemplate = .standard) -> [Finding] {
        validate(sheets, sheetRules: sheetRules, yearRules: yearRules, template: template)
    }

    /// Validates the sheets with the given rules, naming the form's parts as `template` does.
    public static func validate(_ sheets: [LoadedSheet], sheetRules: [any SheetRule],
                                yearRules: [any YearRule], template: FormTemplate = .standard) -> [Finding] {
        var found: [(sheet: Int, finding: Finding)] = []
        for (s, loaded) in sheets.enumerated() {
            for rule in sheetRules {
                for hit in rule.check(loaded.sheet, template: template) {
                    found.append((s, finding(rule, hit, policy: loaded.sheet.policy.code, file: loaded.sourceMap.file, map: loaded.sourceMap)))
                }
            }
        }
        var year = YearValidation(rules: yearRules)
        for loaded in sheets { year.add(loaded) }
        return sorted(found + year.numberedFindings(template: template))
    }

    /// The finding of a rule's hit on a sheet of `policy` read from `file`, placed through `map`
    /// (its `location` left empty unless `located`: formatted from `place` when it is needed).
    static func finding(_ rule: any ValidationRule, _ hit: RuleHit, policy: String, file: String, map: SourceMap,
                        located: Bool = true) -> Finding {
        let place = map.location(of: hit.path)
        return Finding(ruleID: rule.id, severity: rule.severity, message: hit.message, policy: policy, path: hit.path,
                       file: file, location: located ? place?.qualified(in: file) ?? file : "", place: place)
    }

    /// Findings in `validate`'s order: by file, then sheet (its number), then section (1…7), then place
    /// in the source (a finding's place is its path's location), then pointer, rule and message.
    /// (Sorted in place: the list is consumed, so a year's findings are not held three times.)
    static func sorted(_ found: consuming [(sheet: Int, finding: Finding)]) -> [Finding] {
        var found = consume found
        sort(&found)
        return found.map(\.finding)
    }

    /// Sorts numbered findings in `sorted`'s order, in place.
    static func sort(_ found: inout [(sheet: Int, finding: Finding)]) {
        found.sort { a, b in
            let (x, y) = (a.finding, b.finding)
            if x.file != y.file { return x.file < y.file }
            if a.sheet != b.sheet { return a.sheet < b.sheet }
            if x.section != y.section { return x.section < y.section }
            let (lx, ly) = (SourceOrder.tokens(x.place), SourceOrder.tokens(y.place))
            if lx != ly { return SourceOrder.less(lx, ly) }
            let (px, py) = (SourceOrder.tokens(pointer: x.path?.jsonPointer ?? ""), SourceOrder.tokens(pointer: y.path?.jsonPointer ?? ""))
            if px != py { return SourceOrder.less(px, py) }
            if x.ruleID != y.ruleID { return x.ruleID < y.ruleID }
            return x.message.ja < y.message.ja
        }
    }
}
