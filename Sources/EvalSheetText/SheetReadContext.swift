import EvalSheetModel

/// The state of reading one sheet: which cells were placed, where each value came from, what was
/// noticed (warnings) and what could not be read (problems). Section readers record a problem and
/// go on, so that every problem of a sheet is reported at once. At the end every non-empty cell
/// that no section placed is reported as a warning.
final class SheetReadContext {
    let file: String
    /// The form's wording, from the template the file is read with.
    let words: TextVocabulary
    /// The lines of the sheet (for `TextFormError.sheetLines`).
    let sheetLines: ClosedRange<Int>
    var sourceMap: SourceMap
    var notes: [ReaderNote] = []
    /// What makes the sheet unreadable, in the order found.
    private(set) var problems: [TextFormError] = []
    /// Paths whose value could not be read (a placeholder stands in): invariant checks skip them,
    /// since the problem is already reported.
    private(set) var failedPaths: Set<FieldPath> = []
    private var consumed: CellMarks

    init(file: String, sheetLines: ClosedRange<Int>, words: TextVocabulary) {
        self.file = file
        self.words = words
        self.sheetLines = sheetLines
        self.sourceMap = SourceMap(file: file)
        // About three locations for every two lines: the map is then made once, not grown.
        self.sourceMap.locations.reserveCapacity(sheetLines.count + sheetLines.count / 2)
        self.consumed = CellMarks(lines: sheetLines)
    }

    /// Marks cells as placed.
    func take(_ line: TextLine, _ indices: Int...) { take(line, indices) }

    /// Marks one cell as placed (without the array a variadic call makes).
    func take(_ line: TextLine, _ index: Int) { consumed.mark(line: line.number, cell: index) }

    func take(_ line: TextLine, _ indices: [Int]) {
        for i in indices { consumed.mark(line: line.number, cell: i) }
    }

    /// Records that `path` was read from `line`.
    func locate(_ path: FieldPath, _ line: TextLine) {
        sourceMap[path] = .line(line.number)
    }

    /// Records a problem that makes the sheet unreadable; reading goes on.
    func problem(_ id: String, _ line: Int, ja: String, en: String) {
        problems.append(TextFormError(file: file, line: line, message: .init(ja: ja, en: en), id: id,
                                      sheetLines: sheetLines))
    }

    /// Records a problem with a message built elsewhere (e.g. an invariant violation).
    func problem(_ id: String, _ line: Int, _ message: LocalizedMessage) {
        problems.append(TextFormError(file: file, line: line, message: message, id: id, sheetLines: sheetLines))
    }

    /// Marks a path whose value could not be read.
    func fail(_ path: FieldPath) { failedPaths.insert(path) }

    /// A warning: the value was read (or is not data), but the user should look.
    func note(_ id: String, _ line: Int, ja: String, en: String) {
        notes.append(ReaderNote(id: id, message: .init(ja: ja, en: en), file: file, place: .line(line)))
    }

    /// Reports each non-empty cell of `lines` that no section placed.
    func reportUnplaced(_ lines: ArraySlice<TextLine>) {
        for line in lines {
            line.forEachFilled { i in
                guard !consumed.isMarked(line: line.number, cell: i) else { return }
                let text = Shown.text(line.cell(i))
                note("text.unplaced-cell", line.number,
                     ja: "読み取れない内容を無視しました(\(i + 1)列目): \"\(text)\"",
                     en: "could not place cell \(i + 1): \"\(text)\"")
            }
        }
    }
}

/// Which cells of a sheet's lines were placed: a bit per cell for the first 64 cells of each line
/// of the sheet, a set for any other.
struct CellMarks {
    private let first: Int
    private var bits: [UInt64]
    private var others: Set<Place> = []

    private struct Place: Hashable { let line: Int, cell: Int }

    init(lines: ClosedRange<Int>) {
        first = lines.lowerBound
        bits = Array(repeating: 0, count: lines.count)
    }

    mutating func mark(line: Int, cell: Int) {
        let k = line &- first
        if k >= 0, k < bits.count, cell >= 0, cell < 64 {
            bits[k] |= 1 << UInt64(cell)
        } else {
            others.insert(Place(line: line, cell: cell))
        }
    }

    func isMarked(line: Int, cell: Int) -> Bool {
        let k = line &- first
        if k >= 0, k < bits.count, cell >= 0, cell < 64 { return bits[k] & (1 << UInt64(cell)) != 0 }
        return others.contains(Place(line: line, cell: cell))
    }
}

/// How cells and labels are quoted in messages: control characters made visible, very long texts
/// shortened (the place is given, so the user finds the whole text).
enum Shown {
    static let limit = 60

    static func text(_ s: some StringProtocol) -> String {
        let v = PolicyCodeSyntax.visible(String(s))
        guard v.count > limit else { return v }
        return String(v.prefix(limit)) + "…"
    }
}

extension TextLine {
    /// The index of the first cell whose label key equals `label` (itself a key), at or after `start`.
    func index(ofLabel label: String, from start: Int = 0) -> Int? {
        guard start < texts.count else { return nil }
        return (start..<texts.count).first { Label.matches(texts[$0], label) }
    }

    /// The non-empty cells strictly between two indices (end exclusive; nil = to the end).
    func filled(after start: Int, before end: Int? = nil) -> [Int] {
        let stop = min(end ?? texts.count, texts.count)
        guard start + 1 < stop else { return [] }
        return (start + 1..<stop).filter { !texts[$0].isEmpty }
    }
}
