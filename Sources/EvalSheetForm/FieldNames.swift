import EvalSheetModel

/// The name a value has on the form, for messages: its sheet, its row in a table, and its label as
/// the template prints it — 「3 構成事業」2行目の「事務事業名」 / `3 構成事業, row 2, "事務事業名"`.
public enum FieldNames {
    public static func name(_ path: FieldPath, in s: EvaluationSheet, template t: FormTemplate) -> LocalizedMessage {
        let sheets = t.sheets.all
        let sheet = path.section >= 1 && path.section <= sheets.count ? sheets[path.section - 1].name : "§\(path.section)"
        let (row, label) = describe(path, s, t.labels)
        return LocalizedMessage(
            ja: "「\(sheet)」" + (row.map { "\($0.ja)の" } ?? "の") + "「\(label.ja)」",
            en: "\(sheet), " + (row.map { "\($0.en), " } ?? "") + "\"\(label.en)\"")
    }

    private typealias Part = (ja: String, en: String)

    private static func same(_ s: String) -> Part { (s, s) }

    private static func nth(_ i: Int, ja: String, en: String) -> Part { ("\(ja) \(i + 1)", "\(en) \(i + 1)") }

    private static func year(_ years: [Int], _ c: Int) -> String {
        c < years.count ? FiscalYearText.japanese(years[c]) : "\(c + 1)列目"
    }

    /// The row (nil for a value of its own) and the label.
    private static func describe(_ path: FieldPath, _ s: EvaluationSheet, _ l: FormTemplate.Labels) -> (Part?, Part) {
        switch path {
        case .fiscalYear: return (nil, same(l.fiscalYear))
        case .policyCode: return (nil, same(l.policyCode))
        case .policyName: return (nil, same(l.policyName))
        case .visionCode: return (nil, (l.vision + "(番号)", l.vision + " (number)"))
        case .visionName: return (nil, (l.vision + "(名称)", l.vision + " (name)"))
        case .goalCode: return (nil, (l.goal + "(番号)", l.goal + " (number)"))
        case .goalName: return (nil, (l.goal + "(名称)", l.goal + " (name)"))
        case .department: return (nil, same(l.department))
        case .section: return (nil, same(l.section))
        case .subsection: return (nil, same(l.subsection))
        case .person: return (nil, same(l.person))
        case .title: return (nil, same(l.title))
        case .phoneExtension: return (nil, same(l.phoneExtension))
        case .relatedSection(let i): return (("\(i + 1)番目", "no. \(i + 1)"), same(l.relatedSections))
        case .futureVision: return (nil, same(l.futureVision))
        case .direction(let i, let f):
            return (("\(i + 1)行目", "row \(i + 1)"), f == .number ? (l.directions + "(番号)", l.directions + " (number)") : same(l.directions))
        case .moneyColumn(let c): return (nil, ("金額の見出し(\(c + 1)列目)", "money column \(c + 1)"))
        case .project(let i, let f):
            let row: Part = ("\(i + 1)行目の事業", "project row \(i + 1)")
            switch f {
            case .code: return (row, same(l.projectCode))
            case .name: return (row, same(l.projectName))
            case .executionPlan: return (row, same(l.executionPlan))
            case .directions: return (row, same(l.projectDirections))
            case .section: return (row, same(l.projectSection))
            case .amount(let c):
                let label = c < s.projects.columns.count ? s.projects.columns[c].label : "\(c + 1)列目の金額"
                return (row, same(label))
            }
        case .projectTotal(let c):
            let column = c < s.projects.columns.count ? s.projects.columns[c].label : "\(c + 1)列目"
            return (nil, ("\(l.total)(\(column))", "\(l.total) (\(column))"))
        case .indicatorYear(let c): return (nil, ("年度の見出し(\(c + 1)列目)", "year column \(c + 1)"))
        case .indicator(let i, let f):
            let number = i < s.indicators.items.count ? CircledNumber.text(s.indicators.items[i].number) : "\(i + 1)"
            let row: Part = ("指標\(number)", "indicator \(number)")
            let years = s.indicators.years
            switch f {
            case .number: return (row, ("番号", "number"))
            case .name: return (row, same(l.indicatorName))
            case .description: return (row, same(l.indicatorDescription))
            case .unit: return (row, same(l.indicatorUnit))
            case .method: return (row, same(l.indicatorMethod))
            case .direction: return (row, same(l.indicatorDirection))
            case .target(let c): return (row, same("\(l.target)(\(year(years, c)))"))
            case .actual(let c): return (row, same("\(l.actual)(\(year(years, c)))"))
            case .rate(let c): return (row, same("\(l.rate)(\(year(years, c)))"))
            }
        case .indicatorFootnote: return (nil, ("指標の注記", "indicator footnote"))
        case .rating: return (nil, same(l.ratingHeader))
        case .ratingReason: return (nil, same(l.reasonHeader))
        case .factor(let i, let f):
            let row: Part = ("\(i + 1)行目", "row \(i + 1)")
            switch f {
            case .category: return (row, same(l.factor))
            case .status: return (row, same(l.status))
            case .assessments: return (row, same(l.assessment))
            case .reason: return (row, same(l.factorReason))
            }
        case .challenge(let i, let f):
            let number = i < s.challenges.count ? CircledNumber.text(s.challenges[i].number) : "\(i + 1)"
            let row: Part = ("課題\(number)", "challenge \(number)")
            switch f {
            case .number: return (row, ("番号", "number"))
            case .challenge: return (row, same(l.challenge))
            case .relatedProject(let k): return (row, ("\(l.relatedProjects)(\(k + 1)番目)", "\(l.relatedProjects) (no. \(k + 1))"))
            case .current: return (row, same(l.current))
            case .future: return (row, same(l.future(from: s.futureActionsFromYear)))
            }
        case .futureActionsFromYear:
            return (nil, (l.future.replacingOccurrences(of: "{year}", with: "") + "の年度",
                          "year of \(l.future.replacingOccurrences(of: "{year}", with: ""))"))
        case .lastYearBudget(let k):
            let code = k < (s.lastYear?.budgetAmounts.count ?? 0) ? s.lastYear!.budgetAmounts[k].code : "\(k + 1)"
            let label = s.lastYear?.budget?.label ?? "前年度の予算"
            return (("事業 \(code)", "project \(code)"), (l.referenceColumn(label), "(reference) \(label)"))
        case .lastYearRating:
            let year = s.lastYear?.fiscalYear ?? s.fiscalYear &- 1
            return (nil, (l.lastYear(l.lastYearRating, year: year), "(reference) last year's \(l.ratingHeader)"))
        case .lastYearReason:
            let year = s.lastYear?.fiscalYear ?? s.fiscalYear &- 1
            return (nil, (l.lastYear(l.lastYearReason, year: year), "(reference) last year's \(l.reasonHeader)"))
        }
    }
}
