import Foundation
import EvalSheetModel
import EvalSheetForm

/// Reads the city's text form (TAB-separated lines, one or many sheets per file) into models.
///
/// Values are found by their labels, never by column numbers, so every layout variant of the real
/// data reads the same. A value never silently replaces another: a record given twice, a label the
/// form does not have and a column header that is not understood are problems naming the line and
/// cell. A value the form does not allow but that is clearly in its place (a rating `良好`, a
/// project code of the wrong length) is kept as typed, for validation to report. Anything the
/// reader cannot place is a warning with its line. Every problem of a sheet is reported at once,
/// and one unreadable sheet does not stop the others (`readEach`).
///
/// Every label, heading and legend line is the template's (`template`, default `.standard`): a
/// template with a label renamed reads the renamed label, and its messages name it so.
public enum TextFormReader {
    /// Every sheet that could be read, and one error per sheet that could not (carrying all of that
    /// sheet's problems in `additional`). A problem of the whole file (not UTF-8, empty, no
    /// heading of §1) is one failure with no sheets.
    public static func readEach(_ data: Data, file: String, template: FormTemplate = .standard)
        -> (sheets: [LoadedSheet], failures: [TextFormError]) {
        let lines: [TextLine]
        do {
            lines = try TextDecoding.lines(from: data, file: file)
        } catch {
            return ([], [error])
        }
        return readEach(lines: lines, file: file, words: .of(template))
    }

    /// `readEach` for a file on disk; a file that cannot be opened is one failure. The file is read
    /// sheet by sheet (`forEachSheet`), never held whole.
    public static func readEach(contentsOf url: URL, displayName: String? = nil, template: FormTemplate = .standard)
        -> (sheets: [LoadedSheet], failures: [TextFormError]) {
        var sheets: [LoadedSheet] = []
        var failures: [TextFormError] = []
        let whole = forEachSheet(contentsOf: url, displayName: displayName, template: template) { result in
            switch result {
            case .success(let loaded): sheets.append(loaded)
            case .failure(let error): failures.append(error)
            }
        }
        return (sheets, failures + whole)
    }

    /// `readEach` for a file on disk, read whole.
    static func readEach(contentsOf url: URL, displayName: String? = nil, wholeFile: Bool, template: FormTemplate)
        -> (sheets: [LoadedSheet], failures: [TextFormError]) {
        let name = displayName ?? url.path
        do {
            return readEach(try Data(contentsOf: url), file: name, template: template)
        } catch {
            return ([], [openError(name, error)])
        }
    }

    /// Reads every sheet in a file; throws when any sheet cannot be read (see `read(_:file:)`).
    public static func read(contentsOf url: URL, displayName: String? = nil,
                            template: FormTemplate = .standard) throws -> [LoadedSheet] {
        let name = displayName ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw openError(name, error)
        }
        return try read(data, file: name, template: template)
    }

    /// Reads every sheet in the given bytes; `file` names them in messages. When some sheet cannot
    /// be read, throws the first failure with every other problem of the file appended.
    public static func read(_ data: Data, file: String, template: FormTemplate = .standard) throws(TextFormError) -> [LoadedSheet] {
        let (sheets, failures) = readEach(data, file: file, template: template)
        if let error = TextFormError.combined(failures) { throw error }
        return sheets
    }

    private static func openError(_ name: String, _ error: any Error) -> TextFormError {
        TextFormError(file: name, line: 0, message: .init(
            ja: "ファイルを開けません(\(error.localizedDescription))",
            en: "cannot open the file (\(error.localizedDescription))"), id: "text.open")
    }

    static func readEach(lines: [TextLine], file: String, words: TextVocabulary) -> (sheets: [LoadedSheet], failures: [TextFormError]) {
        let headings = lines.map { Int8(SectionHeading.number(of: $0, words) ?? 0) }
        let starts = lines.indices.filter { headings[$0] == 1 }
        guard let first = starts.first else {
            return ([], [notASheet(file: file, at: lines.first(where: { !$0.isEmpty })?.number ?? 1, words)])
        }
        var leading: [ReaderNote] = []
        for line in lines[..<first] where !line.isEmpty {
            leading.append(leadingNote(line, file: file))
        }
        var sheets: [LoadedSheet] = []
        var failures: [TextFormError] = []
        for (k, start) in starts.enumerated() {
            // At most the lines a stream keeps of one sheet (`SheetTextReader.linesHandedOn`): the same report.
            let end = min(k + 1 < starts.count ? starts[k + 1] : lines.count, start + SheetTextReader.linesHandedOn)
            switch SheetTextReader(file: file, lines: lines[start..<end], words: words, headings: headings[start..<end]).read() {
            case .success(var loaded):
                if !leading.isEmpty {
                    loaded.notes.insert(contentsOf: leading, at: 0)
                    leading = []
                }
                sheets.append(loaded)
            case .failure(let error):
                failures.append(error)
            }
        }
        return (sheets, failures)
    }

    /// The file holds no §1 heading: `at` is its first line with something in it.
    static func notASheet(file: String, at: Int, _ words: TextVocabulary) -> TextFormError {
        let heading = SectionHeading.display(1, words)
        return TextFormError(file: file, line: at, message: .init(
            ja: "施策評価シートの形式ではありません(「\(heading)」の見出しがありません)",
            en: "not an evaluation sheet: no \"\(heading)\" heading"), id: "text.not-a-sheet")
    }

    /// A line before the first sheet, passed over with this note.
    static func leadingNote(_ line: TextLine, file: String) -> ReaderNote {
        let text = Shown.text(line.cells.filter { !$0.trimmedSpaces().isEmpty }.joined(separator: " "))
        return ReaderNote(id: "text.unplaced-cell", message: .init(
            ja: "最初のシートより前の内容を無視しました: \"\(text)\"",
            en: "ignored text before the first sheet: \"\(text)\""),
            file: file, place: .line(line.number))
    }
}
