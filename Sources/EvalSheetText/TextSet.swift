import EvalSheetModel

/// A set of fixed texts (template wordings) asked about data cells, most of which are not in it,
/// answered without hashing the cell where its bytes settle it (hashing normalises the whole text):
/// - when every member opens with a plain starter (`isPlainStarter`: ASCII or a CJK unified
///   ideograph — no decomposition, combining class 0, so it opens the text's NFD too), a text
///   opening with a plain starter no member opens with is none of them;
/// - when every member is simple (`hasOnlySimpleCharacters`: single NFC scalars), a simple text
///   equals a member exactly when their bytes are equal.
/// Anything else is asked of the `Set` (canonical equivalence).
struct TextSet: Sendable {
    let members: Set<String>
    /// The members' first scalars when each is a plain starter; nil otherwise.
    private let firstScalars: Set<UInt32>?
    /// The members by UTF-8 length when every member is simple; nil otherwise.
    private let simpleByLength: [Int: [String]]?

    init(_ texts: some Sequence<String>) {
        members = Set(texts)
        let firsts = members.map { $0.unicodeScalars.first?.value }
        firstScalars = firsts.allSatisfy({ $0.map(Self.isPlainStarter) ?? false }) ? Set(firsts.compactMap { $0 }) : nil
        simpleByLength = members.allSatisfy(\.hasOnlySimpleCharacters) ? Dictionary(grouping: members, by: \.utf8.count) : nil
    }

    func contains(_ text: String) -> Bool {
        if let firstScalars, let first = text.unicodeScalars.first?.value, Self.isPlainStarter(first),
           !firstScalars.contains(first) { return false }
        guard let simpleByLength, text.hasOnlySimpleCharacters else { return members.contains(text) }
        return simpleByLength[text.utf8.count]?.contains { $0.utf8.elementsEqual(text.utf8) } ?? false
    }

    /// ASCII or U+4E00…U+9FFF: scalars with no canonical decomposition and combining class 0, so
    /// a text canonically equivalent to one opening with such a scalar opens with it too.
    static func isPlainStarter(_ v: UInt32) -> Bool { v < 0x80 || (0x4E00...0x9FFF).contains(v) }
}
