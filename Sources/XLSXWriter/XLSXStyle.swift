/// How one cell looks: font, fill, borders, alignment, number format and protection.
///
/// A plain value: build one, keep it in a constant and pass it with every write. The workbook
/// creates one libxlsxwriter format per distinct style, so passing the same style to a thousand
/// cells costs one format. Colours are `0xRRGGBB`.
public struct XLSXStyle: Hashable, Sendable {
    /// Font family, e.g. "游ゴシック" or "Arial"; nil keeps the workbook default (Calibri 11).
    public var fontName: String?
    /// Font size in points (1…409); nil keeps the default.
    public var fontSize: Double?
    /// Bold text.
    public var bold: Bool
    /// Italic text.
    public var italic: Bool
    /// Underline kind.
    public var underline: XLSXUnderline
    /// Text colour `0xRRGGBB`; nil is automatic (black).
    public var fontColor: UInt32?
    /// Solid background colour `0xRRGGBB`; nil is no fill.
    public var fillColor: UInt32?
    /// Cell borders.
    public var border: XLSXBorder
    /// Horizontal alignment.
    public var horizontal: XLSXHorizontalAlignment
    /// Vertical alignment.
    public var vertical: XLSXVerticalAlignment
    /// Wrap text inside the cell.
    public var wrap: Bool
    /// Shrink text to fit the cell (Excel ignores it with wrap, fill, justify or distributed).
    public var shrinkToFit: Bool
    /// Indent level, 0…15.
    public var indent: Int
    /// Excel number format code such as `#,##0` or `0.0%`; nil is General.
    public var numberFormat: String?
    /// Whether the cell is locked when the sheet is protected (Excel's default: true).
    public var locked: Bool
    /// Whether the formula is hidden when the sheet is protected.
    public var hidden: Bool

    /// Creates a style; every argument defaults to Excel's default.
    public init(fontName: String? = nil, fontSize: Double? = nil, bold: Bool = false, italic: Bool = false,
                underline: XLSXUnderline = .none, fontColor: UInt32? = nil, fillColor: UInt32? = nil,
                border: XLSXBorder = .none, horizontal: XLSXHorizontalAlignment = .general,
                vertical: XLSXVerticalAlignment = .bottom, wrap: Bool = false, shrinkToFit: Bool = false,
                indent: Int = 0, numberFormat: String? = nil, locked: Bool = true, hidden: Bool = false) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.fontColor = fontColor
        self.fillColor = fillColor
        self.border = border
        self.horizontal = horizontal
        self.vertical = vertical
        self.wrap = wrap
        self.shrinkToFit = shrinkToFit
        self.indent = indent
        self.numberFormat = numberFormat
        self.locked = locked
        self.hidden = hidden
    }

    /// Excel's default cell style (General, Calibri 11, locked).
    public static let `default` = XLSXStyle()

    /// A copy with some properties changed: `base.with { $0.bold = true }`.
    public func with(_ change: (inout XLSXStyle) -> Void) -> XLSXStyle {
        var copy = self
        change(&copy)
        return copy
    }
}

/// Font underline kinds.
public enum XLSXUnderline: Hashable, Sendable {
    /// No underline.
    case none
    /// A single line.
    case single
    /// A double line.
    case double
    /// A single accounting underline.
    case singleAccounting
    /// A double accounting underline.
    case doubleAccounting
}

/// Horizontal alignment of cell content.
public enum XLSXHorizontalAlignment: Hashable, Sendable {
    /// Text left, numbers right (Excel's default).
    case general
    /// Left.
    case left
    /// Centred.
    case center
    /// Right.
    case right
    /// Repeat the content to fill the cell.
    case fill
    /// Justified.
    case justify
    /// Centred across the selection.
    case centerAcross
    /// Distributed (均等割り付け).
    case distributed
}

/// Vertical alignment of cell content.
public enum XLSXVerticalAlignment: Hashable, Sendable {
    /// Top.
    case top
    /// Centred.
    case center
    /// Bottom (Excel's default).
    case bottom
    /// Justified.
    case justify
    /// Distributed.
    case distributed
}

/// The line style of one border side.
public enum XLSXBorderStyle: Hashable, Sendable {
    /// No line.
    case none
    /// Thin line.
    case thin
    /// Medium line.
    case medium
    /// Dashed line.
    case dashed
    /// Dotted line.
    case dotted
    /// Thick line.
    case thick
    /// Double line.
    case double
    /// Hairline.
    case hair
    /// Medium dashed line.
    case mediumDashed
    /// Dash-dot line.
    case dashDot
    /// Medium dash-dot line.
    case mediumDashDot
    /// Dash-dot-dot line.
    case dashDotDot
    /// Medium dash-dot-dot line.
    case mediumDashDotDot
    /// Slanted dash-dot line.
    case slantDashDot
}

/// One border side: a line style and an optional colour (`0xRRGGBB`, nil is automatic).
public struct XLSXBorderLine: Hashable, Sendable {
    /// The line style.
    public var style: XLSXBorderStyle
    /// The colour; nil is automatic.
    public var color: UInt32?

    /// Creates a border side.
    public init(_ style: XLSXBorderStyle, color: UInt32? = nil) {
        self.style = style
        self.color = color
    }
}

/// The four borders of a cell; a nil side has no border.
public struct XLSXBorder: Hashable, Sendable {
    /// Top side.
    public var top: XLSXBorderLine?
    /// Bottom side.
    public var bottom: XLSXBorderLine?
    /// Left side.
    public var left: XLSXBorderLine?
    /// Right side.
    public var right: XLSXBorderLine?

    /// Creates borders side by side.
    public init(top: XLSXBorderLine? = nil, bottom: XLSXBorderLine? = nil,
                left: XLSXBorderLine? = nil, right: XLSXBorderLine? = nil) {
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
    }

    /// No borders.
    public static let none = XLSXBorder()

    /// The same line on all four sides.
    public static func all(_ style: XLSXBorderStyle, color: UInt32? = nil) -> XLSXBorder {
        let line = XLSXBorderLine(style, color: color)
        return XLSXBorder(top: line, bottom: line, left: line, right: line)
    }
}
