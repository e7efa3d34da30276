/// One value cell of §4 (目標値, 実績値 or 達成率 for one year).
///
/// The three kinds must stay apart: blank (nothing printed, e.g. a future year), not applicable
/// (`—`, e.g. the survey was not held) and a printed number. In JSON it is `null`, `"—"`, or the
/// printed text (`"0.690"`, `"360,000"`, `"94.8%"`, `"32.2(※)"`).
public enum IndicatorValue: Hashable, Sendable {
    case blank
    case notApplicable
    case number(PrintedNumber)

    /// The dash the city prints for "not applicable" (U+2014 EM DASH).
    public static let dash = "—"

    /// Parses a cell: empty → blank, `—` (or `-`, `―`, `－`) → not applicable, else a printed number.
    /// Returns nil when the text is none of these.
    public init?(parsing raw: some StringProtocol) {
        self.init(parsing: String(raw))
    }

    /// `init(parsing:)` for a String, what readers hold: the steps without generic calls.
    public init?(parsing raw: String) {
        let s = String(raw.trimmedSpaces())
        if s.isEmpty {
            self = .blank
        } else if s.utf8.count <= 3, !Self.opensWithDigit(s), Self.dashes.contains(s) {  // each dash is one scalar of 1 or 3 bytes, none composed
            self = .notApplicable
        } else if let n = PrintedNumber(parsing: s) {
            self = .number(n)
        } else {
            return nil
        }
    }

    /// The value of a cell and, when the cell did not print it the way the sheet prints it, the
    /// printed form it is read as (`001` → `1`, `-0` → `0`, `１２` → `12`, `−5` → `-5`, `-` → `—`):
    /// readers report that form, so a value is never changed without a word.
    public static func parsingReportingChanges(_ raw: some StringProtocol) -> (value: IndicatorValue, readAs: String?)? {
        parsingReportingChanges(String(raw))
    }

    /// `parsingReportingChanges` for a String, what readers hold: the steps without generic calls.
    public static func parsingReportingChanges(_ raw: String) -> (value: IndicatorValue, readAs: String?)? {
        guard let v = IndicatorValue(parsing: raw) else { return nil }
        let typed = String(raw.trimmedSpaces())
        return (v, v.text == typed ? nil : v.text)
    }

    /// Whether a text opens with an ASCII digit, so it is no dash: a digit has no decomposition and
    /// opens the text's NFD, and no dash's NFD opens with one.
    private static func opensWithDigit(_ s: String) -> Bool {
        guard let b = s.utf8.first else { return false }
        return b >= 0x30 && b <= 0x39
    }

    /// Dash look-alikes accepted as "not applicable" when reading.
    public static let dashes: Set<String> = ["—", "―", "－", "-", "‐", "–", "ー"]

    /// The cell as printed: `""`, `—`, or the number's text.
    public var text: String {
        switch self {
        case .blank: ""
        case .notApplicable: Self.dash
        case .number(let n): n.text
        }
    }

    /// The printed number, if any.
    public var number: PrintedNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    public var isBlank: Bool { self == .blank }
}

extension IndicatorValue: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .blank
            return
        }
        let s = try c.decode(String.self)
        guard let v = IndicatorValue(parsing: s), v != .blank || s.isEmpty else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an indicator value: \(s)")
        }
        self = v
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .blank: try c.encodeNil()
        default: try c.encode(text)
        }
    }
}

