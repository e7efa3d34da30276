import EvalSheetModel
import EvalSheetForm

/// Collects the changes between two loaded sheets, section by section; each section's
/// comparison lives in its own extension (`DiffBuilder+Projects.swift` …). Fields, rows and
/// sections are named as `template` labels them.
struct DiffBuilder {
    let old: LoadedSheet
    let new: LoadedSheet
    let template: FormTemplate
    private(set) var changes: [Change] = []

    init(old: LoadedSheet, new: LoadedSheet, template: FormTemplate) {
        self.old = old
        self.new = new
        self.template = template
    }

    var o: EvaluationSheet { old.sheet }
    var n: EvaluationSheet { new.sheet }
    /// The form's labels.
    var l: FormTemplate.Labels { template.labels }

    /// A field whose printed value may differ; located in the new source.
    mutating func field(_ ja: String, _ en: String, row: String? = nil, _ oldText: String, _ newText: String,
                        at path: FieldPath) {
        guard oldText != newText else { return }
        changes.append(change(.changed, path, row: row, field: .init(ja: ja, en: en),
                              old: oldText, new: newText, location: new.sourceMap.describe(path)))
    }

    /// A row (or list entry) only in the new sheet.
    mutating func added(_ ja: String, _ en: String, row: String?, _ text: String, at path: FieldPath) {
        changes.append(change(.added, path, row: row, field: .init(ja: ja, en: en),
                              old: nil, new: text, location: new.sourceMap.describe(path)))
    }

    /// A row (or list entry) only in the old sheet; `path` is in the old sheet and located there.
    mutating func removed(_ ja: String, _ en: String, row: String?, _ text: String, at path: FieldPath) {
        changes.append(change(.removed, path, row: row, field: .init(ja: ja, en: en),
                              old: text, new: nil, location: old.sourceMap.describe(path)))
    }

    /// The same rows in another order: the old and new orders as text, located at the first moved row.
    mutating func reordered(_ ja: String, _ en: String, _ oldOrder: String, _ newOrder: String, at path: FieldPath) {
        changes.append(change(.reordered, path, row: nil, field: .init(ja: ja, en: en),
                              old: oldOrder, new: newOrder, location: new.sourceMap.describe(path)))
    }

    /// A change of `path`'s section, titled as the template names its sheet.
    private func change(_ kind: Change.Kind, _ path: FieldPath, row: String?, field: LocalizedMessage,
                        old: String?, new: String?, location: String) -> Change {
        Change(kind: kind, section: path.section, row: row, field: field, old: old, new: new, path: path,
               location: location, template: template)
    }
}

/// How the rows of two versions of a table correspond, matched by key.
struct RowMatching {
    /// One step of the merged walk through both versions, in the new order with removed rows
    /// placed before the first new row that followed them.
    enum Event {
        case both(old: Int, new: Int)
        case added(new: Int)
        case removed(old: Int)
    }

    var events: [Event] = []
    /// The keys both versions share, in the old and in the new order.
    var commonOld: [String] = []
    var commonNew: [String] = []
    /// The new index of the first shared row that moved, when the shared rows were reordered.
    var firstMoved: Int?

    /// Keys need not be unique: a repeated key is matched by occurrence (the 2nd `その他` with the 2nd).
    init(old oldKeys: [String], new newKeys: [String]) {
        let oldKeys = Self.occurrenceKeys(oldKeys), newKeys = Self.occurrenceKeys(newKeys)
        let oldIndex = Dictionary(uniqueKeysWithValues: oldKeys.enumerated().map { ($1, $0) })
        let newSet = Set(newKeys)
        commonOld = oldKeys.filter(newSet.contains)
        commonNew = newKeys.filter { oldIndex[$0] != nil }
        if let k = commonOld.indices.first(where: { commonOld[$0] != commonNew[$0] }) {
            firstMoved = newKeys.firstIndex(of: commonNew[k])
        }
        // The old rows before `flushed` that only the old version has are out already: each old row
        // is looked at once (rows in reverse order made this quadratic: 32,000 rows took 57 s).
        var flushed = 0
        func flushRemoved(before end: Int) {
            guard end > flushed else { return }
            for r in flushed..<end where !newSet.contains(oldKeys[r]) {
                events.append(.removed(old: r))
            }
            flushed = end
        }
        for (j, key) in newKeys.enumerated() {
            if let i = oldIndex[key] {
                flushRemoved(before: i)
                events.append(.both(old: i, new: j))
            } else {
                events.append(.added(new: j))
            }
        }
        flushRemoved(before: oldKeys.count)
    }

    /// `["その他", "その他"]` → `["その他#1", "その他#2"]`.
    static func occurrenceKeys(_ keys: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return keys.map { key in
            seen[key, default: 0] += 1
            return "\(key)#\(seen[key]!)"
        }
    }

    /// A key as shown: `その他` for the first occurrence, `その他 2` for the second.
    static func display(_ key: String) -> String {
        let hash = key.lastIndex(of: "#")!
        let n = key[key.index(after: hash)...]
        return n == "1" ? String(key[..<hash]) : "\(key[..<hash]) \(n)"
    }

    /// The shared keys in the old and the new order, as shown, joined by `、`.
    var orders: (old: String, new: String) {
        (commonOld.map(Self.display).joined(separator: "、"), commonNew.map(Self.display).joined(separator: "、"))
    }
}

/// Value columns of two versions lined up by what they mean (a money column, a year): columns
/// with the same key pair up; of the rest, an old and a new column at the same position pair up
/// too (a header edited in place). The new order comes first, then columns only the old has.
struct ColumnAlignment<Key: Equatable> {
    /// `key` is the new column's (the old one's for an old-only column).
    var columns: [(key: Key, old: Int?, new: Int?)] = []

    init(old: [Key], new: [Key]) {
        var pairs: [Int?] = new.map { old.firstIndex(of: $0) }
        let taken = Set(pairs.compactMap { $0 })
        for j in new.indices where pairs[j] == nil && old.indices.contains(j) && !taken.contains(j)
            && !new.contains(old[j]) {
            pairs[j] = j
        }
        let used = Set(pairs.compactMap { $0 })
        for (j, k) in new.enumerated() { columns.append((k, pairs[j], j)) }
        for (i, k) in old.enumerated() where !used.contains(i) { columns.append((k, i, nil)) }
    }
}
