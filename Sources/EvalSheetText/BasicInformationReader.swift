import Foundation
import EvalSheetModel

/// §1 基本情報: fiscal year, codes and names, the people responsible, 関係課.
///
/// Each line is read as label, value, label, value … (a coded record — 将来像, まちづくりの基本目標 —
/// takes a code and a name; 関係課 takes every cell after it and continues on following lines whose
/// first cell is empty). A label given twice, or a cell in a label's place that is no label of §1,
/// is a problem naming the line and cell: its value is never taken in place of another.
struct BasicInformationReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    struct Result {
        var fiscalYear: Int?
        var policy: CodedName
        var vision: CodedName
        var goal: CodedName
        var organization: Organization
    }

    /// The records of §1, each printed once.
    enum Record: CaseIterable {
        case fiscalYear, policyCode, policyName, vision, goal
        case department, section, subsection, person, title, phoneExtension, relatedSections

        /// The label as the form prints it (the first variant), for messages.
        var label: String {
            switch self {
            case .fiscalYear: "評価対象年度"
            case .policyCode: "施策コード"
            case .policyName: "施策名"
            case .vision: "将来像"
            case .goal: "まちづくりの基本目標"
            case .department: "担当部署"
            case .section: "担当課"
            case .subsection: "担当係"
            case .person: "担当者"
            case .title: "役職"
            case .phoneExtension: "内線"
            case .relatedSections: "関係課"
            }
        }

        var path: FieldPath {
            switch self {
            case .fiscalYear: .fiscalYear
            case .policyCode: .policyCode
            case .policyName: .policyName
            case .vision: .visionCode
            case .goal: .goalCode
            case .department: .department
            case .section: .section
            case .subsection: .subsection
            case .person: .person
            case .title: .title
            case .phoneExtension: .phoneExtension
            case .relatedSections: .relatedSection(0)
            }
        }
    }

    /// Label variants seen in the real data, by the record they name (keys without spaces).
    static let labels: [String: Record] = [
        "施策コード": .policyCode, "施策名": .policyName, "将来像": .vision, "まちづくりの基本目標": .goal,
        "担当部署": .department, "主担当部": .department, "担当部": .department,
        "担当課": .section, "主担当課": .section, "担当係": .subsection, "主担当係": .subsection,
        "担当者": .person, "役職": .title, "内線": .phoneExtension, "関係課": .relatedSections,
    ]

    static let fiscalYearLabel = "評価対象年度"

    /// The record a cell labels, or nil when it is no §1 label.
    static func record(_ cell: some StringProtocol) -> Record? {
        let key = Label.key(cell)
        if key.hasPrefix(fiscalYearLabel) { return .fiscalYear }
        return labels[key]
    }

    func read() -> Result {
        let heading = lines[lines.startIndex]
        var state = State()
        var inRelated = false
        for line in lines {
            let isHeading = line.number == heading.number
            if line.isEmpty { inRelated = false; continue }
            var filled = line.filledIndices
            if isHeading { filled.removeAll { $0 == 0 } }
            if inRelated, !isHeading, line.cell(0).isEmpty, !filled.contains(where: { Self.record(line.cells[$0]) != nil }) {
                for i in filled { state.addRelated(line.cell(i), line, context) }
                context.take(line, filled)
                continue
            }
            inRelated = false
            var k = 0
            while k < filled.count {
                let i = filled[k]
                guard let record = Self.record(line.cells[i]) else {
                    k += 1
                    if isHeading { continue }  // left to the unplaced-cell warning
                    var valueText = ""
                    if k < filled.count, Self.record(line.cells[filled[k]]) == nil {
                        valueText = line.cell(filled[k])
                        k += 1
                    }
                    context.problem("text.unknown-label", line.number,
                        ja: "「\(Shown.text(line.cell(i)))」は基本情報の項目名ではありません(\(CellName.ja(i)))"
                            + (valueText.isEmpty ? "" : "。値「\(Shown.text(valueText))」を置く項目が分かりません"),
                        en: "\"\(Shown.text(line.cell(i)))\" (\(CellName.en(i))) is not a label of §1"
                            + (valueText.isEmpty ? "" : "; its value \"\(Shown.text(valueText))\" has no place"))
                    continue
                }
                context.take(line, i)
                let duplicate = state.seen[record]
                if let first = duplicate {
                    context.problem("text.duplicate-label", line.number,
                        ja: "「\(record.label)」が2回あります(\(CellName.ja(i))。最初は \(first) 行目): 基本情報の各項目は1回だけ書きます",
                        en: "\"\(record.label)\" appears twice (\(CellName.en(i)); first on line \(first)): each §1 record is given once")
                } else {
                    state.seen[record] = line.number
                }
                k += 1
                // The values that follow: cells up to the next label (how many depends on the record).
                func nextValue() -> Int? {
                    guard k < filled.count, Self.record(line.cells[filled[k]]) == nil else { return nil }
                    defer { k += 1 }
                    return filled[k]
                }
                switch record {
                case .fiscalYear:
                    let year = readFiscalYear(line, i, next: nextValue)
                    if duplicate == nil {
                        state.fiscalYear = year
                        context.locate(.fiscalYear, line)
                    }
                case .relatedSections:
                    let names = Array(filled[k...])
                    k = filled.count
                    context.take(line, names)
                    if duplicate == nil {
                        for j in names { state.addRelated(line.cell(j), line, context) }
                        if names.isEmpty { context.locate(.relatedSection(0), line) }
                        inRelated = true
                    }
                case .vision, .goal:
                    var code = "", name = ""
                    if let j = nextValue() {
                        context.take(line, j)
                        let first = line.cell(j)
                        if let space = first.firstIndex(of: " "), first[..<space].allSatisfy(\.isNumber) {
                            code = String(first[..<space])
                            name = String(first[first.index(after: space)...].trimmedSpaces())
                        } else {
                            code = first
                            if let n = nextValue() {
                                context.take(line, n)
                                name = line.cell(n)
                            }
                        }
                    }
                    if duplicate == nil {
                        let (codePath, namePath): (FieldPath, FieldPath) = record == .vision
                            ? (.visionCode, .visionName) : (.goalCode, .goalName)
                        state.values[codePath] = code
                        state.values[namePath] = name
                        context.locate(codePath, line)
                        context.locate(namePath, line)
                    }
                default:
                    var value = ""
                    if let j = nextValue() {
                        context.take(line, j)
                        value = line.cell(j)
                    }
                    if duplicate == nil {
                        state.values[record.path] = value
                        context.locate(record.path, line)
                    }
                }
            }
        }
        for record in Record.allCases where state.seen[record] == nil {
            context.problem("text.missing-record", heading.number,
                ja: "基本情報に「\(record.label)」がありません",
                en: "§1 has no \"\(record.label)\"")
            context.fail(record.path)
            if record == .vision { context.fail(.visionName) }
            if record == .goal { context.fail(.goalName) }
        }
        let v = state.values
        return Result(
            fiscalYear: state.fiscalYear,
            policy: CodedName(code: v[.policyCode] ?? "", name: v[.policyName] ?? ""),
            vision: CodedName(code: v[.visionCode] ?? "", name: v[.visionName] ?? ""),
            goal: CodedName(code: v[.goalCode] ?? "", name: v[.goalName] ?? ""),
            organization: Organization(
                department: v[.department] ?? "", section: v[.section] ?? "",
                subsection: v[.subsection] ?? "", person: v[.person] ?? "",
                title: v[.title] ?? "", phoneExtension: v[.phoneExtension] ?? "",
                relatedSections: state.related))
    }

    private struct State {
        var seen: [Record: Int] = [:]
        var values: [FieldPath: String] = [:]
        var related: [String] = []
        var fiscalYear: Int?

        mutating func addRelated(_ name: String, _ line: TextLine, _ context: SheetReadContext) {
            context.locate(.relatedSection(related.count), line)
            related.append(name)
        }
    }

    /// `評価対象年度 (令和元 年度)`, or the label alone with `(令和元年度)` in the next cell.
    private func readFiscalYear(_ line: TextLine, _ i: Int, next: () -> Int?) -> Int? {
        let key = Label.key(line.cells[i])
        var inner = Substring(key.dropFirst(Self.fiscalYearLabel.count))
        var shown = line.cell(i)
        if inner.isEmpty, let j = next() {
            context.take(line, j)
            inner = Substring(Label.key(line.cells[j]))
            shown = line.cell(j)
        }
        if inner.hasPrefix("("), inner.hasSuffix(")") { inner = inner.dropFirst().dropLast() }
        guard let year = FiscalYearText.parse(inner) else {
            context.problem("text.fiscal-year", line.number,
                ja: "評価対象年度が読めません(\(CellName.ja(i))): \"\(Shown.text(shown))\"",
                en: "cannot read the fiscal year (\(CellName.en(i))): \"\(Shown.text(shown))\"")
            return nil
        }
        return year
    }
}
