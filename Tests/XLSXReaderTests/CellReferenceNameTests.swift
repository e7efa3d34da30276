import Testing
@testable import XLSX

/// `CellReference.columnName` and `description`, written into one buffer, against the letters
/// built one Character at a time (the former definition) and `String(row + 1)`; `CellRange`
/// parsed at the byte `:` against the split at the Character `:`.
@Suite("Cell reference names and ranges")
struct CellReferenceNameTests {
    static func columnNameByCharacters(_ column: Int) -> String {
        var n = column + 1
        var scalars: [Character] = []
        while n > 0 {
            scalars.append(Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26))))
            n = (n - 1) / 26
        }
        return String(scalars.reversed())
    }

    @Test("every column of a sheet and beyond, rows at their bounds")
    func names() {
        let columns = Array(0...(CellReference.maxColumn + 100)) + [475_253, 475_254, 12_356_629, Int.max - 1]
        for c in columns {
            #expect(CellReference.columnName(c) == Self.columnNameByCharacters(c), "\(c)")
        }
        for c in [0, 25, 26, 701, 702, 16_383, Int.max - 1] {
            for r in [-1_000_000, -2, -1, 0, 8, 9, 98, 99, 999_999, CellReference.maxRow, Int.max - 1] {
                #expect(CellReference(row: r, column: c).description == Self.columnNameByCharacters(c) + String(r + 1), "\(r) \(c)")
            }
        }
        #expect(CellReference(row: 6, column: 1).description == "B7")
        #expect(CellReference(row: 1_048_575, column: 16_383).description == "XFD1048576")
    }

    @Test("the names kept for the top left of a sheet, and those just outside it, are the written ones")
    func keptNames() {
        for r in -2...(CellReference.namedRows + 2) {
            for c in 0...(CellReference.namedColumns + 2) {
                #expect(CellReference(row: r, column: c).description == Self.columnNameByCharacters(c) + String(r + 1), "\(r) \(c)")
            }
        }
    }

    static func rangeByCharacters(_ text: String) -> CellRange? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return CellReference(parts[0]).map { CellRange($0) }
        case 2:
            guard let a = CellReference(parts[0]), let b = CellReference(parts[1]) else { return nil }
            return CellRange(first: a, last: b)
        default: return nil
        }
    }

    @Test("ranges: edge cases and random texts give the range the Character split gives")
    func ranges() {
        var state: UInt64 = 78
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let pieces = ["A", "B", "xfd", "AAAA", "1", "7", "1048576", "1048577", "0", "$", ":", "::", " ", "\u{301}", "\r\n", "é", "Ａ", "１"]
        var texts = ["", ":", "A1", "A1:", ":A1", "A1:C3", "$A$1:$C$3", "C3:A1", "A1:B2:C3", "A1:\u{301}B2", "A1\u{301}:B2", "a1:c3",
                     "XFD1048576", "XFE1", "A0", "A1:B", "A1 :B2"]
        for _ in 0..<20_000 { texts.append((0..<(1 + next(6))).map { _ in pieces[next(pieces.count)] }.joined()) }
        for t in texts {
            #expect(CellRange(t) == Self.rangeByCharacters(t), "\(t.debugDescription)")
            #expect(CellRange(Substring(t)) == Self.rangeByCharacters(t), "\(t.debugDescription)")
        }
        #expect(CellRange("B2:A1") == CellRange(first: .init(row: 0, column: 0), last: .init(row: 1, column: 1)))
    }
}
