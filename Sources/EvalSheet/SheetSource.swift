import Foundation
import EvalSheetModel
import EvalSheetJSON
import EvalSheetText
import EvalSheetWorkbook
import FileOutput

/// What reading one input file gave: every sheet that could be read (with its reader notes), and one
/// error per sheet (or for the whole file) that could not. Reading never throws: a bad input is data.
public struct InputRead: @unchecked Sendable {
    /// The file as named.
    public var file: String
    /// Every sheet read, with its source map and reader notes.
    public var sheets: [LoadedSheet] = []
    /// One error per sheet (or for the whole file) that could not be read, each with all its problems.
    public var failures: [any SheetReadError] = []
    /// Set when the file is one of the tool's own year outputs (a batch's index.xlsx or
    /// findings.json) found in a folder: it is not a sheet, and is passed over with this note.
    public var skipped: ReaderNote?

    public init(file: String) { self.file = file }
}

/// A problem with an input file as a whole: missing, of a kind we do not read, or unreadable.
public struct InputFileError: SheetReadError, CustomStringConvertible, Sendable {
    public var file: String
    public var id: String
    public var message: LocalizedMessage

    public init(file: String, id: String, message: LocalizedMessage) {
        self.file = file
        self.id = id
        self.message = message
    }

    public var problems: [ReaderNote] { [ReaderNote(id: id, message: message, file: file, location: file)] }
    public var description: String { lines(.ja).joined(separator: "\n") }

    public static func missing(_ file: String) -> InputFileError {
        InputFileError(file: file, id: "input.missing", message: .init(
            ja: "ファイルまたはフォルダが見つかりません", en: "no such file or directory"))
    }

    /// A FIFO, socket or device named as an input: refused by its type, never opened (a reader
    /// would wait on it forever).
    public static func notARegularFile(_ file: String) -> InputFileError {
        InputFileError(file: file, id: "input.not-a-file", message: .init(
            ja: "通常のファイルではないため読みません(名前付きパイプ・デバイスなど)", en: "not a regular file (a named pipe, a device…): not read"))
    }

    public static func unsupported(_ file: String) -> InputFileError {
        InputFileError(file: file, id: "input.unsupported", message: .init(
            ja: "対応していない形式です(.txt / .json / .xlsx)", en: "unsupported file type (.txt / .json / .xlsx)"))
    }

    /// A JSON file larger than `limit` bytes: it would be read whole into memory.
    public static func tooLarge(_ file: String, size: Int64, limit: Int) -> InputFileError {
        let mib = limit >> 20
        return InputFileError(file: file, id: "input.too-large", message: .init(
            ja: "JSON ファイルが大きすぎます(\(size) バイト。上限は \(mib) MiB)。施策ごとのファイルに分けてください",
            en: "the JSON file is too large (\(size) bytes; at most \(mib) MiB): split it into one file per policy"))
    }

    public static func unreadable(_ file: String, _ error: any Error) -> InputFileError {
        let en = (error as NSError).localizedDescription
        let ja: String
        switch (error as? CocoaError)?.code {
        case .fileReadNoPermission?: ja = "アクセスが許可されていません"
        case .fileReadNoSuchFile?, .fileNoSuchFile?: ja = "ファイルがありません"
        case .fileReadTooLarge?: ja = "ファイルが大きすぎます"
        case .fileReadCorruptFile?, .fileReadUnknown?: ja = "読み込みに失敗しました"
        default: ja = en
        }
        return InputFileError(file: file, id: "input.unreadable", message: .init(
            ja: "ファイルを開けません(\(ja))", en: "cannot open the file (\(en))"))
    }
}

/// Reads sheets from any supported input — the city's text form, JSON, a workbook — chosen by the
/// file extension. The one entry point for reading: every command and a library user go through it.
public enum SheetSource {
    /// The formats read.
    public enum Kind: String, Sendable { case text = "txt", json, xlsx }

    /// The largest JSON file read (256 MiB): a JSON file is read whole, and a year of 2,000
    /// policies in one file is about 26 MB.
    public static let maxJSONBytes = 256 << 20

    /// The format of a path by its extension (`.txt`/`.tsv`/`.text`, `.json`, `.xlsx`/`.xlsm`); nil for any other.
    public static func kind(of path: String) -> Kind? {
        kind(extension: PathExtension.of(path) ?? URL(fileURLWithPath: path).pathExtension)
    }

    private static func kind(extension ext: String) -> Kind? {
        switch ext.lowercased() {
        case "txt", "tsv", "text": .text
        case "json": .json
        case "xlsx", "xlsm": .xlsx
        default: nil
        }
    }

    /// What the inputs named: the files to read (each file as given, each directory replaced by its
    /// supported files, sorted; hidden files and our temporaries left out), the inputs that do not
    /// exist (so that every other input is still read), and a note for every entry of a directory
    /// that is passed over (another file type, a subfolder, a named pipe or device, a hidden file
    /// named like a sheet, a hidden folder holding such files) — never without a word.
    public struct Expansion: Sendable {
        public var files: [String] = []
        public var missing: [InputFileError] = []
        public var passedOver: [ReaderNote] = []
    }

