import EvalSheetModel
import EvalSheetForm

/// The projects that appear in more than one sheet of a year, grouped by code: for each code,
/// its first row in each sheet that has it (a repeat within one sheet is `projects.code-unique`'s
/// business), in sheet order.
///
/// Sheets are added one at a time; what is kept is keyed by project code — per sheet its index,
/// policy code and money columns, per row three numbers — and each distinct project is stored once,
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

    /// What is kept of one occurrence: the sheet's place among those added, the row, the project's number.
    private struct Kept {
        var sheet: Int32
        var row: Int32
        var project: Int32
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
    private var codes: [String] = []
    private var byCode: [String: [Kept]] = [:]

    init() {}

    /// Adds the next sheet's rows.
    mutating func add(_ sheet: EvaluationSheet, index: Int) {
        let rows = sheet.projects.rows
        guard !rows.isEmpty else { return }
        // Fewer sheets or rows than Int32 holds: each is far larger than a byte.
        let s = Int32(clamping: sheets.count)
        sheets.append(Sheet(index: index, policy: sheet.policy.code, columns: columnLists.number(sheet.projects.columns)))
        var seen: Set<String> = []
        for (r, p) in rows.enumerated() where seen.insert(p.code).inserted {
            var kept = p
            kept.directions = []
            let occurrence = Kept(sheet: s, row: Int32(clamping: r), project: projects.number(kept))
            if byCode[p.code] == nil { codes.append(p.code) }
            byCode[p.code, default: []].append(occurrence)
        }
    }

    /// Each code listed by two or more sheets with its occurrences, in order of the code's first appearance.
    func forEachGroup(_ body: (_ code: String, _ occurrences: [Occurrence]) -> Void) {
        for code in codes {
            guard let kept = byCode[code], kept.count > 1 else { continue }
            body(code, kept.map { k in
                let sheet = sheets[Int(k.sheet)]
                return Occurrence(sheet: sheet.index, row: Int(k.row), policy: sheet.policy,
                                  project: projects.values[Int(k.project)], columns: columnLists.values[Int(sheet.columns)])
            })
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
