import Foundation
import EvalSheetModel

/// §1 基本情報: fiscal year, codes and names, the people responsible, 関係課.
///
/// Each line is read as label, value, label, value … (a coded record — 将来像, まちづくりの基本目標 —
/// takes a code and a name; 関係課 takes every cell after it and continues on following lines whose
/// first cell is empty). A label given twice, or a cell in a label's place that is no label of §1,
/// is a problem naming the line and cell: its value is never taken in place of another. The labels
/// and their variants are the template's (`TextVocabulary.basicRecords`).
struct BasicInformationReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    struct Result {
        var fiscalYear: Int?
        var policy = CodedName(code: "", name: "")
        var vision = CodedName(code: "", name: "")
        var goal = CodedName(code: "", name: "")
        var organization = Organization(department: "", section: "", subsection: "", person: "", title: "",
                                        phoneExtension: "", relatedSections: [])
    }

    /// How a record's values land in the result: the fiscal year, the list of 関係課, one text, or
    /// a code and a name.
    private enum Target {
        case fiscalYear
        case list
        case text(WritableKeyPath<Result, String>)
        case coded(WritableKeyPath<Result, CodedName>, code: FieldPath, name: FieldPath)
    }

    private static func target(_ record: BasicRecord) -> Target {
        switch record {
        case .fiscalYear: .fiscalYear
        case .relatedSections: .list
        case .policyCode: .text(\.policy.code)
        case .policyName: .text(\.policy.name)
        case .vision: .coded(\.vision, code: .visionCode, name: .visionName)
        case .goal: .coded(\.goal, code: .goalCode, name: .goalName)
        case .department: .text(\.organization.department)
        case .section: .text(\.organization.section)
        case .subsection: .text(\.organization.subsection)
        case .person: .text(\.organization.person)
        case .title: .text(\.organization.title)
        case .phoneExtension: .text(\.organization.phoneExtension)
        }
    }

    private var words: TextVocabulary { context.words }

    /// The label as the form prints it, for messages.
    private func label(_ record: BasicRecord) -> String { words.basicLabels[record] }

    func read() -> Result {
        let heading = lines[lines.startIndex]
        var state = State()
        var inRelated = false
        for line in lines {
            let isHeading = line.number == heading.number
            if line.isEmpty { inRelated = false; continue }
            var filled = line.filledIndices
            if isHeading { filled.removeAll { $0 == 0 } }
            if inRelated, !isHeading, line.cell(0).isEmpty, !filled.contains(where: { words.basicRecord(line.texts[$0]) != nil }) {
                for i in filled { state.addRelated(line.cell(i), line, context) }
                context.take(line, filled)
                continue
            }
            inRelated = readLine(line, filled, isHeading: isHeading, into: &state)
        }
        for record in BasicRecord.allCases where state.seen[record] == nil {
            context.problem("text.missing-record", heading.number,
                ja: "\(words.section(1).name)に「\(label(record))」がありません",
                en: "§1 has no \"\(label(record))\"")
            context.fail(record.path)
            if record == .vision { context.fail(.visionName) }
            if record == .goal { context.fail(.goalName) }
        }
        var result = state.result
        result.organization.relatedSections = state.related
        return result
    }

    private struct State {
        var seen: [BasicRecord: Int] = [:]
        var result = Result()
        var related: [String] = []

        mutating func addRelated(_ name: String, _ line: TextLine, _ context: SheetReadContext) {
            context.locate(.relatedSection(related.count), line)
            related.append(name)
        }
    }

    /// The filled cells of one line, read from left to right.
    private struct Cursor {
        let line: TextLine
        let filled: [Int]
        let words: TextVocabulary
        var k = 0

        var atEnd: Bool { k >= filled.count }

        /// The next cell, when it is no label.
        mutating func nextValue() -> Int? {
            guard k < filled.count, words.basicRecord(line.texts[filled[k]]) == nil else { return nil }
            defer { k += 1 }
            return filled[k]
        }

        /// Every cell left.
        mutating func rest() -> [Int] {
            defer { k = filled.count }
            return Array(filled[min(k, filled.count)...])
        }
    }

    /// Reads the label/value pairs of one line; true when it ends in 関係課 (whose names may go on
    /// on the following lines).
    private func readLine(_ line: TextLine, _ filled: [Int], isHeading: Bool, into state: inout State) -> Bool {
        var cursor = Cursor(line: line, filled: filled, words: words)
        var inRelated = false
        while !cursor.atEnd {
            let i = filled[cursor.k]
            cursor.k += 1
            guard let record = words.basicRecord(line.texts[i]) else {
                if isHeading { continue }  // left to the unplaced-cell warning
                reportUnknownLabel(line, i, value: cursor.nextValue())
                continue
            }
            context.take(line, i)
            let duplicate = state.seen[record]
            if let first = duplicate {
                context.problem("text.duplicate-label", line.number,
                    ja: "「\(label(record))」が2回あります(\(CellName.ja(i))。最初は \(first) 行目): \(words.section(1).name)の各項目は1回だけ書きます",
                    en: "\"\(label(record))\" appears twice (\(CellName.en(i)); first on line \(first)): each §1 record is given once")
            } else {
                state.seen[record] = line.number
            }
            switch Self.target(record) {
            case .fiscalYear:
                let year = readFiscalYear(line, i, cursor: &cursor)
                if duplicate == nil {
                    state.result.fiscalYear = year
                    context.locate(.fiscalYear, line)
                }
            case .list:
                let names = cursor.rest()
                context.take(line, names)
                if duplicate == nil {
                    for j in names { state.addRelated(line.cell(j), line, context) }
                    if names.isEmpty { context.locate(.relatedSection(0), line) }
                    inRelated = true
                }
            case .text(let field):
                readText(record, field, line, cursor: &cursor, keep: duplicate == nil, into: &state.result)
            case .coded(let field, let codePath, let namePath):
                readCoded(field, codePath, namePath, line, cursor: &cursor, keep: duplicate == nil, into: &state.result)
            }
        }
        return inRelated
    }

    /// A cell in a label's place that is no §1 label (with the value after it, if any).
    private func reportUnknownLabel(_ line: TextLine, _ i: Int, value: Int?) {
        let valueText = value.map { line.cell($0) } ?? ""
        context.problem("text.unknown-label", line.number,
            ja: "「\(Shown.text(line.cell(i)))」は\(words.section(1).name)の項目名ではありません(\(CellName.ja(i)))"
                + (valueText.isEmpty ? "" : "。値「\(Shown.text(valueText))」を置く項目が分かりません"),
            en: "\"\(Shown.text(line.cell(i)))\" (\(CellName.en(i))) is not a label of §1"
                + (valueText.isEmpty ? "" : "; its value \"\(Shown.text(valueText))\" has no place"))
    }

    /// The value cell of a plain record. `keep` is false for a record given twice.
    private func readText(_ record: BasicRecord, _ field: WritableKeyPath<Result, String>, _ line: TextLine,
                          cursor: inout Cursor, keep: Bool, into result: inout Result) {
        var value = ""
        if let j = cursor.nextValue() {
            context.take(line, j)
            value = line.cell(j)
        }
        if keep {
            result[keyPath: field] = value
            context.locate(record.path, line)
        }
    }

    /// The code and name of a coded record: one cell when a space follows the code, else two.
    private func readCoded(_ field: WritableKeyPath<Result, CodedName>, _ codePath: FieldPath, _ namePath: FieldPath,
                           _ line: TextLine, cursor: inout Cursor, keep: Bool, into result: inout Result) {
        var coded = CodedName(code: "", name: "")
        if let j = cursor.nextValue() {
            context.take(line, j)
            let first = line.cell(j)
            if let space = first.firstIndex(of: " "), first[..<space].allSatisfy(\.isNumber) {
                coded = CodedName(code: String(first[..<space]), name: String(first[first.index(after: space)...].trimmedSpaces()))
            } else {
                coded.code = first
                if let n = cursor.nextValue() {
                    context.take(line, n)
                    coded.name = line.cell(n)
                }
            }
        }
        if keep {
            result[keyPath: field] = coded
            context.locate(codePath, line)
            context.locate(namePath, line)
        }
    }

    /// `評価対象年度 (令和元 年度)`, or the label alone with `(令和元年度)` in the next cell (the
    /// enclosing marks are the template's `textForm.fiscalYearCell`).
    private func readFiscalYear(_ line: TextLine, _ i: Int, cursor: inout Cursor) -> Int? {
        let key = Label.key(line.texts[i])
        var inner = Substring(key.dropFirst(words.fiscalYearKey.count))
        var shown = line.cell(i)
        if inner.isEmpty, let j = cursor.nextValue() {
            context.take(line, j)
            inner = Substring(Label.key(line.texts[j]))
            shown = line.cell(j)
        }
        if inner.hasPrefix(words.fiscalYearOpen), inner.hasSuffix(words.fiscalYearClose),
           inner.count >= words.fiscalYearOpen.count + words.fiscalYearClose.count {
            inner = inner.dropFirst(words.fiscalYearOpen.count).dropLast(words.fiscalYearClose.count)
        }
        guard let year = FiscalYearText.parse(inner) else {
            context.problem("text.fiscal-year", line.number,
                ja: "\(words.labels.fiscalYear)が読めません(\(CellName.ja(i))): \"\(Shown.text(shown))\"",
                en: "cannot read the fiscal year (\(CellName.en(i))): \"\(Shown.text(shown))\"")
            return nil
        }
        return year
    }
}
