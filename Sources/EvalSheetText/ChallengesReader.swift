import EvalSheetModel
import EvalSheetForm

/// §7 施策を進める上での課題: groups of four labelled parts (`ChallengePart`, the template's
/// labels). A new challenge starts at each 施策を進める上での課題 label — never at a circled number,
/// which may sit on any line of the group.
///
/// Each part is given once per challenge: a second one, a label the form does not have, a number
/// that differs within a group or a year that differs between groups is a problem — a part never
/// lands on another challenge.
struct ChallengesReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    /// The challenge being read: its lines by part and the number printed in its group.
    private struct Pending {
        var rows: [ChallengePart: Int] = [:]
        var number: (value: Int, line: Int)?
    }

    /// What has been read: the challenges, their parts' lines, the year of the future parts, and
    /// whether the lines that follow belong to a part whose label was not understood.
    private struct State {
        var challenges: [Challenge] = []
        var pending: [Pending] = []
        var fromYear: (year: Int, line: Int)?
        var orphaned = false
        /// The last label key `part` named the future part for, and its year (the same label
        /// opens that part of every challenge: its bytes are compared, not asked again).
        var lastFuture: (key: String, year: Int)?
    }

    /// One line's label: the part it names, the cell it is in, its text, and the number printed
    /// before it (in its own cell or opening the label's).
    private struct LabelCell {
        var at: Int
        var text: String
        var number: Int?
    }

    private var words: TextVocabulary { context.words }

    /// The year the future part's label shows in messages before any was read.
    private static let exampleYear = 2021

    private func label(_ part: ChallengePart, _ state: State) -> String {
        part.printed(words.labels, fromYear: state.fromYear?.year ?? Self.exampleYear)
    }

    func read() -> ([Challenge], Int?) {
        var state = State()
        for line in lines.dropFirst() where !line.isEmpty {
            guard let cell = labelCell(line) else { continue }
            readLine(line, cell, into: &state)
        }
        for (k, p) in state.pending.enumerated() {
            guard let at = p.rows[.challenge] else { continue }
            for part in [ChallengePart.related, .current, .future] where p.rows[part] == nil {
                let number = CircledNumber.text(state.challenges[k].number)
                context.problem("text.missing-record", at,
                    ja: "課題\(number)に「\(label(part, state))」の行がありません",
                    en: "challenge \(number) has no \(label(part, state)) line")
            }
        }
        return (state.challenges, state.fromYear?.year)
    }

    /// The label cell of a line and the number printed before it; nil for a lone number (reported
    /// as unplaced).
    private func labelCell(_ line: TextLine) -> LabelCell? {
        let first = line.firstFilledIndex!
        var cell = LabelCell(at: first, text: line.cell(first))
        if let n = OrdinalText.parse(cell.text) {
            guard let second = line.nextFilledIndex(after: first) else { return nil }
            context.take(line, cell.at)
            cell = LabelCell(at: second, text: line.cell(second), number: n)
        } else if let first = cell.text.unicodeScalars.first, let n = CircledNumber.parse(String(first)) {
            cell.number = n
            cell.text = String(String(cell.text.unicodeScalars.dropFirst()).trimmedSpaces())
        }
        return cell
    }

    private func readLine(_ line: TextLine, _ cell: LabelCell, into state: inout State) {
        let i = cell.at
        guard let (part, year) = part(Label.key(cell.text), &state) else {
            let l = words.labels, future = label(.future, state)
            context.problem("text.unknown-label", line.number,
                ja: "「\(Shown.text(line.cell(i)))」は\(words.section(7).name)の項目名ではありません(\(CellName.ja(i))): \(l.challenge)・\(l.relatedProjects)・\(l.current)・\(future) のいずれかです",
                en: "\"\(Shown.text(line.cell(i)))\" (\(CellName.en(i))) is not a label of §7: it is \(l.challenge), \(l.relatedProjects), \(l.current) or \(future)")
            state.orphaned = true
            return
        }
        if part == .challenge {
            state.challenges.append(Challenge(number: state.challenges.count + 1, challenge: "", relatedProjects: [],
                                              current: "", future: ""))
            state.pending.append(Pending())
            state.orphaned = false
        } else if state.orphaned {
            return  // a part of the challenge whose label was not understood (already reported)
        }
        guard let k = state.challenges.indices.last else {
            context.problem("text.missing-record", line.number,
                ja: "「\(words.labels.challenge)」より前に「\(Shown.text(cell.text))」があります",
                en: "\"\(Shown.text(cell.text))\" appears before the first \(words.labels.challenge)")
            return
        }
        if let first = state.pending[k].rows[part] {
            let number = CircledNumber.text(state.challenges[k].number)
            context.problem("text.duplicate-label", line.number,
                ja: "課題\(number)の「\(Shown.text(cell.text))」が2回あります(最初は \(first) 行目)",
                en: "challenge \(number) has \"\(Shown.text(cell.text))\" twice (first on line \(first))")
            return
        }
        state.pending[k].rows[part] = line.number
        if let number = cell.number { readNumber(number, line, k, into: &state) }
        context.take(line, i)
        let values = line.filled(after: i)
        context.take(line, values)
        readPart(part, year: year, values.map { line.cell($0) }, line, k, into: &state)
    }

    /// The number printed on a line of challenge `k`: the first one is its number; another is a problem.
    private func readNumber(_ number: Int, _ line: TextLine, _ k: Int, into state: inout State) {
        if let printed = state.pending[k].number, printed.value != number {
            context.problem("text.conflicting-number", line.number,
                ja: "課題の番号が行によって違います(\(printed.line) 行目は \(CircledNumber.text(printed.value))、この行は \(CircledNumber.text(number)))",
                en: "the challenge's lines print different numbers (\(CircledNumber.text(printed.value)) on line \(printed.line), \(CircledNumber.text(number)) here)")
        } else {
            state.pending[k].number = (number, line.number)
            state.challenges[k].number = number
        }
    }

    /// The values of one part of challenge `k` (the related projects one per cell, the others joined).
    private func readPart(_ part: ChallengePart, year: Int?, _ texts: [String], _ line: TextLine, _ k: Int,
                          into state: inout State) {
        let joined = texts.joined(separator: " ")
        switch part {
        case .challenge:
            state.challenges[k].challenge = joined
            context.locate(.challenge(k, .number), line)
            context.locate(.challenge(k, .challenge), line)
        case .related:
            state.challenges[k].relatedProjects = texts
            for r in texts.indices { context.locate(.challenge(k, .relatedProject(r)), line) }
        case .current:
            state.challenges[k].current = joined
            context.locate(.challenge(k, .current), line)
        case .future:
            state.challenges[k].future = joined
            context.locate(.challenge(k, .future), line)
            if let year { readFromYear(year, line, into: &state) }
        }
    }

    /// The year of `令和3年度以降の取組`: the same in every challenge.
    private func readFromYear(_ year: Int, _ line: TextLine, into state: inout State) {
        if let seen = state.fromYear, seen.year != year {
            let suffix = words.futureSuffix
            context.problem("text.conflicting-year", line.number,
                ja: "「\(suffix)」の年度が課題によって違います(\(seen.line) 行目は\(FiscalYearText.japanese(seen.year))、この行は\(FiscalYearText.japanese(year)))",
                en: "the year of \(suffix) differs between challenges (\(FiscalYearText.japanese(seen.year)) on line \(seen.line), \(FiscalYearText.japanese(year)) here)")
        } else if state.fromYear == nil {
            state.fromYear = (year, line.number)
            context.sourceMap[.futureActionsFromYear] = .line(line.number)
        }
    }

    /// Which of the four parts a label names (a label key), with the year of `令和3年度以降の取組`.
    private func part(_ key: String, _ state: inout State) -> (ChallengePart, Int?)? {
        let fixed: [ChallengePart] = [.challenge, .related, .current]
        if let part = fixed.first(where: { words.challengeParts.key($0) == key }) { return (part, nil) }
        if let last = state.lastFuture, last.key.utf8.elementsEqual(key.utf8) { return (.future, last.year) }
        guard key.hasSuffix(words.futureSuffixKey),
              let year = FiscalYearText.parse(key.dropLast(words.futureSuffixKey.count)) else { return nil }
        state.lastFuture = (key, year)
        return (.future, year)
    }
}
