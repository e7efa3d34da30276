import EvalSheetModel

extension FormTemplate {
    /// The wording of the year's index workbook (`index.xlsx`): its two sheets, their titles, the
    /// headings of the policy list and of the goal totals, and the chart. Headings that the policy
    /// sheets also have (施策コード, 施策名, 担当部署, 担当課) are the form's `labels`.
    public struct Index: Codable, Sendable, Equatable {
        /// The sheet names (≤ 31 characters): the policy list and the totals per goal.
        public var listSheet, goalSheet: String
        /// The titles in A1: `{fiscalYear}` and, for the list, `{count}` (the number of policies) replaced.
        public var listTitle, goalTitle: String
        /// Headings: 基本目標 (the goal's code), its 名称, 総合評価, 施策数.
        public var goal, goalName, rating, policyCount: String
        /// A money column's heading: `{column}` is the column's label (令和元年度決算). A line break
        /// (`\n`) in a heading is where it wraps, so that it never breaks inside a word.
        public var total: String
        /// An indicator's latest rate: `{number}` is its circled number (①).
        public var latestRate: String
        /// The error and warning counts, the link column and its text.
        public var errors, warnings, workbook, open: String
        /// The label of the goal totals' last row.
        public var sum: String
        /// The chart's title and its value axis's title.
        public var chartTitle, chartValueAxis: String
        /// The page footer of both sheets (Excel's header/footer codes).
        public var footer: String

        /// `listTitle` for a year and a number of policies.
        public func listTitle(year: String, count: Int) -> String {
            listTitle.replacingOccurrences(of: "{fiscalYear}", with: year).replacingOccurrences(of: "{count}", with: String(count))
        }

        /// `goalTitle` for a year.
        public func goalTitle(year: String) -> String { goalTitle.replacingOccurrences(of: "{fiscalYear}", with: year) }

        /// The heading of the money column labelled `column` (with its line break).
        public func total(_ column: String) -> String { total.replacingOccurrences(of: "{column}", with: column) }

        /// The same on one line, for messages: 総事業費(令和元年度決算).
        public func totalName(_ column: String) -> String { total(column).replacingOccurrences(of: "\n", with: "") }

        /// The heading of the latest rate of indicator `number`.
        public func latestRate(_ number: Int) -> String {
            latestRate.replacingOccurrences(of: "{number}", with: CircledNumber.text(number))
        }
    }

    /// Every value of `index` the index writer cannot honour, with its JSON pointer: sheet names
    /// Excel refuses or the two the same, empty or over-long texts, control characters (a line break
    /// is allowed in headings: it is where the heading wraps), unknown placeholders.
    func indexProblems() -> [TemplateProblem] {
        var out: [TemplateProblem] = []
        func add(_ pointer: String, ja: String, en: String) { out.append(.init(pointer: pointer, message: .init(ja: ja, en: en))) }
        let x = index
        for (key, name) in [("listSheet", x.listSheet), ("goalSheet", x.goalSheet)] {
            if let reason = Self.sheetNameProblem(name) {
                add("/index/\(key)", ja: "シート名「\(name)」は使えません(\(reason.ja))", en: "the sheet name \"\(name)\" is not allowed (\(reason.en))")
            }
        }
        if x.listSheet.lowercased() == x.goalSheet.lowercased() {
            add("/index/goalSheet", ja: "シート名「\(x.goalSheet)」は /index/listSheet と重複しています",
                en: "the sheet name \"\(x.goalSheet)\" is also used by /index/listSheet")
        }
        let texts: [(String, String, Set<String>, Int)] = [
            ("listTitle", x.listTitle, ["fiscalYear", "count"], 255), ("goalTitle", x.goalTitle, ["fiscalYear"], 255),
            ("goal", x.goal, [], 255), ("goalName", x.goalName, [], 255), ("rating", x.rating, [], 255),
            ("policyCount", x.policyCount, [], 255), ("total", x.total, ["column"], 255),
            ("latestRate", x.latestRate, ["number"], 255), ("errors", x.errors, [], 255), ("warnings", x.warnings, [], 255),
            ("workbook", x.workbook, [], 255), ("open", x.open, [], 255), ("sum", x.sum, [], 255),
            ("chartTitle", x.chartTitle, [], 255), ("chartValueAxis", x.chartValueAxis, [], 255),
        ]
        for (key, value, placeholders, limit) in texts {
            let pointer = "/index/\(key)"
            if value.isEmpty { add(pointer, ja: "空にはできません", en: "must not be empty"); continue }
            if value.utf16.count > limit {
                add(pointer, ja: "長すぎます(\(value.utf16.count) 文字、上限 \(limit) 文字)", en: "too long (\(value.utf16.count) characters; at most \(limit))")
            }
            if let c = value.unicodeScalars.first(where: { !ControlCharacters.lineBreaks.allows($0) || $0 == "\t" || $0 == "\r" }) {
                add(pointer, ja: "使えない制御文字 \(PolicyCodeSyntax.visible(String(c))) があります",
                    en: "contains the control character \(PolicyCodeSyntax.visible(String(c)))")
            }
            for p in Self.placeholders(in: value) where !placeholders.contains(p) {
                let allowed = placeholders.isEmpty ? "なし" : placeholders.sorted().map { "{\($0)}" }.joined(separator: " ")
                add(pointer, ja: "差し込み「{\(p)}」は使えません(使えるもの: \(allowed))",
                    en: "unknown placeholder {\(p)} (allowed: \(placeholders.isEmpty ? "none" : allowed))")
            }
        }
        if x.footer.utf16.count > Self.headerFooterLimit {
            add("/index/footer", ja: "長すぎます(\(Self.headerFooterLimit) 文字まで)", en: "too long (at most \(Self.headerFooterLimit) characters)")
        }
        if x.footer.contains("&G") || x.footer.contains("&[Picture]") {
            add("/index/footer", ja: "画像の差し込み(&G)は使えません", en: "picture codes (&G) are not supported")
        }
        return out
    }
}
