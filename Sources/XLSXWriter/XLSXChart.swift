import XLSX

/// Chart kinds.
public enum XLSXChartKind: Hashable, Sendable {
    /// Vertical bars.
    case column
    /// Vertical stacked bars.
    case columnStacked
    /// Horizontal bars.
    case bar
    /// Horizontal stacked bars.
    case barStacked
    /// Lines.
    case line
    /// Lines with a marker at each point.
    case lineWithMarkers
    /// A pie.
    case pie
    /// Filled areas.
    case area
}

/// Where the legend goes.
public enum XLSXLegendPosition: Hashable, Sendable {
    /// Right of the plot (Excel's default).
    case right
    /// Left of the plot.
    case left
    /// Above the plot.
    case top
    /// Below the plot.
    case bottom
    /// No legend.
    case none
}

/// One data series: formulas that point at cells, e.g. `='Data'!$B$2:$B$10`.
public struct XLSXChartSeries: Hashable, Sendable {
    /// The series name shown in the legend; a leading "=" makes it a cell reference.
    public var name: String?
    /// The category (x axis) range formula, or nil for 1, 2, 3…
    public var categories: String?
    /// The value range formula.
    public var values: String

    /// Creates a series.
    public init(name: String? = nil, categories: String? = nil, values: String) {
        self.name = name
        self.categories = categories
        self.values = values
    }
}

/// Everything a chart shows. Pass it to `XLSXWorkbookWriter.addChart(_:)`.
public struct XLSXChartSpec: Hashable, Sendable {
    /// The chart kind.
    public var kind: XLSXChartKind
    /// The data series (at least one).
    public var series: [XLSXChartSeries]
    /// The chart title.
    public var title: String?
    /// The category (x) axis title.
    public var xAxisTitle: String?
    /// The value (y) axis title.
    public var yAxisTitle: String?
    /// Where the legend goes.
    public var legend: XLSXLegendPosition
    /// The value (y) axis's number format, e.g. `#,##0`; nil for General.
    public var yAxisNumberFormat: String?
    /// One of Excel's 48 built-in chart styles, or nil for the default.
    public var style: Int?

    /// Creates a chart description.
    public init(kind: XLSXChartKind, series: [XLSXChartSeries], title: String? = nil, xAxisTitle: String? = nil,
                yAxisTitle: String? = nil, legend: XLSXLegendPosition = .right, style: Int? = nil,
                yAxisNumberFormat: String? = nil) {
        self.kind = kind
        self.series = series
        self.title = title
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.legend = legend
        self.style = style
        self.yAxisNumberFormat = yAxisNumberFormat
    }
}

/// A chart created in a workbook, waiting to be placed on a sheet with
/// `XLSXSheetWriter.insertChart(_:at:width:height:)`. A chart can be placed once.
public final class XLSXChart {
    let chart: LXWChart
    /// The description the chart was made from.
    public let spec: XLSXChartSpec

    init(chart: LXWChart, spec: XLSXChartSpec) {
        self.chart = chart
        self.spec = spec
    }

    /// Whether the chart was already placed on a sheet.
    public var isInserted: Bool { chart.isInserted }
}

extension XLSXChartSpec {
    func build(in book: LXWBook) throws -> LXWChart {
        if series.isEmpty { throw XLSXWriteError.invalidChart(reason: "the chart has no series") }
        let chart = try book.addChart(kind)
        for item in series {
            try chart.addSeries(name: item.name, categories: item.categories, values: item.values)
        }
        if let title { try chart.setTitle(title) }
        if xAxisTitle != nil || yAxisTitle != nil { try chart.setAxisTitles(x: xAxisTitle, y: yAxisTitle) }
        if legend != .right { try chart.setLegend(legend) }
        if let style { try chart.setStyle(style) }
        if let yAxisNumberFormat { try chart.setValueAxisNumberFormat(yAxisNumberFormat) }
        return chart
    }
}

extension XLSXSheetWriter {
    /// Places `chart` with its top-left corner in `cell`, `width` × `height` pixels
    /// (Excel's default chart is 480 × 288), shifted by the optional pixel offsets.
    public func insertChart(_ chart: XLSXChart, at cell: CellReference, width: Double = 480, height: Double = 288,
                            xOffset: Int = 0, yOffset: Int = 0) throws {
        try sheet.insertChart(chart.chart, row: cell.row, column: cell.column, width: width, height: height,
                              xOffset: xOffset, yOffset: yOffset)
    }
}
