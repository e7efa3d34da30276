import XLSX

/// A `<definedName>` of the workbook.
public struct XLSXDefinedName: Sendable, Equatable {
    /// The name, e.g. `施策名` or `_xlnm.Print_Area`.
    public let name: String
    /// The formula text the name stands for, e.g. `'1 基本情報'!$B$3`, as written (no leading `=`).
    public let refersTo: String
    /// The sheet index (0-based, workbook order) when the name is local to one sheet.
    public let localSheetId: Int?
    /// True when the name is hidden from Excel's Name Manager.
    public let isHidden: Bool

    /// Creates a defined name.
    public init(name: String, refersTo: String, localSheetId: Int? = nil, isHidden: Bool = false) {
        self.name = name
        self.refersTo = refersTo
        self.localSheetId = localSheetId
        self.isHidden = isHidden
    }

    /// The sheet and cells `refersTo` denotes, or nil when it is not a single area
    /// (a constant, a formula, `#REF!`, several areas, another workbook).
    public var area: XLSXAreaReference? { XLSXAreaReference(refersTo) }
}

/// A single rectangular area on one sheet, as a defined name or validation formula writes it:
/// `'1 基本情報'!$B$3`, `'Sheet 1'!$A$5:$H$40`, `Data!$A:$A`, `$1:$3`.
public struct XLSXAreaReference: Sendable, Equatable, CustomStringConvertible {
    /// The sheet name with quotes removed and `''` turned into `'`; nil when the text names no sheet.
    public let sheetName: String?
    /// The cells. Whole columns span every row; whole rows span every column.
    public let range: CellRange

    /// Creates an area.
    public init(sheetName: String?, range: CellRange) {
        self.sheetName = sheetName
        self.range = range
    }

    /// Parses the text of a reference; a leading `=` is allowed. Returns nil for anything that is
    /// not exactly one area.
    public init?(_ text: String) {
        var rest = Substring(text).drop { $0 == " " }
        if rest.first == "=" { rest = rest.dropFirst() }
        var sheet: String?
        if rest.first == "'" {
            var name = ""
            var index = rest.index(after: rest.startIndex)
            var closed = false
            while index < rest.endIndex {
                let ch = rest[index]
                if ch == "'" {
                    let next = rest.index(after: index)
                    if next < rest.endIndex && rest[next] == "'" {
                        name.append("'")
                        index = rest.index(after: next)
                        continue
                    }
                    closed = true
                    index = next
                    break
                }
                name.append(ch)
                index = rest.index(after: index)
            }
            guard closed, index < rest.endIndex, rest[index] == "!", !name.isEmpty else { return nil }
            sheet = name
            rest = rest[rest.index(after: index)...]
        } else if let bang = rest.lastIndex(of: "!") {
            let name = rest[..<bang]
            guard !name.isEmpty else { return nil }
            sheet = String(name)
            rest = rest[rest.index(after: bang)...]
        }
        if let sheet, sheet.contains(where: { "[]:*?/\\".contains($0) }) { return nil }
        guard let range = Self.parseArea(rest) else { return nil }
        self.sheetName = sheet
        self.range = range
    }

    private static func parseArea(_ text: Substring) -> CellRange? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 1 {
            return CellReference(parts[0]).map { CellRange($0) }
        }
        guard parts.count == 2 else { return nil }
        if let a = CellReference(parts[0]), let b = CellReference(parts[1]) {
            return CellRange(first: a, last: b)
        }
        if let a = columnOnly(parts[0]), let b = columnOnly(parts[1]) {
            return CellRange(first: CellReference(row: 0, column: a),
                             last: CellReference(row: CellReference.maxRow, column: b))
        }
        if let a = rowOnly(parts[0]), let b = rowOnly(parts[1]) {
            return CellRange(first: CellReference(row: a, column: 0),
                             last: CellReference(row: b, column: CellReference.maxColumn))
        }
        return nil
    }

    private static func columnOnly(_ text: Substring) -> Int? {
        let letters = text.first == "$" ? text.dropFirst() : text
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        var column = 0
        for byte in letters.utf8 {
            let lower = byte | 0x20
            guard lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") else { return nil }
            column = column * 26 + Int(lower - UInt8(ascii: "a")) + 1
        }
        return column - 1 <= CellReference.maxColumn ? column - 1 : nil
    }

    private static func rowOnly(_ text: Substring) -> Int? {
        let digits = text.first == "$" ? text.dropFirst() : text
        guard !digits.isEmpty, digits.count <= 7, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let row = Int(digits), row >= 1 else { return nil }
        return row - 1 <= CellReference.maxRow ? row - 1 : nil
    }

    /// `'Sheet 1'!$A$5:$H$40` (the sheet is always quoted).
    public var description: String {
        guard let sheetName else { return range.absolute }
        return quotedSheetName(sheetName) + "!" + range.absolute
    }
}
