import EvalSheetModel
import EvalSheetForm

/// Writes sheets in the city's canonical text form (the majority layout of the real data):
/// TAB-separated cells, each block of consecutive lines padded to one width, an empty line after
/// each section. Reading the output back (with the same template) gives the identical model.
///
/// Every heading, label and legend line is the template's (`template`, default `.standard`).
///
/// The form has no way to carry a TAB, a line feed or a carriage return inside a cell (the reader
/// splits at them): such characters are printed as a space (`unrepresentableFields` lists where
/// that happens, so callers can warn).
public enum TextFormWriter {
    /// All sheets, one after the other, as one file's text (ends with a newline).
    public static func write(_ sheets: [EvaluationSheet], template: FormTemplate = .standard) -> String {
        var out = TextBlockBuilder()
        out.blank()
        out.blank()
        let words = TextVocabulary.of(template)
        for sheet in sheets { SheetTextWriter(sheet: sheet, words: words).write(into: &out) }
        return out.text
    }

    /// One sheet as text.
    public static func write(_ sheet: EvaluationSheet, template: FormTemplate = .standard) -> String {
        write([sheet], template: template)
    }

    /// Fields whose text the text form cannot carry as it is: a TAB, line feed or carriage return
    /// inside (cells are TAB-separated, one line per row; the footnote alone may span lines), or
    /// spaces at either end (the reader trims every cell). Writing such a sheet would change them.
    public static func unrepresentableFields(_ sheet: EvaluationSheet) -> [FieldPath] {
        var out: [FieldPath] = []
        sheet.forEachText { path, text in
            if path == .lastYearRating || path == .lastYearReason { return }  // reference, not written
            let inner = path == .indicatorFootnote ? text.replacingOccurrences(of: "\n", with: "") : text
            if TextBlockBuilder.needsCleaning(inner) || text.trimmedSpaces().count != text.count { out.append(path) }
        }
        return out
    }

    /// An amount as printed: `2,450` (what `PrintedNumber.format` gives for a whole number, without
    /// going through `Decimal` for one that is not negative).
    static func amountText(_ v: Int?) -> String {
        guard let v else { return "" }
        guard v >= 0 else { return PrintedNumber.format(.init(v), fractionDigits: 0, grouped: true) }
        let digits = Array(String(v).utf8)
        guard digits.count > 3 else { return String(v) }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + digits.count / 3)
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(d)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Writes one sheet, section by section, in the template's wording.
struct SheetTextWriter {
    let sheet: EvaluationSheet
    let words: TextVocabulary

    private var l: FormTemplate.Labels { words.labels }

    /// Each section's heading (the template's title for the sheet's year) and body, §1 to §7.
    func write(into out: inout TextBlockBuilder) {
        let bodies: [(inout TextBlockBuilder) -> Void] = [
            writeBasicInformation, writeDirections, writeProjects, writeIndicators,
            writeEvaluation, writeEnvironment, writeChallenges,
        ]
        for (k, body) in bodies.enumerated() {
            out.heading(words.section(k + 1).heading(fiscalYear: sheet.fiscalYear))
            body(&out)
        }
    }

    private func writeBasicInformation(into out: inout TextBlockBuilder) {
        let s = sheet, o = sheet.organization
        let year = words.template.textForm.fiscalYearCell.replacingOccurrences(of: "{label}", with: l.fiscalYear)
            .replacingOccurrences(of: "{fiscalYear}", with: FiscalYearText.japanese(s.fiscalYear))
        out.block([[year]])
        out.block([
            [l.policyCode, s.policy.code, "", l.policyName, s.policy.name],
            [l.vision, s.vision.code, s.vision.name],
            [l.goal, s.goal.code, s.goal.name],
            [l.department, o.department, "", l.section, o.section, "", l.subsection, o.subsection],
            [l.person, o.person, "", l.title, o.title, "", l.phoneExtension, o.phoneExtension],
            [l.relatedSections] + o.relatedSections,
        ])
    }

    private func writeDirections(into out: inout TextBlockBuilder) {
        out.block([[l.futureVision, sheet.futureVision]] + sheet.directions.enumerated().map { i, d in
            [i == 0 ? l.directions : "", String(d.number), d.text]
        })
    }

