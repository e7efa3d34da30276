import Foundation
import EvalSheetModel

extension FormTemplate {
    /// A fingerprint of everything the template says (FNV-1a 64 over its JSON with sorted keys, in
    /// NFC), as 16 hex digits. In NFC, so that two templates that are equal — Swift compares text by
    /// canonical equivalence, as import matches labels — have one digest, whichever was asked first. An exported workbook carries it, so importing it with another template —
    /// whose layout might put a value in another field — is refused instead of misread.
    ///
    /// Every workbook exported or imported asks for it, so the last template's digest is kept:
    /// comparing the template with the last one is far cheaper than encoding it again.
    public var digest: String { templateDigests.value(for: self, computeDigest) }

    private func computeDigest() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let encoded = (try? encoder.encode(self)) ?? Data(name.utf8)
        let text = String(decoding: encoded, as: UTF8.self)
        // The default template and most others are NFC already: their bytes are hashed as they are.
        let bytes = text.hasOnlySimpleCharacters ? encoded : Data(text.precomposedStringWithCanonicalMapping.utf8)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The last template a value was computed for, and the value, behind one lock: every workbook
/// exported or imported asks for the template's digest and problems again, and comparing the
/// template with the last one is far cheaper than computing them again.
final class LastTemplateMemo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (template: FormTemplate, value: Value)?

    /// The value for `template`: the one kept when it is the last template asked for, else computed
    /// (outside the lock) and kept.
    func value(for template: FormTemplate, _ compute: () -> Value) -> Value {
        lock.lock()
        if let last, last.template == template {
            defer { lock.unlock() }
            return last.value
        }
        lock.unlock()
        let computed = compute()
        lock.lock(); defer { lock.unlock() }
        last = (template, computed)
        return computed
    }
}

/// The last template's digest, and its problems (`FormTemplate.validate`).
let templateDigests = LastTemplateMemo<String>()
let templateProblems = LastTemplateMemo<[TemplateProblem]>()
