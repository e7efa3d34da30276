import EvalSheetModel
import EvalSheetForm

/// One difference between two versions of a sheet: a field whose printed value changed, a row
/// added or removed, or rows put in a different order.
///
/// `old` and `new` are the printed texts (`""` for a blank cell; nil when the row does not exist
/// on that side). `location` is in the new source, or in the old one for a removed row.
public struct Change: Hashable, Sendable {
    /// What kind of difference this is.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A field's printed value differs.
        case changed
        /// A row (or a 関係課 name) exists only in the new sheet.
        case added
        /// A row (or a 関係課 name) exists only in the old sheet.
        case removed
        /// The same rows in a different order.
        case reordered
    }

    public var kind: Kind
    /// The section (1…7).
    public var section: Int
    /// The section's title as the workbook names its sheet: `3 構成事業` / `3 Projects`.
    public var sectionTitle: LocalizedMessage
    /// The row: a project code, `①` for an indicator or challenge, a factor category
    /// (`その他 2` when repeated), a direction number, `総事業費`; nil for a scalar field.
    public var row: String?
    /// The field's label on the form: 事務事業名, 令和元年度決算, 目標値(令和2年度), 総合評価 …
    /// For added and removed rows, the kind of row (事務事業, まちづくり指標 …).
    public var field: LocalizedMessage
    /// The old printed value; nil for an added row.
    public var old: String?
    /// The new printed value; nil for a removed row.
    public var new: String?
    /// The value in the new sheet (in the old sheet for a removed row).
    public var path: FieldPath
    /// Where the value is: the new source, or the old one for a removed row.
    public var location: String

    /// A change in `section`, whose title is its sheet's name in `template` (the default form unless told).
    public init(kind: Kind, section: Int, row: String?, field: LocalizedMessage, old: String?, new: String?,
                path: FieldPath, location: String, template: FormTemplate = .standard) {
        self.init(kind: kind, section: section, sectionTitle: Self.sectionTitle(section, template: template), row: row,
                  field: field, old: old, new: new, path: path, location: location)
    }

    /// A change in `section` titled `sectionTitle`.
    public init(kind: Kind, section: Int, sectionTitle: LocalizedMessage, row: String?, field: LocalizedMessage,
                old: String?, new: String?, path: FieldPath, location: String) {
        self.kind = kind
        self.section = section
        self.sectionTitle = sectionTitle
        self.row = row
        self.field = field
        self.old = old
        self.new = new
        self.path = path
        self.location = location
    }

    /// The English names of the sections, by number.
    private static let englishTitles = [
        1: "Basic information", 2: "Directions", 3: "Projects", 4: "Indicators", 5: "Evaluation",
        6: "Environment", 7: "Challenges",
    ]

    /// `3 構成事業` (the sheet's name in `template`) / `3 Projects`.
    public static func sectionTitle(_ section: Int, template: FormTemplate = .standard) -> LocalizedMessage {
        LocalizedMessage(ja: template.sheet(section)?.name ?? "\(section) ", en: "\(section) \(englishTitles[section] ?? "")")
    }

    /// One line of the text report: `location: 3 構成事業 0102010806 令和元年度決算: 2,450 → 2,451`.
    public func line(_ language: Language) -> String {
        let blank = language == .ja ? Wording.blankJA : Wording.blankEN
        func shown(_ s: String?) -> String { (s ?? "").isEmpty ? blank : s! }
        let head = [sectionTitle.text(language), row].compactMap { $0 }.joined(separator: " ")
        let f = field.text(language)
        switch (kind, language) {
        case (.changed, _): return "\(location): \(head) \(f): \(shown(old)) → \(shown(new))"
        case (.added, .ja): return "\(location): \(head) \(f)を追加: \(shown(new))"
        case (.added, .en): return "\(location): \(head) added \(f): \(shown(new))"
        case (.removed, .ja): return "\(location): \(head) \(f)を削除: \(shown(old))"
        case (.removed, .en): return "\(location): \(head) removed \(f): \(shown(old))"
        case (.reordered, .ja): return "\(location): \(head) \(f)の並び順を変更: \(shown(old)) → \(shown(new))"
        case (.reordered, .en): return "\(location): \(head) order of \(f) changed: \(shown(old)) → \(shown(new))"
        }
    }
}

extension Change: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, section, sectionTitle, row, field, old, new, pointer, location
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let pointer = try c.decode(String.self, forKey: .pointer)
        guard let path = FieldPath(jsonPointer: pointer) else {
            throw DecodingError.dataCorruptedError(forKey: .pointer, in: c,
                                                   debugDescription: "not a sheet field: \(pointer)")
        }
        let section = try c.decode(Int.self, forKey: .section)
        self.init(kind: try c.decode(Kind.self, forKey: .kind), section: section,
                  sectionTitle: try c.decodeIfPresent(LocalizedMessage.self, forKey: .sectionTitle) ?? Self.sectionTitle(section),
                  row: try c.decodeIfPresent(String.self, forKey: .row),
                  field: try c.decode(LocalizedMessage.self, forKey: .field),
                  old: try c.decodeIfPresent(String.self, forKey: .old),
                  new: try c.decodeIfPresent(String.self, forKey: .new),
                  path: path, location: try c.decode(String.self, forKey: .location))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(section, forKey: .section)
        try c.encode(sectionTitle, forKey: .sectionTitle)
        try c.encode(row, forKey: .row)
        try c.encode(field, forKey: .field)
        try c.encode(old, forKey: .old)
        try c.encode(new, forKey: .new)
        try c.encode(path.jsonPointer, forKey: .pointer)
        try c.encode(location, forKey: .location)
    }
}
