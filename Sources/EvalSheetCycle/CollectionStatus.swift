import EvalSheetModel
import EvalSheetValidation

/// Which sheets the departments have returned, and in what state — what the planning division
/// chases each spring. Computed from the sheets that were sent and what came back; reading the files
/// is the caller's (any format: the returned files are matched by policy code, whatever they are
/// called and wherever they are).
public struct CollectionStatus: Sendable {
    /// One returned file as read: the sheets in it, or the problems that kept it from being read.
    public struct Returned: Sendable {
        public var file: String
        public var sheets: [LoadedSheet]
        public var problems: [ReaderNote]

        public init(file: String, sheets: [LoadedSheet], problems: [ReaderNote]) {
            self.file = file
            self.sheets = sheets
            self.problems = problems
        }
    }

    /// Where a sent policy stands.
    public enum State: String, Sendable, CaseIterable, Comparable {
        /// Nothing came back for it.
        case missing
        /// It came back more than once: no copy is used until one is removed.
        case duplicate
        /// It came back with validation errors.
        case errors
        /// It came back without errors, but inputs are still blank.
        case blanks
        /// It came back complete.
        case complete

        /// `未返却`, `重複`, `エラーあり`, `未記入あり`, `完了`.
        public var label: LocalizedMessage {
            switch self {
            case .missing: .init(ja: "未返却", en: "not returned")
            case .duplicate: .init(ja: "重複", en: "returned twice")
            case .errors: .init(ja: "エラーあり", en: "has errors")
            case .blanks: .init(ja: "未記入あり", en: "blanks to fill")
            case .complete: .init(ja: "完了", en: "complete")
            }
        }

        public static func < (a: State, b: State) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// One sent policy.
    public struct Row: Sendable {
        public var code: String
        public var name: String
        public var department: String
        public var section: String
        public var state: State
        /// The returned file(s) of the policy (two or more when it came back twice).
        public var returnedFiles: [String]
        /// Fields that differ from what was sent.
        public var changedFields: Int
        public var errors: Int
        public var warnings: Int
        /// Inputs still blank (`cycle.blank-input`).
        public var blanks: Int
    }

    /// A returned file that is not used, and why.
    public struct Stray: Sendable {
        public enum Reason: String, Sendable {
            /// It could not be read as an evaluation sheet.
            case unreadable
            /// Its policy was not sent.
            case notSent
            /// It is for another fiscal year than the sheet sent.
            case otherYear
        }
        public var file: String
        public var reason: Reason
        public var message: LocalizedMessage
    }

    public var rows: [Row]
    public var strays: [Stray]
    /// Warnings found in comparing what came back with what was sent (each also counted in its row).
    public var notes: [ReaderNote] = []
    /// Errors found in comparing them: the form's columns changed (`cycle.form-changed`), each also
    /// counted in its row.
    public var formChanges: [Finding] = []

    /// Every sent policy returned once, complete, and nothing stray.
    public var isComplete: Bool { strays.isEmpty && rows.allSatisfy { $0.state == .complete } }

    /// How many rows are in each state.
    public func count(_ state: State) -> Int { rows.filter { $0.state == state }.count }

