import XLSX

/// The value a cell holds, by type.
public enum XLSXValue: Sendable, Equatable {
    /// Text: shared strings, inline strings and formula string results (`t="s"`, `"inlineStr"`, `"str"`).
    case string(String)
    /// A number (`t="n"` or no type). `raw` is the text of `<v>` exactly as stored, for callers that
    /// need more than a Double (17 significant digits, integers beyond 2^53). Dates are numbers
    /// with a date number format.
    case number(Double, raw: String)
    /// A boolean (`t="b"`).
    case bool(Bool)
    /// An error value such as `#DIV/0!` or `#N/A` (`t="e"`).
    case error(String)
    /// An ISO 8601 date/time as text (`t="d"`, Strict workbooks).
    case date(String)
    /// No value: an empty (formatted) cell, or a formula whose cached value is missing.
    case empty

    /// True for `.empty` (tested without comparing two values).
    var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }

    /// The text of a `.string`, else nil.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number of a `.number`, else nil.
    public var numberValue: Double? {
        if case .number(let d, _) = self { return d }
        return nil
    }
}

/// One cell of a worksheet.
public struct XLSXCell: Sendable, Equatable {
    /// Where the cell is.
    public let reference: CellReference
    /// The value (the cached result for formula cells).
    public let value: XLSXValue
    /// The formula text without a leading `=`, when known. Nil for cells without a formula and
    /// for the dependent cells of a shared formula (see `hasFormula`).
    public let formula: String?
    /// True when the cell has an `<f>` element, even one whose text is not stored here (a shared
    /// formula's dependent cells carry only `si`).
    public let hasFormula: Bool
    /// True when the cell has a formula but no cached result (`<v>` missing or empty): the value
    /// is `.empty`, never 0. (A string formula with `<v></v>` is a real empty-string result.)
    public let cachedValueMissing: Bool
    /// The number format code of the cell's style: `General`, `0.00`, `yyyy"年"m"月"d"日"`…
    /// Nil when the format is unknown: the style names a format id that is neither built in nor
    /// defined, the style index points past the workbook's cell formats, or the workbook has no
    /// styles part and the cell names a style other than 0.
    public let numberFormat: String?
    /// False when the cell's style unlocks it (`<protection locked="0">`); true otherwise.
    public let isLocked: Bool
    /// The `s` attribute: index into the workbook's cell formats (0 when absent).
    public let styleIndex: Int

    /// Creates a cell.
    public init(reference: CellReference, value: XLSXValue, formula: String? = nil, hasFormula: Bool = false,
                cachedValueMissing: Bool = false, numberFormat: String? = "General", isLocked: Bool = true,
                styleIndex: Int = 0) {
        self.reference = reference
        self.value = value
        self.formula = formula
        self.hasFormula = hasFormula || formula != nil
        self.cachedValueMissing = cachedValueMissing
        self.numberFormat = numberFormat
        self.isLocked = isLocked
        self.styleIndex = styleIndex
    }
}
