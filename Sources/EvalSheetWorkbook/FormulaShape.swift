import Foundation

/// `LiveRate.shape` on UTF-8 bytes, for the formulas every indicator row of an import asks about:
/// the definition (Foundation's search, Characters, a regex) took a third of an import's time.
///
/// Bytes give the same result as Characters when no Character joins an ASCII byte that matters to
/// a non-ASCII scalar (a combining mark after `G5`, a prepended mark before `$`): so the byte path
/// is taken only when every ASCII byte beside a non-ASCII one is `"` (which no step looks at), as
/// in the rate formula, whose only non-ASCII text is the quoted direction word. Otherwise nil, and
/// the caller uses the definition.
enum FormulaShape {
    /// The formula without `_xlfn.`, `$`, spaces and a leading `=`, with every run of 1–3 ASCII
    /// letters followed by digits (a cell reference) replaced by `#` — leftmost first, as the regex
    /// `[A-Za-z]{1,3}[0-9]+` replaces; nil when bytes could differ from Characters (see above).
    static func ofBytes(_ formula: String) -> String? {
        var bytes = Array(formula.utf8)
        guard bytesMatchCharacters(bytes) else { return nil }
        bytes = removingPrefixes(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if let end = referenceEnd(bytes, from: i) {
                out.append(UInt8(ascii: "#"))
                i = end
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every ASCII byte next to a non-ASCII byte is `"`.
    static func bytesMatchCharacters(_ bytes: [UInt8]) -> Bool {
        let quote = UInt8(ascii: "\"")
        for i in bytes.indices.dropLast() {
            let (a, b) = (bytes[i], bytes[i + 1])
            if a < 0x80, b >= 0x80, a != quote { return false }
            if a >= 0x80, b < 0x80, b != quote { return false }
        }
        return true
    }

    /// Steps before the references: `_xlfn.` taken out (left to right, not looked for again in what
    /// is left), then every `$` and space, then one leading `=`.
    private static func removingPrefixes(_ bytes: [UInt8]) -> [UInt8] {
        let xlfn = Array("_xlfn.".utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == xlfn[0], i + xlfn.count <= bytes.count, bytes[i..<(i + xlfn.count)].elementsEqual(xlfn) {
                i += xlfn.count
                continue
            }
            kept.append(bytes[i])
            i += 1
        }
        kept.removeAll { $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: " ") }
        if kept.first == UInt8(ascii: "=") { kept.removeFirst() }
        return kept
    }

    /// Where a reference that starts at `i` ends: 1–3 letters (the regex takes up to 3 and gives
    /// back none that would help, so more letters before the digits is no match here) then digits.
    private static func referenceEnd(_ bytes: [UInt8], from i: Int) -> Int? {
        var j = i
        while j < bytes.count, j - i < 4, isLetter(bytes[j]) { j += 1 }
        let letters = j - i
        guard (1...3).contains(letters), j < bytes.count, isDigit(bytes[j]) else { return nil }
        while j < bytes.count, isDigit(bytes[j]) { j += 1 }
        return j
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// The rate shapes for a direction word, computed once per word (a template has one).
    static func rateShapes(lowerIsBetter word: String) -> (percent: String, plain: String) {
        rateShapeMemo.value(word) { LiveRate.rateShapes(lowerIsBetter: word) }
    }

    private static let rateShapeMemo = Memo<(percent: String, plain: String)>()
}
