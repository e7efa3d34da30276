import Foundation
import EvalSheetModel
import EvalSheetCycle
import EvalSheetWorkbook
import EvalSheetForm

/// The collection status as the planning division reads it: a terminal table (aligned for East
/// Asian widths), JSON, and the tables of the status workbook. Rows are grouped by department
/// (担当部署, then 担当課, then policy code); the headings are the `Column` table below.
struct StatusReport {
    let status: CollectionStatus
    let fiscalYear: Int
    let language: Language
    /// The form's names for the organisation and the policy (担当部署, 担当課, 施策コード, 施策名).
    var template: FormTemplate = .standard

    /// The columns of the status, in order: heading (Japanese, English), and how a value is shown.
    enum Column: CaseIterable {
        case department, section, code, name, state, changed, errors, warnings, blanks, file, note

        /// The heading; the form's own words where the form names the value.
        func heading(_ l: FormTemplate.Labels) -> LocalizedMessage {
            switch self {
            case .department: .init(ja: l.department, en: "Department")
            case .section: .init(ja: l.section, en: "Section")
            case .code: .init(ja: l.policyCode, en: "Policy")
            case .name: .init(ja: l.policyName, en: "Policy name")
            case .state: .init(ja: "状態", en: "State")
            case .changed: .init(ja: "変更項目数", en: "Changed")
            case .errors: .init(ja: "エラー", en: "Errors")
            case .warnings: .init(ja: "警告", en: "Warnings")
            case .blanks: .init(ja: "未記入", en: "Blanks")
            case .file: .init(ja: "返却ファイル", en: "Returned file")
            case .note: .init(ja: "備考", en: "Note")
            }
        }

        var kind: StatusWorkbook.ColumnKind {
            switch self {
            case .changed, .errors, .warnings, .blanks: .count
            case .file: .link
            case .name, .note: .longText
            default: .text
            }
        }

        /// The columns of the terminal table (the name and notes would not fit a line).
        static let terminal: [Column] = [.department, .section, .code, .state, .changed, .errors, .warnings, .blanks, .file]
    }

    /// The columns of the sheet of stray files.
    enum StrayColumn: CaseIterable {
        case file, reason, message
        var heading: LocalizedMessage {
            switch self {
            case .file: .init(ja: "ファイル", en: "File")
            case .reason: .init(ja: "理由", en: "Reason")
            case .message: .init(ja: "内容", en: "Details")
            }
        }
    }

    /// The rows, grouped by department.
    var rows: [CollectionStatus.Row] {
        status.rows.sorted { ($0.department, $0.section, $0.code) < ($1.department, $1.section, $1.code) }
    }

    /// Whether a row's counts mean anything (the policy came back once).
    static func hasCounts(_ row: CollectionStatus.Row) -> Bool { row.state != .missing && row.state != .duplicate }

    static func reasonLabel(_ reason: CollectionStatus.Stray.Reason) -> LocalizedMessage {
        switch reason {
        case .unreadable: .init(ja: "シートとして読めない", en: "not a sheet")
        case .notSent: .init(ja: "送付していない施策", en: "not sent")
        case .otherYear: .init(ja: "別の年度", en: "another year")
        }
    }

    /// For a policy returned twice, its files (each through `path`, e.g. made relative).
    func note(_ row: CollectionStatus.Row, path: (String) -> String = { $0 }) -> String {
        guard row.state == .duplicate else { return "" }
        let files = row.returnedFiles.map(path)
        return language == .en ? "returned \(files.count) times: \(files.joined(separator: ", "))"
            : "\(files.count) 件返却: \(files.joined(separator: "、"))"
    }

    func value(_ column: Column, _ row: CollectionStatus.Row) -> String {
        let counted = Self.hasCounts(row)
        switch column {
        case .department: return row.department
        case .section: return row.section
        case .code: return row.code
        case .name: return row.name
        case .state: return row.state.label.text(language)
        case .changed: return counted ? String(row.changedFields) : "-"
        case .errors: return counted ? String(row.errors) : "-"
        case .warnings: return counted ? String(row.warnings) : "-"
        case .blanks: return counted ? String(row.blanks) : "-"
        case .file: return row.returnedFiles.joined(separator: language == .en ? ", " : "、")
        case .note: return note(row)
        }
    }

    var summary: String {
        let counts = CollectionStatus.State.allCases.reversed().map { "\($0.label.text(language)) \(status.count($0))" }
        let strays = status.strays.count
        return language == .en
            ? "FY\(fiscalYear): \(status.rows.count) policies — \(counts.joined(separator: ", ")); files not used \(strays)."
            : "\(FiscalYearText.japanese(fiscalYear)) \(status.rows.count) 施策: \(counts.joined(separator: "、"))。対象外のファイル \(strays)。"
    }

