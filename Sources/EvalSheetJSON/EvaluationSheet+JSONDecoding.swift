import EvalSheetModel
import StrictJSON
extension JSONSheetDecoder {
    /// One sheet object at `place`; nil when any part could not be read (the problems say why).
    mutating func sheet(_ node: JSONNode, _ place: JSONPlace) -> EvaluationSheet? {
        typealias K = ModelKey.Sheet
        guard let m = object(node, place) else { return nil }
        let before = problems.count
        let schemaVersion = int(m, K.schemaVersion)
        if let v = schemaVersion, v != EvaluationSheet.currentSchemaVersion {
            problem(m.pointer + "/" + K.schemaVersion,
                    ja: "schemaVersion \(v) には対応していません(対応: \(EvaluationSheet.currentSchemaVersion))",
                    en: "unsupported schemaVersion \(v) (this tool reads \(EvaluationSheet.currentSchemaVersion))", id: "json.schema-version")
            return nil  // another version's fields mean other things: read nothing more
        }
        let fiscalYear = int(m, K.fiscalYear)
        let policy = coded(m, K.policy)
        let vision = coded(m, K.vision)
        let goal = coded(m, K.goal)
        let organization = self.organization(m)
        let futureVision = string(m, K.futureVision)
        let directions = array(m, K.directions) { $0.direction($1, $2) }
        let projects = self.projects(m)
        let indicators = self.indicators(m)
        let evaluation = self.evaluation(m)
        let environment = array(m, K.environment) { $0.factor($1, $2) }
        let challenges = array(m, K.challenges) { $0.challenge($1, $2) }
        let fromYear = int(m, K.futureActionsFromYear)
        let lastYear = self.lastYear(m)
        finish(m, known: K.all)
        guard problems.count == before, let schemaVersion, let fiscalYear, let policy, let vision, let goal,
              let organization, let futureVision, let directions, let projects, let indicators, let evaluation,
              let environment, let challenges, let fromYear, let lastYear else { return nil }
        return EvaluationSheet(schemaVersion: schemaVersion, fiscalYear: fiscalYear, policy: policy, vision: vision,
                               goal: goal, organization: organization, futureVision: futureVision, directions: directions,
                               projects: projects, indicators: indicators, evaluation: evaluation,
                               environment: environment, challenges: challenges, futureActionsFromYear: fromYear,
                               lastYear: lastYear)
    }

    /// The optional `lastYear` reference: .some(nil) when absent, nil when present but unreadable.
    private mutating func lastYear(_ parent: Members) -> LastYearReference?? {
        typealias K = ModelKey.LastYear
        guard let (node, place) = optional(parent, ModelKey.Sheet.lastYear) else { return .some(nil) }
        guard let m = object(node, place) else { return nil }
        let year = int(m, K.fiscalYear), rating = string(m, K.rating), reason = string(m, K.reason)
        var budget: MoneyColumn?? = .some(nil)
        if let (b, bp) = optional(m, K.budget) { budget = moneyColumn(b, bp).map { $0 } }
        let amounts = array(m, K.budgetAmounts) { d, node, place -> ProjectAmount? in
            guard let a = d.object(node, place) else { return nil }
            let code = d.string(a, ModelKey.ProjectAmount.code)
            var amount: Int?? = nil
            if let (v, vp) = d.required(a, ModelKey.ProjectAmount.amount) { amount = d.optionalInt(v, vp) }
            d.finish(a, known: ModelKey.ProjectAmount.all)
            guard let code, let amount else { return nil }
            return ProjectAmount(code: code, amount: amount)
        }
        finish(m, known: K.all)
        guard let year, let rating, let reason, let budget, let amounts else { return nil }
        return .some(LastYearReference(fiscalYear: year, budget: budget, budgetAmounts: amounts,
                                       rating: Rating(rawValue: rating), reason: reason))
    }

    private mutating func coded(_ parent: Members, _ key: String) -> CodedName? {
        guard let (node, place) = required(parent, key), let m = object(node, place) else { return nil }
        let code = string(m, ModelKey.Coded.code), name = string(m, ModelKey.Coded.name)
        finish(m, known: ModelKey.Coded.all)
        guard let code, let name else { return nil }
        return CodedName(code: code, name: name)
    }

