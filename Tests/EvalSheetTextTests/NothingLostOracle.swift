import Foundation
import EvalSheetModel
import EvalSheetText
import EvalSheetForm

/// The "nothing lost" oracle for the text reader, shared by the seeded mutation test and the
/// libFuzzer harness (scripts/fuzz-text-reader.sh compiles this file too; it uses only the public
/// API). For any input:
///
/// 1. Every non-empty cell of every sheet the reader accepted is accounted for: its text is in the
///    model (equal to, or contained in, some model value — compared as labels are, without spaces),
///    or it is one of the form's fixed labels / headings / template lines (possibly merged with a
///    model value, as the real sheets print `単位 %` or `総合評価(…) 維持`), or a warning names its
///    line. Text before the first sheet must be named by a warning.
/// 2. text → model → text → model is identical, the canonical text places every cell (no
///    warnings), and writing the model again gives the same text.
/// 3. `read` throws exactly when `readEach` reports a failure, and agrees on the sheets.
enum NothingLostOracle {
    /// Why the input broke the reader's promises; empty when it kept them.
    static func check(_ data: Data, file: String = "input.txt") -> [String] {
        let (sheets, failures) = TextFormReader.readEach(data, file: file)
        var out: [String] = []
        do {
            let read = try TextFormReader.read(data, file: file)
            if !failures.isEmpty { out.append("read succeeded although readEach reported \(failures.count) failures") }
            if read.map(\.sheet) != sheets.map(\.sheet) { out.append("read and readEach disagree on the sheets") }
        } catch {
            if failures.isEmpty { out.append("read threw although readEach reported no failure: \(error)") }
        }
        for f in failures where f.problems.isEmpty || f.file != file {
            out.append("a failure without problems or for another file: \(f)")
        }
        guard !sheets.isEmpty, let lines = decodedLines(data) else { return out }
        out += accountForCells(lines, sheets, failures, file: file)
        for loaded in sheets { out += roundTrip(loaded.sheet) }
        return out
    }

    // MARK: - 1. every cell accounted for

    private static func accountForCells(_ lines: [[String]], _ sheets: [LoadedSheet], _ failures: [TextFormError],
                                        file: String) -> [String] {
        var starts: [(line: Int, sheet: Int?)] = sheets.enumerated().compactMap { k, s in
            guard case .line(let n)? = s.sourceMap.sections[1] else { return nil }
            return (n, k)
        }
        starts += failures.compactMap { f in f.sheetLines.map { ($0.lowerBound, nil) } }
        starts.sort { $0.line < $1.line }
        guard starts.count == sheets.count + failures.filter({ $0.sheetLines != nil }).count else {
            return ["a loaded sheet has no §1 location"]
        }
        var warned: Set<Int> = []
        for s in sheets {
            for n in s.notes where n.location.hasPrefix(file + ":") {
                if let line = Int(n.location.dropFirst(file.count + 1)) { warned.insert(line) }
            }
        }
        let vocabularies = sheets.map { Vocabulary($0.sheet) }
        var out: [String] = []
        for (i, cells) in lines.enumerated() {
            let number = i + 1
            let owner = starts.last { $0.line <= number }
            if let owner, owner.sheet == nil { continue }  // a sheet that was refused: nothing written
            if warned.contains(number) { continue }
            for (c, raw) in cells.enumerated() {
                let cell = String(raw.trimmedSpaces())
                guard !cell.isEmpty else { continue }
                guard let k = owner?.sheet else {
                    out.append("line \(number) (before the first sheet) is not named by a warning")
                    break
                }
                if !vocabularies[k].accounts(for: cell) {
                    out.append("line \(number) cell \(c + 1) \"\(cell.prefix(80))\" is neither in the model nor named by a warning")
                }
            }
        }
        return out
    }

    /// The lines and cells as the reader sees them (UTF-8, optional BOM, LF/CRLF/CR); nil if not UTF-8.
    static func decodedLines(_ data: Data) -> [[String]]? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return normalized.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    // MARK: - 2. round trip