    // MARK: Terminal

    func text() -> String {
        let columns = Column.terminal
        // Every cell and line as a report line: a file name's control characters shown as escapes.
        let table = [columns.map { $0.heading(template.labels).text(language) }] + rows.map { r in columns.map { value($0, r).withControlsVisible } }
        let widths = columns.indices.map { c in table.map { TerminalWidth.of($0[c]) }.max() ?? 0 }
        var out = table.map { cells in
            zip(cells, columns).enumerated().map { c, pair in
                let pad = String(repeating: " ", count: widths[c] - TerminalWidth.of(pair.0))
                return pair.1.kind == .count ? pad + pair.0 : (c == columns.count - 1 ? pair.0 : pair.0 + pad)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
        if !status.strays.isEmpty {
            out += (language == .en ? "Files not used:\n" : "対象外のファイル:\n")
            for s in status.strays { out += "  \(s.file): \(Self.reasonLabel(s.reason).text(language)) — \(s.message.text(language))".withControlsVisible + "\n" }
        }
        return out + summary + "\n"
    }

    // MARK: JSON

    struct JSONPolicy: Encodable {
        var code, name, department, section, state: String
        var returnedFiles: [String]
        var changedFields, errors, warnings, blanks: Int?
    }

    struct JSONStray: Encodable {
        var file, reason, message: String
    }

    struct JSONStatus: Encodable {
        var fiscalYear: Int
        var complete: Bool
        var counts: [String: Int]
        var policies: [JSONPolicy]
        var strays: [JSONStray]
    }

    func json() -> String {
        let value = JSONStatus(
            fiscalYear: fiscalYear, complete: status.isComplete,
            counts: Dictionary(uniqueKeysWithValues: CollectionStatus.State.allCases.map { ($0.rawValue, status.count($0)) }),
            policies: rows.map { r in
                let counted = Self.hasCounts(r)
                return JSONPolicy(code: r.code, name: r.name, department: r.department, section: r.section, state: r.state.rawValue,
                                  returnedFiles: r.returnedFiles, changedFields: counted ? r.changedFields : nil,
                                  errors: counted ? r.errors : nil, warnings: counted ? r.warnings : nil, blanks: counted ? r.blanks : nil)
            },
            strays: status.strays.map { JSONStray(file: $0.file, reason: $0.reason.rawValue, message: $0.message.text(language)) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    // MARK: Workbook

    /// The status workbook's tables; links are relative to `folder`, where the workbook is written.
    func workbook(linksFrom folder: String) -> StatusWorkbook {
        let sorted = rows
        var groups: [Int] = [], group = -1, last: (String, String)?
        for r in sorted {
            if last.map({ $0 != (r.department, r.section) }) ?? true { group += 1 }
            last = (r.department, r.section)
            groups.append(group)
        }
        let cells: [[StatusWorkbook.Cell]] = sorted.map { r in
            Column.allCases.map { c in
                switch c.kind {
                case .count:
                    guard Self.hasCounts(r) else { return .blank }
                    let n = c == .changed ? r.changedFields : c == .errors ? r.errors : c == .warnings ? r.warnings : r.blanks
                    return .count(n)
                case .link:
                    guard let file = r.returnedFiles.first else { return .blank }
                    let target = FolderWalk.relative(file, from: folder)
                    return .link(target: target, text: target)
                case .text, .longText:
                    return .text(c == .note ? note(r) { FolderWalk.relative($0, from: folder) } : value(c, r))
                }
            }
        }
        let title = language == .en
            ? "FY\(fiscalYear) policy evaluation sheets: collection status (\(status.count(.complete))/\(status.rows.count) complete)"
            : "\(FiscalYearText.japanese(fiscalYear)) 施策評価シート 回収状況(\(status.rows.count) 施策中 完了 \(status.count(.complete)))"
        var tables = [StatusWorkbook.Table(
            sheetName: language == .en ? "Status" : "回収状況", title: title,
            columns: Column.allCases.map { .init($0.heading(template.labels).text(language), $0.kind) }, rows: cells, groups: groups)]
        let strays: [[StatusWorkbook.Cell]] = status.strays.map { s in
            let target = FolderWalk.relative(s.file, from: folder)
            return [.link(target: target, text: target), .text(Self.reasonLabel(s.reason).text(language)), .text(s.message.text(language))]
        }
        tables.append(.init(sheetName: language == .en ? "Files not used" : "対象外のファイル",
                            title: language == .en ? "Returned files not used (\(strays.count))" : "使わなかった返却ファイル(\(strays.count) 件)",
                            columns: StrayColumn.allCases.map { .init($0.heading.text(language), $0 == .file ? .link : $0 == .message ? .longText : .text) }, rows: strays))
        return StatusWorkbook(tables: tables)
    }
}
