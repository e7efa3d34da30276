import EvalSheetModel

extension DiffBuilder {
    /// §1: fiscal year, codes and names, the people responsible, 関係課 (matched by name).
    mutating func basicInformation() {
        field("評価対象年度", "fiscal year", FiscalYearText.japanese(o.fiscalYear), FiscalYearText.japanese(n.fiscalYear),
              at: .fiscalYear)
        field("施策コード", "policy code", o.policy.code, n.policy.code, at: .policyCode)
        field("施策名", "policy name", o.policy.name, n.policy.name, at: .policyName)
        field("将来像(コード)", "vision code", o.vision.code, n.vision.code, at: .visionCode)
        field("将来像", "vision", o.vision.name, n.vision.name, at: .visionName)
        field("まちづくりの基本目標(コード)", "goal code", o.goal.code, n.goal.code, at: .goalCode)
        field("まちづくりの基本目標", "goal", o.goal.name, n.goal.name, at: .goalName)
        let (a, b) = (o.organization, n.organization)
        field("担当部署", "department", a.department, b.department, at: .department)
        field("担当課", "section", a.section, b.section, at: .section)
        field("担当係", "subsection", a.subsection, b.subsection, at: .subsection)
        field("担当者", "person in charge", a.person, b.person, at: .person)
        field("役職", "title", a.title, b.title, at: .title)
        field("内線", "extension", a.phoneExtension, b.phoneExtension, at: .phoneExtension)

        let match = RowMatching(old: a.relatedSections, new: b.relatedSections)
        if let moved = match.firstMoved {
            reordered("関係課", "related sections", match.orders.old, match.orders.new, at: .relatedSection(moved))
        }
        for event in match.events {
            switch event {
            case .both: break
            case .added(let j): added("関係課", "related section", row: nil, b.relatedSections[j], at: .relatedSection(j))
            case .removed(let i): removed("関係課", "related section", row: nil, a.relatedSections[i], at: .relatedSection(i))
            }
        }
    }

    /// §2: 10年後の姿 and the directions, matched by number.
    mutating func directions() {
        field("10年後の姿", "future vision", o.futureVision, n.futureVision, at: .futureVision)
        let match = RowMatching(old: o.directions.map { String($0.number) }, new: n.directions.map { String($0.number) })
        if let moved = match.firstMoved {
            reordered("施策の方向性", "directions", match.orders.old, match.orders.new, at: .direction(moved, .number))
        }
        for event in match.events {
            switch event {
            case .both(let i, let j):
                field("施策の方向性", "direction", row: String(n.directions[j].number),
                      o.directions[i].text, n.directions[j].text, at: .direction(j, .text))
            case .added(let j):
                added("施策の方向性", "direction", row: String(n.directions[j].number), n.directions[j].text,
                      at: .direction(j, .number))
            case .removed(let i):
                removed("施策の方向性", "direction", row: String(o.directions[i].number), o.directions[i].text,
                        at: .direction(i, .number))
            }
        }
    }
}
