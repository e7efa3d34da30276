import EvalSheetModel

/// §2 施策の方向: 10年後の姿 (once) and the numbered 施策の方向性 (the label on the first line,
/// further directions on the following lines with an empty first cell).
struct DirectionsReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    static let visionLabel = "10年後の姿"
    static let directionsLabel = "施策の方向性"

    func read() -> (String, [Direction]) {
        let heading = lines[lines.startIndex]
        var vision: String?
        var visionLine = 0
        var directions: [Direction] = []
        var inDirections = false
        for line in lines.dropFirst() where !line.isEmpty {
            guard let (at, first) = line.firstFilled else { continue }
            let key = Label.key(first)
            if key == Self.visionLabel {
                context.take(line, at)
                let value = line.filled(after: at).first
                if let value { context.take(line, value) }
                if vision != nil {
                    context.problem("text.duplicate-label", line.number,
                        ja: "「\(Self.visionLabel)」が2回あります(最初は \(visionLine) 行目)",
                        en: "\"\(Self.visionLabel)\" appears twice (first on line \(visionLine))")
                } else {
                    vision = value.map { line.cell($0) } ?? ""
                    visionLine = line.number
                    context.locate(.futureVision, line)
                }
                inDirections = false
                continue
            }
            var start = at
            if key == Self.directionsLabel {
                context.take(line, at)
                start = at + 1
                inDirections = true
            } else if !line.cell(0).isEmpty {
                context.problem("text.unknown-label", line.number,
                    ja: "「\(Shown.text(first))」は施策の方向の項目名ではありません(\(CellName.ja(at))): \(Self.visionLabel)・\(Self.directionsLabel) のいずれかです",
                    en: "\"\(Shown.text(first))\" (\(CellName.en(at))) is not a label of §2: it is \(Self.visionLabel) or \(Self.directionsLabel)")
                continue
            } else if !inDirections {
                continue  // reported as unplaced
            }
            let filled = line.filled(after: start - 1)
            guard let numberAt = filled.first else { continue }
            let head = line.cell(numberAt)
            var number: Int?
            var text = ""
            var textAt: Int?
            if let n = Self.number(head) {
                number = n
                textAt = filled.dropFirst().first
                if let textAt { text = line.cell(textAt) }
            } else if let space = head.firstIndex(of: " "), let n = Self.number(head[..<space]) {
                number = n
                text = String(head[head.index(after: space)...].trimmedSpaces())
            }
            guard let number else {
                context.problem("text.direction-number", line.number,
                    ja: "施策の方向性の番号が読めません(\(CellName.ja(numberAt))): \"\(Shown.text(head))\"",
                    en: "cannot read the direction number (\(CellName.en(numberAt))): \"\(Shown.text(head))\"")
                continue
            }
            context.take(line, numberAt)
            if let textAt { context.take(line, textAt) }
            context.locate(.direction(directions.count, .number), line)
            directions.append(Direction(number: number, text: text))
        }
        guard let vision else {
            context.problem("text.missing-record", heading.number,
                ja: "施策の方向に「\(Self.visionLabel)」がありません", en: "§2 has no \(Self.visionLabel)")
            context.fail(.futureVision)
            return ("", directions)
        }
        return (vision, directions)
    }

    /// `1`, `１`, `①`.
    static func number(_ s: some StringProtocol) -> Int? {
        FiscalYearText.parseDigits(s) ?? OrdinalText.parse(s)
    }
}
