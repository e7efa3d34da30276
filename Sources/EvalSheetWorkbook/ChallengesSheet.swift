import Foundation
import EvalSheetModel
import XLSX

/// §7 施策を進める上での課題 (columns A–E): four rows per challenge —
/// ①｜施策を進める上での課題｜text (C:E) / ｜関連する事務事業名｜one name per cell (C, D, E…) /
/// ｜現在の取組状況｜text / ｜令和3年度以降の取組｜text — closed by the end marker.
enum ChallengesSheet {
    static let firstRow = 2
    static let valueColumns = 3

    static func write(_ s: EvaluationSheet, on canvas: SheetCanvas, template t: WorkbookTemplate) throws {
        let styles = canvas.styles, l = t.labels
        typealias P = ChallengePart
        var row = firstRow
        let labels = P.allCases.map { $0.printed(l, fromYear: s.futureActionsFromYear) }  // the same for every challenge
        for (i, c) in s.challenges.enumerated() {
            try canvas.text(CircledNumber.text(c.number), at: .at(row, P.numberColumn), style: styles.inputCenter, field: .challenge(i, .number))
            for (part, label) in zip(P.allCases, labels) {
                let r = row + part.offset
                if part.offset > 0 { try canvas.blank(at: .at(r, P.numberColumn), style: styles.label) }
                try canvas.text(label, at: .at(r, P.labelColumn), style: styles.label,
                                field: part == .future ? .futureActionsFromYear : nil)
                if let text = part.text, let field = part.field {
                    try canvas.text(c[keyPath: text], at: .at(r, P.valueColumn), span: valueColumns, style: styles.inputText,
                                    field: .challenge(i, field))
                } else {
                    for k in 0..<max(valueColumns, c.relatedProjects.count) {
                        try canvas.text(k < c.relatedProjects.count ? c.relatedProjects[k] : "", at: .at(r, P.valueColumn + k),
                                        style: styles.inputText, field: k < c.relatedProjects.count ? .challenge(i, .relatedProject(k)) : nil)
                    }
                }
            }
            row += P.allCases.count
        }
        try canvas.text(t.endMarker, at: .at(row, 0), span: P.valueColumn + valueColumns, style: styles.endMarker)
        canvas.define(TableName.challenges, CellRange(first: .at(firstRow, 0), last: .at(row, P.valueColumn + valueColumns - 1)))
    }
}

extension ChallengesSheet {
    /// Reads groups of rows by the label in column B, down to the end marker; a new challenge starts
    /// at each 施策を進める上での課題 label. Returns the challenges and the year of the 以降の取組 label.
    /// A second row of one kind for the same challenge is an error, never an overwrite.
    static func read(_ sheet: SheetView, _ ctx: ImportContext) -> ([Challenge], Int?) {
        let l = ctx.template.labels
        typealias P = ChallengePart
        var challenges: [Challenge] = []
        var seen: [Set<P>] = []
        var fromYear: Int?
        let partKeys = PartKeys(l)
        ctx.rows(of: sheet, from: firstRow) { row in
            let labelCell = CellReference.at(row, P.labelColumn), valueCell = CellReference.at(row, P.valueColumn)
            let labelKey = sheet.key(labelCell)
            guard !labelKey.isEmpty else { return true }
            // The label as a message shows it, made only for a message (it costs more than the row).
            func shownLabel() -> String { ImportContext.shown(sheet.text(labelCell)) }
            let found = Self.part(labelled: labelKey, partKeys)
            if found?.0 == .challenge {
                ctx.take(sheet, labelCell)
                let numberCell = CellReference.at(row, P.numberColumn)
                let i = challenges.count
                ctx.locate(.challenge(i, .number), sheet, numberCell)
                let number = ctx.ordinal(sheet, numberCell, fallback: i + 1, what: "課題")
                ctx.locate(.challenge(i, .challenge), sheet, valueCell)
                challenges.append(Challenge(number: number, challenge: ctx.text(sheet, valueCell, label: l.challenge),
                                            relatedProjects: [], current: "", future: ""))
                seen.append([.challenge])
                return true
            }
            guard let k = challenges.indices.last else {
                ctx.fail("xlsx.challenge-order", sheet, labelCell,
                         ja: "「\(l.challenge)」より前に「\(shownLabel())」があります",
                         en: "\"\(shownLabel())\" appears before the first \(l.challenge)")
                return true
            }
            guard let (part, year) = found else {
                ctx.take(sheet, labelCell)
                ctx.warn("xlsx.unknown-label", sheet, labelCell, ja: "見出し「\(shownLabel())」の行は読み飛ばしました",
                         en: "skipped the row labelled \"\(shownLabel())\"")
                return true
            }
            ctx.take(sheet, labelCell)
            guard seen[k].insert(part).inserted else {
                let number = CircledNumber.text(challenges[k].number)
                ctx.fail("xlsx.duplicate-row", sheet, labelCell,
                         ja: "課題\(number)の「\(shownLabel())」の行が2つあります(値が置き換わらないよう読み込みを中止しました)",
                         en: "challenge \(number) has a second \"\(shownLabel())\" row (refused rather than replacing a value)")
                return true
            }
            readPart(part, of: &challenges[k], index: k, row: row, sheet, ctx)
            if let year { fromYear = checkedYear(year, first: fromYear, sheet, labelCell, ctx) }
            return true
        }
        return (challenges, fromYear)
    }

