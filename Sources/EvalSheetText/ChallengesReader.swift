import EvalSheetModel

/// §7 施策を進める上での課題: groups of four labelled parts. A new challenge starts at each
/// 施策を進める上での課題 label — never at a circled number, which may sit on any line of the group.
///
/// Each part is given once per challenge: a second one, a label the form does not have, a number
/// that differs within a group or a year that differs between groups is a problem — a part never
/// lands on another challenge.
struct ChallengesReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    private enum Part: Hashable {
        case challenge, related, current, future

        var label: String {
            switch self {
            case .challenge: Challenge.challengeLabel
            case .related: Challenge.relatedProjectsLabel
            case .current: Challenge.currentLabel
            case .future: "以降の取組"
            }
        }
    }

    /// The challenge being read: its lines by part and the number printed in its group.
    private struct Pending {
        var rows: [Part: Int] = [:]
        var number: (value: Int, line: Int)?
    }

    func read() -> ([Challenge], Int?) {
        var challenges: [Challenge] = []
        var pending: [Pending] = []
        var fromYear: (year: Int, line: Int)?
        var orphaned = false
        for line in lines.dropFirst() where !line.isEmpty {
            let filled = line.filledIndices
            var i = filled[0]
            var number: Int?
            var labelText = line.cell(i)
            if let n = OrdinalText.parse(labelText) {
                guard filled.count > 1 else { continue }  // a lone number: reported as unplaced
                number = n
                context.take(line, i)
                i = filled[1]
                labelText = line.cell(i)
            } else if let first = labelText.unicodeScalars.first, let n = CircledNumber.parse(String(first)) {
                number = n
                labelText = String(String(labelText.unicodeScalars.dropFirst()).trimmedSpaces())
            }
            let key = Label.key(labelText)
            guard let (part, year) = Self.part(key) else {
                context.problem("text.unknown-label", line.number,
                    ja: "「\(Shown.text(line.cell(i)))」は施策を進める上での課題の項目名ではありません(\(CellName.ja(i))): \(Challenge.challengeLabel)・\(Challenge.relatedProjectsLabel)・\(Challenge.currentLabel)・\(Challenge.futureLabel(from: fromYear?.year ?? 2021)) のいずれかです",
                    en: "\"\(Shown.text(line.cell(i)))\" (\(CellName.en(i))) is not a label of §7: it is \(Challenge.challengeLabel), \(Challenge.relatedProjectsLabel), \(Challenge.currentLabel) or \(Challenge.futureLabel(from: fromYear?.year ?? 2021))")
                orphaned = true
                continue
            }
            if part == .challenge {
                challenges.append(Challenge(number: challenges.count + 1, challenge: "", relatedProjects: [],
                                            current: "", future: ""))
                pending.append(Pending())
                orphaned = false
            } else if orphaned {
                continue  // a part of the challenge whose label was not understood (already reported)
            }
            guard let k = challenges.indices.last else {
                context.problem("text.missing-record", line.number,
                    ja: "「\(Challenge.challengeLabel)」より前に「\(Shown.text(labelText))」があります",
                    en: "\"\(Shown.text(labelText))\" appears before the first \(Challenge.challengeLabel)")
                continue
            }
            if let first = pending[k].rows[part] {
                context.problem("text.duplicate-label", line.number,
                    ja: "課題\(CircledNumber.text(challenges[k].number))の「\(Shown.text(labelText))」が2回あります(最初は \(first) 行目)",
                    en: "challenge \(CircledNumber.text(challenges[k].number)) has \"\(Shown.text(labelText))\" twice (first on line \(first))")
                continue
            }
            pending[k].rows[part] = line.number
            if let number {
                if let printed = pending[k].number, printed.value != number {
                    context.problem("text.conflicting-number", line.number,
                        ja: "課題の番号が行によって違います(\(printed.line) 行目は \(CircledNumber.text(printed.value))、この行は \(CircledNumber.text(number)))",
                        en: "the challenge's lines print different numbers (\(CircledNumber.text(printed.value)) on line \(printed.line), \(CircledNumber.text(number)) here)")
                } else {
                    pending[k].number = (number, line.number)
                    challenges[k].number = number
                }
            }
            context.take(line, i)
            let values = line.filled(after: i)
            context.take(line, values)
            let texts = values.map { line.cell($0) }
            let joined = texts.joined(separator: " ")
            switch part {
            case .challenge:
                challenges[k].challenge = joined
                context.locate(.challenge(k, .number), line)
                context.locate(.challenge(k, .challenge), line)
            case .related:
                challenges[k].relatedProjects = texts
                for r in texts.indices { context.locate(.challenge(k, .relatedProject(r)), line) }
            case .current:
                challenges[k].current = joined
                context.locate(.challenge(k, .current), line)
            case .future:
                challenges[k].future = joined
                context.locate(.challenge(k, .future), line)
                if let year {
                    if let seen = fromYear, seen.year != year {
                        context.problem("text.conflicting-year", line.number,
                            ja: "「以降の取組」の年度が課題によって違います(\(seen.line) 行目は\(FiscalYearText.japanese(seen.year))、この行は\(FiscalYearText.japanese(year)))",
                            en: "the year of 以降の取組 differs between challenges (\(FiscalYearText.japanese(seen.year)) on line \(seen.line), \(FiscalYearText.japanese(year)) here)")
                    } else if fromYear == nil {
                        fromYear = (year, line.number)
                        context.sourceMap[.futureActionsFromYear] = .line(line.number)
                    }
                }
            }
        }
        for (k, p) in pending.enumerated() {
            guard let at = p.rows[.challenge] else { continue }
            for part in [Part.related, .current, .future] where p.rows[part] == nil {
                let label = part == .future ? Challenge.futureLabel(from: fromYear?.year ?? 2021) : part.label
                context.problem("text.missing-record", at,
                    ja: "課題\(CircledNumber.text(challenges[k].number))に「\(label)」の行がありません",
                    en: "challenge \(CircledNumber.text(challenges[k].number)) has no \(label) line")
            }
        }
        return (challenges, fromYear?.year)
    }

    /// Which of the four parts a label names (spaces already removed), with the year of
    /// `令和3年度以降の取組`.
    private static func part(_ key: String) -> (Part, Int?)? {
        switch key {
        case Label.key(Challenge.challengeLabel): return (.challenge, nil)
        case Label.key(Challenge.relatedProjectsLabel): return (.related, nil)
        case Label.key(Challenge.currentLabel): return (.current, nil)
        default:
            guard key.hasSuffix("以降の取組"),
                  let year = FiscalYearText.parse(key.dropLast("以降の取組".count)) else { return nil }
            return (.future, year)
        }
    }
}
