import EvalSheetModel

/// Writes sheets in the city's canonical text form (the majority layout of the real data):
/// TAB-separated cells, each block of consecutive lines padded to one width, an empty line after
/// each section. Reading the output back gives the identical model.
///
/// The form has no way to carry a TAB, a line feed or a carriage return inside a cell (the reader
/// splits at them): such characters are printed as a space (`unrepresentableFields` lists where
/// that happens, so callers can warn).
public enum TextFormWriter {
    /// All sheets, one after the other, as one file's text (ends with a newline).
    public static func write(_ sheets: [EvaluationSheet]) -> String {
        var out = TextBlockBuilder()
        out.blank()
        out.blank()
        for sheet in sheets { writeSheet(sheet, into: &out) }
        return out.text
    }

    /// One sheet as text.
    public static func write(_ sheet: EvaluationSheet) -> String { write([sheet]) }

    /// Fields whose text holds a TAB, line feed or carriage return, which the text form cannot carry.
    public static func unrepresentableFields(_ sheet: EvaluationSheet) -> [FieldPath] {
        var out: [FieldPath] = []
        func check(_ s: String?, _ p: FieldPath) {
            if let s, TextBlockBuilder.needsCleaning(s) { out.append(p) }
        }
        check(sheet.policy.name, .policyName)
        check(sheet.futureVision, .futureVision)
        for (i, d) in sheet.directions.enumerated() { check(d.text, .direction(i, .text)) }
        for (i, p) in sheet.projects.rows.enumerated() { check(p.name, .project(i, .name)) }
        for (i, item) in sheet.indicators.items.enumerated() {
            check(item.name, .indicator(i, .name))
            check(item.description, .indicator(i, .description))
            check(item.method, .indicator(i, .method))
        }
        check(sheet.evaluation.reason, .ratingReason)
        for (i, f) in sheet.environment.enumerated() {
            check(f.status, .factor(i, .status))
            check(f.reason, .factor(i, .reason))
        }
        for (i, c) in sheet.challenges.enumerated() {
            check(c.challenge, .challenge(i, .challenge))
            check(c.current, .challenge(i, .current))
            check(c.future, .challenge(i, .future))
        }
        return out
    }

