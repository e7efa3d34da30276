import Foundation
import EvalSheetModel

/// Cuts one line's bytes into its TAB-separated cells and trims each, without making a String of
/// the line: each cell's String is made once, from its trimmed bytes. The answer is exactly
/// `TextLine(number:cells:)` on the line's String cut at its TABs (a TAB is always a character of
/// its own) with `trimmedSpaces` (on the cell's bytes: `SpaceTrimming`).
enum CellCutting {
    /// The line, or nil when its bytes are not valid UTF-8.
    static func line(number: Int, bytes: UnsafeBufferPointer<UInt8>) -> TextLine? {
        // Validated once: each cell's String is then made from bytes known to be UTF-8.
        guard UTF8Validation.isValid(bytes) else { return nil }
        let n = bytes.count
        var texts: [String] = []
        texts.reserveCapacity(8)
        var filled: [Int] = []
        filled.reserveCapacity(8)
        var untrimmed: [String]?
        var start = 0
        while true {
            let end = nextTab(bytes, from: start) ?? n
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let (text, trimmed) = cell(raw)
            if trimmed, untrimmed == nil { untrimmed = texts }
            if !text.isEmpty { filled.append(texts.count) }
            texts.append(text)
            if untrimmed != nil {
                untrimmed!.append(trimmed ? String(decoding: raw, as: UTF8.self) : text)
            }
            if end == n { break }
            start = end + 1
        }
        return TextLine(number: number, texts: texts, filledIndices: filled, untrimmed: untrimmed)
    }

    /// The index of the first TAB at or after `start` (`memchr`), or nil.
    private static func nextTab(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, 0x09, bytes.count - start) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// One cell's text (valid UTF-8) without surrounding spaces, and whether anything was taken off.
    static func cell(_ raw: UnsafeBufferPointer<UInt8>) -> (text: String, trimmed: Bool) {
        guard let range = SpaceTrimming.trimmedRange(raw) else {
            // A space a grapheme rule may join to its neighbour: the characters decide.
            let text = String(decoding: raw, as: UTF8.self).trimmedSpaces()
            return (String(text), text.utf8.count != raw.count)
        }
        let trimmed = range.count != raw.count
        if range.isEmpty { return ("", trimmed) }
        return (String(decoding: UnsafeBufferPointer(rebasing: raw[range]), as: UTF8.self), trimmed)
    }
}
