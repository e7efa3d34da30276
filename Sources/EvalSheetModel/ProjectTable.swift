import Foundation

/// §3 構成事業の状況: the money columns (from the sheet's own headers), the project rows and
/// the printed totals (総事業費). Amounts are in thousands of yen (千円).
public struct ProjectTable: Hashable, Sendable, Codable {
    /// The money columns in printed order, e.g. 平成30年度決算, 令和元年度決算, 令和2年度予算.
    public var columns: [MoneyColumn]
    /// The projects in printed order (not sorted).
    public var rows: [Project]
    /// 総事業費(施策の合計) as printed, one per column; nil where nothing is printed.
    public var totals: [Int?]

    public init(columns: [MoneyColumn], rows: [Project], totals: [Int?]) {
        self.columns = columns
        self.rows = rows
        self.totals = totals
    }

    /// The sum of the rows in each column, blank counted as 0; checked arithmetic, never a trap.
    /// A sum beyond `Amount.maximum` (which no reader lets through) is `Int.max`.
    public var computedTotals: [Int] {
        columns.indices.map { c in
            Amount.sum(rows.lazy.map { c < $0.amounts.count ? $0.amounts[c] : nil }) ?? Int.max
        }
    }
}

/// One money column of §3: a fiscal year and whether it is a settled (決算) or budget (予算) figure.
public struct MoneyColumn: Hashable, Sendable, Codable {
    public var fiscalYear: Int
    public var kind: MoneyKind

    public init(fiscalYear: Int, kind: MoneyKind) {
        self.fiscalYear = fiscalYear
        self.kind = kind
    }

    /// The header as printed: `平成30年度決算`.
    public var label: String { FiscalYearText.japanese(fiscalYear) + kind.rawValue }

    /// Parses `平成30年度決算`, `令和2年度予算` (spaces ignored).
    public init?(label: some StringProtocol) {
        self.init(label: String(label))
    }

    /// `init(label:)` for a String, what readers hold: the steps without generic calls.
    public init?(label: String) {
        let s = label.withoutSpaces()
        for kind in MoneyKind.allCases where s.hasSuffix(kind.rawValue) {
            guard let year = FiscalYearText.parse(s.dropLast(kind.rawValue.count)) else { return nil }
            self.init(fiscalYear: year, kind: kind)
            return
        }
        return nil
    }
}

/// Whether a money column holds settled accounts (決算) or a budget (予算).
public enum MoneyKind: String, Hashable, Sendable, Codable, CaseIterable {
    case settled = "決算"
    case budget = "予算"
}

/// One project (事務事業) of §3.
public struct Project: Hashable, Sendable, Codable {
    /// No.: the 10-digit project code, as text (`0102010806`).
    public var code: String
    /// 事務事業名.
    public var name: String
    /// 実行計画: true when the project is marked `対象`.
    public var inExecutionPlan: Bool
    /// 施策の方向性: the numbers of the §2 directions it serves, e.g. [1, 2] for `1,2`.
    public var directions: [Int]
    /// 担当課.
    public var section: String
    /// Thousands of yen per money column; nil where the cell is blank (blank ≠ 0).
    public var amounts: [Int?]

    public init(code: String, name: String, inExecutionPlan: Bool, directions: [Int], section: String, amounts: [Int?]) {
        self.code = code
        self.name = name
        self.inExecutionPlan = inExecutionPlan
        self.directions = directions
        self.section = section
        self.amounts = amounts
    }

    /// The printed mark of 実行計画.
    public static let executionPlanMark = "対象"

    /// `parseDirections` of a text of ASCII digits and commas only, from its bytes: nothing to fold
    /// or trim, parts split at commas (empty ones dropped, as `split` does), each a number 1…99 —
    /// a part whose digits pass 99 is none, whatever follows (digits only make it larger). `.some(nil)`
    /// is "not directions"; nil says only that the text holds another byte.
    static func parsePlainDirections(_ bytes: some Collection<UInt8>) -> [Int]?? {
        var out: [Int] = []
        var value = 0, inPart = false
        for b in bytes {
            if b == UInt8(ascii: ",") {
                if inPart { out.append(value) }
                value = 0
                inPart = false
            } else if b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
                value = value * 10 + Int(b - UInt8(ascii: "0"))
                inPart = true
                if value > 99 { return .some(nil) }
            } else {
                return nil
            }
        }
        if inPart { out.append(value) }
        guard !out.isEmpty, !out.contains(0) else { return .some(nil) }
        return .some(out)
    }

    /// `1,2` for [1, 2].
    public var directionsText: String { directions.map(String.init).joined(separator: ",") }

    /// Parses `1,2` / `1、2` / `１，２` into [1, 2]; nil when any part is not a number.
    public static func parseDirections(_ text: some StringProtocol) -> [Int]? {
        if let plain = parsePlainDirections(text.utf8) { return plain }
        return parseDirectionsByCharacters(text)
    }

    /// `parseDirections` on the folded text's characters: the definition, for any text.
    static func parseDirectionsByCharacters(_ text: some StringProtocol) -> [Int]? {
        var folded = PrintedNumber.foldFullWidth(String(text))
        // `、` is E3 80 81: without a byte 0x81 there is none to replace (and no Foundation search).
        if folded.utf8.contains(0x81) { folded = folded.replacingOccurrences(of: "、", with: ",") }
        let parts = folded.split(separator: ",").map { $0.trimmedSpaces() }
        guard !parts.isEmpty else { return nil }
        var out: [Int] = []
        for p in parts {
            guard let n = Int(p), n >= 1, n <= 99 else { return nil }
            out.append(n)
        }
        return out
    }
}
