import Foundation
import EvalSheetModel

/// One line of the text form: its 1-based number and its TAB-separated cells, as written and with
/// surrounding spaces removed (each cell trimmed once, when the line is cut: the readers ask for
/// the same cells many times). Lines are cut from their bytes (`CellCutting`).
///
/// A class (it is never changed after it is made): the readers pass lines around and iterate
/// slices of them many times, and a copy is then one reference, not one for each of its arrays.
/// Which cells hold something is a bit per cell (`filledMask`) for lines of up to 64 cells.
final class TextLine: Sendable {
    let number: Int
    /// The cells without surrounding spaces.
    let texts: [String]
    /// Bit `i` set: cell `i` holds something (lines of at most 64 cells; else `wideFilled`).
    private let filledMask: UInt64
    /// The indices of the cells that hold something, for a line of more than 64 cells (else nil).
    private let wideFilled: [Int]?
    /// The cells as written when some cell had spaces around it (nil: each is its text).
    private let untrimmed: [String]?

    init(number: Int, texts: [String], untrimmed: [String]?) {
        self.number = number
        self.texts = texts
        self.untrimmed = untrimmed
        if texts.count <= 64 {
            var mask: UInt64 = 0
            for i in texts.indices where !texts[i].isEmpty { mask |= 1 << UInt64(i) }
            filledMask = mask
            wideFilled = nil
        } else {
            filledMask = 0
            wideFilled = texts.indices.filter { !texts[$0].isEmpty }
        }
    }

    /// The line cut from cells as written: the definition `CellCutting` follows.
    convenience init(number: Int, cells: [Substring]) {
        let texts = cells.map { String($0.trimmedSpaces()) }
        self.init(number: number, texts: texts,
                  untrimmed: zip(cells, texts).allSatisfy({ $0.utf8.count == $1.utf8.count }) ? nil : cells.map(String.init))
    }

    /// The cells as written (only the text before a file's first sheet is shown this way).
    var cells: [String] { untrimmed ?? texts }

    /// Indices of cells that hold something, in order (made when asked: `forEachFilled`,
    /// `filledCount` and `firstFilled` answer without an array).
    var filledIndices: [Int] {
        if let wideFilled { return wideFilled }
        var out: [Int] = []
        out.reserveCapacity(filledMask.nonzeroBitCount)
        forEachFilled { out.append($0) }
        return out
    }

    /// Calls `body` with the index of each cell that holds something, in order.
    @inline(__always)
    func forEachFilled(_ body: (Int) -> Void) {
        if let wideFilled { return wideFilled.forEach(body) }
        var mask = filledMask
        while mask != 0 {
            body(mask.trailingZeroBitCount)
            mask &= mask &- 1
        }
    }

    /// How many cells hold something.
    var filledCount: Int { wideFilled?.count ?? filledMask.nonzeroBitCount }

    var isEmpty: Bool { wideFilled.map(\.isEmpty) ?? (filledMask == 0) }

    /// Cell `i` with surrounding spaces removed, or "" past the end.
    func cell(_ i: Int) -> String {
        i < texts.count ? texts[i] : ""
    }

    /// The index of the first cell that holds something.
    var firstFilledIndex: Int? {
        if let wideFilled { return wideFilled.first }
        return filledMask == 0 ? nil : filledMask.trailingZeroBitCount
    }

    /// The index of the first cell after cell `i` that holds something.
    func nextFilledIndex(after i: Int) -> Int? {
        if let wideFilled { return wideFilled.first { $0 > i } }
        guard i < 63 else { return nil }
        let rest = i < 0 ? filledMask : filledMask & (~0 << UInt64(i + 1))
        return rest == 0 ? nil : rest.trailingZeroBitCount
    }

    /// The first cell that holds something, with its index.
    var firstFilled: (index: Int, text: String)? {
        firstFilledIndex.map { ($0, texts[$0]) }
    }
}