    public static func expand(_ inputs: [String]) -> Expansion {
        var out = Expansion()
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                out.missing.append(.missing(input))
                continue
            }
            guard isDirectory.boolValue else { out.files.append(input); continue }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []).sorted()
            for name in names where name.hasPrefix(".") {
                if let hidden = hiddenEntryNote(name, in: input) { out.passedOver.append(hidden) }
            }
            for name in names where !name.hasPrefix(".") {
                let path = (input as NSString).appendingPathComponent(name)
                var sub: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: path, isDirectory: &sub)
                if !sub.boolValue, InputFile.isSpecialFile(path) {
                    out.passedOver.append(note(path, ja: "通常のファイルではないため読みません(名前付きパイプ・デバイスなど)",
                                               en: "not a regular file (a named pipe, a device…): not read"))
                } else if sub.boolValue {
                    out.passedOver.append(note(path, ja: "フォルダの中のフォルダは読みません(中のファイルも対象にするには、そのフォルダを指定してください)",
                                               en: "a folder inside a folder is not read (name it to read its files)"))
                } else if kind(of: name) == nil {
                    out.passedOver.append(note(path, ja: "対応していない形式のため読み飛ばしました(.txt / .json / .xlsx)",
                                               en: "passed over: not a supported file type (.txt / .json / .xlsx)"))
                } else {
                    out.files.append(path)
                }
            }
        }
        return out
    }

    /// The note for a hidden entry `name` (its name starts with a dot) of `folder`: a hidden file
    /// named like a sheet (`looksLikeASheet(hidden:)`), or a hidden folder that holds files named
    /// like sheets (at any depth, hidden subfolders too), saying how many are not read; nil for
    /// anything else — our temporaries, an office program's lock file, a link (not followed), a
    /// hidden folder of another program (`.git`), which holds none.
    public static func hiddenEntryNote(_ name: String, in folder: String) -> ReaderNote? {
        let path = (folder as NSString).appendingPathComponent(name)
        if looksLikeASheet(hidden: name) {
            return note(path, ja: "隠しファイルのため読みません(名前の先頭の「.」を外すと読みます)",
                        en: "a hidden file is not read (remove the leading dot to have it read)")
        }
        guard !name.contains(".tmp-") else { return nil }
        let sheets = sheetFiles(under: path, depth: 0)
        guard sheets > 0 else { return nil }
        return note(path, ja: "隠しフォルダのため、中のシート(\(sheets) 件)を読みません(名前の先頭の「.」を外すと読みます)",
                    en: "a hidden folder is not entered: \(sheets) sheet file(s) in it not read (remove the leading dot to have them read)")
    }

    /// How many files named like sheets lie under a folder (not through links; 16 levels and 10,000
    /// entries at most are looked at — enough to say that a hidden folder holds sheets).
    private static func sheetFiles(under path: String, depth: Int) -> Int {
        guard depth <= 16, (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType == .typeDirectory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return 0 }
        var count = 0
        for name in names.prefix(10_000) {
            if kind(of: name) == nil {
                count += sheetFiles(under: (path as NSString).appendingPathComponent(name), depth: depth + 1)
            } else if !name.hasPrefix(".") {
                count += 1
            }
        }
        return count
    }

    /// A hidden file named like a sheet, that is neither our temporary (`.x.tmp-…`) nor an office
    /// program's lock file (`.~lock.x#`): a sheet someone hid, said rather than passed over.
    public static func looksLikeASheet(hidden name: String) -> Bool {
        kind(of: name) != nil && !name.contains(".tmp-") && !name.hasPrefix(".~lock.")
    }

    private static func note(_ path: String, ja: String, en: String) -> ReaderNote {
        ReaderNote(id: "input.passed-over", message: .init(ja: ja, en: en), file: path, location: path)
    }

    /// The error when the inputs named no file at all (an empty folder, only other file types).
    public static func nothingToRead(_ inputs: [String]) -> InputFileError {
        InputFileError(file: inputs.joined(separator: " "), id: "input.nothing", message: .init(
            ja: "読み込むファイルがありません(\(inputs.joined(separator: "、")))",
            en: "no file to read in \(inputs.joined(separator: ", "))"))
    }

    /// Every sheet in the file, with where its values came from; every problem of the rest. With
    /// `each`, every sheet is handed to it in file order instead of being kept in `sheets`: a text
    /// file is then read sheet by sheet, and only the sheet being read is held.
    public static func read(_ path: String, template: WorkbookTemplate = .standard, jobs: Int = 1) -> InputRead {
        var sheets: [LoadedSheet] = []
        var result = read(path, template: template, jobs: jobs) { sheets.append($0) }
        result.sheets = sheets
        return result
    }

    ///
    /// `jobs` above 1 reads the sheets of a text file on that many threads (one large year file uses
    /// every core); `each` is still called on this thread, in file order, with the same sheets.
    public static func read(_ path: String, template: WorkbookTemplate = .standard, jobs: Int = 1,
                            each: (LoadedSheet) -> Void) -> InputRead {
        var result = readSheets(path, template: template, jobs: jobs, each)
        result.sheets.forEach(each)
        result.sheets = []
        return result
    }

    /// A text file that can be read goes sheet by sheet to `each`; any other case is read as
    /// before, so its messages stay the same.
    private static func readSheets(_ path: String, template: WorkbookTemplate, jobs: Int, _ each: (LoadedSheet) -> Void) -> InputRead {
        var result = InputRead(file: path)
        if InputFile.isSpecialFile(path) {
            result.failures = [InputFileError.notARegularFile(path)]
            return result
        }
        var isDirectory: ObjCBool = false
        if kind(of: path) == .text, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
           !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: path) {
            var failures: [any SheetReadError] = []
            let whole = TextFormReader.forEachSheet(contentsOf: URL(fileURLWithPath: path), displayName: path, jobs: jobs) { sheet in
                switch sheet {
                case .success(let loaded): each(loaded)
                case .failure(let error): failures.append(error)
                }
            }
            result.failures = failures + whole
            return result
        }
        guard let kind = kind(of: path) else {
            result.failures = [InputFileError.unsupported(path)]
            return result
        }
        if kind == .xlsx {
            // Opened once: whether it is a year index is read from the opened workbook.
            do {
                switch try WorkbookImporter(template: template).readSheetOrYearIndex(path: path) {
                case .sheet(let sheet):
                    result.sheets = [sheet]
                case .yearIndex:
                    result.skipped = ReaderNote(id: "input.year-output", message: .init(
                        ja: "batch が書いた年度の一覧(index.xlsx)のため、施策のシートとしては読みません",
                        en: "a year index written by batch (index.xlsx): not read as a policy's sheet"), file: path, location: path)
                }
            } catch {
                result.failures = [error]
            }
            return result
        }
        // A JSON file is read whole (unlike the text form, which streams), by one open, fstat and
        // read: one too large is refused by its size before it is read; when the read fails, the
        // usual way below, so that the error is the one it always was.
        if kind == .json {
            switch InputFile.regularFileBytes(path, atMost: maxJSONBytes) {
            case .bytes(let bytes):
                readJSON(bytes, into: &result)
                return result
            case .tooLarge(let size):
                result.failures = [InputFileError.tooLarge(path, size: size, limit: maxJSONBytes)]
                return result
            case .unavailable:
                break
            }
        }
        let data: Data
        do {
            // Read through a URL that does not ask the disk whether it is a folder; when that fails,
            // again as before, so the error is the one it always was.
            data = try (try? Data(contentsOf: URL(fileURLWithPath: path, isDirectory: false))) ?? Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            result.failures = [InputFileError.unreadable(path, error)]
            return result
        }
        switch kind {
        case .text:
            let (sheets, failures) = TextFormReader.readEach(data, file: path)
            result.sheets = sheets
            result.failures = failures
        case .json:
            readJSON(data, into: &result)
        case .xlsx:
            break
        }
        return result
    }

    /// The sheets of a JSON file's bytes, or the note that it is a findings file.
    private static func readJSON(_ data: some Collection<UInt8>, into result: inout InputRead) {
        if isFindingsFile(data) {
            result.skipped = ReaderNote(id: "input.year-output", message: .init(
                ja: "検証の指摘の一覧(findings.json)のため、施策のシートとしては読みません",
                en: "a list of validation findings (findings.json): not read as policies"), file: result.file, location: result.file)
            return
        }
        let (sheets, failures) = EvaluationSheetJSON.decodeEach(data, file: result.file)
        result.sheets = sheets
        result.failures = failures
    }

    /// Whether JSON bytes are a findings file written by this tool: an array whose first object
    /// opens with the findings' keys (`"file"`, `"location"`, `"message"` … `"ruleID"`).
    public static func isFindingsFile(_ data: some Collection<UInt8>) -> Bool {
        if opensWithOtherThanArray(data) { return false }
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        guard head.drop(while: { $0.isWhitespace }).first == "[" else { return false }
        return head.contains("\"ruleID\"") && head.contains("\"severity\"") && !head.contains("\"schemaVersion\"")
    }

    /// Whether the first byte after spaces, TABs and line ends is printable ASCII other than `[`: then
    /// the text's first Character that is not whitespace starts with that byte and is not `[` (a
    /// sheet's `{` — no need to decode the head). False whenever that takes more than a look.
    static func opensWithOtherThanArray(_ data: some Collection<UInt8>) -> Bool {
        for byte in data.prefix(4096) {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "["): return false
            default: return (0x21...0x7E).contains(byte)  // printable; a control byte may be whitespace
            }
        }
        return false
    }
}
