import Foundation
import EvalSheetModel

/// What the year's rules read of one sheet (`Validator.yearRuleInput`), held compactly: a batch keeps
/// one per policy until the whole year is read. The project rows are numbers into a shared
/// `YearRuleDigests`, which stores each distinct project once (a project that several policies list
/// is one entry), and the other kept values share their storage with equal ones of other policies.
/// `YearRuleDigests.sheet(_:)` gives the kept sheet back, equal to `yearRuleInput`'s.
public struct YearRuleDigest: Sendable {
    /// The kept sheet without its project rows.
    fileprivate var rest: LoadedSheet
    /// The project rows, in printed order, as numbers into the shared table.
    fileprivate var rows: [Int32]
}

/// The table of distinct values behind the digests of one batch, shared by its workers (one lock).
public final class YearRuleDigests: @unchecked Sendable {
    private let lock = NSLock()
    private var projectNumbers: [Project: Int32] = [:]
    private var projects: [Project] = []
    private var strings: Set<String> = []
    private var columnLists: Set<[MoneyColumn]> = []
    private var totalLists: Set<[Int?]> = []
    private var nameLists: Set<[String]> = []
    private var organizations: Set<Organization> = []
    private var codedNames: Set<CodedName> = []
    private var locationTables: Set<[FieldPath: SourceLocation]> = []
    private var sectionTables: Set<[Int: SourceLocation]> = []
    private let rules: [any YearRule]

    /// A table for digests of what `rules` read.
    public init(rules: [any YearRule] = Validator.yearRules) { self.rules = rules }

    /// How many distinct projects the table holds.
    public var projectCount: Int { lock.withLock { projects.count } }

    /// The digest of what the rules read of `loaded`.
    public func digest(_ loaded: LoadedSheet) -> YearRuleDigest {
        var rest = Validator.yearRuleInput(loaded, rules: rules)
        let rows = rest.sheet.projects.rows
        rest.sheet.projects.rows = []
        return lock.withLock {
            var s = rest.sheet
            s.policy = shared(s.policy, in: &codedNames)
            s.vision = shared(s.vision, in: &codedNames)
            s.goal = shared(s.goal, in: &codedNames)
            s.organization = shared(s.organization, in: &organizations)
            s.projects.columns = shared(s.projects.columns, in: &columnLists)
            s.projects.totals = shared(s.projects.totals, in: &totalLists)
            s.challenges = s.challenges.map { c in
                var c = c
                c.relatedProjects = shared(c.relatedProjects, in: &nameLists)
                return c
            }
            rest.sheet = s
            rest.sourceMap.locations = shared(rest.sourceMap.locations, in: &locationTables)
            rest.sourceMap.sections = shared(rest.sourceMap.sections, in: &sectionTables)
            return YearRuleDigest(rest: rest, rows: rows.map(number))
        }
    }

    /// The kept sheet of a digest, equal to `Validator.yearRuleInput` of the sheet it was made from.
    public func sheet(_ digest: YearRuleDigest) -> LoadedSheet {
        var loaded = digest.rest
        loaded.sheet.projects.rows = lock.withLock { digest.rows.map { projects[Int($0)] } }
        return loaded
    }

    /// The number of a project in the table (added when new), its strings shared with equal ones.
    private func number(_ p: Project) -> Int32 {
        if let n = projectNumbers[p] { return n }
        var p = p
        p.name = shared(p.name, in: &strings)
        p.section = shared(p.section, in: &strings)
        let n = Int32(projects.count)
        projects.append(p)
        projectNumbers[p] = n
        return n
    }

    /// The stored value equal to `value` (stored now when new), so equal values share storage.
    private func shared<Value: Hashable>(_ value: Value, in set: inout Set<Value>) -> Value {
        set.insert(value).memberAfterInsert
    }
}