/// Decodes a text-form file: UTF-8 (strict), optional BOM, LF or CRLF (or CR) line ends.
enum TextDecoding {
    static func lines(from data: Data, file: String) throws(TextFormError) -> [TextLine] {
        let result: Result<[TextLine], TextFormError> = data.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            let bom = all.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let bytes = UnsafeBufferPointer(rebasing: all[bom...])
            var splitter = LineSplitter()
            var lines: [TextLine] = []
            var hasContent = false
            let ok = splitter.feed(bytes, final: true) { line in
                if !hasContent { hasContent = line.hasNonWhitespace }
                lines.append(line)
            }
            guard ok else {
                return .failure(TextFormError(file: file, line: firstInvalidLine(Array(bytes)), message: .init(
                    ja: "UTF-8 として読めない文字があります(文字コードを UTF-8 にして保存してください)",
                    en: "invalid UTF-8 (save the file as UTF-8)"), id: "text.encoding"))
            }
            guard hasContent else {
                return .failure(TextFormError(file: file, line: 0, message: .init(
                    ja: "ファイルが空です", en: "the file is empty"), id: "text.empty"))
            }
            return .success(lines)
        }
        return try result.get()
    }

    /// The line holding the first byte sequence that is not valid UTF-8.
    static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            guard i + length <= bytes.count,
                  String(validating: bytes[i..<i + length], as: UTF8.self) != nil else { return line }
            if b == 0x0A { line += 1 }
            i += length
        }
        return line
    }
}

/// How fixed labels are compared (see `StringProtocol.labelKey()`). Never applied to data text.
///
/// Most cells asked about are data (a reason, a name), not labels, and making the key of a long text
/// costs as much as reading it. `matches` and `key(_:within:)` answer for such a cell without its
/// key: keys are compared with `==`, canonical equivalence, so a cell's key equals a label's key only
/// when their NFDs are equal; canonical decomposition never lowers the number of scalars and turns
/// one scalar into at most four, so a cell whose key holds more than four scalars for each byte of
/// a label's key (`maximumScalars`, with room to spare) matches no label of that length.
enum Label {
    static func key(_ s: some StringProtocol) -> String { s.labelKey() }

    /// Whether a cell's key is `key` (itself a key): `Label.key(cell) == key`. Two keys that open with
    /// different plain starters (`TextSet.isPlainStarter`: their NFDs open with them) differ.
    static func matches(_ cell: String, _ key: String) -> Bool {
        if let c = firstKeyScalar(cell), TextSet.isPlainStarter(c), let k = key.unicodeScalars.first?.value,
           TextSet.isPlainStarter(k), c != k { return false }
        return Self.key(cell, within: key.utf8.count).map { $0 == key } ?? false
    }

    /// The cell's key, or nil when it equals no key of at most `keyBytes` UTF-8 bytes.
    static func key(_ cell: String, within keyBytes: Int) -> String? {
        let limit = maximumScalars(keyBytes)
        if cell.utf8.count > limit, keptScalarsExceed(cell, limit) { return nil }
        return key(cell)
    }

    /// The most scalars a key can hold and still be canonically equivalent to one of `keyBytes`
    /// bytes: at most `keyBytes` scalars, each decomposed into at most four (Unicode 15: four);
    /// twice that is kept as a margin.
    static func maximumScalars(_ keyBytes: Int) -> Int { 8 &* keyBytes &+ 8 }

    /// Whether the cell's key holds more than `limit` scalars, counted on the bytes: every byte that
    /// starts a scalar, less the scalars `labelKey` drops (space, TAB, CR, LF, U+3000 = E3 80 80;
    /// folding keeps the count). An E3 is counted when seen and taken back when it proves to be
    /// U+3000, so the running count overstates by at most one: it must pass `limit + 1`.
    static func keptScalarsExceed(_ cell: String, _ limit: Int) -> Bool {
        var count = 0
        var p1: UInt8 = 0, p2: UInt8 = 0
        for b in cell.utf8 {
            defer { p2 = p1; p1 = b }
            if b & 0xC0 == 0x80 {
                if b == 0x80, p1 == 0x80, p2 == 0xE3 { count &-= 1 }
                continue
            }
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { continue }
            count &+= 1
            if count > limit &+ 1 { return true }
        }
        return false
    }