    private func writeProjects(into out: inout TextBlockBuilder) {
        let p = sheet.projects
        let fixed = ProjectColumn.allCases
        out.block([[l.unit]])
        out.block([fixed.map { l[keyPath: $0.label] } + p.columns.map(\.label)]
            + p.rows.map { r in fixed.map { $0.text(r) } + r.amounts.map(TextFormWriter.amountText) }
            + [[l.total] + Array(repeating: "", count: fixed.count - 1) + p.totals.map(TextFormWriter.amountText)])
    }

    private func writeIndicators(into out: inout TextBlockBuilder) {
        let ind = sheet.indicators
        let header: [String] = [l.indicatorHeader, "", "", ""] + ind.years.map(FiscalYearText.japanese) + [""]
        out.block([header] + ind.items.flatMap { item in IndicatorRow.allCases.map { row in indicatorRow(row, item) } })
        if let note = ind.footnote {
            out.block(note.split(separator: "\n", omittingEmptySubsequences: false).map { [String($0)] })
        }
    }

    /// One of an indicator's three rows: number (on the first), label, two cells, value label, values.
    private func indicatorRow(_ row: IndicatorRow, _ item: Indicator) -> [String] {
        let head: [String] = [row == .name ? CircledNumber.text(item.number) : "", l[keyPath: row.label]]
        let values: [String] = item[keyPath: row.values].map(\.text)
        return head + middleCells(row, item) + [l[keyPath: row.valuesLabel]] + values
    }

    /// The two cells between an indicator row's label and its value label.
    private func middleCells(_ row: IndicatorRow, _ item: Indicator) -> [String] {
        switch row {
        case .name: [item.name, ""]
        case .description: [item.description ?? "", l.indicatorUnit + " " + item.unit]
        case .method: [item.method ?? "", ""]
        }
    }

    private func writeEvaluation(into out: inout TextBlockBuilder) {
        let e = sheet.evaluation
        let header = [l.criterionHeader, l.ratingHeader, l.reasonHeader]
        if e.rating.rawValue.isEmpty {
            // No rating: the reason goes on the next line in <p>…</p> (sheet 512's layout), so that
            // it is never read as a rating.
            out.block([header, [l.criterion, l.ratingCaption, ""], ["<p>" + e.reason + "</p>"]])
        } else {
            out.block([header, [l.criterion, l.ratingCaption + " " + e.rating.rawValue, e.reason]])
        }
        out.block(words.template.legend.map { [$0] })
    }

    private func writeEnvironment(into out: inout TextBlockBuilder) {
        out.block([FactorColumn.allCases.map { l[keyPath: $0.label] }]
            + sheet.environment.map { f in FactorColumn.allCases.map { $0.text(f) } })
    }

    private func writeChallenges(into out: inout TextBlockBuilder) {
        out.block(sheet.challenges.flatMap { c in
            ChallengePart.allCases.map { part in
                [part == .challenge ? CircledNumber.text(c.number) : "", part.printed(l, fromYear: sheet.futureActionsFromYear)]
                    + part.texts(c)
            }
        })
    }
}

/// Accumulates lines; each block's rows are padded with empty cells to the block's widest row,
/// as in the city's files, and followed by an empty line.
struct TextBlockBuilder {
    private(set) var text = ""

    mutating func blank() { text += "\n" }

    mutating func heading(_ title: String) { block([[title]]) }

    mutating func block(_ rows: [[String]]) {
        guard !rows.isEmpty else { return }
        let width = rows.map(\.count).max() ?? 1
        for row in rows {
            let cells = row.map(Self.clean) + Array(repeating: "", count: width - row.count)
            text += cells.joined(separator: "\t") + "\n"
        }
        blank()
    }

    /// TAB, LF and CR cannot live in a cell of the text form (the reader splits at them): print
    /// them as spaces. Other characters, line separators included, are kept.
    static func clean(_ s: String) -> String {
        guard needsCleaning(s) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(isSplitter(u) ? " " : u) }
        return String(out)
    }

    static func needsCleaning(_ s: String) -> Bool { s.unicodeScalars.contains(where: isSplitter) }

    private static func isSplitter(_ u: Unicode.Scalar) -> Bool { u == "\t" || u == "\n" || u == "\r" }
}
