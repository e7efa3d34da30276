// One streaming pass over a worksheet part: cells, merges, data validations, sheet protection.
// No DOM, no per-cell search; `<dimension>` is ignored.

import XLSX

/// The shared-string table as a worksheet sees it.
enum SharedStringSource {
    /// The strings of the workbook's shared-strings part.
    case table([String])
    /// The workbook has no (readable) shared-strings part; the reason is used in errors.
    case missing(String)
}

/// Result of parsing a cell reference from bytes.
enum ParsedCellReference {
    case cell(row: Int, column: Int)
    case invalid
    case outOfRange
}

/// Parses `B7` (no `$`) from bytes; distinguishes syntax errors from positions beyond XFD1048576.
@inline(__always)
func parseCellReference(_ b: UnsafeBufferPointer<UInt8>) -> ParsedCellReference {
    var i = 0
    let n = b.count
    var column = 0
    while i < n {
        let lower = b[i] | 0x20
        guard lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") else { break }
        if i < 4 { column = column * 26 + Int(lower - UInt8(ascii: "a")) + 1 }
        i += 1
    }
    let letters = i
    guard letters > 0, i < n else { return .invalid }
    var row = 0
    var digits = 0
    while i < n {
        let d = b[i] &- UInt8(ascii: "0")
        guard d <= 9 else { return .invalid }
        if digits < 9 { row = row * 10 + Int(d) }
        digits += 1
        i += 1
    }
    guard row >= 1 || digits > 9 else { return .invalid }
    if letters > 3 || digits > 7 || column - 1 > CellReference.maxColumn || row - 1 > CellReference.maxRow {
        return .outOfRange
    }
    return .cell(row: row - 1, column: column - 1)
}

struct WorksheetParser {
    private var xml: XMLTokenizer
    private let sheetName: String
    private let sharedStrings: SharedStringSource
    private let styles: StyleTable
    private let maxCells: Int
    /// False to read every cell through the tokenizer's events (`plainCell` unused): for tests.
    private let plainCells: Bool

    private var cells: [XLSXCell] = []
    private var keys: [Int] = []
    private var inOrder = true
    private var merges: [CellRange] = []
    private var validations: [XLSXDataValidation] = []
    private var protection: XLSXSheetProtection?

    private var valueBuffer: [UInt8] = []
    private var formulaBuffer: [UInt8] = []
    private var textBuffer: [UInt8] = []

    init(_ xml: XMLTokenizer, sheetName: String, sharedStrings: SharedStringSource, styles: StyleTable, maxCells: Int,
         plainCells: Bool = true) {
        self.xml = xml
        self.plainCells = plainCells
        self.sheetName = sheetName
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.maxCells = maxCells
        valueBuffer.reserveCapacity(64)
        formulaBuffer.reserveCapacity(64)
        textBuffer.reserveCapacity(64)
        // Room for the cells at once rather than grown by doubling (each growth copies every cell):
        // a stored cell takes at least 16 bytes of the part (`<c r="A1" s="1"/>`), so this is
        // enough for every sheet a workbook of ours holds; a larger sheet grows from there.
        let room = max(0, min(xml.partSize / 16, Self.initialCellRoom, maxCells))
        cells.reserveCapacity(room)
        keys.reserveCapacity(room)
    }

    /// The most cells room is made for before the first is read.
    static let initialCellRoom = 4096

    private func cellName(_ row: Int, _ column: Int) -> String {
        "\(sheetName)!\(CellReference.columnName(column))\(row + 1)"
    }

    private func fail(_ kind: XLSXReadError.Kind, cell: String? = nil, _ detail: String) -> XLSXReadError {
        xml.source.error(kind, cell: cell, offset: xml.offset, detail)
    }

    /// An error at one cell of this sheet: names it `Sheet!B7` and records sheet and position.
    private func fail(_ kind: XLSXReadError.Kind, at row: Int, _ column: Int, _ detail: String) -> XLSXReadError {
        var e = xml.source.error(kind, cell: cellName(row, column), offset: xml.offset, detail)
        e.sheet = sheetName
        e.reference = CellReference(row: row, column: column)
        return e
    }

    // MARK: - Document

