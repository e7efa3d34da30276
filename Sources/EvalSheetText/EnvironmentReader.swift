import EvalSheetModel
import EvalSheetForm

/// §6 施策を取り巻く環境: one row per external factor, columns located by the header's labels
/// (`FactorColumn`, the template's wording; each once, and no header cell the form does not have).
struct EnvironmentReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    private var words: TextVocabulary { context.words }

    private func label(_ c: FactorColumn) -> String { words.factorColumns[c] }

    func read() -> [ExternalFactor] {
        let heading = lines[lines.startIndex]
        let firstKey = Label.key(label(.category))
        guard let header = lines.first(where: { Label.matches($0.cell(0), firstKey) }) else {
            context.missingHeaderRow(section: 6, at: heading.number, example: "\(label(.category)) \(label(.status)) …")
            return []
        }
        let names = FactorColumn.allCases.map(label)
        let found = context.matchHeader(header, section: 6, labels: words.factorColumns) { i in
            context.unknownColumn(header, i, section: 6, columns: (ja: names.joined(separator: "・"), en: names.joined(separator: ", ")))
        }
        guard let columns = context.requireColumns(found, header, section: 6, label: label) else { return [] }
        let headerKeys = header.filledKeys
        var factors: [ExternalFactor] = []
        for line in lines where line.number > header.number && !line.isEmpty {
            guard columns.all.contains(where: { !line.cell($0).isEmpty }) else { continue }  // stray cells only
            if line.hasFilledKeys(headerKeys) {
                context.duplicateHeaderRow(section: 6, at: line.number, first: header.number)
                continue
            }
            factors.append(readRow(line, columns, row: factors.count))
        }
        return factors
    }

    /// One factor: its cells by the header's columns.
    private func readRow(_ line: TextLine, _ columns: HeaderColumns<FactorColumn>, row k: Int) -> ExternalFactor {
        context.take(line, columns.all.filter { $0 < line.texts.count })
        context.locate(.factor(k, .category), line)
        let assessAt = columns[.assessments]
        let text = line.cell(assessAt)
        var assessments: [Assessment] = []
        if !text.isEmpty {
            if let parsed = Assessment.parseList(text) {
                assessments = parsed
            } else {
                context.problem("text.assessment", line.number,
                    ja: "\(label(.assessments))が読めません(\(CellName.ja(assessAt))。例: 1. 施策遂行に役立つ・有利): \"\(Shown.text(text))\"",
                    en: "cannot read the assessment in \(CellName.en(assessAt)) (e.g. 1. 施策遂行に役立つ・有利): \"\(Shown.text(text))\"")
                context.fail(.factor(k, .assessments))
            }
        }
        return ExternalFactor(category: Self.withoutSpaces(line.cell(columns[.category])), status: line.cell(columns[.status]),
                              assessments: assessments, reason: line.cell(columns[.reason]))
    }

    /// `text.withoutSpaces()`, on the bytes when every character of the text is one scalar
    /// (`hasOnlySimpleCharacters`): the characters U+0020 and U+3000 are then exactly the bytes 20
    /// and E3 80 80, and what is left is the same scalars.
    static func withoutSpaces(_ text: String) -> String {
        guard text.mayHoldSpaceCharacters, text.hasOnlySimpleCharacters else { return text.withoutSpaces() }
        let bytes = Array(text.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x20 { i += 1; continue }
            if bytes[i] == 0xE3, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { i += 3; continue }
            kept.append(bytes[i])
            i += 1
        }
        return String(decoding: kept, as: UTF8.self)
    }
}
