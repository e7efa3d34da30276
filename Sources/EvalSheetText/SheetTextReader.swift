import EvalSheetModel

/// Reads one sheet: splits it into its seven sections and hands each to its reader. Every problem
/// of the sheet is collected — in the headings, in each section, and at the end every broken
/// invariant of the model at its line — and the sheet is either read whole or refused with all of
/// them.
struct SheetTextReader {
    let file: String
    let lines: ArraySlice<TextLine>
    let context: SheetReadContext
    /// The section each line opens (`SectionHeading.number`, 0 for none), by the lines' indices,
    /// when the caller has them already (each line is asked once); nil: asked here.
    let headings: ArraySlice<Int8>?

    init(file: String, lines: ArraySlice<TextLine>, words: TextVocabulary, headings: ArraySlice<Int8>? = nil) {
        self.file = file
        self.lines = lines
        self.headings = headings
        let first = lines.first?.number ?? 0
        self.context = SheetReadContext(file: file, sheetLines: first...max(first, lines.last?.number ?? first), words: words)
    }

    /// The most lines one sheet may have (a real one has a few hundred). The lines of a sheet are
    /// held while it is read: a sheet of ten million blank lines took 2.5 GB. Callers hand on at
    /// most one line more (`linesHandedOn`), and the sheet is refused at that line.
    static let maximumLines = 100_000
    /// How many lines of one sheet a caller keeps: one past the bound, for the message's place.
    static let linesHandedOn = maximumLines + 1

    func read() -> Result<LoadedSheet, TextFormError> {
        if lines.count > Self.maximumLines {
            let at = lines[lines.startIndex + Self.maximumLines].number
            let heading = SectionHeading.display(1, context.words)
            return .failure(TextFormError(file: file, line: at, message: .init(
                ja: "1つの施策のシートが \(Self.maximumLines) 行を超えています(\(at) 行目から次の施策の「\(heading)」までは読みません)。空行が続いていないか確かめてください",
                en: "one sheet runs past \(Self.maximumLines) lines (from line \(at) to the next sheet's \"\(heading)\" nothing is read); look for a run of blank lines"),
                id: "text.too-many-lines", sheetLines: context.sheetLines))
        }
        let sections = splitSections()
        let basic = BasicInformationReader(context: context, lines: sections[1] ?? lines.prefix(1)).read()
        let (vision, directions) = sections[2].map { DirectionsReader(context: context, lines: $0).read() } ?? ("", [])
        let projects = sections[3].map { ProjectsReader(context: context, lines: $0).read() }
            ?? ProjectTable(columns: [], rows: [], totals: [])
        let indicators = sections[4].map { IndicatorsReader(context: context, lines: $0).read() }
            ?? IndicatorTable(years: [], items: [], footnote: nil)
        let evaluation = sections[5].map {
            EvaluationReader(context: context, lines: $0, fiscalYear: basic.fiscalYear).read()
        } ?? Evaluation(rating: Rating(rawValue: ""), reason: "")
        let environment = sections[6].map { EnvironmentReader(context: context, lines: $0).read() } ?? []
        let (challenges, fromYear) = sections[7].map { ChallengesReader(context: context, lines: $0).read() } ?? ([], nil)
        context.reportUnplaced(lines)

        if basic.fiscalYear == nil {
            context.fail(.fiscalYear)
            if fromYear == nil { context.fail(.futureActionsFromYear) }
        }
        let fiscalYear = basic.fiscalYear ?? EvaluationSheet.fiscalYearRange.lowerBound
        let sheet = EvaluationSheet(
            fiscalYear: fiscalYear, policy: basic.policy, vision: basic.vision, goal: basic.goal,
            organization: basic.organization, futureVision: vision, directions: directions,
            projects: projects, indicators: indicators, evaluation: evaluation,
            environment: environment, challenges: challenges,
            futureActionsFromYear: fromYear ?? fiscalYear &+ 2)
        for violation in sheet.invariantViolations() where !context.failedPaths.contains(violation.path) {
            var line = lines.first?.number ?? 0
            if case .line(let n)? = context.sourceMap.location(of: violation.path) { line = n }
            context.problem(violation.path == .policyCode ? "text.policy-code" : "text.invariant", line, violation.message)
        }
        let ordered = context.problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
        if let error = TextFormError.combined(ordered.map(\.element)) { return .failure(error) }
        return .success(LoadedSheet(sheet: sheet, sourceMap: context.sourceMap, notes: context.notes))
    }

    /// The section line `i` opens, or nil.
    private func heading(_ i: Int) -> Int? {
        guard let headings else { return SectionHeading.number(of: lines[i], context.words) }
        let n = headings[i]
        return n == 0 ? nil : Int(n)
    }

    /// Each section's lines, from its heading to the next heading. A heading given twice, out of
    /// order or missing is a problem; the sections that are there are still read.
    private func splitSections() -> [Int: ArraySlice<TextLine>] {
        var sections: [Int: ArraySlice<TextLine>] = [:]
        var seen: [Int: Int] = [:]
        var expected = 1
        var current: (number: Int, start: Int)?
        for i in lines.indices {
            guard let n = heading(i) else { continue }
            let here = lines[i].number
            if let first = seen[n] {
                context.problem("text.duplicate-heading", here,
                    ja: "見出し「\(SectionHeading.display(n, context.words))」が2回あります(最初は \(first) 行目)",
                    en: "the heading \"\(SectionHeading.display(n, context.words))\" appears twice (first on line \(first))")
                context.take(lines[i], 0)
                continue
            }
            if n > expected {
                context.problem("text.missing-section", here,
                    ja: "見出し「\(SectionHeading.display(expected, context.words))」が見つからないうちに「\(SectionHeading.display(n, context.words))」が現れました",
                    en: "found \"\(SectionHeading.display(n, context.words))\" before \"\(SectionHeading.display(expected, context.words))\"")
            } else if n < expected {
                context.problem("text.section-order", here,
                    ja: "見出し「\(SectionHeading.display(n, context.words))」の位置が違います(「\(SectionHeading.display(expected - 1, context.words))」より後にあります)",
                    en: "the heading \"\(SectionHeading.display(n, context.words))\" is out of order (it follows \"\(SectionHeading.display(expected - 1, context.words))\")")
            }
            if let c = current { sections[c.number] = lines[c.start..<i] }
            current = (n, i)
            seen[n] = here
            expected = max(expected, n + 1)
        }
        if let c = current { sections[c.number] = lines[c.start..<lines.endIndex] }
        if expected <= 7 {
            let first = lines.first?.number ?? 0, last = lines.last?.number ?? 0
            context.problem("text.missing-section", last,
                ja: "見出し「\(SectionHeading.display(expected, context.words))」がありません(シートは \(first) 行目から \(last) 行目)",
                en: "section \"\(SectionHeading.display(expected, context.words))\" is missing (sheet on lines \(first)–\(last))")
        }
        for (n, slice) in sections {
            let heading = slice[slice.startIndex]
            context.take(heading, 0)
            context.sourceMap.sections[n] = .line(heading.number)
            if !SectionHeading.isCanonical(heading.cell(0), n, context.words) {
                context.note("text.heading-wording", heading.number,
                    ja: "見出しの文言が様式と異なります(見出しは保存されません): \"\(Shown.text(heading.cell(0)))\"",
                    en: "the heading's wording differs from the form (headings are not kept): \"\(Shown.text(heading.cell(0)))\"")
            }
        }
        return sections
    }
}