    mutating func parse(index: Int) throws(XLSXReadError) -> XLSXWorksheet {
        while true {
            switch try xml.next() {
            case .startElement:
                if xml.depth == 1 {
                    guard xml.isElement(.spreadsheetML, "worksheet") else {
                        throw fail(.notAWorksheet, "the part's root element is not a SpreadsheetML <worksheet>")
                    }
                    continue
                }
                guard xml.depth == 2, xml.elementNamespace == .spreadsheetML else {
                    try xml.skipElement()
                    continue
                }
                let name = xml.localName
                if bytesEqual(name, "sheetData") {
                    try parseSheetData()
                } else if bytesEqual(name, "mergeCells") {
                    try parseMergeCells()
                } else if bytesEqual(name, "dataValidations") {
                    try parseDataValidations()
                } else if bytesEqual(name, "sheetProtection") {
                    let sheet = xml.attribute(.none, "sheet")
                    let hasPassword = xml.attributeIndex(.none, "password") != nil || xml.attributeIndex(.none, "hashValue") != nil
                    protection = XLSXSheetProtection(isSheetProtected: sheet == "1" || sheet == "true", hasPassword: hasPassword)
                    try xml.skipElement()
                } else if bytesEqual(name, "extLst") {
                    try parseExtensions()
                } else if bytesEqual(name, "cols") {
                    try xml.skipElement(takingPlain: "col")
                } else {
                    try xml.skipElement()
                }
            case .endOfDocument:
                try finishOrdering()
                return XLSXWorksheet(name: sheetName, index: index, partName: xml.source.part, cells: cells, keys: keys,
                                     merges: merges, dataValidations: validations, protection: protection)
            default:
                continue
            }
        }
    }

    /// Sorts cells by position when the part stored them out of order. Two cells at one address
    /// are an error: which value is meant cannot be known, and one must never silently replace the other.
    private mutating func finishOrdering() throws(XLSXReadError) {
        guard !inOrder else { return }
        let order = keys.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
        var newCells: [XLSXCell] = []
        var newKeys: [Int] = []
        newCells.reserveCapacity(cells.count)
        newKeys.reserveCapacity(keys.count)
        for i in order {
            if let last = newKeys.last, last == keys[i] {
                let ref = cells[i].reference
                throw fail(.duplicateCell, at: ref.row, ref.column,
                           "the worksheet holds two cells at \(ref); which value is meant cannot be known")
            }
            newCells.append(cells[i])
            newKeys.append(keys[i])
        }
        cells = newCells
        keys = newKeys
    }

    // MARK: - Cells

    private mutating func parseSheetData() throws(XLSXReadError) {
        var lastRow = -1
        while true {
            // A plain `<row …>` is taken straight from the bytes, as `next()` would have read it.
            let event = xml.takePlainStartTag("row") ? XMLEvent.startElement : try xml.next()
            switch event {
            case .startElement:
                guard xml.depth == 3, xml.isElement(.spreadsheetML, "row") else {
                    try xml.skipElement()
                    continue
                }
                var row = lastRow + 1
                let reference = xml.attributeIndex(.none, "r")
                let rowHasReference = reference != nil
                if let r = reference {
                    let parsed = try xml.withAttributeValue(r) { b in parseDecimal(trimmed(b), limit: 1 << 40) }
                    guard let number = parsed, number >= 1 else {
                        throw fail(.invalidCellReference, cell: "\(sheetName)!row \(xml.attributeString(r))",
                                   "invalid row number r=\"\(xml.attributeString(r))\"")
                    }
                    row = number - 1
                }
                if row > CellReference.maxRow {
                    throw fail(.cellOutOfRange, cell: "\(sheetName)!row \(row + 1)",
                               "row \(row + 1) is beyond the last row of a worksheet (1048576)")
                }
                lastRow = try parseRow(row, established: rowHasReference)
            case .endElement:
                if xml.depth == 1 { return }
            case .text:
                continue
            case .endOfDocument:
                return
            }
        }
    }

