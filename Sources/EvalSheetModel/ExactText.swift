/// A text equal to another only byte for byte — not under canonical equivalence, as `String` is —
/// for tables that share equal values between policies: a policy's NFD spelling is never replaced
/// by another's canonically equal NFC one.
public struct ExactText: Hashable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: Self, b: Self) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    public func hash(into h: inout Hasher) {
        h.combine(text.utf8.count)
        for b in text.utf8 { h.combine(b) }
    }
}
