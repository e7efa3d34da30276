import Foundation

extension String {
    /// Foundation's `replacingOccurrences(of:with:)`, with its search (canonical equivalence, some
    /// 20,000–60,000 instructions a call) asked only where it could decide something:
    /// - the text does not hold `target`'s bytes: it is returned as it is;
    /// - every place that holds them has ASCII (or the text's end) on both sides: they are replaced
    ///   there, byte for byte — such a place is a whole run of characters, each equal to one of
    ///   `target`'s, and Foundation's search finds exactly those places;
    /// - anything else (a combining mark after a `}`, say): Foundation decides.
    ///
    /// The texts of a workbook (titles, the page header, a rate formula's direction word) mostly
    /// hold no placeholder, or one between spaces. See `LiteralText.plainTarget` for the targets.
    func replacingIfPresent(_ target: String, with replacement: String) -> String {
        guard LiteralText.plainTarget(target) else { return replacingOccurrences(of: target, with: replacement) }
        let places = LiteralText.places(of: target, in: self)
        if places.isEmpty { return self }
        let text = Array(utf8)
        func ascii(_ i: Int) -> Bool { i < 0 || i >= text.count || text[i] < 0x80 }
        guard places.allSatisfy({ ascii($0 - 1) && ascii($0 + target.utf8.count) }) else {
            return replacingOccurrences(of: target, with: replacement)
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.count + places.count * replacement.utf8.count)
        var copied = 0
        for at in places {
            out.append(contentsOf: text[copied..<at])
            out.append(contentsOf: replacement.utf8)
            copied = at + target.utf8.count
        }
        out.append(contentsOf: text[copied...])
        return String(decoding: out, as: UTF8.self)
    }
}

enum LiteralText {
    /// A target the literal paths above may take: not empty, ASCII without CR, LF, `K`, `;` or
    /// `` ` `` (the only ASCII characters another character — U+212A, U+037E, U+1FEF — decomposes
    /// to, and the two that join into one character), and its first byte not repeated in it (two
    /// places of it never overlap). Anything Foundation's search would take for such a target holds
    /// its bytes.
    static func plainTarget(_ target: String) -> Bool {
        let bytes = Array(target.utf8)
        guard let first = bytes.first, !bytes.dropFirst().contains(first) else { return false }
        return !bytes.contains { $0 >= 0x80 || $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: "K") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "`") }
    }

    /// The byte offsets where `target` starts in `text`, left to right, not overlapping.
    static func places(of target: String, in text: String) -> [Int] {
        let needle = Array(target.utf8)
        var places: [Int] = []
        var i = 0
        let bytes = Array(text.utf8)
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i..<i + needle.count].elementsEqual(needle) {
                places.append(i)
                i += needle.count
            } else {
                i += 1
            }
        }
        return places
    }
}