    /// Parses the cells of one row; returns the row index the row ended up using. Once the row's
    /// index is established — by its own `r`, or by its first cell — every cell `r` must agree.
    private mutating func parseRow(_ rowIndex: Int, established: Bool) throws(XLSXReadError) -> Int {
        var row = rowIndex
        var established = established
        var lastColumn = -1
        while true {
            // A plain cell (what every writer stores) is read straight from the bytes.
            if plainCells, let cell = xml.plainCell(),
               let start = plainCellStart(cell, defaultRow: row, rowEstablished: established, previousColumn: lastColumn) {
                xml.endPlainCell(cell)
                try readPlainCell(cell, start)
                row = start.row
                lastColumn = start.column
                established = true
                continue
            }
            // A plain `<c …>` is taken straight from the bytes, as `next()` would have read it;
            // anything unusual is left to `next()`.
            let event = xml.takePlainStartTag("c") ? XMLEvent.startElement
                : xml.takePlainEndTag() ? XMLEvent.endElement : try xml.next()
            switch event {
            case .startElement:
                guard xml.depth == 4, xml.isElement(.spreadsheetML, "c") else {
                    try xml.skipElement()
                    continue
                }
                let position = try parseCell(defaultRow: row, rowEstablished: established, previousColumn: lastColumn)
                row = position.row
                lastColumn = position.column
                established = true
            case .endElement:
                if xml.depth == 2 { return row }
            case .text:
                continue
            case .endOfDocument:
                return row
            }
        }
    }

    private enum CellType {
        case number, sharedString, formulaString, inlineString, boolean, error, date
    }

    /// Where a plain cell is, its type and style, when its `r`, `s` and `t` are all good; nil for
    /// anything `parseCell` would refuse (it then reads the cell, and says what is wrong).
    private func plainCellStart(_ cell: PlainCell, defaultRow: Int, rowEstablished: Bool,
                                previousColumn: Int) -> (row: Int, column: Int, type: CellType, styleIndex: Int)? {
        var row = defaultRow
        var column = previousColumn + 1
        if let r = cell.r {
            guard case .cell(let cellRow, let cellColumn) = parseCellReference(r), !rowEstablished || cellRow == defaultRow else { return nil }
            row = cellRow
            column = cellColumn
        } else if column > CellReference.maxColumn {
            return nil
        }
        var type = CellType.number
        if let t = cell.t {
            guard let known = Self.cellType(t) else { return nil }
            type = known
        }
        var styleIndex = 0
        if let s = cell.s {
            guard let parsed = parseDecimal(s, limit: 1 << 31) else { return nil }
            styleIndex = parsed
        }
        return (row, column, type, styleIndex)
    }

    /// The type a cell's `t` names, nil for none.
    @inline(__always)
    private static func cellType(_ b: UnsafeBufferPointer<UInt8>) -> CellType? {
        switch b.count {
        case 1:
            switch b[0] {
            case UInt8(ascii: "s"): return .sharedString
            case UInt8(ascii: "n"): return .number
            case UInt8(ascii: "b"): return .boolean
            case UInt8(ascii: "e"): return .error
            case UInt8(ascii: "d"): return .date
            default: return nil
            }
        case 3 where bytesEqual(b, "str"): return .formulaString
        case 9 where bytesEqual(b, "inlineStr"): return .inlineString
        default: return nil
        }
    }

    /// The value of a plain cell whose start `plainCellStart` read, kept as `parseCell` keeps it
    /// (the same errors, at the same offset: after the cell).
    private mutating func readPlainCell(_ cell: PlainCell, _ start: (row: Int, column: Int, type: CellType, styleIndex: Int)) throws(XLSXReadError) {
        let value: XLSXValue
        if let text = cell.value {
            switch start.type {
            case .formulaString, .inlineString:
                if !valueBuffer.isEmpty { valueBuffer.removeAll(keepingCapacity: true) }
                valueBuffer.append(contentsOf: text)
                decodeOOXMLEscapes(&valueBuffer)
                value = .string(String(decoding: valueBuffer, as: UTF8.self))
            case .number, .sharedString, .boolean, .error, .date:
                value = try self.value(start.type, text, start.row, start.column)
            }
        } else {
            value = .empty
        }
        try store(start.row, start.column, value, formula: nil, hasFormula: false, styleIndex: start.styleIndex)
    }

