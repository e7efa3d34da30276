import EvalSheetModel

/// Where a table's named columns are, found by their labels in its header row; only made when
/// every column was found.
struct HeaderColumns<Column: Hashable & CaseIterable> {
    /// Each column with its cell index, in `allCases` order (a few columns: a scan is cheapest).
    private let columns: [(column: Column, index: Int)]
    /// Every named column's cell index, in the columns' order.
    let all: [Int]

    init?(_ found: [Column: Int]) {
        var columns: [(column: Column, index: Int)] = []
        for column in Column.allCases {
            guard let i = found[column] else { return nil }
            columns.append((column, i))
        }
        self.columns = columns
        all = columns.map(\.index)
    }

    subscript(_ column: Column) -> Int { columns.first { $0.column == column }!.index }
}

extension TextLine {
    /// The label keys of the filled cells (to recognise a header row given again).
    var filledKeys: [String] { filledIndices.map { Label.key(texts[$0]) } }

    /// Whether `filledKeys == keys`, without making every key: data rows answer at their first cell.
    func hasFilledKeys(_ keys: [String]) -> Bool {
        guard filledCount == keys.count else { return false }
        return zip(filledIndices, keys).allSatisfy { Label.matches(texts[$0], $1) }
    }
}

/// The header rows of §3–§6, read and reported alike: the messages name the section as the
/// template does (`構成事業の状況に見出し行…`, `構成事業の見出しに「担当課」が2回…`).
extension SheetReadContext {
    /// Matches each filled cell of `line` with a column label (each once; a second one is a
    /// problem); cells that are no column's label go to `other`, in cell order.
    func matchHeader<Column: Hashable & CaseIterable & Sendable>(_ line: TextLine, section n: Int, labels: LabelTable<Column>,
                                                                 other: (Int) -> Void) -> [Column: Int] {
        var found: [Column: Int] = [:]
        for i in line.filledIndices {
            let key = Label.key(line.texts[i])
            take(line, i)
            guard let column = labels.first(withKey: key) else {
                other(i)
                continue
            }
            if let first = found[column] {
                duplicateHeaderLabel(labels[column], line, section: n, first: first, then: i)
            } else {
                found[column] = i
            }
        }
        return found
    }

    /// Every column of `Column` found, or nil after a problem for each one missing.
    func requireColumns<Column: Hashable & CaseIterable>(_ found: [Column: Int], _ line: TextLine, section n: Int,
                                                         label: (Column) -> String) -> HeaderColumns<Column>? {
        for column in Column.allCases where found[column] == nil {
            problem("text.missing-header", line.number,
                ja: "\(words.section(n).shortName)の見出しに「\(label(column))」がありません",
                en: "§\(n) header has no \"\(label(column))\" column")
        }
        return HeaderColumns(found)
    }

    /// `「構成事業の見出しに「担当課」が2回あります(5列目 と 9列目)`.
    func duplicateHeaderLabel(_ label: String, _ line: TextLine, section n: Int, first: Int, then i: Int) {
        problem("text.duplicate-label", line.number,
            ja: "\(words.section(n).shortName)の見出しに「\(label)」が2回あります(\(CellName.ja(first)) と \(CellName.ja(i)))",
            en: "the §\(n) header has \"\(label)\" twice (\(CellName.en(first)) and \(CellName.en(i)))")
    }

    /// A header cell that is no column of the table; `columns` lists them for the message.
    func unknownColumn(_ line: TextLine, _ i: Int, section n: Int, columns: (ja: String, en: String)) {
        problem("text.unknown-column", line.number,
            ja: "\(words.section(n).shortName)の見出し「\(Shown.text(line.cell(i)))」(\(CellName.ja(i)))は読めません: 列の名前は \(columns.ja)です",
            en: "the §\(n) header \"\(Shown.text(line.cell(i)))\" (\(CellName.en(i))) is not understood: the columns are \(columns.en)")
    }

    /// The section has no header row; `example` shows how it starts (`No. 事務事業名 …`).
    func missingHeaderRow(section n: Int, at line: Int, example: String) {
        problem("text.missing-header", line,
            ja: "\(words.section(n).name)に見出し行(\(example))がありません",
            en: "§\(n) has no header row (\(example))")
    }

    /// The header row given a second time.
    func duplicateHeaderRow(section n: Int, at line: Int, first: Int) {
        problem("text.duplicate-label", line,
            ja: "\(words.section(n).shortName)の見出し行が2回あります(最初は \(first) 行目)",
            en: "the §\(n) header row appears twice (first on line \(first))")
    }
}
