/// The key names of the JSON form, written once: the writer (`EvaluationSheet+JSONText`), the reader
/// (`EvaluationSheet+JSONDecoding`) and `FieldPath.jsonPointer` all take them from here.
enum JSONKey {
    enum Sheet {
        static let challenges = "challenges", directions = "directions", environment = "environment"
        static let evaluation = "evaluation", fiscalYear = "fiscalYear", futureActionsFromYear = "futureActionsFromYear"
        static let futureVision = "futureVision", goal = "goal", indicators = "indicators"
        static let organization = "organization", policy = "policy", projects = "projects"
        static let schemaVersion = "schemaVersion", vision = "vision", lastYear = "lastYear"
        /// Every key of a sheet object, in the written (sorted) order.
        static let all = [challenges, directions, environment, evaluation, fiscalYear, futureActionsFromYear,
                          futureVision, goal, indicators, lastYear, organization, policy, projects, schemaVersion, vision]
    }
    enum Coded {
        static let code = "code", name = "name"
        static let all = [code, name]
    }
    enum Organization {
        static let department = "department", person = "person", phoneExtension = "phoneExtension"
        static let relatedSections = "relatedSections", section = "section", subsection = "subsection", title = "title"
        static let all = [department, person, phoneExtension, relatedSections, section, subsection, title]
    }
    enum Direction {
        static let number = "number", text = "text"
        static let all = [number, text]
    }
    enum Projects {
        static let columns = "columns", rows = "rows", totals = "totals"
        static let all = [columns, rows, totals]
    }
    enum MoneyColumn {
        static let fiscalYear = "fiscalYear", kind = "kind"
        static let all = [fiscalYear, kind]
    }
    enum Project {
        static let amounts = "amounts", code = "code", directions = "directions"
        static let inExecutionPlan = "inExecutionPlan", name = "name", section = "section"
        static let all = [amounts, code, directions, inExecutionPlan, name, section]
    }
    enum Indicators {
        static let footnote = "footnote", items = "items", years = "years"
        static let all = [footnote, items, years]
    }
    enum Indicator {
        static let actuals = "actuals", description = "description", direction = "direction", method = "method"
        static let name = "name", number = "number", rates = "rates", targets = "targets", unit = "unit"
        static let all = [actuals, description, direction, method, name, number, rates, targets, unit]
    }
    enum Evaluation {
        static let rating = "rating", reason = "reason"
        static let all = [rating, reason]
    }
    enum Factor {
        static let assessments = "assessments", category = "category", reason = "reason", status = "status"
        static let all = [assessments, category, reason, status]
    }
    enum Assessment {
        static let code = "code", label = "label"
        static let all = [code, label]
    }
    enum LastYear {
        static let budget = "budget", budgetAmounts = "budgetAmounts", fiscalYear = "fiscalYear"
        static let rating = "rating", reason = "reason"
        static let all = [budget, budgetAmounts, fiscalYear, rating, reason]
    }
    enum ProjectAmount {
        static let amount = "amount", code = "code"
        static let all = [amount, code]
    }
    enum Challenge {
        static let challenge = "challenge", current = "current", future = "future"
        static let number = "number", relatedProjects = "relatedProjects"
        static let all = [challenge, current, future, number, relatedProjects]
    }
}