    private mutating func parseCell(defaultRow: Int, rowEstablished: Bool, previousColumn: Int) throws(XLSXReadError) -> (row: Int, column: Int) {
        var row = defaultRow
        var column = previousColumn + 1
        var type = CellType.number
        var styleIndex = 0
        var hasReference = false

        for i in 0..<xml.attributeCount {
            let attribute = xml.attribute(at: i)
            guard attribute.namespace == .none, attribute.nameEnd - attribute.localStart == 1 else { continue }
            let name = xml.localNameByte(of: attribute)
            if name == UInt8(ascii: "r") {
                let parsed = try xml.withAttributeValue(i) { b in parseCellReference(b) }
                switch parsed {
                case .cell(let r, let c):
                    if rowEstablished && r != defaultRow {
                        throw fail(.cellOutsideItsRow, at: r, c,
                                   "cell \(CellReference(row: r, column: c)) is stored inside row \(defaultRow + 1); which position is meant cannot be known")
                    }
                    row = r
                    column = c
                    hasReference = true
                case .invalid:
                    let text = xml.attributeString(i)
                    throw fail(.invalidCellReference, cell: "\(sheetName)!\(text)", "invalid cell reference r=\"\(text)\"")
                case .outOfRange:
                    let text = xml.attributeString(i)
                    throw fail(.cellOutOfRange, cell: "\(sheetName)!\(text)",
                               "cell \(text) is beyond the last cell of a worksheet (XFD1048576)")
                }
            } else if name == UInt8(ascii: "t") {
                let parsed: CellType? = try xml.withAttributeValue(i) { b in Self.cellType(b) }
                guard let parsed else {
                    let text = xml.attributeString(i)
                    throw fail(.invalidCellValue, cell: hasReference ? cellName(row, column) : nil,
                               "unknown cell type t=\"\(text)\"")
                }
                type = parsed
            } else if name == UInt8(ascii: "s") {
                let parsed = try xml.withAttributeValue(i) { b in parseDecimal(b, limit: 1 << 31) }
                guard let parsed else {
                    throw fail(.invalidCellValue, cell: hasReference ? cellName(row, column) : nil,
                               "invalid style index s=\"\(xml.attributeString(i))\"")
                }
                styleIndex = parsed
            }
        }
        if !hasReference && column > CellReference.maxColumn {
            throw fail(.cellOutOfRange, cell: "\(sheetName)!row \(row + 1)",
                       "an unaddressed cell falls beyond column XFD")
        }

        // Children: <f>, <v>, <is>.
        var hasValue = false
        var hasFormula = false
        var hasInline = false
        // A plain `<v>`'s text, read in place (in the part's bytes, which the tokenizer holds).
        var plainValue: UnsafeBufferPointer<UInt8>?
        // (Emptied only when they hold something: `removeAll` costs a call even on an empty array.)
        if !formulaBuffer.isEmpty { formulaBuffer.removeAll(keepingCapacity: true) }
        if !valueBuffer.isEmpty { valueBuffer.removeAll(keepingCapacity: true) }
        while true {
            // `<v>` and `<f>` holding plain text (what nearly every cell has) are taken straight from
            // the bytes, with the checks below: a second one is left to them.
            if xml.depth == 4 {
                if !hasValue, !hasInline, let text = xml.takePlainTextElement(.spreadsheetML, "v") {
                    hasValue = true
                    plainValue = text
                    continue
                }
                if !hasFormula, let text = xml.takePlainTextElement(.spreadsheetML, "f") {
                    hasFormula = true
                    formulaBuffer.append(contentsOf: text)
                    continue
                }
            }
            let event = xml.takePlainEndTag() ? XMLEvent.endElement : try xml.next()
            if event == .startElement {
                if xml.elementNamespace == .spreadsheetML && xml.depth == 5 {
                    let name = xml.localName
                    if name.count == 1 && name[0] == UInt8(ascii: "v") {
                        // A second value (or a value beside an inline string) would be joined to or
                        // hidden by the first: which one the cell holds cannot be told.
                        guard !hasValue, !hasInline else { throw twoValues(row, column, hasReference) }
                        hasValue = true
                        try xml.collectText(into: &valueBuffer)
                        continue
                    }
                    if name.count == 1 && name[0] == UInt8(ascii: "f") {
                        guard !hasFormula else { throw twoValues(row, column, hasReference) }
                        hasFormula = true
                        try xml.collectText(into: &formulaBuffer)
                        continue
                    }
                    if name.count == 2 && name[0] == UInt8(ascii: "i") && name[1] == UInt8(ascii: "s") {
                        guard !hasValue, !hasInline else { throw twoValues(row, column, hasReference) }
                        hasInline = true
                        textBuffer.removeAll(keepingCapacity: true)
                        try SharedStrings.readRichText(&xml, into: &textBuffer)
                        continue
                    }
                }
                try xml.skipElement()
            } else if event == .endElement {
                if xml.depth == 3 { break }
            } else if event == .endOfDocument {
                break
            }
        }

        // Text that is decoded in place goes to the buffer; any other value is read where it is.
        if let plain = plainValue, type == .formulaString || type == .inlineString {
            valueBuffer.append(contentsOf: plain)
            plainValue = nil
        }
        let value: XLSXValue
        switch type {
        case .number, .sharedString, .boolean, .error, .date:
            value = try readValue(type, plainValue, row, column)
        case .formulaString:
            if hasValue {
                decodeOOXMLEscapes(&valueBuffer)
                value = .string(String(decoding: valueBuffer, as: UTF8.self))
            } else {
                value = .empty
            }
        case .inlineString:
            if hasInline {
                value = .string(String(decoding: textBuffer, as: UTF8.self))
            } else if hasValue {
                decodeOOXMLEscapes(&valueBuffer)
                value = .string(String(decoding: valueBuffer, as: UTF8.self))
            } else {
                value = .empty
            }
        }

        // Every workbook of a template holds the same formulas: made into a String once.
        let formula = formulaBuffer.isEmpty ? nil : formulaBuffer.withUnsafeBufferPointer { SharedStringCache.shared.string($0) }
        try store(row, column, value, formula: formula, hasFormula: hasFormula, styleIndex: styleIndex)
        return (row, column)
    }

