import Foundation
import EvalSheetModel
import EvalSheetForm

/// §4 まちづくり指標: the year header (years from the sheet itself) and, per indicator, three rows —
/// 名称/目標値, 説明/単位/実績値, 抽出方法/達成率 (`IndicatorRow`, the template's labels). The k-th
/// cell after a value label belongs to the k-th year, whatever column the label sits in; missing
/// trailing cells are blank.
///
/// Each indicator has each row once: a second 説明 or 抽出方法 row, a row label the form does not
/// have, or a missing row is a problem — a row never lands on another indicator.
struct IndicatorsReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    /// The indicator being read and the lines of its rows.
    private struct Pending {
        var item: Indicator
        var index: Int
        var rows: [IndicatorRow: Int]
    }

    /// What has been read: the finished indicators, the footnote lines, the indicator being read,
    /// and whether the rows that follow belong to one whose 名称 row was not understood.
    private struct State {
        var items: [Indicator] = []
        var footnotes: [String] = []
        var current: Pending?
        var orphaned = false
    }

    private var words: TextVocabulary { context.words }

    private func label(_ row: IndicatorRow) -> String { words.indicatorRows[row] }

    func read() -> IndicatorTable {
        let heading = lines[lines.startIndex]
        let headerKey = Label.key(words.labels.indicatorHeader)
        guard let header = lines.first(where: { Label.matches($0.cell(0), headerKey) }) else {
            context.missingHeaderRow(section: 4, at: heading.number, example: "\(words.labels.indicatorHeader) …")
            return IndicatorTable(years: [], items: [], footnote: nil)
        }
        let years = readYears(header)
        var state = State()
        for line in lines where line.number > header.number && !line.isEmpty {
            if TextPrefix.noteMark.opens(line.cell(0)) {
                context.take(line, 0)
                if context.sourceMap[.indicatorFootnote] == nil { context.sourceMap[.indicatorFootnote] = .line(line.number) }
                state.footnotes.append(line.cell(0))
                continue
            }
            readRow(line, header: header, years: years.count, into: &state)
        }
        finish(&state)
        let footnote = state.footnotes.isEmpty ? nil : state.footnotes.joined(separator: "\n")
        return IndicatorTable(years: years, items: state.items, footnote: footnote)
    }

    /// The years of the header row (`令和元年度` …); one that cannot be read is a problem.
    private func readYears(_ header: TextLine) -> [Int] {
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
        return years
    }

    /// Ends the indicator being read; `checked`: report the rows it lacks.
    private func finish(_ state: inout State, checked: Bool = true) {
        guard var p = state.current else { return }
        state.current = nil
        if checked, let at = p.rows[.name] {
            for row in [IndicatorRow.description, .method] where p.rows[row] == nil {
                context.problem("text.missing-record", at,
                    ja: "指標\(CircledNumber.text(p.item.number))に「\(label(row))」の行がありません",
                    en: "indicator \(CircledNumber.text(p.item.number)) has no \(label(row)) row")
            }
        }
        p.item.direction = Self.inferDirection(p.item)
        state.items.append(p.item)
    }

    /// One row of the table: an optional number, the row's label, its cells.
    private func readRow(_ line: TextLine, header: TextLine, years: Int, into state: inout State) {
        let filled = line.filledIndices
        var k = 0
        var number: (value: Int, at: Int)?
        if filled.count > 1, let n = OrdinalText.parse(line.texts[filled[0]]) {
            number = (n, filled[0])
            k = 1
        }
        let labelAt = filled[k]
        let key = Label.key(line.texts[labelAt])
        guard let row = words.indicatorRows.first(withKey: key) else {
            if key == Label.key(words.labels.indicatorHeader) {
                context.duplicateHeaderRow(section: 4, at: line.number, first: header.number)
            } else if number != nil || filled.count != 1 || OrdinalText.parse(line.texts[labelAt]) == nil {
                // (a lone number is reported as unplaced)
                reportUnknownRow(line, labelAt, into: &state)
            }
            return
        }
        if row == .name {
            finish(&state)
            state.orphaned = false
            state.current = readNameRow(line, labelAt: labelAt, number: number, index: state.items.count, years: years)
            return
        }
        guard var p = state.current else {
            if !state.orphaned {
                context.problem("text.missing-record", line.number,
                    ja: "「\(label(row))」の行の前に「\(label(.name))」の行がありません",
                    en: "the \(label(row)) row has no \(label(.name)) row before it")
            }
            return
        }
        if let first = p.rows[row] {
            context.problem("text.duplicate-label", line.number,
                ja: "指標\(CircledNumber.text(p.item.number))の「\(label(row))」の行が2回あります(最初は \(first) 行目)",
                en: "indicator \(CircledNumber.text(p.item.number)) has a second \(label(row)) row (first on line \(first))")
            return
        }
        p.rows[row] = line.number
        context.take(line, labelAt)
        if let (n, at) = number {
            context.take(line, at)
            if n != p.item.number {
                context.problem("text.conflicting-number", line.number,
                    ja: "指標の番号が行によって違います(\(CircledNumber.text(p.item.number)) と \(CircledNumber.text(n)))",
                    en: "the indicator's rows print different numbers (\(CircledNumber.text(p.item.number)) and \(CircledNumber.text(n)))")
            }
        }
        readValueRow(row, line, labelAt: labelAt, years: years, into: &p)
        state.current = p
    }

    /// A row label the form does not have: the indicator being read ends, and the rows that follow
    /// (until the next 名称) belong to the row not understood.
    private func reportUnknownRow(_ line: TextLine, _ labelAt: Int, into state: inout State) {
        let names = IndicatorRow.allCases.map(label)
        context.problem("text.unknown-label", line.number,
            ja: "「\(Shown.text(line.cell(labelAt)))」は\(words.section(4).name)の行の名前ではありません(\(CellName.ja(labelAt))): \(names.joined(separator: "・")) のいずれかです",
            en: "\"\(Shown.text(line.cell(labelAt)))\" (\(CellName.en(labelAt))) is not a row of §4: it is \(names.dropLast().joined(separator: ", ")) or \(names.last ?? "")")
        finish(&state, checked: false)
        state.orphaned = true
    }

    /// Row A: the number, 名称 and the name, 目標値 and the targets — a new indicator.
    private func readNameRow(_ line: TextLine, labelAt: Int, number: (value: Int, at: Int)?, index: Int, years: Int) -> Pending {
        context.take(line, labelAt)
        if let at = number?.at { context.take(line, at) }
        let valueAt = valueLabel(.name, in: line, after: labelAt)
        var name = ""
        if let j = line.filled(after: labelAt, before: valueAt).first {
            context.take(line, j)
            name = line.cell(j)
        }
        context.locate(.indicator(index, .number), line)
        var item = Indicator(number: number?.value ?? index + 1, name: name, description: nil, unit: "", method: nil,
                             targets: [], actuals: Array(repeating: .blank, count: years),
                             rates: Array(repeating: .blank, count: years))
        item.targets = values(.name, line, after: valueAt, count: years, index: index)
        for c in 0..<years { context.sourceMap[IndicatorRow.name.path(index, c)] = .line(line.number) }
        return Pending(item: item, index: index, rows: [.name: line.number])
    }

    /// Row B (説明, 単位, 実績値 and the actuals) or row C (抽出方法, 達成率 and the rates).
    private func readValueRow(_ row: IndicatorRow, _ line: TextLine, labelAt: Int, years: Int, into p: inout Pending) {
        let index = p.index
        let valueAt = valueLabel(row, in: line, after: labelAt)
        switch row {
        case .description:
            readDescriptionAndUnit(line, from: labelAt, to: valueAt, into: &p.item)
            context.locate(.indicator(index, .description), line)
            context.locate(.indicator(index, .unit), line)
        case .method:
            if let j = line.filled(after: labelAt, before: valueAt).first {
                context.take(line, j)
                p.item.method = line.cell(j)
            }
        case .name:
            break  // read by readNameRow
        }
        p.item[keyPath: row.values] = values(row, line, after: valueAt, count: years, index: index)
        if row == .method { context.locate(.indicator(index, .method), line) }
        for c in 0..<years { context.sourceMap[row.path(index, c)] = .line(line.number) }
    }

    /// Where the row's value label (目標値, 実績値, 達成率) is, after the row label.
    private func valueLabel(_ row: IndicatorRow, in line: TextLine, after labelAt: Int) -> Int? {
        line.index(ofLabel: words.indicatorValueLabels.key(row), from: labelAt + 1)
    }

    /// Row B's cells between 説明 and 実績値, in any of the four shapes of the real data:
    /// `単位|%`, `desc|単位 %`, `単位 %`, `|単位|%`. The unit cell is `単位` (`labels.indicatorUnit`)
    /// alone or `単位 ` + unit (as the writer prints it); failing that, the first cell starting with
    /// 単位 (`単位%`). The description is the cell before it.
    private func readDescriptionAndUnit(_ line: TextLine, from start: Int, to end: Int?, into item: inout Indicator) {
        let filled = line.filled(after: start, before: end)
        let unit = words.labels.indicatorUnit, unitKey = Label.key(unit)
        func isUnitCell(_ i: Int) -> Bool {
            let c = line.cell(i)
            return c == unit || c.hasPrefix(unit + " ") || c.hasPrefix(unit + "\u{3000}")
        }
        guard let unitAt = filled.first(where: isUnitCell) ?? filled.first(where: { Label.key(line.texts[$0]).hasPrefix(unitKey) }) else {
            if let d = filled.first {
                context.take(line, d)
                item.description = line.cell(d)
                // Without the 単位 label the reader cannot tell a unit from a description.
                context.note("text.unit-label-missing", line.number,
                             ja: "「\(words.labels.indicatorDescription)」の行に「\(unit)」の見出しがないため、「\(Shown.text(line.cell(d)))」を\(words.labels.indicatorDescription)として読みました(\(unit)なら「\(unit)」の見出しを付けてください)",
                             en: "the \(words.labels.indicatorDescription) row has no \(unit) label, so \"\(Shown.text(line.cell(d)))\" was read as the description (label it \(unit) if it is the unit)")
            }
            return
        }
        context.take(line, unitAt)
        let afterLabel = line.cell(unitAt).dropFirst(unit.count).trimmedSpaces()
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
    private func values(_ row: IndicatorRow, _ line: TextLine, after labelAt: Int?, count: Int, index: Int) -> [IndicatorValue] {
        let label = words.indicatorValueLabels[row]
        func path(_ c: Int) -> FieldPath { row.path(index, c) }
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
            if i < line.texts.count { context.take(line, i) }
            // A cell typed as the sheet prints it is read without a change: not printed again to see.
            let read = PlainIndicatorText.asWritten(raw).map { (value: $0, readAs: String?.none) }
                ?? (PlainIndicatorText.isPrintedAsWritten(raw)
                    ? IndicatorValue(parsing: raw).map { (value: $0, readAs: String?.none) } : IndicatorValue.parsingReportingChanges(raw))
            if let (v, readAs) = read {
                if let readAs {
                    context.note("text.number-normalized", line.number,
                        ja: "\(label)の「\(Shown.text(raw))」(\(CellName.ja(i)))を「\(readAs)」として読みました",
                        en: "\(label) in \(CellName.en(i)): \"\(Shown.text(raw))\" was read as \"\(readAs)\"")
                }
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
            if PrintedRateCheck.matches(rate.value, actual: a.value, target: t.value, .higherIsBetter) {
                higher += 1
            } else if PrintedRateCheck.matches(rate.value, actual: a.value, target: t.value, .lowerIsBetter) {
                lower += 1
            }
        }
        return lower > 0 && higher == 0 ? .lowerIsBetter : .higherIsBetter
    }
}