    public init(sent: [LoadedSheet], returned: [Returned]) {
        let (byCode, strays) = Self.match(returned, to: sent)
        var notes: [ReaderNote] = []
        // The copy of each policy that is used: returned exactly once. Last year's reference is what
        // was sent: a returned file whose format does not carry it is still judged as the rolled-over
        // sheet it is (a blank rating is still to fill, not wrong).
        var used: [String: LoadedSheet] = [:]
        for s in sent {
            guard let copies = byCode[s.sheet.policy.code], copies.count == 1 else { continue }
            var back = copies[0].sheet
            if let returned = back.sheet.lastYear, let original = s.sheet.lastYear ?? Optional(returned) {
                // The reference is locked in the workbook sent: a different one was typed over it
                // (the sheet unprotected) or edited elsewhere. Each change is said at its place, and
                // the one sent is used. (A sheet sent without one has none to compare with.)
                let changed = s.sheet.lastYear == nil ? [] : returned.changedFields(from: original)
                for field in changed {
                    let removed = field == .lastYearBudget(0) && returned.budget == nil && original.budget != nil
                    let message: LocalizedMessage = removed
                        ? .init(ja: "前年度の参考(予算)の列が、返ってきたシートにありません(見出しが消されたか、列が削除されています)。状況は送付した参考で判定しました",
                                en: "last year's reference budget column is missing from the sheet returned (its heading or the column was deleted); the status uses the one sent")
                        : .init(ja: "前年度の参考(予算・評価・理由)が送付したシートと違います(書き換えられています)。状況は送付した参考で判定しました",
                                en: "last year's reference (budget, rating, reason) differs from the sheet sent (it was edited); the status uses the one sent")
                    let note = ReaderNote(id: "cycle.reference-changed", message: message,
                                          file: back.sourceMap.file, location: Self.describe(field, in: back.sourceMap, sent: s.sourceMap))
                    back.notes.append(note)
                    notes.append(note)
                }
            }
            back.sheet.lastYear = s.sheet.lastYear
            used[s.sheet.policy.code] = back
        }
        // Each copy is checked by the rules of one sheet. The rules across policies are left to
        // `validate` over the year as a whole: while the year is coming back, a shared project filled
        // in one policy and still blank in another is not yet an error of either.
        let formChanges = sent.flatMap { s in used[s.sheet.policy.code].map { Self.formChanges(sent: s, returned: $0) } ?? [] }
        let findings = Validator.validate(sent.compactMap { used[$0.sheet.policy.code] }, sheetRules: Validator.sheetRules, yearRules: [])
            + formChanges
        // Files read and refused (not those passed over unread: a link, a hidden file).
        let unreadable = returned.filter { $0.sheets.isEmpty && $0.problems.contains { $0.id != "input.passed-over" } }
        rows = sent.map { s in
            var row = Self.row(sent: s, copies: byCode[s.sheet.policy.code] ?? [], used: used[s.sheet.policy.code], findings: findings)
            // A file named after the policy came back but cannot be read: the policy has errors (the
            // file is also listed among the files not used, with its problems), not "not returned".
            if row.state == .missing, let file = unreadable.first(where: { Self.isNamed($0.file, after: row.code) }) {
                row.state = .errors
                row.returnedFiles = [file.file]
                row.errors = file.problems.count
            }
            return row
        }
        self.strays = strays
        self.notes = notes
        self.formChanges = formChanges
    }

    /// Where a field of the returned copy is: its own cell, or — when the copy lost the field (the
    /// heading of its column deleted) — the cell of the same layout the sheet sent had it in.
    private static func describe(_ field: FieldPath, in back: SourceMap, sent: SourceMap) -> String {
        guard back.locations[field] == nil, let place = sentCell(field, sent: sent, back: back) else { return back.describe(field) }
        return place.qualified(in: back.file)
    }

    /// The cell the sheet sent has `field` in, when the copy is a workbook too (the same layout):
    /// where the copy's value belongs though the copy itself may have lost or moved it.
    private static func sentCell(_ field: FieldPath, sent: SourceMap, back: SourceMap) -> SourceLocation? {
        guard !back.usesJSONPointers, let place = sent.locations[field], case .cell = place else { return nil }
        return place
    }

    /// Whether a file's name opens with the policy code, and no digit follows it: `511.xlsx`,
    /// `511 (2).xlsx`, `511_企画課.xlsx` — not `5110.xlsx`.
    static func isNamed(_ file: String, after code: String) -> Bool {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard !code.isEmpty, name.hasPrefix(code) else { return false }
        return name.dropFirst(code.count).first.map { !$0.isNumber } ?? true
    }

    /// How many problems of an unreadable returned file its stray names (the rest are counted).
    static let problemsShown = 5

    private typealias Copies = [String: [(file: String, sheet: LoadedSheet)]]

    /// The returned sheets by the code of the policy sent, and every file or sheet that is not one of them.
    private static func match(_ returned: [Returned], to sent: [LoadedSheet]) -> (Copies, [Stray]) {
        var strays: [Stray] = []
        var byCode: Copies = [:]
        let sentByCode = Dictionary(sent.map { ($0.sheet.policy.code, $0) }, uniquingKeysWith: { a, _ in a })
        for r in returned {
            if !r.problems.isEmpty || r.sheets.isEmpty {
                // Its problems, the first few of them by place: a department fixes them in one round.
                let shown = r.problems.prefix(Self.problemsShown), more = r.problems.count - shown.count
                let why = r.problems.isEmpty ? "施策がありません"
                    : shown.map { "\($0.location): \($0.message.ja)" }.joined(separator: " / ") + (more > 0 ? " / ほか \(more) 件" : "")
                let whyEN = r.problems.isEmpty ? "no policy in it"
                    : shown.map { "\($0.location): \($0.message.en)" }.joined(separator: " / ") + (more > 0 ? " / and \(more) more" : "")
                strays.append(Stray(file: r.file, reason: .unreadable,
                                    message: .init(ja: "施策評価シートとして読めません(\(why))", en: "cannot be read as an evaluation sheet (\(whyEN))")))
            }
            for loaded in r.sheets {
                let code = loaded.sheet.policy.code
                guard let original = sentByCode[code] else {
                    strays.append(Stray(file: r.file, reason: .notSent, message: .init(
                        ja: "施策 \(code) は送付したシートにありません", en: "policy \(code) was not sent")))
                    continue
                }
                guard loaded.sheet.fiscalYear == original.sheet.fiscalYear else {
                    strays.append(Stray(file: r.file, reason: .otherYear, message: .init(
                        ja: "施策 \(code) の\(FiscalYearText.japanese(loaded.sheet.fiscalYear))のシートです(送付したのは\(FiscalYearText.japanese(original.sheet.fiscalYear)))",
                        en: "policy \(code) for FY\(loaded.sheet.fiscalYear) (the sheet sent is for FY\(original.sheet.fiscalYear))")))
                    continue
                }
                byCode[code, default: []].append((r.file, loaded))
            }
        }
        return (byCode, strays)
    }

