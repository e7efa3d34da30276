import Foundation
import EvalSheetModel

/// Reports of a sheet diff for people (text) and programs (JSON).
public enum Changes {
    /// One line per change (`location: 3 構成事業 0102010806 令和元年度決算: 2,450 → 2,451`,
    /// blank shown as `(空欄)`), then a count line (`変更 6 件`). Ends with a newline.
    public static func renderText(_ changes: [Change], language: Language = .ja) -> String {
        guard !changes.isEmpty else { return (language == .ja ? "変更はありません" : "No changes") + "\n" }
        var out = changes.map { $0.line(language) + "\n" }.joined()
        let n = changes.count
        out += language == .ja ? "変更 \(n) 件\n" : "\(n) change\(n == 1 ? "" : "s")\n"
        return out
    }

    /// A JSON array of changes (`kind`, `section`, `sectionTitle`, `row`, `field`, `old`, `new`,
    /// `pointer`, `location`), pretty-printed with sorted keys, ending with a newline.
    public static func renderJSON(_ changes: [Change]) -> String {
        JSONRendering.render(changes)
    }

    /// Reads changes back from `renderJSON`'s output.
    public static func decodeJSON(_ data: Data) throws -> [Change] {
        try JSONDecoder().decode([Change].self, from: data)
    }
}
