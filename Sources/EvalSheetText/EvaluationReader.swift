import EvalSheetModel

/// §5 評価: the rating (順調/維持/停滞) and its reason, wherever the layout puts them, and the
/// legend (template text, checked but not kept). The header labels, the criterion's wordings, the
/// rating caption and the legend are the template's.
///
/// The rating is found by position, never by searching for the words: they also occur in the
/// legend, in policy names and inside reasons. Whatever stands in the rating's place is kept as
/// typed (a rating `良好` is validation's to report), so the rest of the sheet is still checked.
struct EvaluationReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>
    let fiscalYear: Int?

    private var words: TextVocabulary { context.words }

    /// The rating and its reason as found, and whether the reason is on the next line.
    private struct Found {
        var rating = ""
        var reason: String
        var reasonOnNextLine = false
    }

    func read() -> Evaluation {
        let heading = lines[lines.startIndex]
        let l = words.labels
        checkHeadingYear(heading)
        checkLegend()
        let headerKey = Label.key(l.criterionHeader)
        guard let headerAt = lines.firstIndex(where: { Label.matches($0.cell(0), headerKey) }) else {
            context.missingHeaderRow(section: 5, at: heading.number, example: "\(l.criterionHeader) \(l.ratingHeader) \(l.reasonHeader)")
            return placeholder()
        }
        let header = lines[headerAt]
        let headerLabels = Set([l.criterionHeader, l.ratingHeader, l.reasonHeader].map(Label.key))
        context.take(header, header.filledIndices.filter { headerLabels.contains(Label.key(header.texts[$0])) })
        var body = lines[(headerAt + 1)...].filter { !$0.isEmpty && !TextPrefix.noteMark.opens($0.cell(0)) && !isLegend($0) }
        body.removeAll { line in
            guard Label.matches(line.cell(0), headerKey) else { return false }
            context.duplicateHeaderRow(section: 5, at: line.number, first: header.number)
            return true
        }
        guard let row = body.first else {
            context.problem("text.missing-record", header.number,
                ja: "\(words.section(5).name)の行がありません", en: "§5 has no rating row")
            return placeholder()
        }
        context.take(row, row.filledIndices.filter { $0 <= 2 })
        context.locate(.rating, row)
        context.locate(.ratingReason, row)
        checkCriterion(row)
        var found = readRatingRow(row, hasNextLine: body.count > 1)
        var rest = body.dropFirst()
        if found.reasonOnNextLine, let next = rest.first {
            context.take(next, 0)
            context.locate(.ratingReason, next)
            found.reason = Self.stripParagraphTags(next.cell(0))
            rest = rest.dropFirst()
        }
        for line in rest where Label.hasPrefix(line.cell(0), words.criterionStart, prefixStart: words.criterionStartNFD)
            || Label.hasPrefix(line.cell(1), words.ratingCaptionWord, prefixStart: words.ratingCaptionWordNFD) {
            context.problem("text.duplicate-label", line.number,
                ja: "\(words.section(5).name)の行が2つあります(最初は \(row.number) 行目): \(words.ratingCaptionWord)は1つだけ書きます",
                en: "§5 has a second rating row (the first is on line \(row.number)): the rating is given once")
        }
        return Evaluation(rating: Rating(rawValue: found.rating), reason: found.reason)
    }

    /// The rating row's cells 1 and 2: the rating after the caption in the 評価※ column, alone in
    /// that column, or opening the 評価理由 cell.
    private func readRatingRow(_ row: TextLine, hasNextLine: Bool) -> Found {
        let f1 = row.cell(1), f2 = row.cell(2)
        var found = Found(reason: f2)
        if Label.hasPrefix(f1, words.ratingCaptionWord, prefixStart: words.ratingCaptionWordNFD) {
            let (label, rest) = splitRatingCell(f1)
            if Label.key(label) != Label.key(words.labels.ratingCaption) {
                let column = words.labels.ratingHeader
                context.note("text.label-wording", row.number,
                    ja: "\(column)の欄の文言が様式と異なります(文言は保存されません。\(CellName.ja(1))): \"\(Shown.text(label))\"",
                    en: "the wording in the \(column) column differs from the form (it is not kept; \(CellName.en(1))): \"\(Shown.text(label))\"")
            }
            if rest.isEmpty {
                (found.rating, found.reason, found.reasonOnNextLine) = Self.ratingInReasonCell(f2, hasNextLine: hasNextLine)
            } else {
                found.rating = rest
            }
        } else if !f1.isEmpty {
            found.rating = f1
        } else {
            (found.rating, found.reason, found.reasonOnNextLine) = Self.ratingInReasonCell(f2, hasNextLine: hasNextLine)
        }
        return found
    }

    private func placeholder() -> Evaluation {
        context.fail(.rating)
        context.fail(.ratingReason)
        return Evaluation(rating: Rating(rawValue: ""), reason: "")
    }

    /// `総合評価(成果、投入財源等を総合的に評価) 維持` → the caption and `維持`. The caption ends at the
    /// parenthesis that follows its first word (`総合評価`, `TextVocabulary.ratingCaptionWord`);
    /// without one, right after the word.
    func splitRatingCell(_ cell: String) -> (label: String, rest: String) {
        if cell.hasOnlySimpleCharacters, words.ratingCaptionWord.hasOnlySimpleCharacters { return splitRatingCell(simple: cell) }
        return splitRatingCell(characters: cell)
    }

    /// `splitRatingCell` on characters: the definition, for any text.
    func splitRatingCell(characters cell: String) -> (label: String, rest: String) {
        let chars = Array(cell)
        let i = Self.captionEnd(chars, word: Array(words.ratingCaptionWord)) { Label.key(String($0)) == String($1) }
        return (String(chars[..<i]), String(String(chars[i...]).trimmedSpaces()))
    }

    /// `splitRatingCell` for a cell and a caption word whose characters are single simple scalars
    /// (`hasOnlySimpleCharacters`): two such characters are equal exactly when their scalars are
    /// (each is NFC on its own), and a character's label key is its scalar folded (full-width
    /// ASCII), or nothing (TAB, line breaks). The same steps on scalars.
    func splitRatingCell(simple cell: String) -> (label: String, rest: String) {
        let scalars = Array(cell.unicodeScalars)
        let i = Self.captionEnd(scalars, word: Array(words.ratingCaptionWord.unicodeScalars)) { Self.keyScalar($0.value) == $1.value }
        // The texts before and after scalar `i`, sliced from the cell (not rebuilt scalar by scalar).
        let view = cell.unicodeScalars
        let cut = view.index(view.startIndex, offsetBy: i)
        return (String(view[..<cut]), String(String(view[cut...]).trimmedSpaces()))
    }

    /// Where the caption ends in a cell's characters (or scalars): after the caption word (spaces
    /// passed over, `keyMatches` comparing a cell's unit with the word's), and after the
    /// parenthesis that follows it, if any.
    private static func captionEnd<Unit: Equatable & ExpressibleByUnicodeScalarLiteral>(
        _ chars: [Unit], word: [Unit], keyMatches: (Unit, Unit) -> Bool) -> Int {
        var matched = 0
        var i = 0
        while i < chars.count, matched < word.count {
            let c = chars[i]
            if c == " " || c == "\u{3000}" { i += 1; continue }
            guard keyMatches(c, word[matched]) else { break }
            matched += 1
            i += 1
        }
        var j = i
        while j < chars.count, chars[j] == " " || chars[j] == "\u{3000}" { j += 1 }
        if j < chars.count, chars[j] == "(" || chars[j] == "\u{FF08}" {
            if let close = chars[j...].firstIndex(where: { $0 == ")" || $0 == "\u{FF09}" }) {
                i = close + 1
            }
        }
        return i
    }

    /// The label key of a one-scalar character, as a scalar: full-width ASCII folded, nil for what
    /// `labelKey` drops.
    private static func keyScalar(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x09, 0x0A, 0x0D, 0x20, 0x3000: nil
        case 0xFF01...0xFF5E: v - 0xFEE0
        default: v
        }
    }

    /// When the 評価※ column holds only its label, the rating opens the 評価理由 cell: alone (then
    /// the reason is on the next line, in `<p>…</p>` — sheet 512) or followed by a space and the
    /// reason. A short word alone there, with a line after it, is the rating as typed.
    static func ratingInReasonCell(_ f2: String, hasNextLine: Bool) -> (rating: String, reason: String, nextLine: Bool) {
        if let r = Rating.all.first(where: { f2 == $0.rawValue }) { return (r.rawValue, "", true) }
        if let r = ratingsBeforeReason.first(where: { $0.1.opens(f2) })?.0 {
            return (r.rawValue, String(f2.dropFirst(r.rawValue.count).trimmedSpaces()), false)
        }
        if f2.isEmpty { return ("", "", true) }
        if hasNextLine, f2.count <= 4, !f2.contains(" ") { return (f2, "", true) }
        return ("", f2, false)
    }

    /// Removes only a leading `<p>` and a trailing `</p>`; other angle brackets are content.
    static func stripParagraphTags(_ s: String) -> String {
        var t = Substring(s)
        if t.hasPrefix("<p>") { t = t.dropFirst(3) }
        if t.hasSuffix("</p>") { t = t.dropLast(4) }
        return String(t.trimmedSpaces())
    }

    /// A line of the legend: one of the template's legend lines, or a rating word opening a 「…」
    /// sentence (a legend line worded otherwise; `checkLegend` notes it).
    private func isLegend(_ line: TextLine) -> Bool {
        let first = line.cell(0)
        return words.legend.contains(first) || Self.legendStarts.contains { $0.opens(first) }
    }

    /// What a legend line opens with: a rating and `「` (`維持「10年後の姿」…`).
    private static let legendStarts = Rating.all.map { TextPrefix($0.rawValue + "「") }

    /// What a rating opening the reason cell is followed by: `維持 …`.
    private static let ratingsBeforeReason = Rating.all.map { ($0, TextPrefix($0.rawValue + " ")) }

    /// The 評価基準 cell is template text: not kept, so a wording the form does not have is a warning.
    private func checkCriterion(_ row: TextLine) {
        let text = row.cell(0)
        guard !text.isEmpty, !words.criteria.contains(Label.key(text)) else { return }
        let label = words.labels.criterionHeader
        context.note("text.criterion-wording", row.number,
            ja: "\(label)の文言が様式と異なります(\(label)は保存されません): \"\(Shown.text(text))\"",
            en: "the \(label) wording differs from the form (it is not kept): \"\(Shown.text(text))\"")
    }

    /// The legend is template text: accepted, and a note when its wording differs from the form's.
    private func checkLegend() {
        for line in lines.dropFirst() where isLegend(line) || TextPrefix.noteMark.opens(line.cell(0)) {
            context.take(line, 0)
            let text = line.cell(0)
            if !words.legend.contains(text) {
                context.note("text.legend-wording", line.number,
                             ja: "凡例の文言が様式と異なります(凡例は保存されません): \"\(Shown.text(text))\"",
                             en: "legend wording differs from the form (the legend is not kept): \"\(Shown.text(text))\"")
            }
        }
    }

    /// A year in the heading's year place (`5. 評価(令和元年度実績に対する)`) that is not the sheet's.
    private func checkHeadingYear(_ heading: TextLine) {
        guard let fiscalYear, let year = words.section(5).fiscalYear(in: heading.cell(0)) else { return }
        if year != fiscalYear {
            context.note("text.heading-year", heading.number,
                         ja: "\(words.section(5).name)の見出しの年度(\(FiscalYearText.japanese(year)))が\(words.labels.fiscalYear)と異なります",
                         en: "the §5 heading names \(FiscalYearText.japanese(year)), not the sheet's fiscal year")
        }
    }
}
