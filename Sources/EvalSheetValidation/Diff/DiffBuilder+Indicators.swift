import EvalSheetModel
import EvalSheetForm

extension DiffBuilder {
    /// §4: the year header (by position), the indicators (by number; values by year) and the footnote.
    mutating func indicators() {
        let (a, b) = (o.indicators, n.indicators)
        for c in 0..<max(a.years.count, b.years.count) {
            switch (a.years[safe: c], b.years[safe: c]) {
            case let (x?, y?):
                field("指標の年度列\(c + 1)", "indicator year column \(c + 1)",
                      FiscalYearText.japanese(x), FiscalYearText.japanese(y), at: .indicatorYear(c))
            case let (nil, y?): added("指標の年度列", "indicator year column", row: nil, FiscalYearText.japanese(y), at: .indicatorYear(c))
            case let (x?, nil): removed("指標の年度列", "indicator year column", row: nil, FiscalYearText.japanese(x), at: .indicatorYear(c))
            case (nil, nil): break
            }
        }
        let years = ColumnAlignment(old: a.years, new: b.years)
        let match = RowMatching(old: a.items.map { CircledNumber.text($0.number) }, new: b.items.map { CircledNumber.text($0.number) })
        if let moved = match.firstMoved {
            reordered(template.sectionName(4), "indicators", match.orders.old, match.orders.new, at: .indicator(moved, .number))
        }
        for event in match.events {
            switch event {
            case .both(let i, let j):
                compareIndicator(a.items[i], b.items[j], at: j, years: years)
            case .added(let j):
                added(template.sectionName(4), "indicator", row: CircledNumber.text(b.items[j].number), b.items[j].name,
                      at: .indicator(j, .number))
            case .removed(let i):
                removed(template.sectionName(4), "indicator", row: CircledNumber.text(a.items[i].number), a.items[i].name,
                        at: .indicator(i, .number))
            }
        }
        field("注記", "footnote", a.footnote ?? "", b.footnote ?? "", at: .indicatorFootnote)
    }

    private mutating func compareIndicator(_ x: Indicator, _ y: Indicator, at j: Int, years: ColumnAlignment<Int>) {
        let row = CircledNumber.text(y.number)
        field(l.indicatorName, "name", row: row, x.name, y.name, at: .indicator(j, .name))
        field(l.indicatorDescription, "description", row: row, x.description ?? "", y.description ?? "", at: .indicator(j, .description))
        field(l.indicatorUnit, "unit", row: row, x.unit, y.unit, at: .indicator(j, .unit))
        field(l.indicatorMethod, "method", row: row, x.method ?? "", y.method ?? "", at: .indicator(j, .method))
        field(l.indicatorDirection, "direction", row: row, l.direction(x.direction), l.direction(y.direction), at: .indicator(j, .direction))
        for r in IndicatorValueRow.all(l) {
            for column in years.columns {
                let before = column.old.flatMap { x[keyPath: r.values][safe: $0] } ?? .blank
                let after = column.new.flatMap { y[keyPath: r.values][safe: $0] } ?? .blank
                let path: FieldPath = column.new.map { .indicator(j, r.field($0)) } ?? .indicator(j, .number)
                field("\(r.label)(\(FiscalYearText.japanese(column.key)))", "\(r.english) (FY\(column.key))", row: row,
                      before.text, after.text, at: path)
            }
        }
    }
}