    /// The form's own columns as sent — the money columns (令和2年度決算 …) and the indicator years —
    /// that the returned copy no longer has (a locked header typed over, a column deleted): each is
    /// an error at the returned header, for the blanks of a column that is gone cannot be counted and
    /// its values would be read as another year's.
    static func formChanges(sent: LoadedSheet, returned: LoadedSheet) -> [Finding] {
        let (a, b) = (sent.sheet, returned.sheet)
        // The first header that differs is placed where the sheet sent has it — the layout is the
        // same, and a header deleted or unreadable in the copy has no place of its own there (the
        // copy's k-th header is then the next one) — else at the copy's own k-th header.
        func error(_ path: FieldPath, sent sentPath: FieldPath, ja: String, en: String) -> Finding {
            let place = sentCell(sentPath, sent: sent.sourceMap, back: returned.sourceMap) ?? returned.sourceMap.location(of: path)
            return Finding(ruleID: "cycle.form-changed", severity: .error, message: .init(ja: ja, en: en), policy: b.policy.code, path: path,
                           file: returned.sourceMap.file, place: place)
        }
        var found: [Finding] = []
        let columns = (a.projects.columns.map(\.label), b.projects.columns.map(\.label))
        if columns.0 != columns.1 {
            let c = Array(zip(columns.0, columns.1)).firstIndex { $0 != $1 } ?? min(columns.0.count, columns.1.count)
            found.append(error(.moneyColumn(min(c, max(b.projects.columns.count - 1, 0))), sent: .moneyColumn(min(c, max(a.projects.columns.count - 1, 0))),
                ja: "金額の列が送付したシート(\(columns.0.joined(separator: "・")))と違います(\(columns.1.joined(separator: "・")))。見出しを送付したとおりに戻してください",
                en: "the money columns differ from the sheet sent (\(columns.0.joined(separator: ", ")) → \(columns.1.joined(separator: ", "))); put the headers back as sent"))
        }
        let years = (a.indicators.years, b.indicators.years)
        if years.0 != years.1 {
            let k = Array(zip(years.0, years.1)).firstIndex { $0 != $1 } ?? min(years.0.count, years.1.count)
            let ja = { (ys: [Int]) in ys.map(FiscalYearText.japanese).joined(separator: "・") }
            found.append(error(.indicatorYear(min(k, max(years.1.count - 1, 0))), sent: .indicatorYear(min(k, max(years.0.count - 1, 0))),
                ja: "指標の年度が送付したシート(\(ja(years.0)))と違います(\(ja(years.1)))。見出しを送付したとおりに戻してください",
                en: "the indicator years differ from the sheet sent (\(years.0.map(String.init).joined(separator: ", ")) → \(years.1.map(String.init).joined(separator: ", "))); put the headers back as sent"))
        }
        return found
    }

    /// The row of one policy sent: its returned copies, and the state of the one used (if exactly one came back).
    private static func row(sent s: LoadedSheet, copies: [(file: String, sheet: LoadedSheet)], used: LoadedSheet?,
                            findings: [Finding]) -> Row {
        let o = s.sheet.organization
        var row = Row(code: s.sheet.policy.code, name: s.sheet.policy.name, department: o.department, section: o.section,
                      state: .missing, returnedFiles: copies.map(\.file), changedFields: 0, errors: 0, warnings: 0, blanks: 0)
        guard let back = used else {
            row.state = copies.isEmpty ? .missing : .duplicate
            return row
        }
        let own = Finding.readerNotes([back])
            + findings.filter { $0.policy == row.code && $0.file == back.sourceMap.file }
        row.changedFields = SheetDiff.diff(old: s, new: back).count
        row.errors = own.filter { $0.severity == .error }.count
        row.blanks = own.filter { $0.ruleID == BlankInputRule().id }.count
        row.warnings = own.filter { $0.severity == .warning }.count - row.blanks
        row.state = row.errors > 0 ? .errors : row.blanks > 0 ? .blanks : .complete
        return row
    }
}
