/// A cell address in A1 notation: zero-based row and column, printed as `B7` or `$B$7`.
///
/// Rows and columns are zero-based in Swift (as libxlsxwriter counts them) and one-based
/// when printed (as Excel shows them). Parsing accepts `$` anchors and lower case.
public struct CellReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Zero-based row index (Excel row 1 is 0).
    public var row: Int
    /// Zero-based column index (column A is 0).
    public var column: Int

    /// The largest row and column index an XLSX sheet can hold (1,048,576 rows, 16,384 columns).
    public static let maxRow = 1_048_575
    public static let maxColumn = 16_383

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `B7`, `$B$7`, `xfd1048576`. Returns nil for anything else.
    public init?(_ text: some StringProtocol) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        var sawDigit = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                if sawDigit || (letters > 0 && digits > 0) { return nil }
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                if sawDigit { return nil }
                letters += 1
                if letters > 3 { return nil }
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if letters == 0 { return nil }
                sawDigit = true
                digits += 1
                if digits > 7 { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, row >= 1, row - 1 <= Self.maxRow, column - 1 <= Self.maxColumn else {
            return nil
        }
        self.init(row: row - 1, column: column - 1)
    }

    /// The column letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
    public static func columnName(_ column: Int) -> String {
        precondition(column >= 0, "negative column")
        return String(unsafeUninitializedCapacity: 16) { writeColumnName(column, into: $0) }
    }

    /// Writes the column letters at the start of `buffer` (16 bytes hold any Int's); returns how many.
    private static func writeColumnName(_ column: Int, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var n = column + 1
        var count = 0
        while n > 0 {
            buffer[count] = UInt8(65 + (n - 1) % 26)
            count += 1
            n = (n - 1) / 26
        }
        buffer[0..<count].reverse()
        return count
    }

    /// `B7`. Written into one buffer (no intermediate strings): import names a cell for every value.
    /// A cell of a sheet has at most 10 characters (`XFD1048576`): asked for with the capacity of a
    /// small String (15 bytes), it is made in place, without allocating.
    public var description: String {
        precondition(column >= 0, "negative column")
        // The top left of a sheet, where every sheet of ours lies, is named from a table made once.
        if column < Self.namedColumns && row >= 0 && row < Self.namedRows {
            return Self.names[row &* Self.namedColumns &+ column]
        }
        return written
    }

    /// Rows and columns of the top left of a sheet whose names are kept (`names`).
    static let namedRows = 128, namedColumns = 16

    /// `written` of every cell in the top left `namedRows` × `namedColumns`, row by row.
    private static let names: [String] = (0..<namedRows * namedColumns).map {
        CellReference(row: $0 / namedColumns, column: $0 % namedColumns).written
    }

    /// `description`, written out (the definition the table is made of).
    var written: String {
        let onASheet = column <= Self.maxColumn && row >= 0 && row <= Self.maxRow
        return String(unsafeUninitializedCapacity: onASheet ? 15 : 40) { buffer in
            var count = Self.writeColumnName(column, into: buffer)
            let number = row + 1
            if number < 0 {
                // Never for a cell of a sheet; printed as String(Int) prints it.
                for byte in String(number).utf8 { buffer[count] = byte; count += 1 }
                return count
            }
            var digits = 0
            var n = number
            repeat { digits += 1; n /= 10 } while n > 0
            n = number
            for i in stride(from: count + digits - 1, through: count, by: -1) {
                buffer[i] = UInt8(48 + n % 10)
                n /= 10
            }
            return count + digits
        }
    }

    /// `$B$7`, the form defined names and formulas use.
    public var absolute: String { "$" + Self.columnName(column) + "$" + String(row + 1) }

    /// This reference moved by the given number of rows and columns.
    public func offset(rows: Int = 0, columns: Int = 0) -> CellReference {
        CellReference(row: row + rows, column: column + columns)
    }

    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// A rectangular block of cells, `A1:C3`; a single cell prints as `A1`.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var first: CellReference
    public var last: CellReference

    public init(first: CellReference, last: CellReference) {
        self.first = CellReference(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellReference(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    public init(_ cell: CellReference) { self.init(first: cell, last: cell) }

    /// Parses `A1:C3`, `$A$1:$C$3` or a single `A1`.
    ///
    /// Split at the byte `:` of a String (not at the Characters of a generic text, which cost ~10,000
    /// instructions a range when a reader read every merged range): the same ranges, since a
    /// reference holds ASCII only, so any other byte anywhere (a mark joined to the `:`) is no range
    /// either way.
    public init?(_ text: some StringProtocol) {
        let string = String(text)
        let utf8 = string.utf8
        let colon = UInt8(ascii: ":")
        guard let split = utf8.firstIndex(of: colon) else {
            guard let a = CellReference(string) else { return nil }
            self.init(a)
            return
        }
        let after = utf8.index(after: split)
        guard !utf8[after...].contains(colon),
              let a = CellReference(Substring(utf8[..<split])), let b = CellReference(Substring(utf8[after...])) else { return nil }
        self.init(first: a, last: b)
    }

    public func contains(_ cell: CellReference) -> Bool {
        (first.row...last.row).contains(cell.row) && (first.column...last.column).contains(cell.column)
    }

    public var rowCount: Int { last.row - first.row + 1 }
    public var columnCount: Int { last.column - first.column + 1 }

    public var description: String {
        first == last ? first.description : "\(first):\(last)"
    }

    /// `$A$1:$C$3`, the form defined names and validation formulas use.
    public var absolute: String {
        first == last ? first.absolute : "\(first.absolute):\(last.absolute)"
    }
}

/// Quotes a sheet name for use in a formula or defined name: `'1 基本情報'!$B$3`.
/// Each `'` (a Character of its own) is doubled; a name without the byte `'` is only wrapped.
public func quotedSheetName(_ name: String) -> String {
    guard name.utf8.contains(UInt8(ascii: "'")) else { return "'" + name + "'" }
    return "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
}
