import EvalSheetModel

/// The three rows of each §4 indicator, in printed order, as the form describes them for every
/// format: the row's label, the label before its year values, the model's values and fields. The
/// text form and the workbook add where each part sits.
public enum IndicatorRow: CaseIterable, Hashable, Sendable {
    /// 名称 + 目標値: the name and the targets.
    case name
    /// 説明 + 単位 + 実績値: the description, the unit and the actuals.
    case description
    /// 抽出方法 + 評価の向き + 達成率: the method, the direction and the rates.
    case method

    /// The row's label.
    public var label: KeyPath<FormTemplate.Labels, String> {
        switch self {
        case .name: \.indicatorName
        case .description: \.indicatorDescription
        case .method: \.indicatorMethod
        }
    }

    /// The label before the row's year values (目標値, 実績値, 達成率).
    public var valuesLabel: KeyPath<FormTemplate.Labels, String> {
        switch self {
        case .name: \.target
        case .description: \.actual
        case .method: \.rate
        }
    }

    /// The row's year values in the model.
    public var values: WritableKeyPath<Indicator, [IndicatorValue]> {
        switch self {
        case .name: \.targets
        case .description: \.actuals
        case .method: \.rates
        }
    }

    /// The field of the row's own value (the name, the description, the method).
    public var field: FieldPath.IndicatorField {
        switch self {
        case .name: .name
        case .description: .description
        case .method: .method
        }
    }

    /// The field of the row's value in year column `c`.
    public func valueField(_ c: Int) -> FieldPath.IndicatorField {
        switch self {
        case .name: .target(c)
        case .description: .actual(c)
        case .method: .rate(c)
        }
    }

    /// The path of the row's value in year column `c` of indicator `index`.
    public func path(_ index: Int, _ c: Int) -> FieldPath { .indicator(index, valueField(c)) }
}

/// The four labelled parts of each §7 challenge, in printed order, as the form describes them.
public enum ChallengePart: CaseIterable, Hashable, Sendable {
    case challenge, related, current, future

    /// The label in the template (the future part's embeds a year: `labels.future(from:)`).
    public var label: KeyPath<FormTemplate.Labels, String> {
        switch self {
        case .challenge: \.challenge
        case .related: \.relatedProjects
        case .current: \.current
        case .future: \.future
        }
    }

    /// The label as printed, with `fromYear` for the future part.
    public func printed(_ l: FormTemplate.Labels, fromYear: Int) -> String {
        self == .future ? l.future(from: fromYear) : l[keyPath: label]
    }
}

/// §3's fixed columns in printed order, as the form describes them for every format: the label each
/// has in the template, the model field and the cell as the form prints it. The money columns follow.
public enum ProjectColumn: CaseIterable, Hashable, Sendable {
    case code, name, executionPlan, directions, section

    public var label: KeyPath<FormTemplate.Labels, String> {
        switch self {
        case .code: \.projectCode
        case .name: \.projectName
        case .executionPlan: \.executionPlan
        case .directions: \.projectDirections
        case .section: \.projectSection
        }
    }

    public var field: FieldPath.ProjectField {
        switch self {
        case .code: .code
        case .name: .name
        case .executionPlan: .executionPlan
        case .directions: .directions
        case .section: .section
        }
    }

    /// The cell as the form prints it.
    public func text(_ p: Project) -> String {
        switch self {
        case .code: p.code
        case .name: p.name
        case .executionPlan: p.inExecutionPlan ? Project.executionPlanMark : ""
        case .directions: p.directionsText
        case .section: p.section
        }
    }
}

/// §6's columns in printed order, as the form describes them for every format: label and model
/// field (how the assessments are printed differs between the text form and the workbook).
public enum FactorColumn: CaseIterable, Hashable, Sendable {
    case category, status, assessments, reason

    public var label: KeyPath<FormTemplate.Labels, String> {
        switch self {
        case .category: \.factor
        case .status: \.status
        case .assessments: \.assessment
        case .reason: \.factorReason
        }
    }

    public var field: FieldPath.FactorField {
        switch self {
        case .category: .category
        case .status: .status
        case .assessments: .assessments
        case .reason: .reason
        }
    }
}
