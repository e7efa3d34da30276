import EvalSheetModel

/// §2 施策の方向: 10年後の姿 and the numbered 施策の方向性.
struct DirectionsReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    func read() throws(TextFormError) -> (String, [Direction]) {
        var vision: String?
        var directions: [Direction] = []
        var inDirections = false
        for line in lines.dropFirst() {
            if line.isEmpty { continue }
            if let i = line.index(ofLabel: "10年後の姿") {
                context.take(line, i)
                if let j = line.filled(after: i).first {
                    context.take(line, j)
                    vision = line.cell(j)
                } else {
                    vision = ""
                }
                context.locate(.futureVision, line)
                inDirections = false
                continue
            }
            var start = 0
            if let i = line.index(ofLabel: "施策の方向性") {
                context.take(line, i)
                start = i + 1
                inDirections = true
            } else if !inDirections || !line.cell(0).isEmpty {
                continue
            }
            let filled = line.filled(after: start - 1)
            guard let first = filled.first else { continue }
            let head = line.cell(first)
            var number: Int?
            var text = ""
            if let n = FiscalYearText.parseDigits(head) {
                number = n
                if let j = filled.dropFirst().first {
                    context.take(line, j)
                    text = line.cell(j)
                }
            } else if let space = head.firstIndex(of: " "), let n = FiscalYearText.parseDigits(head[..<space]) {
                number = n
                text = String(head[head.index(after: space)...].trimmedSpaces())
            }
            guard let number else {
                throw context.error(line.number, ja: "施策の方向性の番号が読めません: \"\(head)\"",
                                    en: "cannot read the direction number: \"\(head)\"")
            }
            context.take(line, first)
            context.locate(.direction(directions.count, .number), line)
            directions.append(Direction(number: number, text: text))
        }
        guard let vision else {
            throw context.error(lines[lines.startIndex].number, ja: "施策の方向に「10年後の姿」がありません",
                                en: "§2 has no 10年後の姿")
        }
        return (vision, directions)
    }
}
