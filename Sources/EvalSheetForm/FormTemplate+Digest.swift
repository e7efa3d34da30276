import Foundation

extension FormTemplate {
    /// A fingerprint of everything the template says (FNV-1a 64 over its JSON with sorted keys), as
    /// 16 hex digits. An exported workbook carries it, so importing it with another template —
    /// whose layout might put a value in another field — is refused instead of misread.
    ///
    /// Every workbook exported or imported asks for it, so the last template's digest is kept:
    /// comparing the template with the last one is far cheaper than encoding it again.
    public var digest: String {
        if let known = DigestMemo.shared.digest(of: self) { return known }
        let computed = computeDigest()
        DigestMemo.shared.remember(self, computed)
        return computed
    }

    private func computeDigest() -> String {
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

/// The last template whose digest was computed, and its digest, behind one lock.
private final class DigestMemo: @unchecked Sendable {
    static let shared = DigestMemo()
    private let lock = NSLock()
    private var last: (template: FormTemplate, digest: String)?

    func digest(of template: FormTemplate) -> String? {
        lock.lock(); defer { lock.unlock() }
        guard let last, last.template == template else { return nil }
        return last.digest
    }

    func remember(_ template: FormTemplate, _ digest: String) {
        lock.lock(); defer { lock.unlock() }
        last = (template, digest)
    }
}
