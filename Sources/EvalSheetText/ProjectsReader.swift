import Foundation
import EvalSheetModel
import EvalSheetForm

/// §3 構成事業の状況: the header (column labels, money years from the sheet itself), the project
/// rows and the 総事業費 row. Columns are located by the header's labels (`ProjectColumn`, the
/// template's wording); every header cell must be one the form has, so a misspelt money header
/// never drops its column.
struct ProjectsReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    private struct Columns {
        let named: HeaderColumns<ProjectColumn>
        let money: [(index: Int, column: MoneyColumn)]
        /// Every index the table reads.
        let all: [Int]

        init(named: HeaderColumns<ProjectColumn>, money: [(index: Int, column: MoneyColumn)]) {
            self.named = named
            self.money = money
            all = named.all + money.map(\.index)
        }
    }

    /// The rows read so far and the totals row, once found.
    private struct Table {
        var rows: [Project] = []
        var totals: (amounts: [Int?], line: Int)?
    }

    private var words: TextVocabulary { context.words }
    private var totalLabel: String { words.labels.total }

    private func label(_ c: ProjectColumn) -> String { words.projectColumns[c] }

    func read() -> ProjectTable {
        let heading = lines[lines.startIndex]
        let codeKey = Label.key(label(.code))
        guard let headerAt = lines.firstIndex(where: { Label.matches($0.cell(0), codeKey) }) else {
            context.missingHeaderRow(section: 3, at: heading.number, example: "\(label(.code)) \(label(.name)) …")
            return ProjectTable(columns: [], rows: [], totals: [])
        }
        checkUnit(lines[..<headerAt])
        let header = lines[headerAt]
        guard let columns = readHeader(header) else {
            return ProjectTable(columns: [], rows: [], totals: [])
        }
        let headerKeys = header.filledKeys
        var table = Table()
        for line in lines[(headerAt + 1)...] where !line.isEmpty {
            let code = line.cell(columns.named[.code])
            let isTotals = Label.matches(code, words.totalKey)
            if let totals = table.totals {
                reportAfterTotals(line, code: code, isTotals: isTotals, totalsLine: totals.line)
            } else if isTotals {
                context.take(line, [columns.named[.code]] + columns.money.map(\.index))
                table.totals = (columns.money.enumerated().map { c, m in
                    context.sourceMap[.projectTotal(c)] = .line(line.number)
                    return amount(line, m.index, .projectTotal(c))
                }, line.number)
            } else if line.hasFilledKeys(headerKeys) {
                context.duplicateHeaderRow(section: 3, at: line.number, first: header.number)
            } else if columns.all.contains(where: { !line.cell($0).isEmpty }) {  // else stray cells only
                table.rows.append(readRow(line, columns, row: table.rows.count))
            }
        }
        guard let totals = table.totals else {
            let last = lines.last { !$0.isEmpty }?.number ?? lines.last!.number
            context.problem("text.missing-record", lines.last!.number,
                ja: "\(words.section(3).name)に「\(totalLabel)」の行がありません(表は \(header.number) 行目から \(last) 行目)",
                en: "§3 has no \(totalLabel) row (the table is on lines \(header.number)–\(last))")
            for c in columns.money.indices { context.fail(.projectTotal(c)) }
            return ProjectTable(columns: columns.money.map(\.column), rows: table.rows,
                                totals: Array(repeating: nil, count: columns.money.count))
        }
        return ProjectTable(columns: columns.money.map(\.column), rows: table.rows, totals: totals.amounts)
    }

    /// A line after the totals row: a second totals row or a project row is a problem; anything
    /// else is reported as unplaced.
    private func reportAfterTotals(_ line: TextLine, code: String, isTotals: Bool, totalsLine: Int) {
        if isTotals {
            context.problem("text.duplicate-label", line.number,
                ja: "「\(totalLabel)」の行が2回あります(最初は \(totalsLine) 行目)",
                en: "the \(totalLabel) row appears twice (first on line \(totalsLine))")
        } else if !code.isEmpty, PrintedNumber.foldFullWidth(code).allSatisfy(\.isASCIIDigitCharacter) {
            context.problem("text.row-after-totals", line.number,
                ja: "事業 \(Shown.text(code)) の行が「\(totalLabel)」の行(\(totalsLine) 行目)より後にあります",
                en: "project \(Shown.text(code)) comes after the \(totalLabel) row (line \(totalsLine))")
        }
    }

    /// One project row: its cells by the header's columns.
    private func readRow(_ line: TextLine, _ columns: Columns, row: Int) -> Project {
        let code = line.cell(columns.named[.code])
        context.take(line, columns.all.filter { $0 < line.texts.count })
        context.locate(.project(row, .code), line)
        let directionsAt = columns.named[.directions]
        let directionsText = line.cell(directionsAt)
        var directions: [Int] = []
        if let parsed = Project.parseDirections(directionsText) {
            directions = parsed
        } else {
            context.problem("text.directions", line.number,
                ja: "事業 \(Shown.text(code)) の\(label(.directions))が読めません(\(CellName.ja(directionsAt))。例: 1,2): \"\(Shown.text(directionsText))\"",
                en: "project \(Shown.text(code)): cannot read the directions in \(CellName.en(directionsAt)) (e.g. 1,2): \"\(Shown.text(directionsText))\"")
            context.fail(.project(row, .directions))
        }
        let planAt = columns.named[.executionPlan]
        let plan = line.cell(planAt)
        if !plan.isEmpty, !Label.matches(plan, Project.executionPlanMark) {
            let planLabel = label(.executionPlan), mark = Project.executionPlanMark
            context.problem("text.execution-plan", line.number,
                ja: "事業 \(Shown.text(code)) の\(planLabel)は「\(mark)」か空欄です(\(CellName.ja(planAt))): \"\(Shown.text(plan))\"",
                en: "project \(Shown.text(code)): \(planLabel) in \(CellName.en(planAt)) must be \(mark) or blank, not \"\(Shown.text(plan))\"")
        }
        let amounts = columns.money.enumerated().map { c, m in amount(line, m.index, .project(row, .amount(c))) }
        return Project(code: code, name: line.cell(columns.named[.name]), inExecutionPlan: !plan.isEmpty,
                       directions: directions, section: line.cell(columns.named[.section]), amounts: amounts)
    }

    /// The unit line `(単位:千円)` — anywhere before the header, including the heading line. Any other
    /// unit would make every amount mean something else, so it is a problem.
    private func checkUnit(_ before: ArraySlice<TextLine>) {
        let unitLabel = words.labels.unit, unitWord = words.template.textForm.amountUnitWord
        for line in before {
            for i in line.filledIndices {
                let key = Label.key(line.texts[i])
                if key == words.amountUnitKey {
                    context.take(line, i)
                } else if key.hasPrefix(words.amountUnitStart) {
                    context.take(line, i)
                    context.problem("text.unit", line.number,
                        ja: "金額の\(unitWord)は千円です(\(CellName.ja(i))): \"\(Shown.text(line.cell(i)))\"。金額を千円で書き、\(unitWord)を「\(unitLabel)」にしてください",
                        en: "amounts are in thousands of yen (\(CellName.en(i))): \"\(Shown.text(line.cell(i)))\"; write them in 千円 with the unit \(unitLabel)")
                }
            }
        }
    }

    /// Every header cell is a named column or a money column (`令和元年度決算`); each once.
    /// Nil when a named column is missing (then no row can be read).
    private func readHeader(_ line: TextLine) -> Columns? {
        var money: [(index: Int, column: MoneyColumn)] = []
        var moneySeen: [MoneyColumn: Int] = [:]
        let named = context.matchHeader(line, section: 3, labels: words.projectColumns) { i in
            guard let m = MoneyColumn(label: line.texts[i]) else {
                let names = ProjectColumn.allCases.map(label)
                context.unknownColumn(line, i, section: 3, columns: (
                    ja: names.joined(separator: "・") + " と年度の金額列(例: 令和元年度決算、令和2年度予算)",
                    en: names.joined(separator: ", ") + " and money columns (e.g. 令和元年度決算, 令和2年度予算)"))
                return
            }
            if let first = moneySeen[m] {
                context.duplicateHeaderLabel(m.label, line, section: 3, first: first, then: i)
            } else {
                moneySeen[m] = i
                context.sourceMap[.moneyColumn(money.count)] = .line(line.number)
                money.append((i, m))
            }
        }
        let columns = context.requireColumns(named, line, section: 3, label: label)
        if money.isEmpty {
            context.problem("text.missing-header", line.number,
                ja: "\(words.section(3).shortName)の見出しに年度の金額列(例: 令和元年度決算)がありません",
                en: "§3 header has no money columns (e.g. 令和元年度決算)")
        }
        return columns.map { Columns(named: $0, money: money) }
    }

    /// A money cell: blank → nil; `2,450` → 2450; anything else is a problem naming the line and cell.
    private func amount(_ line: TextLine, _ i: Int, _ path: FieldPath) -> Int? {
        let raw = line.cell(i)
        switch AmountText.parse(raw) {
        case .success(let v):
            if let v, !AmountText.isPrintedAsWritten(raw), TextFormWriter.amountText(v) != raw, String(v) != raw {
                // Full-width digits, leading zeros, other grouping: the same amount, printed otherwise.
                context.note("text.number-normalized", line.number,
                             ja: "金額「\(raw)」(\(CellName.ja(i)))を \(TextFormWriter.amountText(v)) として読みました",
                             en: "the amount \"\(raw)\" in \(CellName.en(i)) was read as \(TextFormWriter.amountText(v))")
            }
            return v
        case .failure(let p):
            let m = AmountText.message(p, cell: i, raw: raw)
            context.problem(p == .beyondBound ? "text.amount-range" : "text.amount", line.number, ja: m.ja, en: m.en)
            context.fail(path)
            return nil
        }
    }
}
