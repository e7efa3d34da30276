/// Finding a likely intended name for one that is not known (`監査委員事務局` → `監査委員会事務局`,
/// `公園整備事業` → `公園管理事業`), to add a hint to a finding.
enum SimilarName {
    /// The candidate closest to `name` by edit distance, if it is close enough: at most a third
    /// of the name's length, and at least 1. Ties go to the first candidate.
    static func nearest(to name: String, in candidates: [String]) -> String? {
        let limit = max(1, name.count / 3)
        var best: (name: String, distance: Int)?
        for c in candidates where c != name {
            let d = distance(Array(name), Array(c))
            if d <= limit, d < (best?.distance ?? .max) { best = (c, d) }
        }
        return best?.name
    }

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
