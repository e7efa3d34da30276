import EvalSheetModel
import EvalSheetForm

/// The projects that appear in more than one sheet of a year, grouped by code: for each code,
/// its first row in each sheet that has it (a repeat within one sheet is `projects.code-unique`'s
/// business), in sheet order.
///
/// Sheets are added one at a time; what is kept is keyed by project code — per sheet its index,
/// policy code and money columns, per row three small numbers — and each distinct project is stored once,
/// so a year of many policies repeating the same projects stays small.
struct SharedProjects {
    /// One sheet's row of a shared project.
    struct Occurrence {
        /// The index the sheet was added with.
        var sheet: Int
        var row: Int
        var policy: String
        /// The project as the sheet lists it (its directions left out: no year rule reads them).
        var project: Project
        /// The sheet's money columns.
        var columns: [MoneyColumn]
    }

    /// What is kept of one sheet added.
    private struct Sheet {
        var index: Int
        var policy: String
        var columns: Int32
    }

    private var sheets: [Sheet] = []
    private var projects = NumberedValues<Project>()
    private var columnLists = NumberedValues<[MoneyColumn]>()
    /// The codes in order of first appearance, and each one's number in that order.
    private var codes: [String] = []
    private var codeNumbers: [String: Int] = [:]
    /// Per code: its occurrences, three `CompactIntegers` each — the sheet's place among those added
    /// counted from the code's previous occurrence, the row, the project's number (about 4 bytes an
    /// occurrence where three Int32 take 12) —, how many, and the place of the last one's sheet.
    private var occurrences: [[UInt8]] = []
    private var occurrenceCounts: [Int] = []
    private var lastSheets: [Int] = []

    init() {}

    /// Adds the next sheet's rows.
    mutating func add(_ sheet: EvaluationSheet, index: Int) {
        let rows = sheet.projects.rows
        guard !rows.isEmpty else { return }
        let s = sheets.count
        sheets.append(Sheet(index: index, policy: sheet.policy.code, columns: columnLists.number(sheet.projects.columns)))
        var seen: Set<String> = []
        for (r, p) in rows.enumerated() where seen.insert(p.code).inserted {
            var kept = p
            kept.directions = []
            let project = projects.number(kept)
            let c: Int
            if let n = codeNumbers[p.code] {
                c = n
            } else {
                c = codes.count
                codes.append(p.code)
                codeNumbers[p.code] = c
                occurrences.append([])
                occurrenceCounts.append(0)
                lastSheets.append(0)
            }
            CompactIntegers.append(count: s - lastSheets[c], to: &occurrences[c])
            CompactIntegers.append(count: r, to: &occurrences[c])
            CompactIntegers.append(count: Int(project), to: &occurrences[c])
            lastSheets[c] = s
            occurrenceCounts[c] += 1
        }
    }

    /// Each code listed by two or more sheets with its occurrences, in order of the code's first appearance.
    func forEachGroup(_ body: (_ code: String, _ occurrences: [Occurrence]) -> Void) {
        for (c, code) in codes.enumerated() where occurrenceCounts[c] > 1 {
            let bytes = occurrences[c]
            var at = 0, s = 0
            var group: [Occurrence] = []
            group.reserveCapacity(occurrenceCounts[c])
            for _ in 0..<occurrenceCounts[c] {
                s += CompactIntegers.count(bytes, at: &at)
                let row = CompactIntegers.count(bytes, at: &at), project = CompactIntegers.count(bytes, at: &at)
                let sheet = sheets[s]
                group.append(Occurrence(sheet: sheet.index, row: row, policy: sheet.policy,
                                        project: projects.values[project], columns: columnLists.values[Int(sheet.columns)]))
            }
            body(code, group)
        }
    }

    /// The value most occurrences agree on; a tie goes to the value seen first.
    static func reference<Value: Hashable>(_ values: [Value]) -> Value {
        var counts: [Value: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        var best = values[0]
        for v in values where counts[v]! > counts[best]! { best = v }
        return best
    }
}

/// A rule over shared projects as a stream: the shared projects of the sheets added, and the rule's
/// hits for each group (code and occurrences).
struct SharedProjectsStream: YearRuleStream {
    var projects = SharedProjects()
    let hitsOfGroup: (_ code: String, _ occurrences: [SharedProjects.Occurrence], _ template: FormTemplate) -> [YearRuleHit]

    init(_ hitsOfGroup: @escaping (String, [SharedProjects.Occurrence], FormTemplate) -> [YearRuleHit]) {
        self.hitsOfGroup = hitsOfGroup
    }

    mutating func add(_ sheet: EvaluationSheet, index: Int) { projects.add(sheet, index: index) }

    func hits(template: FormTemplate) -> [YearRuleHit] {
        var hits: [YearRuleHit] = []
        projects.forEachGroup { code, occurrences in hits += hitsOfGroup(code, occurrences, template) }
        return hits
    }
}
