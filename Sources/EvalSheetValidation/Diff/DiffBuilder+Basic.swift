import EvalSheetModel
import EvalSheetForm

extension DiffBuilder {
    /// §1: fiscal year, codes and names, the people responsible, 関係課 (matched by name).
    mutating func basicInformation() {
        field(l.fiscalYear, "fiscal year", FiscalYearText.japanese(o.fiscalYear), FiscalYearText.japanese(n.fiscalYear),
              at: .fiscalYear)
        field(l.policyCode, "policy code", o.policy.code, n.policy.code, at: .policyCode)
        field(l.policyName, "policy name", o.policy.name, n.policy.name, at: .policyName)
        field(l.vision + "(コード)", "vision code", o.vision.code, n.vision.code, at: .visionCode)
        field(l.vision, "vision", o.vision.name, n.vision.name, at: .visionName)
        field(l.goal + "(コード)", "goal code", o.goal.code, n.goal.code, at: .goalCode)
        field(l.goal, "goal", o.goal.name, n.goal.name, at: .goalName)
        let (a, b) = (o.organization, n.organization)
        field(l.department, "department", a.department, b.department, at: .department)
        field(l.section, "section", a.section, b.section, at: .section)
        field(l.subsection, "subsection", a.subsection, b.subsection, at: .subsection)
        field(l.person, "person in charge", a.person, b.person, at: .person)
        field(l.title, "title", a.title, b.title, at: .title)
        field(l.phoneExtension, "extension", a.phoneExtension, b.phoneExtension, at: .phoneExtension)

        let match = RowMatching(old: a.relatedSections, new: b.relatedSections)
        if let moved = match.firstMoved {
            reordered(l.relatedSections, "related sections", match.orders.old, match.orders.new, at: .relatedSection(moved))
        }
        for event in match.events {
            switch event {
            case .both: break
            case .added(let j): added(l.relatedSections, "related section", row: nil, b.relatedSections[j], at: .relatedSection(j))
            case .removed(let i): removed(l.relatedSections, "related section", row: nil, a.relatedSections[i], at: .relatedSection(i))
            }
        }
    }

    /// §2: 10年後の姿 and the directions, matched by number.
    mutating func directions() {
        field(l.futureVision, "future vision", o.futureVision, n.futureVision, at: .futureVision)
        let match = RowMatching(old: o.directions.map { String($0.number) }, new: n.directions.map { String($0.number) })
        if let moved = match.firstMoved {
            reordered(l.directions, "directions", match.orders.old, match.orders.new, at: .direction(moved, .number))
        }
        for event in match.events {
            switch event {
            case .both(let i, let j):
                field(l.directions, "direction", row: String(n.directions[j].number),
                      o.directions[i].text, n.directions[j].text, at: .direction(j, .text))
            case .added(let j):
                added(l.directions, "direction", row: String(n.directions[j].number), n.directions[j].text,
                      at: .direction(j, .number))
            case .removed(let i):
                removed(l.directions, "direction", row: String(o.directions[i].number), o.directions[i].text,
                        at: .direction(i, .number))
            }
        }
    }
}
