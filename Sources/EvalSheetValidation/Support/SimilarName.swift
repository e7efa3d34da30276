/// Finding a likely intended name for one that is not known (`監査委員事務局` → `監査委員会事務局`,
/// `公園整備事業` → `公園管理事業`), to add a hint to a finding.
enum SimilarName {
    /// The candidate closest to `name` by edit distance, if it is close enough: at most a third
    /// of the name's length, and at least 1. Ties go to the first candidate.
    ///
    /// Names longer than `maxScalars` get no suggestion and are no candidate: the distance costs
    /// the product of the lengths, and comparing two characters of many combining marks costs their
    /// length again (a hostile cell of 30,000 marks took minutes); a suggestion for such a text
    /// helps nobody. A candidate whose length differs by more than the limit is never near.
    static func nearest(to name: String, in candidates: [String]) -> String? {
        guard name.unicodeScalars.count <= maxScalars else { return nil }
        let limit = max(1, name.count / 3)
        let length = name.count
        var best: (name: String, distance: Int)?
        for c in candidates where c.unicodeScalars.count <= maxScalars && abs(c.count - length) <= limit && c != name {
            let d = distance(Array(name), Array(c))
            if d <= limit, d < (best?.distance ?? .max) { best = (c, d) }
        }
        return best?.name
    }

    /// The longest name (in scalars) that is given or taken as a suggestion.
    static let maxScalars = 256

    /// Levenshtein distance over characters.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1,
                                 previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
