import Foundation
import EvalSheetModel

/// §3 構成事業の状況: the header (column labels, money years from the sheet itself), the project
/// rows and the 総事業費 row. Columns are located by the header's labels.
struct ProjectsReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    private struct Columns {
        var code = 0, name = 1, plan = 2, directions = 3, section = 4
        var money: [(index: Int, column: MoneyColumn)] = []
        var last: Int { max(section, money.last?.index ?? section) }
    }

    func read() throws(TextFormError) -> ProjectTable {
        let heading = lines[lines.startIndex]
        for line in lines {
            if let i = line.index(ofLabel: "(単位:千円)") { context.take(line, i) }
        }
        guard let headerAt = lines.firstIndex(where: { Label.key($0.cell(0)) == "No." }) else {
            throw context.error(heading.number, ja: "構成事業の状況に見出し行(No. 事務事業名 …)がありません",
                                en: "§3 has no header row (No. 事務事業名 …)")
        }
        let header = lines[headerAt]
        let columns = try readHeader(header)
        var rows: [Project] = []
        var totals: [Int?]?
        for line in lines[(headerAt + 1)...] where !line.isEmpty {
            if totals != nil {
                continue  // anything after the totals row is reported as unplaced
            }
            if Label.key(line.cell(columns.code)) == Label.key(ProjectTable.totalLabel) {
                context.take(line, columns.code)
                totals = try columns.money.enumerated().map { c, m throws(TextFormError) in
                    context.take(line, m.index)
                    context.sourceMap[.projectTotal(c)] = .line(line.number)
                    return try amount(line, m.index)
                }
                continue
            }
            let code = line.cell(columns.code)
            guard !code.isEmpty else { continue }
            context.take(line, Array(0...columns.last))
            let directionsText = line.cell(columns.directions)
            guard let directions = Project.parseDirections(directionsText) else {
                throw context.error(line.number, ja: "事業 \(code) の施策の方向性が読めません: \"\(directionsText)\"",
                                    en: "project \(code): cannot read the directions \"\(directionsText)\"")
            }
            let plan = line.cell(columns.plan)
            guard plan.isEmpty || Label.key(plan) == Project.executionPlanMark else {
                throw context.error(line.number, ja: "事業 \(code) の実行計画は「対象」か空欄です: \"\(plan)\"",
                                    en: "project \(code): 実行計画 must be 対象 or blank, not \"\(plan)\"")
            }
            let amounts = try columns.money.map { m throws(TextFormError) in try amount(line, m.index) }
            context.locate(.project(rows.count, .code), line)
            rows.append(Project(code: code, name: line.cell(columns.name), inExecutionPlan: !plan.isEmpty,
                                directions: directions, section: line.cell(columns.section), amounts: amounts))
        }
        guard let totals else {
            throw context.error(lines.last!.number, ja: "構成事業の状況に「\(ProjectTable.totalLabel)」の行がありません",
                                en: "§3 has no \(ProjectTable.totalLabel) row")
        }
        return ProjectTable(columns: columns.money.map(\.column), rows: rows, totals: totals)
    }

    private func readHeader(_ line: TextLine) throws(TextFormError) -> Columns {
        var c = Columns()
        context.takeAll(line)
        let named: [(String, WritableKeyPath<Columns, Int>)] = [
            ("No.", \.code), ("事務事業名", \.name), ("実行計画", \.plan), ("施策の方向性", \.directions), ("担当課", \.section),
        ]
        for (label, key) in named {
            guard let i = line.index(ofLabel: label) else {
                throw context.error(line.number, ja: "構成事業の見出しに「\(label)」がありません",
                                    en: "§3 header has no \"\(label)\" column")
            }
            c[keyPath: key] = i
        }
        for i in line.filledIndices {
            guard let m = MoneyColumn(label: line.cells[i]) else { continue }
            context.sourceMap[.moneyColumn(c.money.count)] = .line(line.number)
            c.money.append((i, m))
        }
        guard !c.money.isEmpty else {
            throw context.error(line.number, ja: "構成事業の見出しに年度の金額列(例: 令和元年度決算)がありません",
                                en: "§3 header has no money columns (e.g. 令和元年度決算)")
        }
        return c
    }

    /// A money cell: blank → nil; `2,450` → 2450; anything else is an error naming the line.
    private func amount(_ line: TextLine, _ i: Int) throws(TextFormError) -> Int? {
        let raw = line.cell(i)
        if raw.isEmpty { return nil }
        guard let n = PrintedNumber(parsing: raw), !n.percent, !n.footnote, n.fractionDigits == 0,
              n.value >= 0, let v = Int(n.text.replacingOccurrences(of: ",", with: "")) else {
            throw context.error(line.number, ja: "金額が 0 以上の整数ではありません(\(i + 1)列目): \"\(raw)\"",
                                en: "amount in cell \(i + 1) is not a whole number ≥ 0: \"\(raw)\"")
        }
        return v
    }
}