    /// The value of one labelled part of challenge `k`: one cell, or the related projects one per cell.
    private static func readPart(_ part: ChallengePart, of challenge: inout Challenge, index k: Int, row: Int,
                                 _ sheet: SheetView, _ ctx: ImportContext) {
        let l = ctx.template.labels
        let labelCell = CellReference.at(row, ChallengePart.labelColumn), valueCell = CellReference.at(row, ChallengePart.valueColumn)
        if let text = part.text, let field = part.field {
            ctx.locate(.challenge(k, field), sheet, valueCell)
            challenge[keyPath: text] = ctx.text(sheet, valueCell, label: part == .future ? sheet.text(labelCell) : ctx.label(part.label))
        } else {
            for cell in sheet.filled(row: row, fromColumn: ChallengePart.valueColumn) {
                ctx.locate(.challenge(k, .relatedProject(challenge.relatedProjects.count)), sheet, cell)
                challenge.relatedProjects.append(ctx.text(sheet, cell, label: l.relatedProjects))
            }
        }
    }

    /// The year of the 「…年度以降の取組」 parts: the first one's; another year is a warning at its label.
    private static func checkedYear(_ year: Int, first: Int?, _ sheet: SheetView, _ labelCell: CellReference, _ ctx: ImportContext) -> Int {
        guard let first else { return year }
        if first != year {
            ctx.warn("xlsx.future-year", sheet, labelCell,
                     ja: "見出しの年度(\(FiscalYearText.japanese(year)))が最初の課題の年度(\(FiscalYearText.japanese(first)))と異なります。\(FiscalYearText.japanese(first))以降として読みました",
                     en: "the heading's year (\(FiscalYearText.japanese(year))) differs from the first challenge's (\(FiscalYearText.japanese(first))); read as from \(FiscalYearText.japanese(first))")
        }
        return first
    }

    /// The part a column-B label key names, and for the future part the year it names
    /// (`令和3年度以降の取組` → 2021); nil for a label the form does not have.
    static func part(labelled key: String, _ l: FormTemplate.Labels) -> (ChallengePart, Int?)? {
        part(labelled: key, PartKeys(l))
    }

    /// The label keys of the parts, made once per sheet (not once per row and part).
    struct PartKeys {
        /// Every part but the future one, with its label's key, in case order.
        let fixed: [(part: ChallengePart, key: String)]
        /// The future part's label key without its `{year}`.
        let futureSuffix: String

        init(_ l: FormTemplate.Labels) {
            fixed = ChallengePart.allCases.filter { $0 != .future }.map { ($0, LabelKey.ofLabel(l[keyPath: $0.label])) }
            futureSuffix = ChallengesSheet.futureSuffixKey(l.future)
        }
    }

    static func part(labelled key: String, _ keys: PartKeys) -> (ChallengePart, Int?)? {
        for (part, partKey) in keys.fixed where key == partKey { return (part, nil) }
        let futureSuffix = keys.futureSuffix
        if key.hasSuffix(futureSuffix), let y = TextMemos.fiscalYear(String(key.dropLast(futureSuffix.count))) { return (.future, y) }
        return nil
    }

    /// The label key of the future part's label without its `{year}` (`以降の取組`), made once per label.
    private static func futureSuffixKey(_ future: String) -> String {
        futureSuffixes.value(future) { LabelKey.of(future.replacingOccurrences(of: "{year}", with: "")) }
    }

    private static let futureSuffixes = Memo<String>()
}
