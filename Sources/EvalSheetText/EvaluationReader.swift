import EvalSheetModel

/// §5 評価: the rating (順調/維持/停滞) and its reason, wherever the layout puts them, and the
/// legend (template text, checked but not kept).
///
/// The rating is found by position, never by searching for the words: they also occur in the
/// legend, in policy names and inside reasons. Whatever stands in the rating's place is kept as
/// typed (a rating `良好` is validation's to report), so the rest of the sheet is still checked.
struct EvaluationReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>
    let fiscalYear: Int?

    static let headerLabels: Set<String> = ["評価基準", "評価※", "評価理由"]
    /// The label before the rating in the 評価※ column (the parenthesis is printed with or without
    /// spaces).
    static let ratingLabel = "総合評価(成果、投入財源等を総合的に評価)"
    /// The 評価基準 cell as the real sheets and the writer print it (compared without spaces).
    static let criteria: Set<String> = Set([
        "投入財源・成果(「3. 構成事業の状況」「4. まちづくり指標」)に対する評価",
        "投入財源・成果 〔3. 構成事業 の状況〕〔4. まち づくり指標〕に対 する評価",
        "投入財源・成果 (「3. 構成事業の状況」「4. まちづくり指標」に対する評価)",
        "投入財源・成果 〔「3. 構成事業の状況」「4. まちづくり指標」〕に対する評価",
        "投入財源・成果 の状況「4. まち づくり指標」に対 する評価",
    ].map(Label.key))

    func read() -> Evaluation {
        let heading = lines[lines.startIndex]
        checkHeadingYear(heading)
        checkLegend()
        guard let headerAt = lines.firstIndex(where: { Label.key($0.cell(0)) == "評価基準" }) else {
            context.problem("text.missing-header", heading.number,
                ja: "評価に見出し行(評価基準 評価※ 評価理由)がありません",
                en: "§5 has no header row (評価基準 評価※ 評価理由)")
            return placeholder()
        }
        let header = lines[headerAt]
        context.take(header, header.filledIndices.filter { Self.headerLabels.contains(Label.key(header.cells[$0])) })
        var body = lines[(headerAt + 1)...].filter { !$0.isEmpty && !$0.cell(0).hasPrefix("※") && !isLegend($0) }
        body.removeAll { line in
            guard Label.key(line.cell(0)) == "評価基準" else { return false }
            context.problem("text.duplicate-label", line.number,
                ja: "評価の見出し行が2回あります(最初は \(header.number) 行目)",
                en: "the §5 header row appears twice (first on line \(header.number))")
            return true
        }
        guard let row = body.first else {
            context.problem("text.missing-record", header.number, ja: "評価の行がありません", en: "§5 has no rating row")
            return placeholder()
        }
        context.take(row, row.filledIndices.filter { $0 <= 2 })
        context.locate(.rating, row)
        context.locate(.ratingReason, row)
        checkCriterion(row)
        let f1 = row.cell(1), f2 = row.cell(2)
        var rating = ""
        var reason = f2
        var reasonOnNextLine = false
        if Label.key(f1).hasPrefix("総合評価") {
            let (label, rest) = Self.splitRatingCell(f1)
            if Label.key(label) != Label.key(Self.ratingLabel) {
                context.note("text.label-wording", row.number,
                    ja: "評価※の欄の文言が様式と異なります(文言は保存されません。\(CellName.ja(1))): \"\(Shown.text(label))\"",
                    en: "the wording in the 評価※ column differs from the form (it is not kept; \(CellName.en(1))): \"\(Shown.text(label))\"")
            }
            if rest.isEmpty {
                (rating, reason, reasonOnNextLine) = Self.ratingInReasonCell(f2, hasNextLine: body.count > 1)
            } else {
                rating = rest
            }
        } else if !f1.isEmpty {
            rating = f1
        } else {
            (rating, reason, reasonOnNextLine) = Self.ratingInReasonCell(f2, hasNextLine: body.count > 1)
        }
        var rest = body.dropFirst()
        if reasonOnNextLine, let next = rest.first {
            context.take(next, 0)
            context.locate(.ratingReason, next)
            reason = Self.stripParagraphTags(next.cell(0))
            rest = rest.dropFirst()
        }
        for line in rest where Label.key(line.cell(0)).hasPrefix("投入財源") || Label.key(line.cell(1)).hasPrefix("総合評価") {
            context.problem("text.duplicate-label", line.number,
                ja: "評価の行が2つあります(最初は \(row.number) 行目): 総合評価は1つだけ書きます",
                en: "§5 has a second rating row (the first is on line \(row.number)): the rating is given once")
        }
        return Evaluation(rating: Rating(rawValue: rating), reason: reason)
    }

    private func placeholder() -> Evaluation {
        context.fail(.rating)
        context.fail(.ratingReason)
        return Evaluation(rating: Rating(rawValue: ""), reason: "")
    }

    /// `総合評価(成果、投入財源等を総合的に評価) 維持` → the label and `維持`. The label ends at the
    /// parenthesis that follows 総合評価; without one, right after 総合評価.
    static func splitRatingCell(_ cell: String) -> (label: String, rest: String) {
        let chars = Array(cell)
        var matched = 0
        var i = 0
        let word = Array("総合評価")
        while i < chars.count, matched < word.count {
            let c = chars[i]
            if c == " " || c == "\u{3000}" { i += 1; continue }
            guard c == word[matched] else { break }
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
        return (String(chars[..<i]), String(String(chars[i...]).trimmedSpaces()))
    }

    /// When the 評価※ column holds only its label, the rating opens the 評価理由 cell: alone (then
    /// the reason is on the next line, in `<p>…</p>` — sheet 512) or followed by a space and the
    /// reason. A short word alone there, with a line after it, is the rating as typed.
    static func ratingInReasonCell(_ f2: String, hasNextLine: Bool) -> (rating: String, reason: String, nextLine: Bool) {
        if let r = Rating.all.first(where: { f2 == $0.rawValue }) { return (r.rawValue, "", true) }
        if let r = Rating.all.first(where: { f2.hasPrefix($0.rawValue + " ") }) {
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

    private func isLegend(_ line: TextLine) -> Bool {
        let first = line.cell(0)
        return Rating.all.contains { first.hasPrefix($0.rawValue + "「") }
    }

    /// The 評価基準 cell is template text: not kept, so a wording the form does not have is a warning.
    private func checkCriterion(_ row: TextLine) {
        let text = row.cell(0)
        guard !text.isEmpty, !Self.criteria.contains(Label.key(text)) else { return }
        context.note("text.criterion-wording", row.number,
            ja: "評価基準の文言が様式と異なります(評価基準は保存されません): \"\(Shown.text(text))\"",
            en: "the 評価基準 wording differs from the form (it is not kept): \"\(Shown.text(text))\"")
    }

    /// The legend is template text: accepted, and a note when its wording differs from the form's.
    private func checkLegend() {
        for line in lines.dropFirst() where isLegend(line) || line.cell(0).hasPrefix("※") {
            context.take(line, 0)
            let text = line.cell(0)
            if !Rating.legend.contains(text) {
                context.note("text.legend-wording", line.number,
                             ja: "凡例の文言が様式と異なります(凡例は保存されません): \"\(Shown.text(text))\"",
                             en: "legend wording differs from the form (the legend is not kept): \"\(Shown.text(text))\"")
            }
        }
    }

    private func checkHeadingYear(_ heading: TextLine) {
        let key = Label.key(heading.cell(0))
        guard let fiscalYear, let open = key.firstIndex(of: "("), let end = key.range(of: "実績に対する")?.lowerBound, open < end,
              let year = FiscalYearText.parse(key[key.index(after: open)..<end]) else { return }
        if year != fiscalYear {
            context.note("text.heading-year", heading.number,
                         ja: "評価の見出しの年度(\(FiscalYearText.japanese(year)))が評価対象年度と異なります",
                         en: "the §5 heading names \(FiscalYearText.japanese(year)), not the sheet's fiscal year")
        }
    }
}
