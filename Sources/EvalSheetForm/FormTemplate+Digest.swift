import Foundation

extension FormTemplate {
    /// A fingerprint of everything the template says (FNV-1a 64 over its JSON with sorted keys), as
    /// 16 hex digits. An exported workbook carries it, so importing it with another template —
    /// whose layout might put a value in another field — is refused instead of misread.
    public var digest: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = (try? encoder.encode(self)) ?? Data(name.utf8)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
