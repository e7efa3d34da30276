import EvalSheetModel
import XLSX

/// Last year's reference on a rolled-over sheet (`EvaluationSheet.lastYear`), as the workbook
/// shows it: locked cells beside this year's blanks — in §3 a column of last year's budget
/// (`(参考)令和2年度予算`) next to the new year's 決算, in §5 last year's 総合評価 and 評価理由 below
/// the legend. Import never reads them as this year's values; it gathers them here and carries
/// them back into `lastYear`, so a rolled-over sheet round-trips.
struct LastYearParts {
    var budget: MoneyColumn?
    var amounts: [ProjectAmount] = []
    var fiscalYear: Int?
    var rating: Rating?
    var reason: String?

    /// The reference read back; nil when the workbook shows none (a sheet that was not rolled over).
    var reference: LastYearReference? {
        guard budget != nil || fiscalYear != nil else { return nil }
        return LastYearReference(fiscalYear: fiscalYear ?? budget.map { $0.fiscalYear - 1 } ?? 0, budget: budget,
                                 budgetAmounts: amounts, rating: rating ?? Rating(rawValue: ""), reason: reason ?? "")
    }
}

/// Where §3's money columns and last year's reference column sit: the reference column follows the
/// 決算 column of its year (令和2年度決算 | (参考)令和2年度予算), else the last money column.
struct ProjectsLayout {
    let moneyCount: Int
    /// The money column the reference column follows (-1: before the first); nil without a reference.
    let referenceAfter: Int?

    init(_ s: EvaluationSheet) {
        moneyCount = s.projects.columns.count
        if let budget = s.lastYear?.budget {
            referenceAfter = s.projects.columns.firstIndex { $0.kind == .settled && $0.fiscalYear == budget.fiscalYear }
                ?? moneyCount - 1
        } else {
            referenceAfter = nil
        }
    }

    /// The sheet column of money column `k`.
    func money(_ k: Int) -> Int { ProjectsSheet.fixedColumns + k + (referenceAfter.map { k > $0 ? 1 : 0 } ?? 0) }

    /// The sheet column of the reference column.
    var reference: Int? { referenceAfter.map { ProjectsSheet.fixedColumns + $0 + 1 } }

    var lastColumn: Int { ProjectsSheet.fixedColumns + moneyCount - 1 + (referenceAfter == nil ? 0 : 1) }
}

extension LastYearReference {
    /// Why the reference cannot be shown beside the projects (its amounts follow the rows one to
    /// one, by code, as rollover makes them): the field and the message; nil when it can.
    func layoutProblem(_ s: EvaluationSheet, _ l: FormTemplate.Labels) -> (FieldPath, LocalizedMessage)? {
        if budget == nil, !budgetAmounts.isEmpty {
            return (.lastYearBudget(0), .init(ja: "前年度の予算の列がないのに金額があります",
                                              en: "last year's budget amounts have no column"))
        }
        guard let budget else { return nil }
        let column = l.referenceColumn(budget.label)
        let rows = s.projects.rows.map(\.code)
        guard budgetAmounts.map(\.code) == rows else {
            let codes = budgetAmounts.map(\.code)
            let k = codes.indices.first { $0 >= rows.count || codes[$0] != rows[$0] } ?? codes.count
            return (.lastYearBudget(min(k, max(budgetAmounts.count - 1, 0))), .init(
                ja: "「\(column)」の事業が構成事業の行と対応していません(\(k + 1)番目)。この列は各行の事業の値として書き出すため、このシートは書き出せません",
                en: "last year's budget (reference) does not follow the project rows (entry \(k + 1)); the reference column follows the rows, so the sheet cannot be written"))
        }
        return nil
    }
}