    /// Keeps a cell read (unless it holds nothing: no value, no formula, no style), checking that it
    /// is not a second at its address and not one too many.
    private mutating func store(_ row: Int, _ column: Int, _ value: XLSXValue, formula: String?, hasFormula: Bool,
                                styleIndex: Int) throws(XLSXReadError) {
        if value.isEmpty && !hasFormula && styleIndex == 0 { return }

        let format = styles.format(styleIndex)
        let cell = XLSXCell(reference: CellReference(row: row, column: column), value: value, formula: formula,
                            hasFormula: hasFormula, cachedValueMissing: hasFormula && value.isEmpty,
                            numberFormat: format.numberFormat, isLocked: format.isLocked, styleIndex: styleIndex)
        let key = row << 14 | column
        if let last = keys.last, key <= last {
            if key == last {
                throw fail(.duplicateCell, at: row, column,
                           "the worksheet holds two cells at \(CellReference(row: row, column: column)); which value is meant cannot be known")
            }
            inOrder = false
        }
        if cells.count >= maxCells {
            throw fail(.tooManyCells(limit: maxCells), at: row, column,
                       "the worksheet holds more than \(maxCells) cells")
        }
        cells.append(cell)
        keys.append(key)
    }

    /// A cell with two `<v>` (or `<f>`), or a `<v>` beside an `<is>`.
    private func twoValues(_ row: Int, _ column: Int, _ hasReference: Bool) -> XLSXReadError {
        fail(.twoValuesInOneCell, at: row, column,
             "the cell holds two values (two <v>, two <f>, or <v> beside <is>): which one it holds cannot be told")
    }

    /// The value of a cell whose `<v>` is read as it is (not decoded in place: every type but
    /// strings), from its bytes: in place when the `<v>` was plain, else from the buffer.
    private func readValue(_ type: CellType, _ plain: UnsafeBufferPointer<UInt8>?, _ row: Int, _ column: Int) throws(XLSXReadError) -> XLSXValue {
        if let plain { return try value(type, plain, row, column) }
        return try valueBuffer.withUnsafeBufferPointer { (all) throws(XLSXReadError) -> XLSXValue in try value(type, all, row, column) }
    }

    private func value(_ type: CellType, _ all: UnsafeBufferPointer<UInt8>, _ row: Int, _ column: Int) throws(XLSXReadError) -> XLSXValue {
        switch type {
        case .number:
            return try numberValue(all, row, column)
        case .sharedString:
            return try sharedStringValue(all, row, column)
        case .boolean:
            return try booleanValue(all, row, column)
        case .error:
            let text = trimmed(all)
            return text.isEmpty ? .empty : .error(String(decoding: text, as: UTF8.self))
        case .date:
            let text = trimmed(all)
            return text.isEmpty ? .empty : .date(String(decoding: text, as: UTF8.self))
        case .formulaString, .inlineString:
            return .string(String(decoding: all, as: UTF8.self))  // never asked: their text is decoded first
        }
    }

