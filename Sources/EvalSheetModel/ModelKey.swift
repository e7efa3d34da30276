/// The stable names of the model's fields, written once: they are the keys of the JSON form (its
/// writer and reader take them from here), the steps of `FieldPath.jsonPointer` and of its inverse,
/// and the names of the Codable conformances' properties (a test checks they agree).
public enum ModelKey {
    public enum Sheet {
        public static let challenges = "challenges", directions = "directions", environment = "environment"
        public static let evaluation = "evaluation", fiscalYear = "fiscalYear", futureActionsFromYear = "futureActionsFromYear"
        public static let futureVision = "futureVision", goal = "goal", indicators = "indicators"
        public static let organization = "organization", policy = "policy", projects = "projects"
        public static let schemaVersion = "schemaVersion", vision = "vision", lastYear = "lastYear"
        /// Every key of a sheet object, in the written (sorted) order.
        public static let all = [challenges, directions, environment, evaluation, fiscalYear, futureActionsFromYear,
                          futureVision, goal, indicators, lastYear, organization, policy, projects, schemaVersion, vision]
    }
    public enum Coded {
        public static let code = "code", name = "name"
        public static let all = [code, name]
    }
    public enum Organization {
        public static let department = "department", person = "person", phoneExtension = "phoneExtension"
        public static let relatedSections = "relatedSections", section = "section", subsection = "subsection", title = "title"
        public static let all = [department, person, phoneExtension, relatedSections, section, subsection, title]
    }
    public enum Direction {
        public static let number = "number", text = "text"
        public static let all = [number, text]
    }
    public enum Projects {
        public static let columns = "columns", rows = "rows", totals = "totals"
        public static let all = [columns, rows, totals]
    }
    public enum MoneyColumn {
        public static let fiscalYear = "fiscalYear", kind = "kind"
        public static let all = [fiscalYear, kind]
    }
    public enum Project {
        public static let amounts = "amounts", code = "code", directions = "directions"
        public static let inExecutionPlan = "inExecutionPlan", name = "name", section = "section"
        public static let all = [amounts, code, directions, inExecutionPlan, name, section]
    }
    public enum Indicators {
        public static let footnote = "footnote", items = "items", years = "years"
        public static let all = [footnote, items, years]
    }
    public enum Indicator {
        public static let actuals = "actuals", description = "description", direction = "direction", method = "method"
        public static let name = "name", number = "number", rates = "rates", targets = "targets", unit = "unit"
        public static let all = [actuals, description, direction, method, name, number, rates, targets, unit]
    }
    public enum Evaluation {
        public static let rating = "rating", reason = "reason"
        public static let all = [rating, reason]
    }
    public enum Factor {
        public static let assessments = "assessments", category = "category", reason = "reason", status = "status"
        public static let all = [assessments, category, reason, status]
    }
    public enum Assessment {
        public static let code = "code", label = "label"
        public static let all = [code, label]
    }
    public enum LastYear {
        public static let budget = "budget", budgetAmounts = "budgetAmounts", fiscalYear = "fiscalYear"
        public static let rating = "rating", reason = "reason"
        public static let all = [budget, budgetAmounts, fiscalYear, rating, reason]
    }
    public enum ProjectAmount {
        public static let amount = "amount", code = "code"
        public static let all = [amount, code]
    }
    public enum Challenge {
        public static let challenge = "challenge", current = "current", future = "future"
        public static let number = "number", relatedProjects = "relatedProjects"
        public static let all = [challenge, current, future, number, relatedProjects]
    }
}
