import EvalSheetModel

/// One problem found by validation or by a reader: which rule, how serious, what (in Japanese and
/// English), in which policy, at which value (`path`) and where in the source (`location`).
///
/// What a reader reports (a stray cell, a number typed as text, a file that cannot be read) is a
/// finding too, with the reader's id (`text.unplaced-cell`, `xlsx.number-as-text`…) and no `path`.
///
/// In JSON a finding is an object with `ruleID`, `severity`, `policy`, `file`, `location`,
/// `pointer` (the path as a JSON pointer, or null) and `message` (`ja`, `en`).
public struct Finding: Hashable, Sendable {
    /// The rule's stable identifier, e.g. `projects.total`.
    public var ruleID: String
    public var severity: Severity
    /// What is wrong, in the form's own words.
    public var message: LocalizedMessage
    /// The policy code (施策コード) of the sheet, e.g. `511`.
    public var policy: String
    /// The value the finding is about; nil for what a reader reported about a place.
    public var path: FieldPath?
    /// The file the sheet was read from (the source map's file).
    public var file: String
    /// The resolved place: `511.txt:27`, `511.xlsx '3 構成事業'!F7`, `511.json#/projects/totals/1`.
    public var location: String
    /// The place inside the file, typed (what `location` was formatted from); nil for a finding about
    /// the file as a whole, and for one decoded from JSON. Not part of equality: it is `location`'s source.
    public var place: SourceLocation?

    public init(ruleID: String, severity: Severity, message: LocalizedMessage, policy: String,
                path: FieldPath?, file: String, location: String, place: SourceLocation? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.policy = policy
        self.path = path
        self.file = file
        self.location = location
        self.place = place
    }

    /// A finding at a typed place; `location` is formatted from it (`SourceLocation.qualified`).
    public init(ruleID: String, severity: Severity, message: LocalizedMessage, policy: String,
                path: FieldPath?, file: String, place: SourceLocation?) {
        self.init(ruleID: ruleID, severity: severity, message: message, policy: policy, path: path, file: file,
                  location: place?.qualified(in: file) ?? file, place: place)
    }

    public static func == (a: Finding, b: Finding) -> Bool {
        a.ruleID == b.ruleID && a.severity == b.severity && a.message == b.message && a.policy == b.policy
            && a.path == b.path && a.file == b.file && a.location == b.location
    }

    public func hash(into h: inout Hasher) {
        h.combine(ruleID); h.combine(severity); h.combine(message); h.combine(policy)
        h.combine(path); h.combine(file); h.combine(location)
    }

    /// The section (1…7) the finding is about; 0 for a reader's finding (reported first in its file).
    public var section: Int { path?.section ?? 0 }

    /// `location: [エラー] ruleID: message` — one line of the text report.
    public func line(_ language: Language) -> String {
        "\(location): [\(severity.label(language))] \(ruleID): \(message.text(language))".withControlsVisible
    }
}

extension Finding: Codable {
    private enum CodingKeys: String, CodingKey {
        case ruleID, severity, policy, file, location, pointer, message
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let pointer = try c.decodeIfPresent(String.self, forKey: .pointer)
        let path = pointer.flatMap(FieldPath.init(jsonPointer:))
        if let pointer, path == nil {
            throw DecodingError.dataCorruptedError(forKey: .pointer, in: c,
                                                   debugDescription: "not a sheet field: \(pointer)")
        }
        self.init(ruleID: try c.decode(String.self, forKey: .ruleID),
                  severity: try c.decode(Severity.self, forKey: .severity),
                  message: try c.decode(LocalizedMessage.self, forKey: .message),
                  policy: try c.decode(String.self, forKey: .policy),
                  path: path,
                  file: try c.decode(String.self, forKey: .file),
                  location: try c.decode(String.self, forKey: .location))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ruleID, forKey: .ruleID)
        try c.encode(severity, forKey: .severity)
        try c.encode(policy, forKey: .policy)
        try c.encode(file, forKey: .file)
        try c.encode(location, forKey: .location)
        try c.encode(path?.jsonPointer, forKey: .pointer)
        try c.encode(message, forKey: .message)
    }
}

extension Finding {
    /// A reader's warning about a loaded sheet of policy `policy`.
    public init(readerNote note: ReaderNote, policy: String, severity: Severity = .warning) {
        self.init(ruleID: note.id, severity: severity, message: note.message, policy: policy,
                  path: nil, file: note.file, location: note.location, place: note.place)
    }

    /// One finding (an error) per problem of an input that could not be read.
    public static func unreadable(_ error: any SheetReadError, policy: String = "") -> [Finding] {
        error.problems.map { Finding(readerNote: $0, policy: policy, severity: .error) }
    }

    /// The reader's notes of each loaded sheet, as warnings.
    public static func readerNotes(_ sheets: [LoadedSheet]) -> [Finding] {
        sheets.flatMap { s in s.notes.map { Finding(readerNote: $0, policy: s.sheet.policy.code) } }
    }
}
