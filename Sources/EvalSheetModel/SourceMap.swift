/// Where a value was read from: a line of the text form, a cell of a workbook, or a JSON pointer.
public enum SourceLocation: Hashable, Sendable {
    /// 1-based line of a text-form file.
    case line(Int)
    /// A worksheet cell, e.g. sheet `3 構成事業`, cell `F7`.
    case cell(sheet: String, cell: String)
    /// An RFC 6901 pointer into a JSON file.
    case jsonPointer(String)

    /// `27`, `'3 構成事業'!F7`, `#/projects/rows/1` — the part printed after the file name. A cell
    /// is written as an Excel formula writes it, so it can be pasted into the Name Box or a formula.
    public var description: String {
        switch self {
        case .line(let n): String(n)
        case .cell(let sheet, let cell): "\(Self.sheetReference(sheet))!\(cell)"
        case .jsonPointer(let p): "#" + p
        }
    }

    /// A sheet name as a formula names it: as is when it is letters, digits, `_` and `.` not
    /// starting with a digit (`Sheet1`, `施策一覧`); otherwise in single quotes with `'` doubled
    /// (`'3 構成事業'`, `'O''Brien'`). The one place sheet references are formatted.
    public static func sheetReference(_ name: String) -> String {
        let plain = !name.isEmpty && !(name.first!.isNumber)
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

/// The locations a reader recorded for the values of one sheet, with the file they came from.
/// Looking up a path falls back to coarser paths (a project amount → its row), then to the
/// section's heading, so every finding has a place.
public struct SourceMap: Hashable, Sendable {
    /// The file the sheet was read from, as the user named it.
    public var file: String
    /// Exact locations by path.
    public var locations: [FieldPath: SourceLocation]
    /// Where each section (1…7) starts.
    public var sections: [Int: SourceLocation]
    /// When true (JSON), every path maps to its own JSON pointer.
    public var usesJSONPointers: Bool
    /// The pointer of the sheet inside its file (`/3` for the fourth sheet of an array; "" for one sheet).
    public var jsonPointerPrefix = ""

    public init(file: String, locations: [FieldPath: SourceLocation] = [:],
                sections: [Int: SourceLocation] = [:], usesJSONPointers: Bool = false) {
        self.file = file
        self.locations = locations
        self.sections = sections
        self.usesJSONPointers = usesJSONPointers
    }

    /// The best known location of a value.
    public func location(of path: FieldPath) -> SourceLocation? {
        if usesJSONPointers { return .jsonPointer(jsonPointerPrefix + path.jsonPointer) }
        var p: FieldPath? = path
        while let current = p {
            if let loc = locations[current] { return loc }
            p = current.parent
        }
        return sections[path.section]
    }

    /// `511.txt:27`, `511.xlsx '3 構成事業'!F7`, `511.json#/projects/rows/1`; just the file if unknown.
    public func describe(_ path: FieldPath) -> String {
        location(of: path)?.qualified(in: file) ?? file
    }

    public subscript(path: FieldPath) -> SourceLocation? {
        get { locations[path] }
        set { locations[path] = newValue }
    }
}

/// A sheet together with where its values came from and what the reader noticed on the way.
public struct LoadedSheet: Sendable {
    public var sheet: EvaluationSheet
    public var sourceMap: SourceMap
    /// Things the reader accepted but reports (stray cells, numbers typed as text, …).
    public var notes: [ReaderNote]

    public init(sheet: EvaluationSheet, sourceMap: SourceMap, notes: [ReaderNote] = []) {
        self.sheet = sheet
        self.sourceMap = sourceMap
        self.notes = notes
    }
}

/// Something a reader reports, with where it was seen: in `LoadedSheet.notes` a warning (a value
/// accepted but worth a look: a stray cell, a number typed as text), in a `SheetReadError` a reason
/// the input cannot be read.
public struct ReaderNote: Hashable, Sendable {
    /// A short stable identifier, e.g. `text.unplaced-cell`, `xlsx.number-as-text`.
    public var id: String
    public var message: LocalizedMessage
    /// The file, as the user named it.
    public var file: String
    /// `file:line`, `file 'Sheet'!Cell`, `file#/pointer`, or just the file.
    public var location: String
    /// The place inside the file, typed; nil when the note is about the file as a whole.
    public var place: SourceLocation?

    /// A note about the file as a whole, or one whose place is already formatted.
    public init(id: String, message: LocalizedMessage, file: String, location: String) {
        self.id = id
        self.message = message
        self.file = file
        self.location = location
    }

    /// A note at a place inside the file; `location` is formatted from it (`SourceLocation.qualified`).
    public init(id: String, message: LocalizedMessage, file: String, place: SourceLocation?) {
        self.init(id: id, message: message, file: file, location: place?.qualified(in: file) ?? file)
        self.place = place
    }
}

/// An input that cannot be read as evaluation sheets, with every problem found in it — all of them,
/// in source order, so that a department fixes its file once, not once per error.
public protocol SheetReadError: EvalSheetError {
    /// The problems, in source order; at least one.
    var problems: [ReaderNote] { get }
}

extension SheetReadError {
    /// One line per problem: `place: message`.
    public func lines(_ language: Language) -> [String] {
        problems.map { "\($0.location): \($0.message.text(language))" }
    }
}
