extension EvaluationSheet {
    /// Calls `body` with every free-text value of the sheet and its path, in the form's order
    /// (codes and names included; numbers, amounts and years excluded).
    public func forEachText(_ body: (FieldPath, String) -> Void) {
        body(.policyCode, policy.code)
        body(.policyName, policy.name)
        body(.visionCode, vision.code)
        body(.visionName, vision.name)
        body(.goalCode, goal.code)
        body(.goalName, goal.name)
        let o = organization
        body(.department, o.department)
        body(.section, o.section)
        body(.subsection, o.subsection)
        body(.person, o.person)
        body(.title, o.title)
        body(.phoneExtension, o.phoneExtension)
        for (i, s) in o.relatedSections.enumerated() { body(.relatedSection(i), s) }
        body(.futureVision, futureVision)
        for (i, d) in directions.enumerated() { body(.direction(i, .text), d.text) }
        for (i, p) in projects.rows.enumerated() {
            body(.project(i, .code), p.code)
            body(.project(i, .name), p.name)
            body(.project(i, .section), p.section)
        }
        for (i, item) in indicators.items.enumerated() {
            body(.indicator(i, .name), item.name)
            if let d = item.description { body(.indicator(i, .description), d) }
            body(.indicator(i, .unit), item.unit)
            if let m = item.method { body(.indicator(i, .method), m) }
        }
        if let note = indicators.footnote { body(.indicatorFootnote, note) }
        body(.rating, evaluation.rating.rawValue)
        body(.ratingReason, evaluation.reason)
        for (i, f) in environment.enumerated() {
            body(.factor(i, .category), f.category)
            body(.factor(i, .status), f.status)
            body(.factor(i, .assessments), f.assessmentsText)
            body(.factor(i, .reason), f.reason)
        }
        for (i, c) in challenges.enumerated() {
            body(.challenge(i, .challenge), c.challenge)
            for (k, r) in c.relatedProjects.enumerated() { body(.challenge(i, .relatedProject(k)), r) }
            body(.challenge(i, .current), c.current)
            body(.challenge(i, .future), c.future)
        }
        if let last = lastYear {
            body(.lastYearRating, last.rating.rawValue)
            body(.lastYearReason, last.reason)
        }
    }
}