    private func numberValue(_ all: UnsafeBufferPointer<UInt8>, _ row: Int, _ column: Int) throws(XLSXReadError) -> XLSXValue {
        let text = trimmed(all)
        if text.isEmpty { return .empty }
        var shown: String { String(decoding: text.prefix(40), as: UTF8.self) }
        switch parseCellNumberText(text) {
        case .value(let number):
            return .number(number, raw: String(decoding: text, as: UTF8.self))
        case .notANumber:
            throw fail(.invalidCellValue, at: row, column, "numeric cell holds \"\(shown)\", which is not a number")
        case .outOfRange:
            throw fail(.invalidCellValue, at: row, column,
                       "numeric cell holds \"\(shown)\", which is beyond what a cell holds (±2.2e-308 … ±1.8e308)")
        }
    }

    private func sharedStringValue(_ all: UnsafeBufferPointer<UInt8>, _ row: Int, _ column: Int) throws(XLSXReadError) -> XLSXValue {
        let text = trimmed(all)
        let index: Int?? = text.isEmpty ? .some(nil) : parseDecimal(text, limit: 1 << 40).map { .some($0) }
        guard let index else {
            throw fail(.invalidCellValue, at: row, column,
                       "shared-string cell holds \"\(String(decoding: all.prefix(40), as: UTF8.self))\", which is not an index")
        }
        guard let index else { return .empty }
        switch sharedStrings {
        case .missing(let reason):
            throw fail(.missingSharedStrings, at: row, column,
                       "the cell refers to shared string \(index) but \(reason)")
        case .table(let strings):
            guard index < strings.count else {
                throw fail(.sharedStringIndexOutOfRange, at: row, column,
                           "shared string index \(index) is out of range (the table has \(strings.count) string\(strings.count == 1 ? "" : "s"))")
            }
            return .string(strings[index])
        }
    }

    private func booleanValue(_ all: UnsafeBufferPointer<UInt8>, _ row: Int, _ column: Int) throws(XLSXReadError) -> XLSXValue {
        let text = trimmed(all)
        if text.isEmpty { return .empty }
        if bytesEqual(text, "1") || bytesEqual(text, "true") || bytesEqual(text, "TRUE") { return .bool(true) }
        if bytesEqual(text, "0") || bytesEqual(text, "false") || bytesEqual(text, "FALSE") { return .bool(false) }
        throw fail(.invalidCellValue, at: row, column,
                   "boolean cell holds \"\(String(decoding: all.prefix(40), as: UTF8.self))\"")
    }

    // MARK: - Merges, validations, protection