    /// Whether a cell's key starts with `prefix` (a key): false when the key opens with
    /// a plain starter (`TextSet.isPlainStarter`: its NFD opens with it) that is not the first scalar
    /// of the prefix's NFD (`prefixStart`), since then their first characters differ; else `hasPrefix`.
    static func hasPrefix(_ cell: String, _ prefix: String, prefixStart: UInt32) -> Bool {
        if !prefix.isEmpty, let first = firstKeyScalar(cell), TextSet.isPlainStarter(first), first != prefixStart { return false }
        return key(cell).hasPrefix(prefix)
    }

    /// The first scalar of a cell's key when the bytes tell it: the first scalar after the spaces,
    /// TABs and line breaks (and U+3000) `labelKey` drops, when it is ASCII or a three-byte scalar
    /// no folding changes (not EF BC / EF BD, full-width ASCII); nil otherwise.
    static func firstKeyScalar(_ cell: String) -> UInt32? {
        var u = cell.utf8.makeIterator()
        while let b = u.next() {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case 0x00..<0x80: return UInt32(b)
            case 0xE0...0xEF:
                guard let b1 = u.next(), let b2 = u.next() else { return nil }
                if b == 0xE3, b1 == 0x80, b2 == 0x80 { continue }
                if b == 0xEF, b1 == 0xBC || b1 == 0xBD { return nil }
                return UInt32(b & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
            default: return nil
            }
        }
        return nil
    }

    /// The first scalar of a key's NFD (for `hasPrefix`); 0 for an empty key.
    static func nfdStart(_ key: String) -> UInt32 {
        key.decomposedStringWithCanonicalMapping.unicodeScalars.first?.value ?? 0
    }
}

/// A fixed text a cell is asked to open with (`String.hasPrefix`: canonical equivalence, character
/// by character), with the first scalar of its NFD.
struct TextPrefix: Sendable {
    let text: String
    /// The first scalar of the text's NFD (0 for an empty text).
    let start: UInt32

    init(_ text: String) {
        self.text = text
        start = Label.nfdStart(text)
    }

    /// `※`: it opens the legend's first line and the footnotes.
    static let noteMark = TextPrefix("※")

    /// `cell.hasPrefix(text)`; false at once when the cell opens with a plain starter
    /// (`TextSet.isPlainStarter`: its first character's NFD opens with it) that is not `start`,
    /// since then their first characters differ.
    func opens(_ cell: String) -> Bool {
        if start != 0, let first = cell.unicodeScalars.first?.value, TextSet.isPlainStarter(first), first != start { return false }
        return cell.hasPrefix(text)
    }
}

/// The printed numbers of indicators and challenges: `①`…`⑳`, and `(21)` — how the writer prints
/// numbers beyond ⑳ (`CircledNumber.text`).
enum OrdinalText {
    static func parse(_ s: some StringProtocol) -> Int? {
        if let n = CircledNumber.parse(s) { return n }
        let trimmed = s.trimmedSpaces()
        // Only `(` or `（` (EF BC 88) opens a text that starts with `(` once folded.
        guard let lead = trimmed.utf8.first, lead == 0x28 || lead == 0xEF else { return nil }
        let t = PrintedNumber.foldFullWidth(String(trimmed))
        guard t.hasPrefix("("), t.hasSuffix(")"), t.count > 2 else { return nil }
        return FiscalYearText.parseDigits(t.dropFirst().dropLast())
    }
}

/// A cell's place as messages name it: `6列目` / `cell 6` (1-based, as a spreadsheet shows it).
enum CellName {
    static func ja(_ i: Int) -> String { "\(i + 1)列目" }
    static func en(_ i: Int) -> String { "cell \(i + 1)" }
}
