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
        func add(_ rule: any ValidationRule, _ s: Int, _ hit: RuleHit) {
            let loaded = sheets[s]
            found.append((s, Finding(ruleID: rule.id, severity: rule.severity, message: hit.message,
                                     policy: loaded.sheet.policy.code, path: hit.path,
                                     file: loaded.sourceMap.file, place: loaded.sourceMap.location(of: hit.path))))
        }
        for (s, loaded) in sheets.enumerated() {
            for rule in sheetRules {
                for hit in rule.check(loaded.sheet, template: template) { add(rule, s, hit) }
            }
        }
        var years: [Int] = []
        for loaded in sheets where !years.contains(loaded.sheet.fiscalYear) { years.append(loaded.sheet.fiscalYear) }
        for year in years {
            let members = sheets.indices.filter { sheets[$0].sheet.fiscalYear == year }
            let group = members.map { sheets[$0].sheet }
            for rule in yearRules {
                for (index, hit) in rule.check(group, template: template) where members.indices.contains(index) {
                    add(rule, members[index], hit)
                }
            }
        }
        return found.sorted { a, b in
            let (x, y) = (a.finding, b.finding)
            if x.file != y.file { return x.file < y.file }
            if a.sheet != b.sheet { return a.sheet < b.sheet }
            if x.section != y.section { return x.section < y.section }
            let map = sheets[a.sheet].sourceMap
            let (lx, ly) = (SourceOrder.tokens(x.path.flatMap(map.location(of:))), SourceOrder.tokens(y.path.flatMap(map.location(of:))))
            if lx != ly { return SourceOrder.less(lx, ly) }
            let (px, py) = (SourceOrder.tokens(pointer: x.path?.jsonPointer ?? ""), SourceOrder.tokens(pointer: y.path?.jsonPointer ?? ""))
            if px != py { return SourceOrder.less(px, py) }
            if x.ruleID != y.ruleID { return x.ruleID < y.ruleID }
            return x.message.ja < y.message.ja
        }.map(\.finding)
    }
}
