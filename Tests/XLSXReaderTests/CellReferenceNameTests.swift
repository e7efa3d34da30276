import Testing
import XLSX

/// `CellReference.columnName` and `description`, written into one buffer, against the letters
/// built one Character at a time (the former definition) and `String(row + 1)`.
@Suite("Cell reference names")
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
}
