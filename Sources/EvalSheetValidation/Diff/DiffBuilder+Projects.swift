import EvalSheetModel
import EvalSheetForm

extension DiffBuilder {
    /// §3: the money columns (by position), the projects (by code; amounts by column label)
    /// and the 総事業費 row.
    mutating func projects() {
        let (a, b) = (o.projects, n.projects)
        for c in 0..<max(a.columns.count, b.columns.count) {
            switch (a.columns[safe: c], b.columns[safe: c]) {
            case let (x?, y?): field("金額列\(c + 1)", "money column \(c + 1)", x.label, y.label, at: .moneyColumn(c))
            case let (nil, y?): added("金額列", "money column", row: nil, y.label, at: .moneyColumn(c))
            case let (x?, nil): removed("金額列", "money column", row: nil, x.label, at: .moneyColumn(c))
            case (nil, nil): break
            }
        }
        let money = ColumnAlignment(old: a.columns, new: b.columns)
        let match = RowMatching(old: a.rows.map(\.code), new: b.rows.map(\.code))
        if let moved = match.firstMoved {
            reordered("事業", "projects", match.orders.old, match.orders.new, at: .project(moved, .code))
        }
        for event in match.events {
            switch event {
            case .both(let i, let j):
                compareProject(a.rows[i], b.rows[j], at: j, money: money)
            case .added(let j):
                added("事務事業", "project", row: b.rows[j].code, Self.summary(b.rows[j]), at: .project(j, .code))
            case .removed(let i):
                removed("事務事業", "project", row: a.rows[i].code, Self.summary(a.rows[i]), at: .project(i, .code))
            }
        }
        for column in money.columns {
            let x = column.old.flatMap { a.totals[safe: $0] } ?? nil
            let y = column.new.flatMap { b.totals[safe: $0] } ?? nil
            let path: FieldPath = column.new.map { .projectTotal($0) } ?? .projectTotal(column.old!)
            field(column.key.label, column.key.label, row: l.totalName, Self.amount(x), Self.amount(y), at: path)
        }
        lastYearBudget()
    }

    /// Last year's budget beside this year's (a rolled-over sheet's locked reference), by project
    /// code — when both sheets carry it (the text form does not).
    private mutating func lastYearBudget() {
        guard let a = o.lastYear, let b = n.lastYear else { return }
        let label = l.referenceColumn(b.budget?.label ?? a.budget?.label ?? "")
        field(label, "last year's budget column", a.budget?.label ?? "", b.budget?.label ?? "", at: .lastYearBudget(0))
        for (k, amount) in b.budgetAmounts.enumerated() {
            let before = a.budget(of: amount.code) ?? nil
            field(label, "last year's budget", row: amount.code, Self.amount(before), Self.amount(amount.amount), at: .lastYearBudget(k))
        }
        // A project's reference gone with its row is the row's removal, said with the projects.
    }

    private mutating func compareProject(_ x: Project, _ y: Project, at j: Int, money: ColumnAlignment<MoneyColumn>) {
        let row = y.code
        field(l.projectName, "project name", row: row, x.name, y.name, at: .project(j, .name))
        field(l.executionPlan, "execution plan", row: row, Self.plan(x), Self.plan(y), at: .project(j, .executionPlan))
        field(l.projectDirections, "directions", row: row, x.directionsText, y.directionsText, at: .project(j, .directions))
        field(l.projectSection, "section", row: row, x.section, y.section, at: .project(j, .section))
        for column in money.columns {
            let before = column.old.flatMap { x.amounts[safe: $0] } ?? nil
            let after = column.new.flatMap { y.amounts[safe: $0] } ?? nil
            let path: FieldPath = column.new.map { .project(j, .amount($0)) } ?? .project(j, .code)
            field(column.key.label, column.key.label, row: row, Self.amount(before), Self.amount(after), at: path)
        }
    }

    /// An amount as printed: `2,450`; blank as `""`.
    static func amount(_ value: Int?) -> String { value.map { Wording.amount($0) } ?? "" }

    /// `対象` or `""`.
    static func plan(_ p: Project) -> String { p.inExecutionPlan ? Project.executionPlanMark : "" }

    /// A project row as printed, cells joined by ` | `: `市民まつり事業 |  | 2 | 企画課 | 2,450 | 2,450 | 2,500`.
    static func summary(_ p: Project) -> String {
        ([p.name, plan(p), p.directionsText, p.section] + p.amounts.map(amount)).joined(separator: " | ")
    }
}