    private static func roundTrip(_ sheet: EvaluationSheet) -> [String] {
        let text = TextFormWriter.write(sheet)
        let (again, failures) = TextFormReader.readEach(Data(text.utf8), file: "canonical.txt")
        guard failures.isEmpty else {
            return ["policy \(sheet.policy.code): its canonical text is refused: \(failures.map(\.description))"]
        }
        guard again.count == 1 else { return ["policy \(sheet.policy.code): canonical text reads as \(again.count) sheets"] }
        var out: [String] = []
        if again[0].sheet != sheet {
            out.append("policy \(sheet.policy.code): text → model → text → model differs: \(difference(sheet, again[0].sheet))")
        }
        if !again[0].notes.isEmpty {
            out.append("policy \(sheet.policy.code): canonical text has warnings: \(again[0].notes.map { "\($0.location) \($0.message.en)" })")
        }
        if TextFormWriter.write(again[0].sheet) != text { out.append("policy \(sheet.policy.code): writing is not a fixed point") }
        return out
    }

    /// The first differing part of two sheets, for messages.
    static func difference(_ a: EvaluationSheet, _ b: EvaluationSheet) -> String {
        let parts: [(String, Bool)] = [
            ("fiscalYear", a.fiscalYear == b.fiscalYear), ("policy", a.policy == b.policy), ("vision", a.vision == b.vision),
            ("goal", a.goal == b.goal), ("organization", a.organization == b.organization),
            ("futureVision", a.futureVision == b.futureVision), ("directions", a.directions == b.directions),
            ("projects", a.projects == b.projects), ("indicators", a.indicators == b.indicators),
            ("evaluation", a.evaluation == b.evaluation), ("environment", a.environment == b.environment),
            ("challenges", a.challenges == b.challenges), ("futureActionsFromYear", a.futureActionsFromYear == b.futureActionsFromYear),
        ]
        let names = parts.filter { !$0.1 }.map(\.0)
        var detail = ""
        if a.evaluation != b.evaluation { detail = " \(a.evaluation) vs \(b.evaluation)" }
        if a.indicators != b.indicators { detail = " \(a.indicators) vs \(b.indicators)" }
        if a.challenges != b.challenges { detail = " \(a.challenges) vs \(b.challenges)" }
        return names.joined(separator: ", ") + String(detail.prefix(1500))
    }
}

/// Everything one model holds, in the forms a cell can show it.
private struct Vocabulary {
    var texts: [String] = []
    /// Every text key, joined by NUL, for one substring search per cell (a cell holding NUL itself
    /// is searched for in each text instead: a model text may hold NUL, which the form keeps).
    var joined = ""
    var textSet: Set<String> = []
    var amounts: Set<Int> = []
    var values: Set<IndicatorValue> = []
    var directionLists: Set<[Int]> = []
    var ordinals: Set<Int> = []
    var years: Set<Int> = []
    var columns: Set<MoneyColumn> = []
    var assessments: Set<[Assessment]> = []

    init(_ s: EvaluationSheet) {
        s.forEachText { _, t in
            let k = t.labelKey()
            if !k.isEmpty { texts.append(k) }
        }
        for p in s.projects.rows {
            if p.inExecutionPlan { texts.append(Project.executionPlanMark) }
            for a in p.amounts { if let a { amounts.insert(a) } }
            directionLists.insert(p.directions)
        }
        for t in s.projects.totals { if let t { amounts.insert(t) } }
        for item in s.indicators.items {
            for v in item.targets + item.actuals + item.rates where v != .blank { values.insert(v) }
            ordinals.insert(item.number)
        }
        for d in s.directions { ordinals.insert(d.number) }
        for c in s.challenges { ordinals.insert(c.number) }
        years = Set([s.fiscalYear, s.futureActionsFromYear] + s.indicators.years + s.projects.columns.map(\.fiscalYear))
        columns = Set(s.projects.columns)
        for f in s.environment { assessments.insert(f.assessments) }
        joined = texts.joined(separator: "\u{0}")
        textSet = Set(texts)
    }

