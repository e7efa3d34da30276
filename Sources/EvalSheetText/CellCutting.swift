import Foundation
import EvalSheetModel

/// Cuts one line's bytes into its TAB-separated cells and trims each, without making a String of
/// the line: each cell's String is made once, from its trimmed bytes. The answer is exactly
/// `TextLine(number:cells:)` on the line's String cut at its TABs (a TAB is always a character of
/// its own) with `trimmedSpaces` (on the cell's bytes: `SpaceTrimming`). A TAB is ASCII, so the
/// line is UTF-8 exactly when each cell is: each cell is checked as its String is made (the bytes
/// trimmed off are spaces), never the whole line a second time (`decoded`).
enum CellCutting {
    /// The line, or nil when its bytes are not valid UTF-8.
    static func line(number: Int, bytes: UnsafeBufferPointer<UInt8>) -> TextLine? {
        let n = bytes.count
        var texts: [String] = []
        texts.reserveCapacity(8)
        var untrimmed: [String]?
        var start = 0
        while true {
            let end = nextTab(bytes, from: start) ?? n
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard let (text, trimmed) = cell(raw) else { return nil }
            if trimmed, untrimmed == nil { untrimmed = texts }
            texts.append(text)
            if untrimmed != nil {
                untrimmed!.append(trimmed ? String(decoding: raw, as: UTF8.self) : text)
            }
            if end == n { break }
            start = end + 1
        }
        return TextLine(number: number, texts: texts, untrimmed: untrimmed)
    }

    /// The index of the first TAB at or after `start` (`memchr`), or nil.
    private static func nextTab(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, 0x09, bytes.count - start) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// One cell's text without surrounding spaces, and whether anything was taken off; nil when
    /// the bytes are not UTF-8 (what is trimmed off is spaces and TABs, UTF-8 by themselves).
    static func cell(_ raw: UnsafeBufferPointer<UInt8>) -> (text: String, trimmed: Bool)? {
        guard let range = SpaceTrimming.trimmedRange(raw) else {
            // A space a grapheme rule may join to its neighbour: the characters decide.
            guard let whole = decoded(raw) else { return nil }
            let text = whole.trimmedSpaces()
            return (String(text), text.utf8.count != raw.count)
        }
        let trimmed = range.count != raw.count
        if range.isEmpty { return ("", trimmed) }
        guard let text = decoded(UnsafeBufferPointer(rebasing: raw[range])) else { return nil }
        return (text, trimmed)
    }

    /// The String of UTF-8 bytes, or nil when they are not UTF-8: `String(decoding:)` replaces what
    /// is not UTF-8 (each maximal ill-formed part by U+FFFD, EF BF BD: bytes that were not these),
    /// so the bytes are UTF-8 exactly when the String holds the same bytes (`memcmp`). The String's
    /// own validation is the only one: neither a second pass nor a generic `String(validating:)`.
    static func decoded(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.count == bytes.count else { return nil }
        if bytes.isEmpty { return text }
        let same = text.utf8.withContiguousStorageIfAvailable { made in
            memcmp(made.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        }
        return (same ?? text.utf8.elementsEqual(bytes)) ? text : nil
    }
}
