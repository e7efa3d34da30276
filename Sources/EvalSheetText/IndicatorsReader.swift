import Foundation
import EvalSheetModel

/// §4 まちづくり指標: the year header (years from the sheet itself) and, per indicator, three rows —
/// 名称/目標値, 説明/単位/実績値, 抽出方法/達成率. The k-th cell after a value label belongs to the
/// k-th year, whatever column the label sits in; missing trailing cells are blank.
struct IndicatorsReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    func read() throws(TextFormError) -> IndicatorTable {
        let heading = lines[lines.startIndex]
        guard let header = lines.first(where: { Label.key($0.cell(0)) == "指標情報" }) else {
            throw context.error(heading.number, ja: "まちづくり指標に見出し行(指標情報 …)がありません",
                                en: "§4 has no header row (指標情報 …)")
        }
        context.take(header, 0)
        var years: [Int] = []
        for i in header.filledIndices.dropFirst() {
            guard let y = FiscalYearText.parse(header.cell(i)) else {
                throw context.error(header.number, ja: "指標の年度見出しが読めません: \"\(header.cell(i))\"",
                                    en: "cannot read the year header \"\(header.cell(i))\"")
            }
            context.take(header, i)
            context.sourceMap[.indicatorYear(years.count)] = .line(header.number)
            years.append(y)
        }
        var items: [Indicator] = []
        var footnotes: [String] = []
        var current: Indicator?
        func finish() {
            if var item = current {
                item.direction = Self.inferDirection(item)
                items.append(item)
            }
            current = nil
        }
        for line in lines where line.number > header.number && !line.isEmpty {
            if line.cell(0).hasPrefix("※") {
                context.take(line, 0)
                context.sourceMap[.indicatorFootnote] = .line(line.number)
                footnotes.append(line.cell(0))
                continue
            }
            if line.index(ofLabel: "名称") != nil { finish() }
            let index = items.count
            if let nameAt = line.index(ofLabel: "名称") {
                let valueAt = line.index(ofLabel: "目標値", from: nameAt + 1)
                context.take(line, nameAt)
                var number = index + 1
                if let n = line.filled(after: -1, before: nameAt).compactMap({ CircledNumber.parse(line.cells[$0]) }).first {
                    number = n
                    context.take(line, line.filled(after: -1, before: nameAt))
                }
                let name = line.filled(after: nameAt, before: valueAt).first.map { j -> String in
                    context.take(line, j); return line.cell(j)
                } ?? ""
                context.locate(.indicator(index, .number), line)
                current = Indicator(number: number, name: name, description: nil, unit: "", method: nil,
                                    targets: try values(line, after: valueAt, count: years.count, label: "目標値"),
                                    actuals: Array(repeating: .blank, count: years.count),
                                    rates: Array(repeating: .blank, count: years.count))
                for c in years.indices { context.sourceMap[.indicator(index, .target(c))] = .line(line.number) }
            } else if let descAt = line.index(ofLabel: "説明"), current != nil {
                let valueAt = line.index(ofLabel: "実績値", from: descAt + 1)
                context.take(line, descAt)
                readDescriptionAndUnit(line, from: descAt, to: valueAt, into: &current!)
                current!.actuals = try values(line, after: valueAt, count: years.count, label: "実績値")
                context.locate(.indicator(index, .description), line)
                context.locate(.indicator(index, .unit), line)
                for c in years.indices { context.sourceMap[.indicator(index, .actual(c))] = .line(line.number) }
            } else if let methodAt = line.index(ofLabel: "抽出方法"), current != nil {
                let valueAt = line.index(ofLabel: "達成率", from: methodAt + 1)
                context.take(line, methodAt)
                if let j = line.filled(after: methodAt, before: valueAt).first {
                    context.take(line, j)
                    current!.method = line.cell(j)
                }
                current!.rates = try values(line, after: valueAt, count: years.count, label: "達成率")
                context.locate(.indicator(index, .method), line)
                for c in years.indices { context.sourceMap[.indicator(index, .rate(c))] = .line(line.number) }
            }
        }
        finish()
        return IndicatorTable(years: years, items: items, footnote: footnotes.isEmpty ? nil : footnotes.joined(separator: "\n"))
    }

    /// Row B's cells between 説明 and 実績値, in any of the four shapes of the real data:
    /// `単位|%`, `desc|単位 %`, `単位 %`, `|単位|%`.
    private func readDescriptionAndUnit(_ line: TextLine, from start: Int, to end: Int?, into item: inout Indicator) {
        let filled = line.filled(after: start, before: end)
        guard let unitAt = filled.first(where: { Label.key(line.cells[$0]).hasPrefix("単位") }) else {
            if let d = filled.first { context.take(line, d); item.description = line.cell(d) }
            return
        }
        context.take(line, unitAt)
        let unitCell = line.cell(unitAt)
        let afterLabel = unitCell.dropFirst(unitCell.hasPrefix("単位") ? 2 : 0).trimmedSpaces()
        if afterLabel.isEmpty {
            if let u = filled.first(where: { $0 > unitAt }) {
                context.take(line, u)
                item.unit = line.cell(u)
            }
        } else {
            item.unit = String(afterLabel)
        }
        if let d = filled.first(where: { $0 < unitAt }) {
            context.take(line, d)
            item.description = line.cell(d)
        }
    }

    /// `count` value cells after the label: the k-th cell belongs to the k-th year; missing cells are blank.
    private func values(_ line: TextLine, after labelAt: Int?, count: Int, label: String) throws(TextFormError) -> [IndicatorValue] {
        guard let labelAt else {
            throw context.error(line.number, ja: "指標の行に「\(label)」の見出しがありません",
                                en: "indicator row has no \"\(label)\" label")
        }
        context.take(line, labelAt)
        var out: [IndicatorValue] = []
        for k in 0..<count {
            let i = labelAt + 1 + k
            let raw = line.cell(i)
            guard let v = IndicatorValue(parsing: raw) else {
                throw context.error(line.number, ja: "\(label)が数値・「—」・空欄のいずれでもありません(\(i + 1)列目): \"\(raw)\"",
                                    en: "\(label) in cell \(i + 1) is not a number, \"—\" or blank: \"\(raw)\"")
            }
            if i < line.cells.count { context.take(line, i) }
            out.append(v)
        }
        return out
    }

    /// Lower is better when some printed rate equals target ÷ actual and none equals actual ÷ target.
    static func inferDirection(_ item: Indicator) -> IndicatorDirection {
        var lower = 0, higher = 0
        for c in item.rates.indices {
            guard let rate = item.rates[c].number, c < item.targets.count, c < item.actuals.count,
                  let t = item.targets[c].number, let a = item.actuals[c].number else { continue }
            let up = AchievementRate.percent(actual: a.value, target: t.value, direction: .higherIsBetter)
            let down = AchievementRate.percent(actual: a.value, target: t.value, direction: .lowerIsBetter)
            if up == rate.value { higher += 1 } else if down == rate.value { lower += 1 }
        }
        return lower > 0 && higher == 0 ? .lowerIsBetter : .higherIsBetter
    }
}
