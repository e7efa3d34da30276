import Foundation
import EvalSheetModel

/// A set of fixed texts (template wordings) asked about data cells, most of which are not in it,
/// answered without hashing the cell where its bytes settle it (hashing normalises the whole text):
/// - a text opening with a plain starter (`isPlainStarter`: ASCII or a CJK unified ideograph —
///   no decomposition, combining class 0, so it opens the text's NFD too) that opens no member's
///   NFD is none of them (canonically equivalent texts have the same NFD);
/// - a text with the bytes of a member is that member;
/// - when every member is simple (`hasOnlySimpleCharacters`: single NFC scalars), a simple text
///   equals a member only when their bytes are equal.
/// Anything else is asked of the `Set` (canonical equivalence).
struct TextSet: Sendable {
    let members: Set<String>
    /// The first scalar of each member's NFD.
    private let firstScalars: Set<UInt32>
    /// The members by UTF-8 length.
    private let byLength: [Int: [String]]
    private let allSimple: Bool

    init(_ texts: some Sequence<String>) {
        members = Set(texts)
        firstScalars = Set(members.compactMap { $0.decomposedStringWithCanonicalMapping.unicodeScalars.first?.value })
        byLength = Dictionary(grouping: members, by: \.utf8.count)
        allSimple = members.allSatisfy(\.hasOnlySimpleCharacters)
    }

    func contains(_ text: String) -> Bool {
        if let first = text.unicodeScalars.first?.value, Self.isPlainStarter(first),
           !firstScalars.contains(first) { return false }
        if byLength[text.utf8.count]?.contains(where: { Self.sameBytes($0, text) }) == true { return true }
        if allSimple, text.hasOnlySimpleCharacters { return false }
        return members.contains(text)
    }

    /// Whether two texts of the same UTF-8 length have the same bytes (`memcmp` where both are
    /// stored contiguously, as native strings are).
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        let compared = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb in
                guard let x = pa.baseAddress, let y = pb.baseAddress else { return pa.count == pb.count }
                return memcmp(x, y, pa.count) == 0
            }
        }
        if let compared, let compared { return compared }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// ASCII or U+4E00…U+9FFF: scalars with no canonical decomposition and combining class 0, so
    /// a text opening with one has an NFD opening with it.
    static func isPlainStarter(_ v: UInt32) -> Bool { v < 0x80 || (0x4E00...0x9FFF).contains(v) }
}
