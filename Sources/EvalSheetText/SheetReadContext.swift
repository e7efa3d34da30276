import EvalSheetModel

/// The state of reading one sheet: which cells were placed, where each value came from, and
/// what was noticed. At the end every non-empty cell that no section placed is reported.
final class SheetReadContext {
    let file: String
    var sourceMap: SourceMap
    var notes: [ReaderNote] = []
    private var consumed: [Int: Set<Int>] = [:]

    init(file: String) {
        self.file = file
        self.sourceMap = SourceMap(file: file)
    }

    /// Marks cells as placed.
    func take(_ line: TextLine, _ indices: Int...) { take(line, indices) }

    func take(_ line: TextLine, _ indices: [Int]) {
        consumed[line.number, default: []].formUnion(indices)
    }

    /// Marks every cell of the line as placed.
    func takeAll(_ line: TextLine) { take(line, Array(line.cells.indices)) }

    /// Records that `path` was read from `line`.
    func locate(_ path: FieldPath, _ line: TextLine) {
        sourceMap[path] = .line(line.number)
    }

    func error(_ line: Int, ja: String, en: String) -> TextFormError {
        TextFormError(file: file, line: line, message: .init(ja: ja, en: en))
    }

    func note(_ id: String, _ line: Int, ja: String, en: String) {
        notes.append(ReaderNote(id: id, message: .init(ja: ja, en: en), file: file, location: "\(file):\(line)"))
    }

    /// Reports each non-empty cell of `lines` that no section placed.
    func reportUnplaced(_ lines: ArraySlice<TextLine>) {
        for line in lines {
            let taken = consumed[line.number] ?? []
            for i in line.filledIndices where !taken.contains(i) {
                let text = line.cell(i)
                note("text.unplaced-cell", line.number,
                     ja: "読み取れない内容を無視しました(\(i + 1)列目): \"\(text)\"",
                     en: "could not place cell \(i + 1): \"\(text)\"")
            }
        }
    }
}

extension TextLine {
    /// The index of the first cell whose label key equals one of `labels`, at or after `start`.
    func index(ofLabel labels: Set<String>, from start: Int = 0) -> Int? {
        guard start < cells.count else { return nil }
        return (start..<cells.count).first { labels.contains(Label.key(cells[$0])) }
    }

    func index(ofLabel label: String, from start: Int = 0) -> Int? {
        index(ofLabel: [label], from: start)
    }

    /// The non-empty cells strictly between two indices (end exclusive; nil = to the end).
    func filled(after start: Int, before end: Int? = nil) -> [Int] {
        let stop = min(end ?? cells.count, cells.count)
        guard start + 1 < stop else { return [] }
        return (start + 1..<stop).filter { !cells[$0].trimmedSpaces().isEmpty }
    }
}
