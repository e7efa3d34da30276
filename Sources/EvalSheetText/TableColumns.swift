import EvalSheetModel
import EvalSheetForm

/// §3's fixed columns in printed order: the label each has in the template and the model field it
/// prints. The writer prints them in this order; the reader finds each by its label, wherever it is.
enum ProjectColumn: CaseIterable, Hashable {
    case code, name, executionPlan, directions, section

    var label: KeyPath<FormTemplate.Labels, String> {
        switch self {
        case .code: \.projectCode
        case .name: \.projectName
        case .executionPlan: \.executionPlan
        case .directions: \.projectDirections
        case .section: \.projectSection
        }
    }

    /// The cell as the form prints it.
    func text(_ p: Project) -> String {
        switch self {
        case .code: p.code
        case .name: p.name
        case .executionPlan: p.inExecutionPlan ? Project.executionPlanMark : ""
        case .directions: p.directionsText
        case .section: p.section
        }
    }
}

/// §6's columns in printed order: label and model field (the category without its printed spaces,
/// the assessments as `1. 施策遂行に役立つ・有利 3. …`).
enum FactorColumn: CaseIterable, Hashable {
    case category, status, assessments, reason

    var label: KeyPath<FormTemplate.Labels, String> {
        switch self {
        case .category: \.factor
        case .status: \.status
        case .assessments: \.assessment
        case .reason: \.factorReason
        }
    }

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
