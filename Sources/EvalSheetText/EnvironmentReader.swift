import EvalSheetModel

/// §6 施策を取り巻く環境: one row per external factor, columns located by the header's labels
/// (each once, and no header cell the form does not have).
struct EnvironmentReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    static let columns = ["外部要因", "状況", "外部要因に対する評価", "評価理由"]

    func read() -> [ExternalFactor] {
        let heading = lines[lines.startIndex]
        guard let header = lines.first(where: { Label.key($0.cell(0)) == Self.columns[0] }) else {
            context.problem("text.missing-header", heading.number,
                ja: "施策を取り巻く環境に見出し行(外部要因 状況 …)がありません",
                en: "§6 has no header row (外部要因 状況 …)")
            return []
        }
        var found: [String: Int] = [:]
        for i in header.filledIndices {
            let key = Label.key(header.cells[i])
            context.take(header, i)
            guard let label = Self.columns.first(where: { Label.key($0) == key }) else {
                context.problem("text.unknown-column", header.number,
                    ja: "施策を取り巻く環境の見出し「\(Shown.text(header.cell(i)))」(\(CellName.ja(i)))は読めません: 列の名前は \(Self.columns.joined(separator: "・")) です",
                    en: "the §6 header \"\(Shown.text(header.cell(i)))\" (\(CellName.en(i))) is not understood: the columns are \(Self.columns.joined(separator: ", "))")
                continue
            }
            if let first = found[label] {
                context.problem("text.duplicate-label", header.number,
                    ja: "施策を取り巻く環境の見出しに「\(label)」が2回あります(\(CellName.ja(first)) と \(CellName.ja(i)))",
                    en: "the §6 header has \"\(label)\" twice (\(CellName.en(first)) and \(CellName.en(i)))")
            } else {
                found[label] = i
            }
        }
        var indices: [Int] = []
        for label in Self.columns {
            guard let i = found[label] else {
                context.problem("text.missing-header", header.number,
                    ja: "施策を取り巻く環境の見出しに「\(label)」がありません",
                    en: "§6 header has no \"\(label)\" column")
                return []
            }
            indices.append(i)
        }
        let (cat, status, assess, reason) = (indices[0], indices[1], indices[2], indices[3])
        let headerKeys = header.filledIndices.map { Label.key(header.cells[$0]) }
        var factors: [ExternalFactor] = []
        for line in lines where line.number > header.number && !line.isEmpty {
            guard indices.contains(where: { !line.cell($0).isEmpty }) else { continue }  // stray cells only
            if line.filledIndices.map({ Label.key(line.cells[$0]) }) == headerKeys {
                context.problem("text.duplicate-label", line.number,
                    ja: "施策を取り巻く環境の見出し行が2回あります(最初は \(header.number) 行目)",
                    en: "the §6 header row appears twice (first on line \(header.number))")
                continue
            }
            context.take(line, indices.filter { $0 < line.cells.count })
            let k = factors.count
            context.locate(.factor(k, .category), line)
            let text = line.cell(assess)
            var assessments: [Assessment] = []
            if !text.isEmpty {
                if let parsed = Assessment.parseList(text) {
                    assessments = parsed
                } else {
                    context.problem("text.assessment", line.number,
                        ja: "外部要因に対する評価が読めません(\(CellName.ja(assess))。例: 1. 施策遂行に役立つ・有利): \"\(Shown.text(text))\"",
                        en: "cannot read the assessment in \(CellName.en(assess)) (e.g. 1. 施策遂行に役立つ・有利): \"\(Shown.text(text))\"")
                    context.fail(.factor(k, .assessments))
                }
            }
            factors.append(ExternalFactor(category: line.cell(cat).withoutSpaces(), status: line.cell(status),
                                          assessments: assessments, reason: line.cell(reason)))
        }
        return factors
    }
}
