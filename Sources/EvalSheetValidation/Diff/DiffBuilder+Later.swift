import EvalSheetModel
import EvalSheetForm

extension DiffBuilder {
    /// §5: the rating and its reason.
    mutating func evaluation() {
        field(l.ratingName, "rating", o.evaluation.rating.rawValue, n.evaluation.rating.rawValue, at: .rating)
        field(l.reasonHeader, "reason", o.evaluation.reason, n.evaluation.reason, at: .ratingReason)
        // Last year's rating and reason (a rolled-over sheet's locked reference), when both carry it.
        if let a = o.lastYear, let b = n.lastYear {
            field(l.lastYear(l.lastYearRating, year: b.fiscalYear), "last year's rating", a.rating.rawValue, b.rating.rawValue, at: .lastYearRating)
            field(l.lastYear(l.lastYearReason, year: b.fiscalYear), "last year's reason", a.reason, b.reason, at: .lastYearReason)
        }
    }

    /// §6: the factors, matched by category and occurrence (the 2nd `その他` with the 2nd).
    mutating func environment() {
        let (a, b) = (o.environment, n.environment)
        let match = RowMatching(old: a.map(\.category), new: b.map(\.category))
        if let moved = match.firstMoved {
            reordered(l.factor, "external factors", match.orders.old, match.orders.new, at: .factor(moved, .category))
        }
        for event in match.events {
            switch event {
            case .both(let i, let j):
                let row = Wording.factorRow(b, j)
                field(l.status, "status", row: row, a[i].status, b[j].status, at: .factor(j, .status))
                field(l.assessment, "assessment", row: row, a[i].assessmentsText, b[j].assessmentsText,
                      at: .factor(j, .assessments))
                field(l.factorReason, "reason", row: row, a[i].reason, b[j].reason, at: .factor(j, .reason))
            case .added(let j):
                added(l.factor, "external factor", row: Wording.factorRow(b, j), b[j].status, at: .factor(j, .category))
            case .removed(let i):
                removed(l.factor, "external factor", row: Wording.factorRow(a, i), a[i].status, at: .factor(i, .category))
            }
        }
    }

    /// §7: the year of 令和N年度以降の取組, then the challenges, matched by number.
    mutating func challenges() {
        field(l.futureWithoutYear + "の年度", "future actions from", FiscalYearText.japanese(o.futureActionsFromYear),
              FiscalYearText.japanese(n.futureActionsFromYear), at: .futureActionsFromYear)
        let (a, b) = (o.challenges, n.challenges)
        let match = RowMatching(old: a.map { CircledNumber.text($0.number) }, new: b.map { CircledNumber.text($0.number) })
        if let moved = match.firstMoved {
            reordered(template.sectionName(7), "challenges", match.orders.old, match.orders.new, at: .challenge(moved, .number))
        }
        let futureLabel = l.future(from: n.futureActionsFromYear)
        for event in match.events {
            switch event {
            case .both(let i, let j):
                let (x, y) = (a[i], b[j])
                let row = CircledNumber.text(y.number)
                field(l.challenge, "challenge", row: row, x.challenge, y.challenge, at: .challenge(j, .challenge))
                field(l.relatedProjects, "related projects", row: row,
                      x.relatedProjects.joined(separator: "、"), y.relatedProjects.joined(separator: "、"),
                      at: y.relatedProjects.isEmpty ? .challenge(j, .number) : .challenge(j, .relatedProject(0)))
                field(l.current, "current work", row: row, x.current, y.current, at: .challenge(j, .current))
                field(futureLabel, "future work", row: row, x.future, y.future, at: .challenge(j, .future))
            case .added(let j):
                added(template.sectionName(7), "challenge", row: CircledNumber.text(b[j].number), b[j].challenge, at: .challenge(j, .number))
            case .removed(let i):
                removed(template.sectionName(7), "challenge", row: CircledNumber.text(a[i].number), a[i].challenge, at: .challenge(i, .number))
            }
        }
    }
}
