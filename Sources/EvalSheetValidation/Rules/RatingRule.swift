import EvalSheetModel
import EvalSheetForm

/// `evaluation.rating` (error): the 総合評価 is one of 順調, 維持, 停滞. On a sheet made by rollover a
/// blank rating is not yet filled in, which `cycle.blank-input` reports instead.
public struct RatingRule: SheetRule {
    public let id = "evaluation.rating", severity = Severity.error

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        let name = template.labels.ratingName
        let rating = sheet.evaluation.rating
        guard !rating.isKnown else { return [] }
        let allowed = Rating.all.map(\.rawValue).joined(separator: "・")
        if rating.rawValue.isEmpty {
            guard sheet.lastYear == nil else { return [] }
            return [RuleHit(.rating, ja: "\(name)が空欄です(\(allowed) のいずれかを記入します)",
                            en: "the rating (\(name)) is blank; it must be one of \(allowed)")]
        }
        return [RuleHit(.rating, ja: "\(name)「\(rating.rawValue.quotedInMessage())」は \(allowed) のいずれでもありません",
                        en: "the rating (\(name)) \"\(rating.rawValue.quotedInMessage())\" is not one of \(allowed)")]
    }
}
