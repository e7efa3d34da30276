import EvalSheetModel

/// §5 評価: the rating (順調/維持/停滞) and its reason, wherever the layout puts them, and the
/// legend (template text, checked but not kept).
///
/// The rating is found by position, never by searching for the words: they also occur in the
/// legend, in policy names and inside reasons.
struct EvaluationReader {
    let context: SheetReadContext
    let lines: ArraySlice<TextLine>
    let fiscalYear: Int

    func read() throws(TextFormError) -> Evaluation {
        let heading = lines[lines.startIndex]
        checkHeadingYear(heading)
        guard let headerAt = lines.firstIndex(where: { Label.key($0.cell(0)) == "評価基準" }) else {
            throw context.error(heading.number, ja: "評価に見出し行(評価基準 評価※ 評価理由)がありません",
                                en: "§5 has no header row (評価基準 評価※ 評価理由)")
        }
        context.takeAll(lines[headerAt])
        let body = lines[(headerAt + 1)...].filter { !$0.isEmpty && !$0.cell(0).hasPrefix("※") && !isLegend($0) }
        guard let row = body.first else {
            throw context.error(lines[headerAt].number, ja: "評価の行がありません", en: "§5 has no rating row")
        }
        let f1 = row.cell(1), f2 = row.cell(2)
        var rating: Rating?
        var reason = f2
        if let r = Rating.all.first(where: { $0.rawValue == Label.key(f1) }) {
            rating = r
        } else if let r = Rating.all.first(where: { f1.hasSuffix(" " + $0.rawValue) || f1.hasSuffix(")" + $0.rawValue) }) {
            rating = r
        } else if let r = Rating.all.first(where: { f2 == $0.rawValue || f2.hasPrefix($0.rawValue + " ") }) {
            rating = r
            reason = String(f2.dropFirst(r.rawValue.count).trimmedSpaces())
        }
        guard let rating else {
            throw context.error(row.number, ja: "総合評価(順調・維持・停滞)が見つかりません",
                                en: "no rating (順調/維持/停滞) found in the rating row")
        }
        context.take(row, 0, 1, 2)
        context.locate(.rating, row)
        context.locate(.ratingReason, row)
        if reason.isEmpty, let next = body.dropFirst().first {
            context.take(next, 0)
            context.locate(.ratingReason, next)
            reason = Self.stripParagraphTags(next.cell(0))
        }
        checkLegend()
        return Evaluation(rating: rating, reason: reason)
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

    /// The legend is template text: accepted, and a note when its wording differs from the form's.
    private func checkLegend() {
        for line in lines where isLegend(line) || line.cell(0).hasPrefix("※") {
            context.take(line, 0)
            let text = line.cell(0)
            if !Rating.legend.contains(text) {
                context.note("text.legend-wording", line.number,
                             ja: "凡例の文言が様式と異なります(凡例は保存されません): \"\(text)\"",
                             en: "legend wording differs from the form (the legend is not kept): \"\(text)\"")
            }
        }
    }

    private func checkHeadingYear(_ heading: TextLine) {
        let key = Label.key(heading.cell(0))
        guard let open = key.firstIndex(of: "("), let end = key.range(of: "実績に対する")?.lowerBound, open < end,
              let year = FiscalYearText.parse(key[key.index(after: open)..<end]) else { return }
        if year != fiscalYear {
            context.note("text.heading-year", heading.number,
                         ja: "評価の見出しの年度(\(FiscalYearText.japanese(year)))が評価対象年度と異なります",
                         en: "the §5 heading names \(FiscalYearText.japanese(year)), not the sheet's fiscal year")
        }
    }
}
