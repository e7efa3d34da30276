import Foundation
import EvalSheetModel

/// What the year's rules read of one sheet (`Validator.yearRuleInput`), held compactly: a batch hands
/// one per policy from its workers to the year's rules (`YearValidation`, fed in input order). The
/// project rows and the §7 challenges are numbers into a shared `YearRuleDigests`, which stores each
/// distinct project and challenge once (a project that several policies list is one entry), and so
/// is what is left of the sheet and its source map once the policy, the file and the printed totals
/// are taken out (the same for most policies of a year). `YearRuleDigests.sheet(_:)` gives the kept
/// sheet back, equal to `yearRuleInput`'s.
public struct YearRuleDigest: Sendable {
    fileprivate var shell: Int32
    fileprivate var policy: CodedName
    fileprivate var file: String
    fileprivate var totals: [Int?]
    fileprivate var rows: [Int32]
    fileprivate var challenges: [Int32]
}

/// The table of distinct values behind the digests of one batch, shared by its workers (one lock).
public final class YearRuleDigests: @unchecked Sendable {
    /// A kept sheet and its source map without the policy, the file, the totals, the rows and the challenges.
    private struct Shell: Hashable {
        var sheet: EvaluationSheet
        var map: SourceMap
    }

    private let lock = NSLock()
    private var shells = NumberedValues<Shell>()
    /// Projects, challenges and texts told apart by their bytes: a policy's spelling (NFC or NFD) is
    /// never replaced by another policy's canonically equal one, whichever worker came first.
    private var projects = NumberedValues<ExactProject>()
    private var challenges = NumberedValues<ExactChallenge>()
    private var strings: Set<ExactText> = []
    private var totalLists: Set<[Int?]> = []
    private let rules: [any YearRule]

    /// A table for digests of what `rules` read.
    public init(rules: [any YearRule] = Validator.yearRules) { self.rules = rules }

    /// How many distinct projects the table holds.
    public var projectCount: Int { lock.withLock { projects.values.count } }

    /// Forgets every value (the digests made so far can no longer be read back).
    public func removeAll() {
        lock.withLock {
            (shells, projects, challenges) = (.init(), .init(), .init())
            (strings, totalLists) = ([], [])
        }
    }

    /// The digest of what the rules read of `loaded`.
    public func digest(_ loaded: LoadedSheet) -> YearRuleDigest {
        var kept = Validator.yearRuleInput(loaded, rules: rules)
        let (policy, file) = (kept.sheet.policy, kept.sourceMap.file)
        let (rows, totals, sheetChallenges) = (kept.sheet.projects.rows, kept.sheet.projects.totals, kept.sheet.challenges)
        kept.sheet.policy = CodedName(code: "", name: "")
        kept.sourceMap.file = ""
        (kept.sheet.projects.rows, kept.sheet.projects.totals, kept.sheet.challenges) = ([], [], [])
        let shell = Shell(sheet: kept.sheet, map: kept.sourceMap)
        return lock.withLock {
            YearRuleDigest(shell: shells.number(shell), policy: policy, file: file,
                           totals: totalLists.insert(totals).memberAfterInsert,
                           rows: rows.map(number), challenges: sheetChallenges.map { challenges.number(ExactChallenge($0)) })
        }
    }

    /// The kept sheet of a digest, equal to `Validator.yearRuleInput` of the sheet it was made from.
    public func sheet(_ digest: YearRuleDigest) -> LoadedSheet {
        let (shell, rows, challengeList) = lock.withLock {
            (shells.values[Int(digest.shell)], digest.rows.map { projects.values[Int($0)].project },
             digest.challenges.map { challenges.values[Int($0)].challenge })
        }
        var loaded = LoadedSheet(sheet: shell.sheet, sourceMap: shell.map)
        loaded.sheet.policy = digest.policy
        loaded.sourceMap.file = digest.file
        loaded.sheet.projects.rows = rows
        loaded.sheet.projects.totals = digest.totals
        loaded.sheet.challenges = challengeList
        return loaded
    }

    /// The number of a project in the table (added when new), its strings shared with equal ones.
    private func number(_ p: Project) -> Int32 {
        if let n = projects.numbers[ExactProject(p)] { return n }
        var p = p
        p.name = strings.insert(ExactText(p.name)).memberAfterInsert.text
        p.section = strings.insert(ExactText(p.section)).memberAfterInsert.text
        return projects.number(ExactProject(p))
    }
}

/// A project equal to another only when its texts are byte for byte the same.
private struct ExactProject: Hashable {
    let project: Project
    init(_ project: Project) { self.project = project }
    static func == (a: Self, b: Self) -> Bool {
        let (x, y) = (a.project, b.project)
        return ExactText(x.code) == ExactText(y.code) && ExactText(x.name) == ExactText(y.name)
            && ExactText(x.section) == ExactText(y.section) && x.amounts == y.amounts
            && x.inExecutionPlan == y.inExecutionPlan && x.directions == y.directions
    }
    func hash(into h: inout Hasher) {
        for t in [project.code, project.name, project.section] { ExactText(t).hash(into: &h) }
        h.combine(project.amounts)
        h.combine(project.inExecutionPlan)
        h.combine(project.directions)
    }
}

/// A challenge equal to another only when its texts are byte for byte the same.
private struct ExactChallenge: Hashable {
    let challenge: Challenge
    init(_ challenge: Challenge) { self.challenge = challenge }
    private var texts: [ExactText] {
        ([challenge.challenge, challenge.current, challenge.future] + challenge.relatedProjects).map(ExactText.init)
    }
    static func == (a: Self, b: Self) -> Bool {
        a.challenge.number == b.challenge.number && a.challenge.relatedProjects.count == b.challenge.relatedProjects.count
            && a.texts == b.texts
    }
    func hash(into h: inout Hasher) {
        h.combine(challenge.number)
        h.combine(challenge.relatedProjects.count)
        for t in texts { t.hash(into: &h) }
    }
}
