import EvalSheetModel
import EvalSheetForm

/// §6's cells as the text form prints them (the assessments as `1. 施策遂行に役立つ・有利 3. …`).
extension FactorColumn {
    /// The cell as the form prints it.
    func text(_ f: ExternalFactor) -> String {
        switch self {
        case .category: f.category
        case .status: f.status
        case .assessments: AssessmentText.format(f.assessments)
        case .reason: f.reason
        }
    }
}

extension ChallengePart {
    /// The cells after the label: the related projects one per cell, the other parts one cell.
    func texts(_ c: Challenge) -> [String] {
        switch self {
        case .challenge: [c.challenge]
        case .related: c.relatedProjects
        case .current: [c.current]
        case .future: [c.future]
        }
    }
}

/// §6 assessments as the form prints them.
enum AssessmentText {
    /// `1. 施策遂行に役立つ・有利 3. 施策の必要性を高める`. A label that itself starts with `N.` is
    /// printed without the space (`1.2. …`), so that it never reads as a second assessment.
    static func format(_ list: [Assessment]) -> String {
        list.map { a in
            let label = Array(a.label)
            let startsLikeACode = label.count >= 2 && label[0].isASCII && label[0].isNumber && label[1] == "."
            return "\(a.code)." + (startsLikeACode ? "" : " ") + a.label
        }.joined(separator: " ")
    }
}
