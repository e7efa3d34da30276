import EvalSheetModel

/// Section headings: a line whose first cell starts with a section title's fixed part
/// (`3. 構成事業の状況`, `5. 評価`; spaces and full-width dots tolerated). The titles are the
/// template's (`sheets.*.title`).
enum SectionHeading {
    /// The section number a line opens, or nil.
    static func number(of line: TextLine, _ words: TextVocabulary) -> Int? {
        guard let first = line.cells.first else { return nil }
        let key = Label.key(first)
        return words.sections.filter { !$0.stemKey.isEmpty && key.hasPrefix($0.stemKey) }
            .max { $0.stemKey.count < $1.stemKey.count }?.number
    }

    /// Whether the heading cell reads exactly as the form prints it: `3. 構成事業の状況`, and for §5
    /// `5. 評価` optionally followed by `(<年度>実績に対する)`. Anything more is text the model does
    /// not keep, so the reader warns about it.
    static func isCanonical(_ cell: some StringProtocol, _ n: Int, _ words: TextVocabulary) -> Bool {
        words.section(n).isCanonical(cell)
    }

    /// `5. 評価`: the heading as messages name it.
    static func display(_ n: Int, _ words: TextVocabulary) -> String { words.section(n).stem }
}
