import EvalSheetModel
import EvalSheetForm

/// `environment.category` (warning): each §6 外部要因 is one of the form's seven categories
/// (`ExternalFactor.categories`).
public struct FactorCategoryRule: SheetRule {
    public let id = "environment.category", severity = Severity.warning

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        let known = ExternalFactor.categories
        return sheet.environment.enumerated().compactMap { i, factor in
            guard !known.contains(factor.category) else { return nil }
            let hint = SimilarName.nearest(to: factor.category, in: known)
            return RuleHit(.factor(i, .category),
                ja: "\(template.labels.factor)「\(factor.category.quotedInMessage())」は様式の区分(\(known.joined(separator: "、")))のいずれでもありません"
                    + (hint.map { "。「\($0.quotedInMessage())」のことですか" } ?? ""),
                en: "external factor \"\(factor.category.quotedInMessage())\" is not one of the form's categories (\(known.joined(separator: ", ")))"
                    + (hint.map { "; did you mean \"\($0.quotedInMessage())\"?" } ?? ""))
        }
    }
}
