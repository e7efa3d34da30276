import EvalSheetModel

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
            reordered("まちづくり指標", "indicators", match.orders.old, match.orders.new, at: .indicator(moved, .number))
        }
        for event in match.events {
            switch event {
            case .both(let i, let j):
                compareIndicator(a.items[i], b.items[j], at: j, years: years)
            case .added(let j):
                added("まちづくり指標", "indicator", row: CircledNumber.text(b.items[j].number), b.items[j].name,
                      at: .indicator(j, .number))
            case .removed(let i):
                removed("まちづくり指標", "indicator", row: CircledNumber.text(a.items[i].number), a.items[i].name,
                        at: .indicator(i, .number))
            }
        }
        field("注記", "footnote", a.footnote ?? "", b.footnote ?? "", at: .indicatorFootnote)
    }

    private mutating func compareIndicator(_ x: Indicator, _ y: Indicator, at j: Int, years: ColumnAlignment<Int>) {
        let row = CircledNumber.text(y.number)
        field("名称", "name", row: row, x.name, y.name, at: .indicator(j, .name))
        field("説明", "description", row: row, x.description ?? "", y.description ?? "", at: .indicator(j, .description))
        field("単位", "unit", row: row, x.unit, y.unit, at: .indicator(j, .unit))
        field("抽出方法", "method", row: row, x.method ?? "", y.method ?? "", at: .indicator(j, .method))
        field("指標の向き", "direction", row: row, x.direction.label, y.direction.label, at: .indicator(j, .direction))
        let rows: [(String, String, KeyPath<Indicator, [IndicatorValue]>, (Int) -> FieldPath.IndicatorField)] = [
            ("目標値", "target", \.targets, { .target($0) }),
            ("実績値", "actual", \.actuals, { .actual($0) }),
            ("達成率", "rate", \.rates, { .rate($0) }),
        ]
        for (ja, en, values, kind) in rows {
            for column in years.columns {
                let before = column.old.flatMap { x[keyPath: values][safe: $0] } ?? .blank
                let after = column.new.flatMap { y[keyPath: values][safe: $0] } ?? .blank
                let path: FieldPath = column.new.map { .indicator(j, kind($0)) } ?? .indicator(j, .number)
                field("\(ja)(\(FiscalYearText.japanese(column.key)))", "\(en) (FY\(column.key))", row: row,
                      before.text, after.text, at: path)
            }
        }
    }
}