    static func writeSheet(_ s: EvaluationSheet, into out: inout TextBlockBuilder) {
        let o = s.organization
        out.heading("1. 基本情報")
        out.block([["評価対象年度 (\(FiscalYearText.japanese(s.fiscalYear)))"]])
        out.block([
            ["施策コード", s.policy.code, "", "施策名", s.policy.name],
            ["将来像", s.vision.code, s.vision.name],
            ["まちづくりの基本目標", s.goal.code, s.goal.name],
            ["担当部署", o.department, "", "担当課", o.section, "", "担当係", o.subsection],
            ["担当者", o.person, "", "役職", o.title, "", "内線", o.phoneExtension],
            ["関係課"] + o.relatedSections,
        ])

        out.heading("2. 施策の方向")
        out.block([["10年後の姿", s.futureVision]] + s.directions.enumerated().map { i, d in
            [i == 0 ? "施策の方向性" : "", String(d.number), d.text]
        })

        out.heading("3. 構成事業の状況")
        out.block([[ProjectTable.unitLabel]])
        let p = s.projects
        out.block([["No.", "事務事業名", "実行計画", "施策の方向性", "担当課"] + p.columns.map(\.label)]
            + p.rows.map { r in
                [r.code, r.name, r.inExecutionPlan ? Project.executionPlanMark : "", r.directionsText, r.section]
                    + r.amounts.map(amountText)
            }
            + [[ProjectTable.totalLabel, "", "", "", ""] + p.totals.map(amountText)])

        out.heading("4. まちづくり指標")
        let ind = s.indicators
        out.block([["指標情報", "", "", ""] + ind.years.map(FiscalYearText.japanese) + [""]]
            + ind.items.flatMap { item -> [[String]] in [
                [CircledNumber.text(item.number), "名称", item.name, "", "目標値"] + item.targets.map(\.text),
                ["", "説明", item.description ?? "", "単位 " + item.unit, "実績値"] + item.actuals.map(\.text),
                ["", "抽出方法", item.method ?? "", "", "達成率"] + item.rates.map(\.text),
            ] })
        if let note = ind.footnote {
            out.block(note.split(separator: "\n", omittingEmptySubsequences: false).map { [String($0)] })
        }

        out.heading("5. 評価(\(FiscalYearText.japanese(s.fiscalYear))実績に対する)")
        let criterion = "投入財源・成果(「3. 構成事業の状況」「4. まちづくり指標」)に対する評価"
        let ratingLabel = "総合評価(成果、投入財源等を総合的に評価)"
        if s.evaluation.rating.rawValue.isEmpty {
            // No rating: the reason goes on the next line in <p>…</p> (sheet 512's layout), so that
            // it is never read as a rating.
            out.block([
                ["評価基準", "評価※", "評価理由"],
                [criterion, ratingLabel, ""],
                ["<p>" + s.evaluation.reason + "</p>"],
            ])
        } else {
            out.block([
                ["評価基準", "評価※", "評価理由"],
                [criterion, ratingLabel + " " + s.evaluation.rating.rawValue, s.evaluation.reason],
            ])
        }
        out.block(Rating.legend.map { [$0] })

        out.heading("6. 施策を取り巻く環境")
        out.block([["外部要因", "状況", "外部要因に対する評価", "評価理由"]] + s.environment.map {
            [$0.category, $0.status, assessmentsText($0.assessments), $0.reason]
        })

        out.heading("7. 施策を進める上での課題")
        out.block(s.challenges.flatMap { c -> [[String]] in [
            [CircledNumber.text(c.number), Challenge.challengeLabel, c.challenge],
            ["", Challenge.relatedProjectsLabel] + c.relatedProjects,
            ["", Challenge.currentLabel, c.current],
            ["", Challenge.futureLabel(from: s.futureActionsFromYear), c.future],
        ] })
    }

    /// `1. 施策遂行に役立つ・有利 3. 施策の必要性を高める`, as the form prints assessments. A label that
    /// itself starts with `N.` is printed without the space (`1.2. …`), so that it never reads as a
    /// second assessment.
    static func assessmentsText(_ list: [Assessment]) -> String {
        list.map { a in
            let label = Array(a.label)
            let startsLikeACode = label.count >= 2 && label[0].isASCII && label[0].isNumber && label[1] == "."
            return "\(a.code)." + (startsLikeACode ? "" : " ") + a.label
        }.joined(separator: " ")
    }

    static func amountText(_ v: Int?) -> String {
        v.map { PrintedNumber.format(.init($0), fractionDigits: 0, grouped: true) } ?? ""
    }
}

/// Accumulates lines; each block's rows are padded with empty cells to the block's widest row,
/// as in the city's files, and followed by an empty line.
struct TextBlockBuilder {
    private(set) var text = ""

    mutating func blank() { text += "\n" }

    mutating func heading(_ title: String) { block([[title]]) }

    mutating func block(_ rows: [[String]]) {
        guard !rows.isEmpty else { return }
        let width = rows.map(\.count).max() ?? 1
        for row in rows {
            let cells = row.map(Self.clean) + Array(repeating: "", count: width - row.count)
            text += cells.joined(separator: "\t") + "\n"
        }
        blank()
    }

    /// TAB, LF and CR cannot live in a cell of the text form (the reader splits at them): print
    /// them as spaces. Other characters, line separators included, are kept.
    static func clean(_ s: String) -> String {
        guard needsCleaning(s) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(isSplitter(u) ? " " : u) }
        return String(out)
    }

    static func needsCleaning(_ s: String) -> Bool { s.unicodeScalars.contains(where: isSplitter) }

    private static func isSplitter(_ u: Unicode.Scalar) -> Bool { u == "\t" || u == "\n" || u == "\r" }
}
