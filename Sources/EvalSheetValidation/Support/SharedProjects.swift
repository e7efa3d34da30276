import EvalSheetModel

/// The projects that appear in more than one sheet of a year, grouped by code: for each code,
/// its first row in each sheet that has it (a repeat within one sheet is `projects.code-unique`'s
/// business), in sheet order.
struct SharedProjects {
    /// One sheet's row of a shared project.
    struct Occurrence {
        var sheet: Int
        var row: Int
        var policy: String
        var project: Project
    }

    /// Codes in order of first appearance, each with its occurrences (two or more sheets).
    var groups: [(code: String, occurrences: [Occurrence])] = []

    init(_ sheets: [EvaluationSheet]) {
        var order: [String] = []
        var byCode: [String: [Occurrence]] = [:]
        for (s, sheet) in sheets.enumerated() {
            var seen: Set<String> = []
            for (r, p) in sheet.projects.rows.enumerated() where seen.insert(p.code).inserted {
                if byCode[p.code] == nil { order.append(p.code) }
                byCode[p.code, default: []].append(Occurrence(sheet: s, row: r, policy: sheet.policy.code, project: p))
            }
        }
        groups = order.compactMap { code in
            let occurrences = byCode[code]!
            return occurrences.count > 1 ? (code, occurrences) : nil
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
