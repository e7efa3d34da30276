import XLSX

/// Paper sizes, as Excel's `paperSize` codes.
public enum XLSXPaperSize: Hashable, Sendable {
    /// A4, 210 × 297 mm (code 9).
    case a4
    /// A3, 297 × 420 mm (code 8).
    case a3
    /// B4 (JIS), 257 × 364 mm (code 12).
    case b4
    /// B5 (JIS), 182 × 257 mm (code 13).
    case b5
    /// US Letter (code 1).
    case letter
    /// Any other Excel paper code (0…255; 0 is the printer's default).
    case code(Int)

    /// Excel's numeric code.
    public var code: Int {
        switch self {
        case .a4: return 9
        case .a3: return 8
        case .b4: return 12
        case .b5: return 13
        case .letter: return 1
        case .code(let value): return value
        }
    }
}

/// Page orientation.
public enum XLSXOrientation: Hashable, Sendable {
    /// Taller than wide.
    case portrait
    /// Wider than tall.
    case landscape
}

/// Page margins in inches (Excel's defaults: 0.7 / 0.7 / 0.75 / 0.75, header and footer 0.3).
public struct XLSXMargins: Hashable, Sendable {
    /// Left margin.
    public var left: Double
    /// Right margin.
    public var right: Double
    /// Top margin.
    public var top: Double
    /// Bottom margin.
    public var bottom: Double
    /// Distance of the header from the top edge.
    public var header: Double
    /// Distance of the footer from the bottom edge.
    public var footer: Double

    /// Creates margins; every argument defaults to Excel's default.
    public init(left: Double = 0.7, right: Double = 0.7, top: Double = 0.75, bottom: Double = 0.75,
                header: Double = 0.3, footer: Double = 0.3) {
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
        self.header = header
        self.footer = footer
    }

    /// Converts centimetres to inches, for margins given the Japanese way.
    public static func inches(fromCentimeters centimeters: Double) -> Double { centimeters / 2.54 }
}

extension XLSXSheetWriter {
    /// Sets the paper size (A4 is code 9).
    public func setPaper(_ paper: XLSXPaperSize) throws {
        try sheet.setPaper(paper.code)
    }

    /// Sets portrait or landscape printing.
    public func setOrientation(_ orientation: XLSXOrientation) throws {
        try sheet.setLandscape(orientation == .landscape)
    }

    /// Scales the print-out to fit `width` pages across and `height` pages down;
    /// 0 means "as many as needed" in that direction. Overrides `setPrintScale`.
    public func fitToPages(width: Int, height: Int) throws {
        try sheet.fitToPages(width: width, height: height)
    }

    /// Prints at a fixed scale, 10…400 percent. Overrides `fitToPages`.
    public func setPrintScale(_ percent: Int) throws {
        try sheet.setPrintScale(percent)
    }

    /// Repeats rows `first...last` (zero-based) at the top of every printed page.
    public func repeatRows(first: Int, last: Int) throws {
        try sheet.repeatRows(first: first, last: last)
    }

    /// Sets the page margins, in inches.
    public func setMargins(_ margins: XLSXMargins) throws {
        try sheet.setMargins(left: margins.left, right: margins.right, top: margins.top, bottom: margins.bottom,
                             header: margins.header, footer: margins.footer)
    }

    /// Sets the page header with Excel's codes, e.g. `&L&P/&N&R&D` (at most 255 characters).
    public func setHeader(_ header: String) throws {
        try sheet.setHeader(header)
    }

    /// Sets the page footer with Excel's codes, e.g. `&C&P / &N` (at most 255 characters).
    public func setFooter(_ footer: String) throws {
        try sheet.setFooter(footer)
    }

    /// Centres the printed area horizontally on the page.
    public func centerHorizontally() throws {
        try sheet.center(horizontally: true, vertically: false)
    }

    /// Centres the printed area vertically on the page.
    public func centerVertically() throws {
        try sheet.center(horizontally: false, vertically: true)
    }

    /// Limits printing to `range`.
    public func setPrintArea(_ range: CellRange) throws {
        try sheet.setPrintArea(range)
    }
}
