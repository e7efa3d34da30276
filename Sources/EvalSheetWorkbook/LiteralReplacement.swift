import Foundation

extension String {
    /// Foundation's `replacingOccurrences(of:with:)`, asked only where it can find something: when
    /// the text does not hold `target`'s bytes, it is returned as it is (`LiteralText.mayHold`).
    /// The texts of a workbook (titles, the page header, a rate formula's direction word) mostly hold
    /// no placeholder, and Foundation's search costs some 20,000 instructions a call even then.
    func replacingIfPresent(_ target: String, with replacement: String) -> String {
        guard LiteralText.mayHold(self, target) else { return self }
        return replacingOccurrences(of: target, with: replacement)
    }
}

enum LiteralText {
    /// False only when Foundation's search (canonical equivalence) cannot find `target` in `text`:
    /// `target` is ASCII without `K`, `;` or `` ` `` — the only ASCII characters that another
    /// character (U+212A, U+037E, U+1FEF) decomposes to — so anything Foundation would take for it
    /// holds its bytes; and `text` does not hold them. True in every other case.
    static func mayHold(_ text: String, _ target: String) -> Bool {
        let needle = target.utf8
        guard let first = needle.first,
              !needle.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "K") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "`") })
        else { return true }
        var rest = text.utf8[...]
        while let at = rest.firstIndex(of: first) {
            if rest[at...].starts(with: needle) { return true }
            rest = rest[rest.index(after: at)...]
        }
        return false
    }
}
