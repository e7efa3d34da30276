import EvalSheetModel

/// What a rule reports about one value: where (a format-free `FieldPath`) and what, in words.
/// The validator adds the rule's id and severity, the policy and the source location.
public struct RuleHit: Hashable, Sendable {
    /// The value the hit is about.
    public var path: FieldPath
    /// What is wrong, in Japanese and English.
    public var message: LocalizedMessage

    public init(path: FieldPath, message: LocalizedMessage) {
        self.path = path
        self.message = message
    }

    /// Shorthand for `RuleHit(path:message:)` with the two texts.
    public init(_ path: FieldPath, ja: String, en: String) {
        self.init(path: path, message: LocalizedMessage(ja: ja, en: en))
    }
}

/// A hit of a year-wide rule: the index of the sheet (in the array the rule was given) and the hit.
public typealias YearRuleHit = (sheetIndex: Int, hit: RuleHit)
