import EvalSheetModel

/// §2 施策の方向: 10年後の姿 (once) and the numbered 施策の方向性 (the label on the first line,
/// further directions on the following lines with an empty first cell). Both labels are the
/// template's (`labels.futureVision`, `labels.directions`).
struct DirectionsReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    private var words: TextVocabulary { context.words }

    func read() -> (String, [Direction]) {
        let heading = lines[lines.startIndex]
        let visionLabel = words.labels.futureVision, directionsLabel = words.labels.directions
        let visionKey = Label.key(visionLabel), directionsKey = Label.key(directionsLabel)
        var vision: (text: String, line: Int)?
        var directions: [Direction] = []
        var inDirections = false
        for line in lines.dropFirst() where !line.isEmpty {
            guard let (at, first) = line.firstFilled else { continue }
            let key = Label.key(first)
            if key == visionKey {
                readVision(line, at, into: &vision)
                inDirections = false
                continue
            }
            var start = at
            if key == directionsKey {
                context.take(line, at)
                start = at + 1
                inDirections = true
            } else if !line.cell(0).isEmpty {
                context.problem("text.unknown-label", line.number,
                    ja: "「\(Shown.text(first))」は\(words.section(2).name)の項目名ではありません(\(CellName.ja(at))): \(visionLabel)・\(directionsLabel) のいずれかです",
                    en: "\"\(Shown.text(first))\" (\(CellName.en(at))) is not a label of §2: it is \(visionLabel) or \(directionsLabel)")
                continue
            } else if !inDirections {
                continue  // reported as unplaced
            }
            if let direction = readDirection(line, from: start) {
                context.locate(.direction(directions.count, .number), line)
                directions.append(direction)
            }
        }
        guard let vision else {
            context.problem("text.missing-record", heading.number,
                ja: "\(words.section(2).name)に「\(visionLabel)」がありません", en: "§2 has no \(visionLabel)")
            context.fail(.futureVision)
            return ("", directions)
        }
        return (vision.text, directions)
    }

    /// The 10年後の姿 line: its value, unless one was given before (a problem).
    private func readVision(_ line: TextLine, _ at: Int, into vision: inout (text: String, line: Int)?) {
        context.take(line, at)
        let value = line.filled(after: at).first
        if let value { context.take(line, value) }
        if let first = vision {
            let label = words.labels.futureVision
            context.problem("text.duplicate-label", line.number,
                ja: "「\(label)」が2回あります(最初は \(first.line) 行目)",
                en: "\"\(label)\" appears twice (first on line \(first.line))")
        } else {
            vision = (value.map { line.cell($0) } ?? "", line.number)
            context.locate(.futureVision, line)
        }
    }

    /// One direction from the cells at and after `start`: the number and the text in two cells, or
    /// in one separated by a space. Nil (a problem) when the number cannot be read.
    private func readDirection(_ line: TextLine, from start: Int) -> Direction? {
        let filled = line.filled(after: start - 1)
        guard let numberAt = filled.first else { return nil }
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
                ja: "\(words.labels.directions)の番号が読めません(\(CellName.ja(numberAt))): \"\(Shown.text(head))\"",
                en: "cannot read the direction number (\(CellName.en(numberAt))): \"\(Shown.text(head))\"")
            return nil
        }
        context.take(line, numberAt)
        if let textAt { context.take(line, textAt) }
        return Direction(number: number, text: text)
    }

    /// `1`, `１`, `①`.
    static func number(_ s: some StringProtocol) -> Int? {
        FiscalYearText.parseDigits(s) ?? OrdinalText.parse(s)
    }
}
