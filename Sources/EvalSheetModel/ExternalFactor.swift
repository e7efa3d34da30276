/// §6 one row of 施策を取り巻く環境: an external factor, its status, its assessments and the reason.
public struct ExternalFactor: Hashable, Sendable, Codable {
    /// 外部要因, e.g. `市民ニーズの状況` (stray spaces of the printed label removed).
    public var category: String
    /// 状況.
    public var status: String
    /// 外部要因に対する評価: one or more assessments, in printed order.
    public var assessments: [Assessment]
    /// 評価理由.
    public var reason: String

    public init(category: String, status: String, assessments: [Assessment], reason: String) {
        self.category = category
        self.status = status
        self.assessments = assessments
        self.reason = reason
    }

    /// The seven categories in the form's order.
    public static let categories = [
        "市民ニーズの状況", "将来人口の推移", "他自治体との比較", "民間企業・NPO・市民の動向",
        "法・制度改正の動向", "技術革新の動向", "その他",
    ]

    /// The assessments as one cell prints them: `1. 施策遂行に役立つ・有利 3. 施策の必要性を高める`.
    public var assessmentsText: String { assessments.map(\.text).joined(separator: " ") }
}

/// One assessment of an external factor: a code 1…3 and its label as printed.
public struct Assessment: Hashable, Sendable, Codable {
    /// 1, 2 or 3 (other values are kept so validation can report them).
    public var code: Int
    /// The label as printed, e.g. `施策遂行に役立つ・有利`.
    public var label: String

    public init(code: Int, label: String) {
        self.code = code
        self.label = label
    }

    /// The standard assessment for a code, with its canonical label.
    public init?(code: Int) {
        guard let label = Self.labels[code] else { return nil }
        self.init(code: code, label: label)
    }

    /// The canonical labels by code.
    public static let labels: [Int: String] = [
        1: "施策遂行に役立つ・有利",
        2: "施策遂行に不利",
        3: "施策の必要性を高める",
    ]

    /// `1. 施策遂行に役立つ・有利`.
    public var text: String { "\(code). \(label)" }

    /// Parses a cell holding one or more assessments: `1. 施策遂行に役立つ・有利 3. 施策の必要性を高める`,
    /// also without the space after the dot (`1.施策…3.施策…`) and with full-width digits.
    /// A new assessment starts at a digit followed by `.` at the start or after a space. Nil when none.
    public static func parseList(_ text: String) -> [Assessment]? {
        let folded = PrintedNumber.foldFullWidth(text).trimmedSpaces()
        if folded.hasOnlySimpleCharacters { return parseList(simple: folded) }
        return parseList(characters: folded)
    }

    /// `parseList` on characters, after folding and trimming: the definition, for any text.
    static func parseList(characters folded: Substring) -> [Assessment]? {
        let chars = Array(folded)
        var starts: [Int] = []
        for i in chars.indices where chars[i].isASCII && chars[i].isNumber
            && i + 1 < chars.count && chars[i + 1] == "."
            && (i == 0 || chars[i - 1] == " " || chars[i - 1] == "\u{3000}") {
            starts.append(i)
        }
        guard starts.first == 0 else { return nil }
        return starts.enumerated().map { k, s in
            let end = k + 1 < starts.count ? starts[k + 1] : chars.count
            return Assessment(code: chars[s].wholeNumberValue!, label: String(String(chars[(s + 2)..<end]).trimmedSpaces()))
        }
    }

    /// `parseList` on a text whose characters are single scalars (`hasOnlySimpleCharacters`): the
    /// same steps on its UTF-8 bytes. A digit, `.` and a space are one byte each and one scalar each
    /// (a byte below 0x80 is never part of a longer sequence), U+3000 is E3 80 80, so a start found
    /// on the bytes is one found on the scalars; each label is cut from the bytes.
    private static func parseList(simple text: Substring) -> [Assessment]? {
        let cut = { (b: UnsafeBufferPointer<UInt8>) -> [Assessment]? in
            let n = b.count
            var starts: [Int] = []
            var i = 0
            while i + 1 < n {
                if b[i] >= 0x30, b[i] <= 0x39, b[i + 1] == 0x2E,
                   i == 0 || b[i - 1] == 0x20 || (i >= 3 && b[i - 3] == 0xE3 && b[i - 2] == 0x80 && b[i - 1] == 0x80) {
                    starts.append(i)
                }
                i += 1
            }
            guard starts.first == 0 else { return nil }
            return starts.enumerated().map { k, s in
                let end = k + 1 < starts.count ? starts[k + 1] : n
                let label = String(decoding: UnsafeBufferPointer(rebasing: b[(s + 2)..<end]), as: UTF8.self)
                return Assessment(code: Int(b[s] - 0x30), label: String(label.trimmedSpaces()))
            }
        }
        if let parsed = text.utf8.withContiguousStorageIfAvailable(cut) { return parsed }
        return Array(text.utf8).withUnsafeBufferPointer(cut)
    }

    /// Whether the label is the canonical one for the code.
    public var labelMatchesCode: Bool { Self.labels[code] == label }
}
