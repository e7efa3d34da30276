import Foundation
import EvalSheetModel

/// One line of the text form: its 1-based number and its TAB-separated cells, as written and with
/// surrounding spaces removed (each cell trimmed once, when the line is cut: the readers ask for
/// the same cells many times). Lines are cut from their bytes (`CellCutting`).
struct TextLine: Sendable {
    let number: Int
    /// The cells without surrounding spaces.
    let texts: [String]
    /// Indices of cells that hold something.
    let filledIndices: [Int]
    /// The cells as written when some cell had spaces around it (nil: each is its text).
    private let untrimmed: [String]?

    init(number: Int, texts: [String], filledIndices: [Int], untrimmed: [String]?) {
        self.number = number
        self.texts = texts
        self.filledIndices = filledIndices
        self.untrimmed = untrimmed
    }

    /// The line cut from cells as written: the definition `CellCutting` follows.
    init(number: Int, cells: [Substring]) {
        let texts = cells.map { String($0.trimmedSpaces()) }
        self.init(number: number, texts: texts, filledIndices: texts.indices.filter { !texts[$0].isEmpty },
                  untrimmed: zip(cells, texts).allSatisfy({ $0.utf8.count == $1.utf8.count }) ? nil : cells.map(String.init))
    }

    /// The cells as written (only the text before a file's first sheet is shown this way).
    var cells: [String] { untrimmed ?? texts }

    var isEmpty: Bool { filledIndices.isEmpty }

    /// Cell `i` with surrounding spaces removed, or "" past the end.
    func cell(_ i: Int) -> String {
        i < texts.count ? texts[i] : ""
    }

    /// The first cell that holds something, with its index.
    var firstFilled: (index: Int, text: String)? {
        filledIndices.first.map { ($0, texts[$0]) }
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
enum Label {
    static func key(_ s: some StringProtocol) -> String { s.labelKey() }
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
