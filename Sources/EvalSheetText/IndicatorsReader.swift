import Foundation
import EvalSheetModel

/// §4 まちづくり指標: the year header (years from the sheet itself) and, per indicator, three rows —
/// 名称/目標値, 説明/単位/実績値, 抽出方法/達成率. The k-th cell after a value label belongs to the
/// k-th year, whatever column the label sits in; missing trailing cells are blank.
///
/// Each indicator has each row once: a second 説明 or 抽出方法 row, a row label the form does not
/// have, or a missing row is a problem — a row never lands on another indicator.
struct IndicatorsReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    static let headerLabel = "指標情報"

    private enum Row: String { case name = "名称", description = "説明", method = "抽出方法" }

    /// The indicator being read and the lines of its rows.
    private struct Pending {
        var item: Indicator
        var index: Int
        var rows: [Row: Int]
    }

    func read() -> IndicatorTable {
        let heading = lines[lines.startIndex]
        guard let header = lines.first(where: { Label.key($0.cell(0)) == Self.headerLabel }) else {
            context.problem("text.missing-header", heading.number,
                ja: "まちづくり指標に見出し行(指標情報 …)がありません",
                en: "§4 has no header row (指標情報 …)")
            return IndicatorTable(years: [], items: [], footnote: nil)
        }
        context.take(header, 0)
        var years: [Int] = []
        for i in header.filledIndices.dropFirst() {
            context.take(header, i)
            context.sourceMap[.indicatorYear(years.count)] = .line(header.number)
            if let y = FiscalYearText.parse(header.cell(i)) {
                years.append(y)
            } else {
                context.problem("text.unknown-column", header.number,
                    ja: "指標の年度見出しが読めません(\(CellName.ja(i))。例: 令和元年度): \"\(Shown.text(header.cell(i)))\"",
                    en: "cannot read the year header in \(CellName.en(i)) (e.g. 令和元年度): \"\(Shown.text(header.cell(i)))\"")
                context.fail(.indicatorYear(years.count))
                years.append(EvaluationSheet.fiscalYearRange.lowerBound)
            }
        }
        var items: [Indicator] = []
        var footnotes: [String] = []
        var current: Pending?
        var orphaned = false
        func finish(checked: Bool = true) {
            guard var p = current else { return }
            current = nil
            if checked, let at = p.rows[.name] {
                for row in [Row.description, .method] where p.rows[row] == nil {
                    context.problem("text.missing-record", at,
                        ja: "指標\(CircledNumber.text(p.item.number))に「\(row.rawValue)」の行がありません",
                        en: "indicator \(CircledNumber.text(p.item.number)) has no \(row.rawValue) row")
                }
            }
            p.item.direction = Self.inferDirection(p.item)
            items.append(p.item)
        }
        for line in lines where line.number > header.number && !line.isEmpty {
            if line.cell(0).hasPrefix("※") {
                context.take(line, 0)
                if context.sourceMap[.indicatorFootnote] == nil { context.sourceMap[.indicatorFootnote] = .line(line.number) }
                footnotes.append(line.cell(0))
                continue
            }
            let filled = line.filledIndices
            var k = 0
            var number: (Int, Int)?
            if filled.count > 1, let n = OrdinalText.parse(line.cells[filled[0]]) {
                number = (n, filled[0])
                k = 1
            }
            let labelAt = filled[k]
            let key = Label.key(line.cells[labelAt])
            guard let row = Row(rawValue: key) else {
                if key == Self.headerLabel {
                    context.problem("text.duplicate-label", line.number,
                        ja: "まちづくり指標の見出し行が2回あります(最初は \(header.number) 行目)",
                        en: "the §4 header row appears twice (first on line \(header.number))")
                } else if number == nil, filled.count == 1, OrdinalText.parse(line.cells[labelAt]) != nil {
                    continue  // a lone number: reported as unplaced
                } else {
                    context.problem("text.unknown-label", line.number,
                        ja: "「\(Shown.text(line.cell(labelAt)))」はまちづくり指標の行の名前ではありません(\(CellName.ja(labelAt))): 名称・説明・抽出方法 のいずれかです",
                        en: "\"\(Shown.text(line.cell(labelAt)))\" (\(CellName.en(labelAt))) is not a row of §4: it is 名称, 説明 or 抽出方法")
                    finish(checked: false)
                    orphaned = true
                }
                continue
            }
            if row == .name {
                finish()
                orphaned = false
                let index = items.count
                context.take(line, labelAt)
                if let at = number?.1 { context.take(line, at) }
                let valueAt = line.index(ofLabel: "目標値", from: labelAt + 1)
                var name = ""
                if let j = line.filled(after: labelAt, before: valueAt).first {
                    context.take(line, j)
                    name = line.cell(j)
                }
                context.locate(.indicator(index, .number), line)
                let item = Indicator(number: number?.0 ?? index + 1, name: name, description: nil, unit: "", method: nil,
                                     targets: values(line, after: valueAt, count: years.count, label: "目標値") { .indicator(index, .target($0)) },
                                     actuals: Array(repeating: .blank, count: years.count),
                                     rates: Array(repeating: .blank, count: years.count))
                for c in years.indices { context.sourceMap[.indicator(index, .target(c))] = .line(line.number) }
                current = Pending(item: item, index: index, rows: [.name: line.number])
                continue
            }
            guard var p = current else {
                if !orphaned {
                    context.problem("text.missing-record", line.number,
                        ja: "「\(row.rawValue)」の行の前に「名称」の行がありません",
                        en: "the \(row.rawValue) row has no 名称 row before it")
                }
                continue
            }
            if let first = p.rows[row] {
                context.problem("text.duplicate-label", line.number,
                    ja: "指標\(CircledNumber.text(p.item.number))の「\(row.rawValue)」の行が2回あります(最初は \(first) 行目)",
                    en: "indicator \(CircledNumber.text(p.item.number)) has a second \(row.rawValue) row (first on line \(first))")
                continue
            }
            p.rows[row] = line.number
            context.take(line, labelAt)
            if case let (n, at)? = number {
                context.take(line, at)
                if n != p.item.number {
                    context.problem("text.conflicting-number", line.number,
                        ja: "指標の番号が行によって違います(\(CircledNumber.text(p.item.number)) と \(CircledNumber.text(n)))",
                        en: "the indicator's rows print different numbers (\(CircledNumber.text(p.item.number)) and \(CircledNumber.text(n)))")
                }
            }
            let index = p.index
            if row == .description {
                let valueAt = line.index(ofLabel: "実績値", from: labelAt + 1)
                readDescriptionAndUnit(line, from: labelAt, to: valueAt, into: &p.item)
                p.item.actuals = values(line, after: valueAt, count: years.count, label: "実績値") { .indicator(index, .actual($0)) }
                context.locate(.indicator(index, .description), line)
                context.locate(.indicator(index, .unit), line)
                for c in years.indices { context.sourceMap[.indicator(index, .actual(c))] = .line(line.number) }
            } else {
                let valueAt = line.index(ofLabel: "達成率", from: labelAt + 1)
                if let j = line.filled(after: labelAt, before: valueAt).first {
                    context.take(line, j)
                    p.item.method = line.cell(j)
                }
                p.item.rates = values(line, after: valueAt, count: years.count, label: "達成率") { .indicator(index, .rate($0)) }
                context.locate(.indicator(index, .method), line)
                for c in years.indices { context.sourceMap[.indicator(index, .rate(c))] = .line(line.number) }
            }
            current = p
        }
        finish()
        return IndicatorTable(years: years, items: items, footnote: footnotes.isEmpty ? nil : footnotes.joined(separator: "\n"))
    }

    /// Row B's cells between 説明 and 実績値, in any of the four shapes of the real data:
    /// `単位|%`, `desc|単位 %`, `単位 %`, `|単位|%`. The unit cell is `単位` alone or `単位 ` + unit (as
    /// the writer prints it); failing that, the first cell starting with 単位 (`単位%`). The
    /// description is the cell before it.
    private func readDescriptionAndUnit(_ line: TextLine, from start: Int, to end: Int?, into item: inout Indicator) {
        let filled = line.filled(after: start, before: end)
        func isUnitCell(_ i: Int) -> Bool {
            let c = line.cell(i)
            return c == "単位" || c.hasPrefix("単位 ") || c.hasPrefix("単位\u{3000}")
        }
        guard let unitAt = filled.first(where: isUnitCell) ?? filled.first(where: { Label.key(line.cells[$0]).hasPrefix("単位") }) else {
            if let d = filled.first { context.take(line, d); item.description = line.cell(d) }
            return
        }
        context.take(line, unitAt)
        let afterLabel = line.cell(unitAt).dropFirst(2).trimmedSpaces()
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

    /// `count` value cells after the label: the k-th cell belongs to the k-th year; missing cells are
    /// blank. A cell that is no value is a problem naming it (and reads as blank, so the rest of the
    /// sheet is still checked).
    private func values(_ line: TextLine, after labelAt: Int?, count: Int, label: String,
                        path: (Int) -> FieldPath) -> [IndicatorValue] {
        guard let labelAt else {
            context.problem("text.missing-label", line.number,
                ja: "指標の行に「\(label)」の見出しがありません", en: "indicator row has no \"\(label)\" label")
            for c in 0..<count { context.fail(path(c)) }
            return Array(repeating: .blank, count: count)
        }
        context.take(line, labelAt)
        var out: [IndicatorValue] = []
        for k in 0..<count {
            let i = labelAt + 1 + k
            let raw = line.cell(i)
            if i < line.cells.count { context.take(line, i) }
            if let v = IndicatorValue(parsing: raw) {
                out.append(v)
                continue
            }
            let shown = Shown.text(raw)
            if Self.looksNumeric(raw) {
                context.problem("text.indicator-number", line.number,
                    ja: "\(label)の数値 \"\(shown)\"(\(CellName.ja(i)))は扱えません(有効数字 \(PrintedNumber.maximumSignificantDigits) 桁、小数点以下 \(PrintedNumber.maximumFractionDigits) 桁まで)",
                    en: "\(label) in \(CellName.en(i)): the number \"\(shown)\" has more than \(PrintedNumber.maximumSignificantDigits) significant digits or \(PrintedNumber.maximumFractionDigits) decimals")
            } else {
                context.problem("text.indicator-value", line.number,
                    ja: "\(label)が数値・「—」・空欄のいずれでもありません(\(CellName.ja(i))): \"\(shown)\"",
                    en: "\(label) in \(CellName.en(i)) is not a number, \"—\" or blank: \"\(shown)\"")
            }
            context.fail(path(k))
            out.append(.blank)
        }
        return out
    }

    /// Digits with at most the printed extras (`,` `.` `%` `(※)`): a number too long to keep exactly.
    static func looksNumeric(_ raw: String) -> Bool {
        var s = PrintedNumber.foldFullWidth(raw)
        if s.hasSuffix(PrintedNumber.footnoteMark) { s.removeLast(PrintedNumber.footnoteMark.count) }
        if s.hasSuffix("%") { s.removeLast() }
        if s.hasPrefix("-") { s.removeFirst() }
        return s.contains(where: \.isASCIIDigitCharacter) && s.allSatisfy { $0.isASCIIDigitCharacter || $0 == "," || $0 == "." }
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
