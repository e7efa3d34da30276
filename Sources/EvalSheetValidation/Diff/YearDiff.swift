import EvalSheetModel
import EvalSheetForm

/// What changed between two versions of a year (or of any set of policies): the policies are paired
/// by code, each pair is diffed, and a policy on one side only is a change too (removed or added).
/// Two single sheets are compared whatever their codes (a policy renumbered is still one policy).
public struct YearDiff: Sendable {
    /// Every change of every paired policy, in the old side's order.
    public var changes: [Change]
    /// Policies only in the old version, in its order.
    public var removed: [LoadedSheet]
    /// Policies only in the new version, in its order.
    public var added: [LoadedSheet]

    /// Whether the two versions are the same.
    public var isEmpty: Bool { changes.isEmpty && removed.isEmpty && added.isEmpty }

    /// Pairs `old` and `new` and diffs each pair. A code that appears twice on one side pairs its
    /// first copy (see `duplicateCodes` to refuse such input first).
    public init(old: [LoadedSheet], new: [LoadedSheet], template: FormTemplate = .standard) {
        if old.count == 1, new.count == 1 {
            self.init(changes: SheetDiff.diff(old: old[0], new: new[0], template: template), removed: [], added: [])
            return
        }
        var newByCode: [String: LoadedSheet] = [:]
        for n in new where newByCode[n.sheet.policy.code] == nil { newByCode[n.sheet.policy.code] = n }
        let oldCodes = Set(old.map(\.sheet.policy.code))
        var changes: [Change] = [], removed: [LoadedSheet] = []
        for o in old {
            guard let n = newByCode[o.sheet.policy.code] else { removed.append(o); continue }
            changes += SheetDiff.diff(old: o, new: n, template: template)
        }
        self.init(changes: changes, removed: removed, added: new.filter { !oldCodes.contains($0.sheet.policy.code) })
    }

    public init(changes: [Change], removed: [LoadedSheet], added: [LoadedSheet]) {
        self.changes = changes
        self.removed = removed
        self.added = added
    }

    /// Policy codes that appear more than once among `sheets`, in first-repeat order: a diff cannot
    /// tell which copy to compare.
    public static func duplicateCodes(_ sheets: [LoadedSheet]) -> [String] {
        var seen: Set<String> = [], twice: [String] = []
        for s in sheets where !seen.insert(s.sheet.policy.code).inserted && !twice.contains(s.sheet.policy.code) {
            twice.append(s.sheet.policy.code)
        }
        return twice
    }
}
