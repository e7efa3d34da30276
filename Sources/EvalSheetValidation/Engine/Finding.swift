import EvalSheetModel

/// One problem found by validation: which rule, how serious, what (in Japanese and English),
/// in which policy, at which value (`path`) and where in the source (`location`).
///
/// In JSON a finding is an object with `ruleID`, `severity`, `policy`, `file`, `location`,
/// `pointer` (the path as a JSON pointer) and `message` (`ja`, `en`).
public struct Finding: Hashable, Sendable {
    /// The rule's stable identifier, e.g. `projects.total`.
    public var ruleID: String
    public var severity: Severity
    /// What is wrong, in the form's own words.
    public var message: LocalizedMessage
    /// The policy code (施策コード) of the sheet, e.g. `511`.
    public var policy: String
    /// The value the finding is about.
    public var path: FieldPath
    /// The file the sheet was read from (the source map's file).
    public var file: String
    /// The resolved place: `511.txt:27`, `511.xlsx 3 構成事業!F7`, `511.json#/projects/totals/1`.
    public var location: String

    public init(ruleID: String, severity: Severity, message: LocalizedMessage, policy: String,
                path: FieldPath, file: String, location: String) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.policy = policy
        self.path = path
        self.file = file
        self.location = location
    }

    /// `location: [エラー] ruleID: message` — one line of the text report.
    public func line(_ language: Language) -> String {
        "\(location): [\(severity.label(language))] \(ruleID): \(message.text(language))"
    }
}

extension Finding: Codable {
    private enum CodingKeys: String, CodingKey {
        case ruleID, severity, policy, file, location, pointer, message
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let pointer = try c.decode(String.self, forKey: .pointer)
        guard let path = FieldPath(jsonPointer: pointer) else {
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
        try c.encode(path.jsonPointer, forKey: .pointer)
        try c.encode(message, forKey: .message)
    }
}
