/// One policy's evaluation sheet (施策評価シート) for one fiscal year: all seven sections.
///
/// A value type that knows no file format: the text form, JSON and the workbook layout each
/// map to it. Equality is field by field, so a round trip that loses anything is caught.
public struct EvaluationSheet: Hashable, Sendable, Codable {
    /// The JSON schema version this model writes and reads.
    public static let currentSchemaVersion = 1

    /// Version of the on-disk JSON shape.
    public var schemaVersion: Int
    /// 評価対象年度 as a Gregorian fiscal year (令和元年度 = 2019).
    public var fiscalYear: Int
    /// §1 施策コード and 施策名.
    public var policy: CodedName
    /// §1 将来像 (vision), e.g. `5` `都市格が高いまち(「しくみづくり」の分野)`.
    public var vision: CodedName
    /// §1 まちづくりの基本目標 (goal), e.g. `51` `市民が主体となったまちづくり`.
    public var goal: CodedName
    /// §1 the people and offices responsible.
    public var organization: Organization
    /// §2 10年後の姿 (the state the policy aims at in ten years).
    public var futureVision: String
    /// §2 施策の方向性, numbered 1…n; referenced by §3 projects.
    public var directions: [Direction]
    /// §3 構成事業の状況: projects and their money (千円) per year column.
    public var projects: ProjectTable
    /// §4 まちづくり指標: indicators with targets, actuals and achievement rates per year.
    public var indicators: IndicatorTable
    /// §5 評価: the overall rating and its reason.
    public var evaluation: Evaluation
    /// §6 施策を取り巻く環境: external factors.
    public var environment: [ExternalFactor]
    /// §7 施策を進める上での課題.
    public var challenges: [Challenge]
    /// The fiscal year in §7's label `令和3年度以降の取組` (normally two years after `fiscalYear`).
    public var futureActionsFromYear: Int
    /// Last year's budget, rating and reason, shown read-only beside this year's blanks; only on a
    /// sheet made by rollover (nil otherwise).
    public var lastYear: LastYearReference?

    public init(
        schemaVersion: Int = EvaluationSheet.currentSchemaVersion,
        fiscalYear: Int, policy: CodedName, vision: CodedName, goal: CodedName,
        organization: Organization, futureVision: String, directions: [Direction],
        projects: ProjectTable, indicators: IndicatorTable, evaluation: Evaluation,
        environment: [ExternalFactor], challenges: [Challenge], futureActionsFromYear: Int? = nil,
        lastYear: LastYearReference? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.fiscalYear = fiscalYear
        self.policy = policy
        self.vision = vision
        self.goal = goal
        self.organization = organization
        self.futureVision = futureVision
        self.directions = directions
        self.projects = projects
        self.indicators = indicators
        self.evaluation = evaluation
        self.environment = environment
        self.challenges = challenges
        self.futureActionsFromYear = futureActionsFromYear ?? fiscalYear &+ 2  // never traps; out-of-range years are invariant violations
        self.lastYear = lastYear
    }
}

/// A code with its name: 施策コード + 施策名, 将来像, まちづくりの基本目標.
/// Codes are text (`511`, `5`, `51`), never numbers.
public struct CodedName: Hashable, Sendable, Codable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// §1 who is responsible: department, section, subsection, person, title, extension, related sections.
public struct Organization: Hashable, Sendable, Codable {
    /// 担当部署 / 主担当部 / 担当部, e.g. `企画部`.
    public var department: String
    /// 担当課 / 主担当課, e.g. `企画課`.
    public var section: String
    /// 担当係 / 主担当係, e.g. `市民協働係`.
    public var subsection: String
    /// 担当者, e.g. `今村 広司` (the space is kept).
    public var person: String
    /// 役職, e.g. `企画部長`.
    public var title: String
    /// 内線, e.g. `210` (text).
    public var phoneExtension: String
    /// 関係課, in printed order.
    public var relatedSections: [String]

    public init(department: String, section: String, subsection: String, person: String,
                title: String, phoneExtension: String, relatedSections: [String]) {
        self.department = department
        self.section = section
        self.subsection = subsection
        self.person = person
        self.title = title
        self.phoneExtension = phoneExtension
        self.relatedSections = relatedSections
    }
}

/// §2 one 施策の方向性: its number and text.
public struct Direction: Hashable, Sendable, Codable {
    public var number: Int
    public var text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}
