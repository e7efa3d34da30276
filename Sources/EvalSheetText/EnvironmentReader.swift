import EvalSheetModel

/// §6 施策を取り巻く環境: one row per external factor, columns located by the header's labels.
struct EnvironmentReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    func read() throws(TextFormError) -> [ExternalFactor] {
        let heading = lines[lines.startIndex]
        guard let header = lines.first(where: { Label.key($0.cell(0)) == "外部要因" }) else {
            throw context.error(heading.number, ja: "施策を取り巻く環境に見出し行(外部要因 状況 …)がありません",
                                en: "§6 has no header row (外部要因 状況 …)")
        }
        context.takeAll(header)
        func column(_ label: String) throws(TextFormError) -> Int {
            guard let i = header.index(ofLabel: label) else {
                throw context.error(header.number, ja: "施策を取り巻く環境の見出しに「\(label)」がありません",
                                    en: "§6 header has no \"\(label)\" column")
            }
            return i
        }
        let (cat, status, assess, reason) = (try column("外部要因"), try column("状況"),
                                             try column("外部要因に対する評価"), try column("評価理由"))
        var factors: [ExternalFactor] = []
        for line in lines where line.number > header.number && !line.isEmpty {
            context.take(line, cat, status, assess, reason)
            let text = line.cell(assess)
            guard let assessments = Assessment.parseList(text) else {
                throw context.error(line.number, ja: "外部要因に対する評価が読めません(例: 1. 施策遂行に役立つ・有利): \"\(text)\"",
                                    en: "cannot read the assessment (e.g. 1. 施策遂行に役立つ・有利): \"\(text)\"")
            }
            context.locate(.factor(factors.count, .category), line)
            factors.append(ExternalFactor(category: line.cell(cat).withoutSpaces(), status: line.cell(status),
                                          assessments: assessments, reason: line.cell(reason)))
        }
        return factors
    }
}
