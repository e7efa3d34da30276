import EvalSheetModel
import XLSX
import XLSXWriter

// The tables of the layout as data: for each column (or labelled row) its place, its label in the
// template, the model field it holds and how its cell is styled. Export writes by walking these
// descriptions and import reads by walking the same ones, so a position is stated once.

/// §2's columns: the 施策の方向性 label (first row only), the number and the text.
enum DirectionColumn: CaseIterable {
    case number, text

    static let labelColumn = 0

    var column: Int {
        switch self {
        case .number: 1
        case .text: 2
        }
    }

    var kind: ScalarField.Kind {
        switch self {
        case .number: .center
        case .text: .text
        }
    }

    var field: FieldPath.DirectionField {
        switch self {
        case .number: .number
        case .text: .text
        }
    }

    func text(_ d: Direction) -> String {
        switch self {
        case .number: String(d.number)
        case .text: d.text
        }
    }
}

/// §3's fixed columns in the workbook (A–E) and their style. The money columns follow.
extension ProjectColumn {
    var column: Int { Self.allCases.firstIndex(of: self)! }

    var kind: ScalarField.Kind {
        switch self {
        case .code: .code
        case .name, .section: .text
        case .executionPlan, .directions: .center
        }
    }
}

/// §6's columns in the workbook (A–D).
extension FactorColumn {
    var column: Int { Self.allCases.firstIndex(of: self)! }

    /// The cell as the workbook prints it.
    func text(_ f: ExternalFactor) -> String {
        switch self {
        case .category: f.category
        case .status: f.status
        case .assessments: f.assessmentsText
        case .reason: f.reason
        }
    }
}

/// The four labelled rows of each §7 challenge, in printed order: the number in column A (first
/// row), the label in column B, the value from column C (merged over three columns, or one related
/// project per cell).
extension ChallengePart {
    static let numberColumn = 0, labelColumn = 1, valueColumn = 2

    var offset: Int { Self.allCases.firstIndex(of: self)! }

    /// The model field of a one-cell part (nil for the related projects, one per cell).
    var field: FieldPath.ChallengeField? {
        switch self {
        case .challenge: .challenge
        case .related: nil
        case .current: .current
        case .future: .future
        }
    }

    /// The one-cell parts' text in the model.
    var text: WritableKeyPath<Challenge, String>? {
        switch self {
        case .challenge: \.challenge
        case .related: nil
        case .current: \.current
        case .future: \.future
        }
    }
}

/// The three rows of each §4 indicator, in printed order, and what each row holds: the row label
/// (column B) and its value (C, merged C:E on the first row), a side label with its value (D, E),
/// and the label before the year values (F) with the values (G…).
///
/// Import reads a row by its label and finds the side label and the values label to the right of
/// the row's value, so a row stays readable when a user moved its cells along.
extension IndicatorRow {
    static let numberColumn = 0, labelColumn = 1, valueColumn = 2, sideLabelColumn = 3, sideValueColumn = 4
    static let valuesLabelColumn = 5, firstYearColumn = 6

    var offset: Int { Self.allCases.firstIndex(of: self)! }

    /// The row's own value: the name over C:E, the description and the method in C.
    var valueSpan: Int { self == .name ? 3 : 1 }

    /// The side label and its field (単位, 評価の向き); none on the name row.
    var side: (label: KeyPath<FormTemplate.Labels, String>, field: FieldPath.IndicatorField)? {
        switch self {
        case .name: nil
        case .description: (\.indicatorUnit, .unit)
        case .method: (\.indicatorDirection, .direction)
        }
    }

    /// The row's own text in the model (nil stands for blank).
    func text(_ item: Indicator) -> String {
        switch self {
        case .name: item.name
        case .description: item.description ?? ""
        case .method: item.method ?? ""
        }
    }

    /// Stores the row's own text read from its cell (a blank description or method is none).
    func store(_ text: String, in item: inout Indicator) {
        let value: String? = text.trimmedSpaces().isEmpty ? nil : text
        switch self {
        case .name: item.name = text
        case .description: item.description = value
        case .method: item.method = value
        }
    }

    /// The side value as printed, with the template's direction words.
    func sideText(_ item: Indicator, _ l: FormTemplate.Labels) -> String {
        switch self {
        case .name: ""
        case .description: item.unit
        case .method: l.direction(item.direction)
        }
    }
}

extension WorkbookStyles {
    /// The input style of a cell of the given kind.
    func input(_ kind: ScalarField.Kind) -> XLSXStyle {
        switch kind {
        case .text: inputText
        case .code: inputCode
        case .wrapped: inputWrapped
        case .center: inputCenter
        }
    }
}
