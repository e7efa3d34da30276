/// A message in Japanese (the default shown to municipal staff) with its English counterpart.
public struct LocalizedMessage: Hashable, Sendable, Codable {
    /// The Japanese text, shown by default.
    public var ja: String
    /// The English text, shown with `--lang en`.
    public var en: String

    public init(ja: String, en: String) {
        self.ja = ja
        self.en = en
    }

    /// The text in the given language.
    public func text(_ language: Language) -> String {
        language == .en ? en : ja
    }
}

/// The language of messages a user sees.
public enum Language: String, Sendable, CaseIterable, Codable {
    case ja, en
}
