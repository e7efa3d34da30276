/// Cuts UTF-8 bytes into the text form's lines as they arrive: LF, CRLF or CR ends a line (a CRLF
/// split between two chunks is one line end), each line is validated as UTF-8 and split into its
/// TAB-separated cells. Lines are numbered from 1 in the order fed. Works on bytes (TAB, CR and LF
/// are always characters of their own), so no line is copied, normalised or searched twice.
struct LineSplitter {
    /// The number the next line gets.
    private(set) var nextNumber = 1
    /// The bytes of an unfinished line from the previous chunk.
    private(set) var pending: [UInt8] = []
    /// The previous chunk ended with CR: an LF at the start of the next one belongs to it.
    private var afterCR = false

    /// Feeds a chunk; calls `emit` for each complete line (and, when `final`, the last one, which
    /// may be empty, as after a final line break). False when a line is not valid UTF-8 (nothing
    /// more is emitted then).
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, final: Bool, _ emit: (TextLine) -> Void) -> Bool {
        var number = nextNumber
        return feedLines(chunk, final: final) { bytes in
            guard let line = CellCutting.line(number: number, bytes: bytes) else { return false }
            emit(line)
            number += 1
            return true
        }
    }

    /// Feeds a chunk only to check it: false when a line is not valid UTF-8. Until `hasContent` is
    /// true it is set when a line holds something that is not whitespace (as `hasNonWhitespace`
    /// tells); after that the lines are only validated, without being made into Strings.
    mutating func check(_ chunk: UnsafeBufferPointer<UInt8>, final: Bool, hasContent: inout Bool) -> Bool {
        var found = hasContent
        defer { hasContent = found }
        return feedLines(chunk, final: final) { bytes in
            if found { return UTF8Validation.isValid(bytes) }
            guard let text = String(validating: bytes, as: UTF8.self) else { return false }
            found = TextLine.hasNonWhitespace(text)
            return true
        }
    }

    /// Cuts a chunk into lines (the bytes of an unfinished line kept for the next chunk) and hands
    /// each line's bytes to `line`, which answers false to stop. Numbers the lines.
    private mutating func feedLines(_ chunk: UnsafeBufferPointer<UInt8>, final: Bool,
                                    _ line: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var start = 0
        var i = 0
        if afterCR, chunk.first == 0x0A { start = 1; i = 1 }
        afterCR = false
        let n = chunk.count
        while i < n {
            // Eight bytes at a time while none of them is a CR or an LF.
            if i + 8 <= n, let base = chunk.baseAddress,
               !Self.holdsLineEnd(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let b = chunk[i]
            if b == 0x0A || b == 0x0D {
                guard hand(UnsafeBufferPointer(rebasing: chunk[start..<i]), to: line) else { return false }
                if b == 0x0D {
                    if i + 1 < n {
                        if chunk[i + 1] == 0x0A { i += 1 }
                    } else {
                        afterCR = true
                    }
                }
                i += 1
                start = i
                continue
            }
            i += 1
        }
        if start < n { pending += UnsafeBufferPointer(rebasing: chunk[start..<n]) }
        if final {
            guard hand(UnsafeBufferPointer(rebasing: chunk[n..<n]), to: line) else { return false }
        }
        return true
    }

    /// Whether one of a word's eight bytes is CR (0x0D) or LF (0x0A): a byte equal to `b` is a zero
    /// byte of `word ^ b…b`, found by the borrow of subtracting 0x01 from each byte.
    @inline(__always)
    static func holdsLineEnd(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let lf = word ^ (ones &* 0x0A), cr = word ^ (ones &* 0x0D)
        return ((lf &- ones) & ~lf | (cr &- ones) & ~cr) & highs != 0
    }

    /// Hands `pending` + `tail` on as one line.
    private mutating func hand(_ tail: UnsafeBufferPointer<UInt8>, to line: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        defer { nextNumber += 1 }
        if pending.isEmpty { return line(tail) }
        pending += tail
        defer { pending.removeAll(keepingCapacity: true) }
        return pending.withUnsafeBufferPointer { line($0) }
    }
}

extension TextLine {
    /// Whether the line holds a character that is not whitespace (`Character.isWhitespace`); lines
    /// with a printable ASCII byte answer at once.
    var hasNonWhitespace: Bool { cells.contains { Self.hasNonWhitespace($0) } }

    /// Whether a text holds a character that is not whitespace. A TAB is whitespace and a
    /// character of its own, so a line answers as its cells do.
    static func hasNonWhitespace(_ text: some StringProtocol) -> Bool {
        if text.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) { return true }
        return text.contains(where: { !$0.isWhitespace })
    }
}
