/// Structural invariants every reader guarantees and the JSON reader checks: each row has one
/// value per column of its table. (Content rules — sums, rates, codes — are validation's job.)
extension EvaluationSheet {
    /// A broken invariant: the path of the offending value and what is wrong.
    public struct InvariantViolation: Hashable, Sendable, CustomStringConvertible {
        public var path: FieldPath
        public var message: LocalizedMessage
        public var description: String { "\(path.jsonPointer): \(message.en)" }
    }

    /// Every broken structural invariant; empty for a well-formed sheet.
    public func invariantViolations() -> [InvariantViolation] {
        var out: [InvariantViolation] = []
        let columns = projects.columns.count
        func count(_ path: FieldPath, _ n: Int, _ expected: Int, ja: String, en: String) {
            guard n != expected else { return }
            out.append(.init(path: path, message: .init(
                ja: "\(ja)の数(\(n))が列数(\(expected))と一致しません",
                en: "\(en) has \(n) values for \(expected) columns")))
        }
        count(.projectTotal(0), projects.totals.count, columns, ja: "総事業費", en: "totals row")
        for (i, row) in projects.rows.enumerated() {
            count(.project(i, .amount(0)), row.amounts.count, columns, ja: "事業 \(row.code) の金額", en: "project \(row.code)")
        }
        let years = indicators.years.count
        for (i, item) in indicators.items.enumerated() {
            count(.indicator(i, .target(0)), item.targets.count, years, ja: "指標\(item.number)の目標値", en: "indicator \(item.number) targets")
            count(.indicator(i, .actual(0)), item.actuals.count, years, ja: "指標\(item.number)の実績値", en: "indicator \(item.number) actuals")
            count(.indicator(i, .rate(0)), item.rates.count, years, ja: "指標\(item.number)の達成率", en: "indicator \(item.number) rates")
        }
        for (i, row) in projects.rows.enumerated() where row.amounts.contains(where: { ($0 ?? 0) < 0 }) {
            out.append(.init(path: .project(i, .amount(0)), message: .init(
                ja: "事業 \(row.code) の金額が負の値です", en: "project \(row.code) has a negative amount")))
        }
        return out
    }
}
