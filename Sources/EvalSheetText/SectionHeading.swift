import EvalSheetModel

/// Section headings: a line whose first cell is `N. <title>` (spaces and full-width dots tolerated).
enum SectionHeading {
    static let titles = [
        1: "基本情報", 2: "施策の方向", 3: "構成事業の状況", 4: "まちづくり指標",
        5: "評価", 6: "施策を取り巻く環境", 7: "施策を進める上での課題",
    ]

    /// The section number a line opens, or nil.
    static func number(of line: TextLine) -> Int? {
        guard let first = line.cells.first else { return nil }
        let key = Label.key(first)
        guard key.count >= 3, let digit = key.first?.wholeNumberValue, let title = titles[digit] else { return nil }
        let rest = key.dropFirst()
        guard rest.first == ".", rest.dropFirst().hasPrefix(title) else { return nil }
        return digit
    }

    /// Whether the heading cell reads exactly as the form prints it: `3. 構成事業の状況`, and for §5
    /// `5. 評価` optionally followed by `(<年度>実績に対する)`. Anything more is text the model does
    /// not keep, so the reader warns about it.
    static func isCanonical(_ cell: some StringProtocol, _ n: Int) -> Bool {
        let key = Label.key(cell)
        let base = "\(n)." + (titles[n] ?? "")
        if key == base { return true }
        guard n == 5, key.hasPrefix(base + "("), key.hasSuffix("実績に対する)") else { return false }
        let year = key.dropFirst(base.count + 1).dropLast("実績に対する)".count)
        return FiscalYearText.parse(year) != nil
    }

    static func display(_ n: Int) -> String { "\(n). \(titles[n] ?? "")" }
}