    /// The ranges of a `ref` or `sqref` (separated by blanks); an error at the first that is no range.
    private static func parseRanges(_ text: String, what: String, sheet: String, _ xml: XMLTokenizer) throws(XLSXReadError) -> [CellRange] {
        var ranges: [CellRange] = []
        for piece in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            guard let range = CellRange(piece) else {
                throw xml.source.error(.invalidCellReference, cell: "\(sheet)!\(piece)", offset: xml.offset, "invalid \(what) range \"\(piece)\"")
            }
            ranges.append(range)
        }
        return ranges
    }

    /// The ranges of a `ref` attribute read straight from its bytes when it is plain ASCII ranges
    /// separated by blanks (what every writer stores); nil for anything else, which `parseRanges`
    /// then reads (and names in its error) as before.
    static func plainRanges(_ xml: XMLTokenizer, attribute index: Int) -> [CellRange]? {
        // Entities, tab, CR or LF: the general path.
        guard let bytes = xml.plainAttributeValue(index) else { return nil }
        var ranges: [CellRange] = []
        var start = 0
        let n = bytes.count
        while start < n {
            if bytes[start] == UInt8(ascii: " ") {
                start += 1
                continue
            }
            var end = start
            while end < n && bytes[end] != UInt8(ascii: " ") {
                if bytes[end] >= 0x80 { return nil }
                end += 1
            }
            let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard let range = plainRange(piece) ?? CellRange(String(decoding: piece, as: UTF8.self)) else { return nil }
            ranges.append(range)
            start = end
        }
        return ranges
    }

    /// `A1` or `A1:C3` without `$`, read from its bytes as `parseCellReference` reads a cell's `r`
    /// (for such text the same answers as `CellRange(_:)`); nil for anything else, which
    /// `CellRange(_:)` then reads.
    static func plainRange(_ bytes: UnsafeBufferPointer<UInt8>) -> CellRange? {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else {
            guard case .cell(let row, let column) = parseCellReference(bytes) else { return nil }
            return CellRange(CellReference(row: row, column: column))
        }
        guard case .cell(let r1, let c1) = parseCellReference(UnsafeBufferPointer(rebasing: bytes[..<colon])),
              case .cell(let r2, let c2) = parseCellReference(UnsafeBufferPointer(rebasing: bytes[(colon + 1)...])) else { return nil }
        return CellRange(first: CellReference(row: r1, column: c1), last: CellReference(row: r2, column: c2))
    }

    private mutating func parseMergeCells() throws(XLSXReadError) {
        let sheet = sheetName
        var found: [CellRange] = []
        try xml.forEachChild(takingPlain: "mergeCell") { xml throws(XLSXReadError) in
            if xml.isElement(.spreadsheetML, "mergeCell"), let index = xml.attributeIndex(.none, "ref") {
                if let plain = Self.plainRanges(xml, attribute: index) {
                    found.append(contentsOf: plain)
                    return
                }
                let ref = xml.attributeString(index)
                found.append(contentsOf: try Self.parseRanges(ref, what: "merged", sheet: sheet, xml))
            }
        }
        merges.append(contentsOf: found)
    }

    private mutating func parseDataValidations() throws(XLSXReadError) {
        let sheet = sheetName
        var found: [XLSXDataValidation] = []
        try xml.forEachChild(takingPlain: "dataValidation") { xml throws(XLSXReadError) in
            guard xml.isElement(.spreadsheetML, "dataValidation") else { return }
            let type = xml.attribute(.none, "type") ?? "none"
            let op = xml.attribute(.none, "operator")
            let allowBlank = xml.attribute(.none, "allowBlank")
            let ranges: [CellRange]
            if let sqref = xml.attributeIndex(.none, "sqref"), let plain = Self.plainRanges(xml, attribute: sqref) {
                ranges = plain
            } else {
                ranges = try Self.parseRanges(xml.attribute(.none, "sqref") ?? "", what: "data validation", sheet: sheet, xml)
            }
            var formula1: String?
            var formula2: String?
            try xml.forEachChild { xml throws(XLSXReadError) in
                if xml.isElement(.spreadsheetML, "formula1") {
                    formula1 = try xml.readText()
                } else if xml.isElement(.spreadsheetML, "formula2") {
                    formula2 = try xml.readText()
                }
            }
            found.append(XLSXDataValidation(type: type, operatorName: op, ranges: ranges, formula1: formula1,
                                            formula2: formula2, allowBlank: allowBlank == "1" || allowBlank == "true"))
        }
        validations.append(contentsOf: found)
    }

    /// `<extLst>`: Excel 2010+ stores list validations that refer to other sheets as
    /// `<x14:dataValidation>` with `<xm:f>` formulas and an `<xm:sqref>`.
    private mutating func parseExtensions() throws(XLSXReadError) {
        let sheet = sheetName
        var found: [XLSXDataValidation] = []
        try xml.forEachDescendant { xml throws(XLSXReadError) in
            guard xml.isElement(.spreadsheetML2009, "dataValidation") else { return }
            let validationDepth = xml.depth
            let type = xml.attribute(.none, "type") ?? "none"
            let op = xml.attribute(.none, "operator")
            let allowBlank = xml.attribute(.none, "allowBlank")
            var formula1: String?
            var formula2: String?
            var ranges: [CellRange] = []
            var inFormula = 0
            while true {
                let event = try xml.next()
                if event == .endOfDocument { break }
                if event == .endElement {
                    if xml.depth == validationDepth - 1 { break }
                    if xml.depth == validationDepth { inFormula = 0 }
                    continue
                }
                guard event == .startElement else { continue }
                if xml.isElement(.spreadsheetML2009, "formula1") {
                    inFormula = 1
                } else if xml.isElement(.spreadsheetML2009, "formula2") {
                    inFormula = 2
                } else if xml.isElement(.excelMain, "f") {
                    let text = try xml.readText()
                    if inFormula == 1 { formula1 = text } else if inFormula == 2 { formula2 = text }
                } else if xml.isElement(.excelMain, "sqref") {
                    ranges = try Self.parseRanges(try xml.readText(), what: "data validation", sheet: sheet, xml)
                } else {
                    try xml.skipElement()
                }
            }
            found.append(XLSXDataValidation(type: type, operatorName: op, ranges: ranges, formula1: formula1,
                                            formula2: formula2, allowBlank: allowBlank == "1" || allowBlank == "true"))
        }
        validations.append(contentsOf: found)
    }
}