    private mutating func organization(_ parent: Members) -> Organization? {
        typealias K = ModelKey.Organization
        guard let (node, place) = required(parent, ModelKey.Sheet.organization), let m = object(node, place) else { return nil }
        let department = string(m, K.department), section = string(m, K.section), subsection = string(m, K.subsection)
        let person = string(m, K.person), title = string(m, K.title), ext = string(m, K.phoneExtension)
        let related = array(m, K.relatedSections) { $0.string($1, $2) }
        finish(m, known: K.all)
        guard let department, let section, let subsection, let person, let title, let ext, let related else { return nil }
        return Organization(department: department, section: section, subsection: subsection, person: person,
                            title: title, phoneExtension: ext, relatedSections: related)
    }

    private mutating func direction(_ node: JSONNode, _ place: JSONPlace) -> Direction? {
        guard let m = object(node, place) else { return nil }
        let number = int(m, ModelKey.Direction.number), text = string(m, ModelKey.Direction.text)
        finish(m, known: ModelKey.Direction.all)
        guard let number, let text else { return nil }
        return Direction(number: number, text: text)
    }

    private mutating func projects(_ parent: Members) -> ProjectTable? {
        typealias K = ModelKey.Projects
        guard let (node, place) = required(parent, ModelKey.Sheet.projects), let m = object(node, place) else { return nil }
        let columns = array(m, K.columns) { $0.moneyColumn($1, $2) }
        let rows = array(m, K.rows) { $0.project($1, $2) }
        let totals = array(m, K.totals) { $0.optionalInt($1, $2) }
        finish(m, known: K.all)
        guard let columns, let rows, let totals else { return nil }
        return ProjectTable(columns: columns, rows: rows, totals: totals)
    }

    private mutating func moneyColumn(_ node: JSONNode, _ place: JSONPlace) -> MoneyColumn? {
        typealias K = ModelKey.MoneyColumn
        guard let m = object(node, place) else { return nil }
        let year = int(m, K.fiscalYear)
        let kindText = string(m, K.kind)
        finish(m, known: K.all)
        guard let year, let kindText else { return nil }
        guard let kind = MoneyKind(rawValue: kindText) else {
            problem(place.pointer + "/" + K.kind, ja: "金額の種類は「決算」か「予算」です: \"\(kindText)\"",
                    en: "the kind must be 決算 or 予算: \"\(kindText)\"", id: "json.value")
            return nil
        }
        return MoneyColumn(fiscalYear: year, kind: kind)
    }

    private mutating func project(_ node: JSONNode, _ place: JSONPlace) -> Project? {
        typealias K = ModelKey.Project
        guard let m = object(node, place) else { return nil }
        let code = string(m, K.code), name = string(m, K.name), section = string(m, K.section)
        let plan = bool(m, K.inExecutionPlan)
        let directions = array(m, K.directions) { $0.int($1, $2) }
        let amounts = array(m, K.amounts) { $0.optionalInt($1, $2) }
        finish(m, known: K.all)
        guard let code, let name, let section, let plan, let directions, let amounts else { return nil }
        return Project(code: code, name: name, inExecutionPlan: plan, directions: directions, section: section, amounts: amounts)
    }

    private mutating func indicators(_ parent: Members) -> IndicatorTable? {
        typealias K = ModelKey.Indicators
        guard let (node, place) = required(parent, ModelKey.Sheet.indicators), let m = object(node, place) else { return nil }
        let years = array(m, K.years) { $0.int($1, $2) }
        let items = array(m, K.items) { $0.indicator($1, $2) }
        let footnote = optionalString(m, K.footnote)
        finish(m, known: K.all)
        guard let years, let items else { return nil }
        return IndicatorTable(years: years, items: items, footnote: footnote)
    }

