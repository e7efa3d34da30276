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
    private var projects = NumberedValues<Project>()
    private var challenges = NumberedValues<Challenge>()
    private var strings: Set<String> = []
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
                           rows: rows.map(number), challenges: sheetChallenges.map { challenges.number($0) })
        }
    }

    /// The kept sheet of a digest, equal to `Validator.yearRuleInput` of the sheet it was made from.
    public func sheet(_ digest: YearRuleDigest) -> LoadedSheet {
        let (shell, rows, challengeList) = lock.withLock {
            (shells.values[Int(digest.shell)], digest.rows.map { projects.values[Int($0)] },
             digest.challenges.map { challenges.values[Int($0)] })
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
        if let n = projects.numbers[p] { return n }
        var p = p
        p.name = shared(p.name, in: &strings)
        p.section = shared(p.section, in: &strings)
        return projects.number(p)
    }

    /// The stored value equal to `value` (stored now when new), so equal values share storage.
    private func shared<Value: Hashable>(_ value: Value, in set: inout Set<Value>) -> Value {
        set.insert(value).memberAfterInsert
    }
}