    /// The form's fixed labels, compared without spaces.
    static let labels: Set<String> = Set([
        "施策コード", "施策名", "将来像", "まちづくりの基本目標", "担当部署", "主担当部", "担当部", "担当課", "主担当課",
        "担当係", "主担当係", "担当者", "役職", "内線", "関係課", "評価対象年度",
        "10年後の姿", "施策の方向性",
        "(単位:千円)", "No.", "事務事業名", "実行計画", "総事業費(施策の合計)",
        "指標情報", "名称", "説明", "抽出方法", "目標値", "実績値", "達成率", "単位",
        "評価基準", "評価※", "評価理由", "総合評価(成果、投入財源等を総合的に評価)",
        "投入財源・成果(「3. 構成事業の状況」「4. まちづくり指標」)に対する評価",
        "投入財源・成果 〔3. 構成事業 の状況〕〔4. まち づくり指標〕に対 する評価",
        "投入財源・成果 (「3. 構成事業の状況」「4. まちづくり指標」に対する評価)",
        "投入財源・成果 〔「3. 構成事業の状況」「4. まちづくり指標」〕に対する評価",
        "投入財源・成果 の状況「4. まち づくり指標」に対 する評価",
        "外部要因", "状況", "外部要因に対する評価",
        FormTemplate.standard.labels.challenge, FormTemplate.standard.labels.relatedProjects, FormTemplate.standard.labels.current,
        "1.基本情報", "2.施策の方向", "3.構成事業の状況", "4.まちづくり指標", "5.評価", "6.施策を取り巻く環境", "7.施策を進める上での課題",
    ].map { $0.labelKey() } + FormTemplate.standard.legend.map { $0.labelKey() })

    /// Label prefixes the sheets merge with a value in one cell.
    static let prefixes = ["総合評価(成果、投入財源等を総合的に評価)", "総合評価", "単位", "評価対象年度"].map { $0.labelKey() }

    func accounts(for cell: String, depth: Int = 0) -> Bool {
        let key = cell.labelKey()
        if key.isEmpty || Self.labels.contains(key) || inModel(cell, key) { return true }
        if let y = fixedWithYear(key), years.contains(y) { return true }
        for p in Self.prefixes where key.hasPrefix(p) && key.count > p.count {
            if accounts(for: String(key.dropFirst(p.count)), depth: depth + 1) { return true }
        }
        var inner = Substring(cell)
        if inner.hasPrefix("<p>") { inner = inner.dropFirst(3) }
        if inner.hasSuffix("</p>") { inner = inner.dropLast(4) }
        if inner.count < cell.count { return accounts(for: String(inner), depth: depth + 1) }
        if inner.hasPrefix("("), inner.hasSuffix(")"), inner.count > 2 {
            if accounts(for: String(inner.dropFirst().dropLast()), depth: depth + 1) { return true }
        }
        if let first = cell.unicodeScalars.first, CircledNumber.parse(String(first)) != nil {
            let rest = String(String(cell.unicodeScalars.dropFirst()).trimmedSpaces())
            if ordinals.contains(CircledNumber.parse(String(first))!), accounts(for: rest, depth: depth + 1) { return true }
        }
        if depth < 4, let space = cell.firstIndex(of: " ") {
            let head = String(cell[..<space]), tail = String(cell[cell.index(after: space)...].trimmedSpaces())
            if accounts(for: head, depth: depth + 1), accounts(for: tail, depth: depth + 1) { return true }
        }
        return false
    }

    private func inModel(_ cell: String, _ key: String) -> Bool {
        if textSet.contains(key) { return true }
        if let n = PrintedNumber(parsing: cell), n.fractionDigits == 0, !n.percent, !n.footnote,
           let v = Int(n.text.replacingOccurrences(of: ",", with: "")), amounts.contains(v) || ordinals.contains(v) { return true }
        if let v = IndicatorValue(parsing: cell), v != .blank, values.contains(v) { return true }
        if let d = Project.parseDirections(cell), directionLists.contains(d) { return true }
        if let n = CircledNumber.parse(cell), ordinals.contains(n) { return true }
        if let y = FiscalYearText.parse(cell), years.contains(y) { return true }
        if let m = MoneyColumn(label: cell), columns.contains(m) { return true }
        if let a = Assessment.parseList(cell), assessments.contains(a) { return true }
        if key.utf8.contains(0) { return texts.contains { $0.contains(key) } }
        return joined.contains(key)
    }

    /// Fixed cells that carry a year: `評価対象年度(令和元年度)`, `5.評価(令和元年度実績に対する)`,
    /// `令和3年度以降の取組`.
    private func fixedWithYear(_ key: String) -> Int? {
        if key.hasPrefix("評価対象年度(") && key.hasSuffix(")") {
            return FiscalYearText.parse(key.dropFirst("評価対象年度(".count).dropLast())
        }
        if key.hasPrefix("5.評価(") && key.hasSuffix("実績に対する)") {
            return FiscalYearText.parse(key.dropFirst("5.評価(".count).dropLast("実績に対する)".count))
        }
        if key.hasSuffix("以降の取組") { return FiscalYearText.parse(key.dropLast("以降の取組".count)) }
        return nil
    }
}
