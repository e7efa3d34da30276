import Foundation
import EvalSheetModel

/// §3 構成事業の状況: the header (column labels, money years from the sheet itself), the project
/// rows and the 総事業費 row. Columns are located by the header's labels; every header cell must be
/// one the form has, so a misspelt money header never drops its column.
struct ProjectsReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    private struct Columns {
        var code = 0, name = 1, plan = 2, directions = 3, section = 4
        var money: [(index: Int, column: MoneyColumn)] = []
        /// Every index the table reads.
        var all: [Int] { [code, name, plan, directions, section] + money.map(\.index) }
    }

    private static var namedColumns: [(String, WritableKeyPath<Columns, Int>)] {[
        ("No.", \.code), ("事務事業名", \.name), ("実行計画", \.plan), ("施策の方向性", \.directions), ("担当課", \.section),
    ]}

    func read() -> ProjectTable {
        let heading = lines[lines.startIndex]
        guard let headerAt = lines.firstIndex(where: { Label.key($0.cell(0)) == "No." }) else {
            context.problem("text.missing-header", heading.number,
                ja: "構成事業の状況に見出し行(No. 事務事業名 …)がありません",
                en: "§3 has no header row (No. 事務事業名 …)")
            return ProjectTable(columns: [], rows: [], totals: [])
        }
        checkUnit(lines[..<headerAt])
        let header = lines[headerAt]
        guard let columns = readHeader(header) else {
            return ProjectTable(columns: [], rows: [], totals: [])
        }
        let headerKeys = header.filledIndices.map { Label.key(header.cells[$0]) }
        var rows: [Project] = []
        var totals: [Int?]?
        var totalsLine = 0
        for line in lines[(headerAt + 1)...] where !line.isEmpty {
            let code = line.cell(columns.code)
            let isTotals = Label.key(code) == Label.key(ProjectTable.totalLabel)
            if totals != nil {
                if isTotals {
                    context.problem("text.duplicate-label", line.number,
                        ja: "「\(ProjectTable.totalLabel)」の行が2回あります(最初は \(totalsLine) 行目)",
                        en: "the \(ProjectTable.totalLabel) row appears twice (first on line \(totalsLine))")
                } else if !code.isEmpty, PrintedNumber.foldFullWidth(code).allSatisfy(\.isASCIIDigitCharacter) {
                    context.problem("text.row-after-totals", line.number,
                        ja: "事業 \(Shown.text(code)) の行が「\(ProjectTable.totalLabel)」の行(\(totalsLine) 行目)より後にあります",
                        en: "project \(Shown.text(code)) comes after the \(ProjectTable.totalLabel) row (line \(totalsLine))")
                }
                continue  // anything else after the totals row is reported as unplaced
            }
            if isTotals {
                context.take(line, [columns.code] + columns.money.map(\.index))
                totalsLine = line.number
                totals = columns.money.enumerated().map { c, m in
                    context.sourceMap[.projectTotal(c)] = .line(line.number)
                    return amount(line, m.index, .projectTotal(c))
                }
                continue
            }
            if line.filledIndices.map({ Label.key(line.cells[$0]) }) == headerKeys {
                context.problem("text.duplicate-label", line.number,
                    ja: "構成事業の見出し行が2回あります(最初は \(header.number) 行目)",
                    en: "the §3 header row appears twice (first on line \(header.number))")
                continue
            }
            guard columns.all.contains(where: { !line.cell($0).isEmpty }) else { continue }  // stray cells only
            let row = rows.count
            context.take(line, columns.all.filter { $0 < line.cells.count })
            context.locate(.project(row, .code), line)
            let directionsText = line.cell(columns.directions)
            var directions: [Int] = []
            if let parsed = Project.parseDirections(directionsText) {
                directions = parsed
            } else {
                context.problem("text.directions", line.number,
                    ja: "事業 \(Shown.text(code)) の施策の方向性が読めません(\(CellName.ja(columns.directions))。例: 1,2): \"\(Shown.text(directionsText))\"",
                    en: "project \(Shown.text(code)): cannot read the directions in \(CellName.en(columns.directions)) (e.g. 1,2): \"\(Shown.text(directionsText))\"")
                context.fail(.project(row, .directions))
            }
            let plan = line.cell(columns.plan)
            if !plan.isEmpty, Label.key(plan) != Project.executionPlanMark {
                context.problem("text.execution-plan", line.number,
                    ja: "事業 \(Shown.text(code)) の実行計画は「\(Project.executionPlanMark)」か空欄です(\(CellName.ja(columns.plan))): \"\(Shown.text(plan))\"",
                    en: "project \(Shown.text(code)): 実行計画 in \(CellName.en(columns.plan)) must be \(Project.executionPlanMark) or blank, not \"\(Shown.text(plan))\"")
            }
            let amounts = columns.money.enumerated().map { c, m in amount(line, m.index, .project(row, .amount(c))) }
            rows.append(Project(code: code, name: line.cell(columns.name), inExecutionPlan: !plan.isEmpty,
                                directions: directions, section: line.cell(columns.section), amounts: amounts))
        }
        if totals == nil {
            let last = lines.last { !$0.isEmpty }?.number ?? lines.last!.number
            context.problem("text.missing-record", lines.last!.number,
                ja: "構成事業の状況に「\(ProjectTable.totalLabel)」の行がありません(表は \(header.number) 行目から \(last) 行目)",
                en: "§3 has no \(ProjectTable.totalLabel) row (the table is on lines \(header.number)–\(last))")
            for c in columns.money.indices { context.fail(.projectTotal(c)) }
        }
        return ProjectTable(columns: columns.money.map(\.column), rows: rows,
                            totals: totals ?? Array(repeating: nil, count: columns.money.count))
    }

    /// The unit line `(単位:千円)` — anywhere before the header, including the heading line. Any other
    /// unit would make every amount mean something else, so it is a problem.
    private func checkUnit(_ before: ArraySlice<TextLine>) {
        let unit = Label.key(ProjectTable.unitLabel)
        for line in before {
            for i in line.filledIndices {
                let key = Label.key(line.cells[i])
                if key == unit {
                    context.take(line, i)
                } else if key.hasPrefix("(単位") {
                    context.take(line, i)
                    context.problem("text.unit", line.number,
                        ja: "金額の単位は千円です(\(CellName.ja(i))): \"\(Shown.text(line.cell(i)))\"。金額を千円で書き、単位を「\(ProjectTable.unitLabel)」にしてください",
                        en: "amounts are in thousands of yen (\(CellName.en(i))): \"\(Shown.text(line.cell(i)))\"; write them in 千円 with the unit \(ProjectTable.unitLabel)")
                }
            }
        }
    }

    /// Every header cell is a named column or a money column (`令和元年度決算`); each once.
    /// Nil when a named column is missing (then no row can be read).
    private func readHeader(_ line: TextLine) -> Columns? {
        var c = Columns()
        var found: [String: Int] = [:]
        var moneySeen: [MoneyColumn: Int] = [:]
        for i in line.filledIndices {
            let key = Label.key(line.cells[i])
            context.take(line, i)
            if let (label, keyPath) = Self.namedColumns.first(where: { Label.key($0.0) == key }) {
                if let first = found[label] {
                    context.problem("text.duplicate-label", line.number,
                        ja: "構成事業の見出しに「\(label)」が2回あります(\(CellName.ja(first)) と \(CellName.ja(i)))",
                        en: "the §3 header has \"\(label)\" twice (\(CellName.en(first)) and \(CellName.en(i)))")
                } else {
                    found[label] = i
                    c[keyPath: keyPath] = i
                }
            } else if let m = MoneyColumn(label: line.cells[i]) {
                if let first = moneySeen[m] {
                    context.problem("text.duplicate-label", line.number,
                        ja: "構成事業の見出しに「\(m.label)」が2回あります(\(CellName.ja(first)) と \(CellName.ja(i)))",
                        en: "the §3 header has \"\(m.label)\" twice (\(CellName.en(first)) and \(CellName.en(i)))")
                } else {
                    moneySeen[m] = i
                    context.sourceMap[.moneyColumn(c.money.count)] = .line(line.number)
                    c.money.append((i, m))
                }
            } else {
                context.problem("text.unknown-column", line.number,
                    ja: "構成事業の見出し「\(Shown.text(line.cell(i)))」(\(CellName.ja(i)))は読めません: 列の名前は No.・事務事業名・実行計画・施策の方向性・担当課 と年度の金額列(例: 令和元年度決算、令和2年度予算)です",
                    en: "the §3 header \"\(Shown.text(line.cell(i)))\" (\(CellName.en(i))) is not understood: the columns are No., 事務事業名, 実行計画, 施策の方向性, 担当課 and money columns (e.g. 令和元年度決算, 令和2年度予算)")
            }
        }
        var complete = true
        for (label, _) in Self.namedColumns where found[label] == nil {
            context.problem("text.missing-header", line.number,
                ja: "構成事業の見出しに「\(label)」がありません", en: "§3 header has no \"\(label)\" column")
            complete = false
        }
        if c.money.isEmpty {
            context.problem("text.missing-header", line.number,
                ja: "構成事業の見出しに年度の金額列(例: 令和元年度決算)がありません",
                en: "§3 header has no money columns (e.g. 令和元年度決算)")
        }
        return complete ? c : nil
    }

    /// A money cell: blank → nil; `2,450` → 2450; anything else is a problem naming the line and cell.
    private func amount(_ line: TextLine, _ i: Int, _ path: FieldPath) -> Int? {
        let raw = line.cell(i)
        switch AmountText.parse(raw) {
        case .success(let v): return v
        case .failure(let p):
            let m = AmountText.message(p, cell: i, raw: raw)
            context.problem(p == .beyondBound ? "text.amount-range" : "text.amount", line.number, ja: m.ja, en: m.en)
            context.fail(path)
            return nil
        }
    }
}
