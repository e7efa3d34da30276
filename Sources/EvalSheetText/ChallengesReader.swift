import EvalSheetModel

/// §7 施策を進める上での課題: groups of four labelled parts. A new challenge starts at each
/// 施策を進める上での課題 label — never at a circled number, which may sit on any line of the group.
struct ChallengesReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>

    private enum Part { case challenge, related, current, future(Int) }

    func read() throws(TextFormError) -> ([Challenge], Int?) {
        var challenges: [Challenge] = []
        var printedNumbers: [Int?] = []
        var fromYear: Int?
        for line in lines.dropFirst() where !line.isEmpty {
            var i = line.filledIndices.first!
            var number: Int?
            var labelText = line.cell(i)
            if let n = CircledNumber.parse(labelText), let next = line.filled(after: i).first {
                number = n
                context.take(line, i)
                i = next
                labelText = line.cell(i)
            } else if let first = labelText.unicodeScalars.first, let n = CircledNumber.parse(String(first)) {
                number = n
                labelText = String(String(labelText.unicodeScalars.dropFirst()).trimmedSpaces())
            }
            guard let part = Self.part(Label.key(labelText)) else { continue }  // reported as unplaced
            context.take(line, i)
            let values = line.filled(after: i)
            context.take(line, values)
            let texts = values.map { line.cell($0) }
            if case .challenge = part {
                challenges.append(Challenge(number: challenges.count + 1, challenge: "", relatedProjects: [],
                                            current: "", future: ""))
                printedNumbers.append(nil)
            }
            guard !challenges.isEmpty else {
                throw context.error(line.number, ja: "「施策を進める上での課題」より前に「\(labelText)」があります",
                                    en: "\"\(labelText)\" appears before the first 施策を進める上での課題")
            }
            let k = challenges.count - 1
            if let number { printedNumbers[k] = number }
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
            case .future(let year):
                challenges[k].future = joined
                context.locate(.challenge(k, .future), line)
                if fromYear == nil { fromYear = year }
            }
        }
        for k in challenges.indices {
            if let n = printedNumbers[k] { challenges[k].number = n }
        }
        return (challenges, fromYear)
    }

    /// Which of the four parts a label names (spaces already removed).
    private static func part(_ key: String) -> Part? {
        switch key {
        case Challenge.challengeLabel: return .challenge
        case Challenge.relatedProjectsLabel: return .related
        case Challenge.currentLabel: return .current
        default:
            guard key.hasSuffix("以降の取組"),
                  let year = FiscalYearText.parse(key.dropLast("以降の取組".count)) else { return nil }
            return .future(year)
        }
    }
}
