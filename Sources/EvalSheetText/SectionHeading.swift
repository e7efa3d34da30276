import EvalSheetModel

/// Section headings: a line whose first cell starts with a section title's fixed part
/// (`3. 構成事業の状況`, `5. 評価`; spaces and full-width dots tolerated). The titles are the
/// template's (`sheets.*.title`).
enum SectionHeading {
    /// The section number a line opens, or nil.
    static func number(of line: TextLine, _ words: TextVocabulary) -> Int? {
        // The trimmed first cell: its key is the key of the cell as written (the key drops spaces).
        guard let first = line.texts.first else { return nil }
        // An empty key (the cell holds only what keys drop) starts with no stem: stems are not empty.
        guard let b = firstKeyByte(first) else { return nil }
        if let lead = words.sectionLeads, b < 0x80 || b != 0xEF, !lead.contains(b) { return nil }
        let key = Label.key(first)
        // The longest stem the key starts with (the first of equally long ones); section n is at n - 1.
        // Two different ASCII first bytes settle `hasPrefix` at once (it answers false), so the
        // other stems are passed over without it.
        let stems = words.sectionStemKeys
        let keyLead = key.utf8.first ?? 0
        var best: (index: Int, length: Int)?
        for n in stems.indices where !stems[n].isEmpty {
            let stemLead = stems[n].utf8.first!
            if stemLead != keyLead, stemLead < 0x80, keyLead < 0x80 { continue }
            guard hasPrefix(key, stems[n]) else { continue }
            let length = words.sectionStemLengths[n]
            if best.map({ length > $0.length }) ?? true { best = (n, length) }
        }
        return best.map { $0.index + 1 }
    }

    /// `key.hasPrefix(stem)`, answered from the bytes when they settle it: a key whose bytes end
    /// within the stem's holds fewer characters than the stem (canonical equivalence never makes
    /// a text shorter by a prefix of its own bytes); at the first byte that differs, two ASCII
    /// bytes after an ASCII byte (or at the start) begin characters that differ whatever follows.
    /// Either way the key does not start with the stem. When every byte of the stem matches and
    /// the key ends there or goes on with an ASCII byte, the key's characters up to there are the
    /// stem's (no character of these stems joins an ASCII one that follows). Otherwise `hasPrefix`
    /// decides.
    static func hasPrefix(_ key: String, _ stem: String) -> Bool {
        var k = key.utf8.makeIterator(), s = stem.utf8.makeIterator()
        var previousIsASCII = true
        while let sb = s.next() {
            guard let kb = k.next() else { return false }
            guard kb == sb else {
                if previousIsASCII, kb < 0x80, sb < 0x80 { return false }
                return key.hasPrefix(stem)
            }
            previousIsASCII = kb < 0x80
        }
        // Every byte of the stem matched.
        let next = k.next()
        if (next == nil || next! < 0x80), endsBeforeAnyCharacter(stem) { return true }
        return key.hasPrefix(stem)
    }

    /// Whether a text's last character ends where an ASCII character follows it: only a prepended
    /// concatenation mark (Unicode's Prepend: U+0600…, U+0D4E, U+110BD…) joins the character after
    /// it, and none lies below U+0600 or between U+3000 and U+11000 (kana, kanji, full-width forms).
    private static func endsBeforeAnyCharacter(_ text: String) -> Bool {
        guard let v = text.unicodeScalars.last?.value else { return false }
        return v < 0x0600 || (0x3000..<0x11000).contains(v)
    }

    /// The first byte of a cell's label key when it is plain (ASCII, or a non-ASCII scalar that is
    /// not full-width ASCII, given as its lead byte); nil exactly for an empty key. Spaces, tabs, line
    /// breaks and U+3000 are passed over as `labelKey` removes them.
    private static func firstKeyByte(_ cell: String) -> UInt8? {
        var u = cell.utf8.makeIterator()
        while let b = u.next() {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case 0xE3:
                var probe = u
                if probe.next() == 0x80, probe.next() == 0x80 { u = probe; continue }
                return b
            default: return b
            }
        }
        return nil
    }

    /// Whether the heading cell reads exactly as the form prints it: `3. 構成事業の状況`, and for §5
    /// `5. 評価` optionally followed by `(<年度>実績に対する)`. Anything more is text the model does
    /// not keep, so the reader warns about it.
    static func isCanonical(_ cell: some StringProtocol, _ n: Int, _ words: TextVocabulary) -> Bool {
        words.section(n).isCanonical(cell)
    }

    /// `5. 評価`: the heading as messages name it.
    static func display(_ n: Int, _ words: TextVocabulary) -> String { words.section(n).stem }
}
