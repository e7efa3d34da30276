import Foundation
import EvalSheetModel

/// §1 基本情報: fiscal year, codes and names, the people responsible, 関係課.
struct BasicInformationReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    struct Result {
        var fiscalYear: Int
        var policy: CodedName
        var vision: CodedName
        var goal: CodedName
        var organization: Organization
    }

    /// Label variants seen in the real data, by the field they name.
    static let departmentLabels: Set<String> = ["担当部署", "主担当部", "担当部"]
    static let sectionLabels: Set<String> = ["担当課", "主担当課"]
    static let subsectionLabels: Set<String> = ["担当係", "主担当係"]
    static let singleValueLabels: [String: FieldPath] = [
        "担当者": .person, "役職": .title, "内線": .phoneExtension, "施策名": .policyName,
    ]
    /// Every label of §1, so that a value cell is never mistaken for a label or vice versa.
    static let allLabels: Set<String> = departmentLabels.union(sectionLabels).union(subsectionLabels)
        .union(singleValueLabels.keys).union(["施策コード", "将来像", "まちづくりの基本目標", "関係課"])

    func read() throws(TextFormError) -> Result {
        let heading = lines[lines.startIndex]
        let fiscalYear = try readFiscalYear()
        var values: [FieldPath: String] = [:]
        var related: [String] = []
        var inRelated = false
        for line in lines.dropFirst() {
            if line.isEmpty { inRelated = false; continue }
            if inRelated, line.cell(0).isEmpty, line.index(ofLabel: Self.allLabels) == nil {
                for i in line.filledIndices {
                    context.locate(.relatedSection(related.count), line)
                    related.append(line.cell(i))
                }
                context.takeAll(line)
                continue
            }
            inRelated = false
            for i in line.cells.indices {
                let key = Label.key(line.cells[i])
                guard Self.allLabels.contains(key) else { continue }
                context.take(line, i)
                switch key {
                case "施策コード":
                    assignCodedPair(line, i, code: .policyCode, name: nil, into: &values)
                case "将来像":
                    assignCodedPair(line, i, code: .visionCode, name: .visionName, into: &values)
                case "まちづくりの基本目標":
                    assignCodedPair(line, i, code: .goalCode, name: .goalName, into: &values)
                case "関係課":
                    for j in line.filled(after: i) {
                        context.take(line, j)
                        context.locate(.relatedSection(related.count), line)
                        related.append(line.cell(j))
                    }
                    inRelated = true
                default:
                    let path: FieldPath
                    if Self.departmentLabels.contains(key) { path = .department }
                    else if Self.sectionLabels.contains(key) { path = .section }
                    else if Self.subsectionLabels.contains(key) { path = .subsection }
                    else { path = Self.singleValueLabels[key]! }
                    values[path] = value(after: i, in: line)
                    context.locate(path, line)
                }
            }
        }
        func require(_ path: FieldPath, _ label: String) throws(TextFormError) -> String {
            guard let v = values[path], !v.isEmpty else {
                throw context.error(heading.number, ja: "基本情報に「\(label)」がありません",
                                    en: "§1 has no \"\(label)\"")
            }
            return v
        }
        return Result(
            fiscalYear: fiscalYear,
            policy: CodedName(code: try require(.policyCode, "施策コード"), name: try require(.policyName, "施策名")),
            vision: CodedName(code: try require(.visionCode, "将来像"), name: values[.visionName] ?? ""),
            goal: CodedName(code: try require(.goalCode, "まちづくりの基本目標"), name: values[.goalName] ?? ""),
            organization: Organization(
                department: values[.department] ?? "", section: values[.section] ?? "",
                subsection: values[.subsection] ?? "", person: values[.person] ?? "",
                title: values[.title] ?? "", phoneExtension: values[.phoneExtension] ?? "",
                relatedSections: related))
    }

    /// The first non-empty cell after a label, unless that cell is itself a label (then blank).
    private func value(after i: Int, in line: TextLine) -> String {
        guard let j = line.filled(after: i).first, !Self.allLabels.contains(Label.key(line.cells[j])) else { return "" }
        context.take(line, j)
        return line.cell(j)
    }

    /// `将来像 | 5 | 都市格が…` or `将来像 | 5 都市格が…`: a code and (optionally) a name.
    private func assignCodedPair(_ line: TextLine, _ i: Int, code: FieldPath, name: FieldPath?,
                                 into values: inout [FieldPath: String]) {
        let first = value(after: i, in: line)
        context.locate(code, line)
        guard let name else { values[code] = first; return }
        context.locate(name, line)
        if let space = first.firstIndex(of: " "), first[..<space].allSatisfy(\.isNumber) {
            values[code] = String(first[..<space])
            values[name] = String(first[first.index(after: space)...].trimmedSpaces())
            return
        }
        values[code] = first
        if let j = line.filled(after: i).dropFirst().first, !Self.allLabels.contains(Label.key(line.cells[j])) {
            context.take(line, j)
            values[name] = line.cell(j)
        }
    }

    /// `評価対象年度 (令和元 年度)` in any cell of §1, including the heading line.
    private func readFiscalYear() throws(TextFormError) -> Int {
        for line in lines {
            for i in line.cells.indices {
                let key = Label.key(line.cells[i])
                guard key.hasPrefix("評価対象年度") else { continue }
                context.take(line, i)
                var inner = key.dropFirst("評価対象年度".count)
                if inner.hasPrefix("("), inner.hasSuffix(")") { inner = inner.dropFirst().dropLast() }
                if inner.isEmpty, let j = line.filled(after: i).first {
                    context.take(line, j)
                    inner = Substring(Label.key(line.cells[j]))
                    if inner.hasPrefix("("), inner.hasSuffix(")") { inner = inner.dropFirst().dropLast() }
                }
                guard let year = FiscalYearText.parse(inner) else {
                    throw context.error(line.number, ja: "評価対象年度が読めません: \"\(line.cell(i))\"",
                                        en: "cannot read the fiscal year: \"\(line.cell(i))\"")
                }
                context.locate(.fiscalYear, line)
                return year
            }
        }
        throw context.error(lines[lines.startIndex].number, ja: "基本情報に評価対象年度がありません",
                            en: "§1 has no 評価対象年度 (fiscal year)")
    }
}
