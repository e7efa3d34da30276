import XLSX

/// A data-validation rule for a range of cells: what may be typed, and the messages shown.
///
/// A `.list` of choices goes inline into the file when it is short enough for libxlsxwriter
/// 1.1.4 (at most 255 UTF-8 bytes joined with commas, no item with a comma or quote); otherwise
/// the workbook writes the items into a hidden sheet named `_lists` and refers to them with a
/// list formula, so long Japanese lists work without crashing the C library.
public struct XLSXDataValidation: Hashable, Sendable {
    /// What the rule allows.
    public enum Kind: Hashable, Sendable {
        /// One of these choices (a dropdown).
        case list([String])
        /// One of the values in a range, given as a formula such as `='Lists'!$A$1:$A$9`.
        case listFormula(String)
        /// A whole number; give a minimum, a maximum or both (inclusive).
        case wholeNumber(min: Int? = nil, max: Int? = nil)
        /// A decimal number; give a minimum, a maximum or both (inclusive).
        case decimal(min: Double? = nil, max: Double? = nil)
        /// Text whose length lies within the bounds; give a minimum, a maximum or both.
        case textLength(min: Int? = nil, max: Int? = nil)
        /// Anything: used only to show an input message.
        case any
    }

    /// The icon and buttons of the message shown for invalid input.
    public enum ErrorStyle: Hashable, Sendable {
        /// Refuse the value.
        case stop
        /// Warn, and let the user keep the value.
        case warning
        /// Inform, and keep the value.
        case information
    }

    /// What the rule allows.
    public var kind: Kind
    /// Whether an empty cell is valid.
    public var ignoreBlank: Bool
    /// Whether a list shows its in-cell dropdown arrow.
    public var showDropdown: Bool
    /// Title of the message shown when the cell is selected (at most 32 characters).
    public var inputTitle: String?
    /// Message shown when the cell is selected (at most 255 characters).
    public var inputMessage: String?
    /// Title of the message shown for invalid input (at most 32 characters).
    public var errorTitle: String?
    /// Message shown for invalid input (at most 255 characters).
    public var errorMessage: String?
    /// How invalid input is treated.
    public var errorStyle: ErrorStyle

    /// Creates a rule; only `kind` is required.
    public init(_ kind: Kind, ignoreBlank: Bool = true, showDropdown: Bool = true,
                inputTitle: String? = nil, inputMessage: String? = nil,
                errorTitle: String? = nil, errorMessage: String? = nil, errorStyle: ErrorStyle = .stop) {
        self.kind = kind
        self.ignoreBlank = ignoreBlank
        self.showDropdown = showDropdown
        self.inputTitle = inputTitle
        self.inputMessage = inputMessage
        self.errorTitle = errorTitle
        self.errorMessage = errorMessage
        self.errorStyle = errorStyle
    }
}

/// The hidden `_lists` sheet that holds dropdown choices too long for an inline list:
/// one column per distinct list, created when the workbook is finished.
struct XLSXListStore {
    /// The reserved name of the hidden sheet.
    static let sheetName = "_lists"

    private(set) var lists: [[String]] = []
    private var columns: [[String]: Int] = [:]

    /// The list formula for `items`, adding a column the first time a list is seen.
    mutating func formula(for items: [String]) throws -> String {
        if items.count > CellReference.maxRow + 1 {
            throw XLSXWriteError.invalidDataValidation(reason: "a list cannot have more than 1,048,576 items")
        }
        let known = columns[items]
        if known == nil, lists.count > CellReference.maxColumn {
            throw XLSXWriteError.invalidDataValidation(reason: "more than 16,384 distinct long lists")
        }
        let column: Int
        if let known {
            column = known
        } else {
            column = lists.count
            columns[items] = column
            lists.append(items)
        }
        let range = CellRange(first: CellReference(row: 0, column: column),
                              last: CellReference(row: items.count - 1, column: column))
        return "=" + quotedSheetName(Self.sheetName) + "!" + range.absolute
    }

    /// Writes every stored list into `sheet` (one column each) and hides it.
    func write(into sheet: LXWSheet) throws {
        for (column, items) in lists.enumerated() {
            for (row, item) in items.enumerated() {
                try sheet.writeString(row, column, item, .default)
            }
        }
        try sheet.hide()
    }
}
