import EvalSheetModel

/// Orders places in a source: line numbers numerically, cells by sheet, row then column,
/// JSON pointers component by component (array indices numerically).
enum SourceOrder {
    /// One component of a sort key: numbers sort before text, numbers numerically.
    enum Token: Comparable {
        case number(Int)
        case text(String)
    }

    /// The sort key of a location; empty when unknown (sorts first).
    static func tokens(_ location: SourceLocation?) -> [Token] {
        switch location {
        case .none: return []
        case .line(let n): return [.number(n)]
        case .cell(let sheet, let cell): return [.text(sheet)] + cellTokens(cell)
        case .jsonPointer(let p): return tokens(pointer: p)
        }
    }

    /// `/projects/rows/10/amounts/0` → projects, rows, 10, amounts, 0.
    static func tokens(pointer: String) -> [Token] {
        pointer.split(separator: "/").map { part in Int(part).map(Token.number) ?? .text(String(part)) }
    }

    /// `F7` → row 7, column 6; anything else compares as text.
    static func cellTokens(_ cell: String) -> [Token] {
        let s = cell.replacingOccurrences(of: "$", with: "")
        let letters = s.prefix { $0.isASCII && $0.isLetter }
        guard !letters.isEmpty, let row = Int(s.dropFirst(letters.count)) else { return [.text(cell)] }
        let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
        return [.number(row), .number(column)]
    }

    /// Lexicographic comparison of two keys.
    static func less(_ a: [Token], _ b: [Token]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x < y }
        return a.count < b.count
    }
}