    private mutating func indicator(_ node: JSONNode, _ place: JSONPlace) -> Indicator? {
        typealias K = ModelKey.Indicator
        guard let m = object(node, place) else { return nil }
        let number = int(m, K.number), name = string(m, K.name), unit = string(m, K.unit)
        let description = optionalString(m, K.description), method = optionalString(m, K.method)
        let directionText = string(m, K.direction)
        let targets = array(m, K.targets) { $0.indicatorValue($1, $2) }
        let actuals = array(m, K.actuals) { $0.indicatorValue($1, $2) }
        let rates = array(m, K.rates) { $0.indicatorValue($1, $2) }
        finish(m, known: K.all)
        var direction: IndicatorDirection?
        if let directionText {
            direction = IndicatorDirection(rawValue: directionText)
            if direction == nil {
                problem(place.pointer + "/" + K.direction, ja: "指標の向きは higherIsBetter か lowerIsBetter です: \"\(directionText)\"",
                        en: "the direction must be higherIsBetter or lowerIsBetter: \"\(directionText)\"", id: "json.value")
            }
        }
        guard let number, let name, let unit, let direction, let targets, let actuals, let rates else { return nil }
        return Indicator(number: number, name: name, description: description, unit: unit, method: method,
                         targets: targets, actuals: actuals, rates: rates, direction: direction)
    }

    /// null (blank), `"—"`, or a printed number such as `"0.690"`, `"94.8%"`, `"32.2(※)"`.
    private mutating func indicatorValue(_ node: JSONNode, _ place: JSONPlace) -> IndicatorValue? {
        if case .null = node { return .blank }
        guard let s = string(node, place) else { return nil }
        if s == IndicatorValue.dash { return .notApplicable }  // as `parsingReportingChanges` reads it, without a note
        guard let (v, readAs) = IndicatorValue.parsingReportingChanges(s), v != .blank || s.isEmpty else {
            let (digits, decimals) = (PrintedNumber.maximumSignificantDigits, PrintedNumber.maximumFractionDigits)
            problem(place.pointer, ja: "指標の値は数値(例: \"33.0\"。有効数字 \(digits) 桁、小数点以下 \(decimals) 桁まで)・\"—\"・null のいずれかです: \"\(s.quotedInMessage(atMost: 40))\"",
                    en: "an indicator value is a number (e.g. \"33.0\"; \(digits) significant digits, \(decimals) decimals at most), \"—\" or null: \"\(s.quotedInMessage(atMost: 40))\"", id: "json.value")
            return nil
        }
        if let readAs { note(place.pointer, "json.number-normalized", ja: "「\(s)」を「\(readAs)」として読みました", en: "\"\(s)\" was read as \"\(readAs)\"") }
        return v
    }

    private mutating func evaluation(_ parent: Members) -> Evaluation? {
        typealias K = ModelKey.Evaluation
        guard let (node, place) = required(parent, ModelKey.Sheet.evaluation), let m = object(node, place) else { return nil }
        let rating = string(m, K.rating), reason = string(m, K.reason)
        finish(m, known: K.all)
        guard let rating, let reason else { return nil }
        return Evaluation(rating: Rating(rawValue: rating), reason: reason)
    }

    private mutating func factor(_ node: JSONNode, _ place: JSONPlace) -> ExternalFactor? {
        typealias K = ModelKey.Factor
        guard let m = object(node, place) else { return nil }
        let category = string(m, K.category), status = string(m, K.status), reason = string(m, K.reason)
        let assessments = array(m, K.assessments) { d, node, place -> Assessment? in
            guard let a = d.object(node, place) else { return nil }
            let code = d.int(a, ModelKey.Assessment.code), label = d.string(a, ModelKey.Assessment.label)
            d.finish(a, known: ModelKey.Assessment.all)
            guard let code, let label else { return nil }
            return Assessment(code: code, label: label)
        }
        finish(m, known: K.all)
        guard let category, let status, let reason, let assessments else { return nil }
        return ExternalFactor(category: category, status: status, assessments: assessments, reason: reason)
    }

    private mutating func challenge(_ node: JSONNode, _ place: JSONPlace) -> Challenge? {
        typealias K = ModelKey.Challenge
        guard let m = object(node, place) else { return nil }
        let number = int(m, K.number), text = string(m, K.challenge), current = string(m, K.current)
        let future = string(m, K.future)
        let related = array(m, K.relatedProjects) { $0.string($1, $2) }
        finish(m, known: K.all)
        guard let number, let text, let current, let future, let related else { return nil }
        return Challenge(number: number, challenge: text, relatedProjects: related, current: current, future: future)
    }
}
