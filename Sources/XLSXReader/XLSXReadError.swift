import XLSX

/// Why a workbook could not be read. The description always names the file and the part
/// (and the cell, where one is involved), e.g.
/// `book.xlsx: xl/worksheets/sheet1.xml (Sheet1!B3): shared string index 99 is out of range (12 strings)`.
public struct XLSXReadError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The kind of failure, for programs to branch on.
    public enum Kind: Sendable, Equatable {
        /// The file has no bytes at all.
        case emptyFile
        /// An OLE compound file: a password-protected workbook or a legacy .xls.
        case encryptedOrLegacyWorkbook
        /// The file does not start like a zip archive.
        case notAZip
        /// The file could not be opened or read.
        case cannotOpenFile
        /// The zip structure is damaged (truncated, inconsistent, CRC mismatch…).
        case corruptZip
        /// The central directory lists more entries than allowed.
        case tooManyEntries(limit: Int)
        /// One part inflates to more bytes than allowed.
        case partTooLarge(limit: Int)
        /// All parts together inflate to more bytes than allowed.
        case archiveTooLarge(limit: Int)
        /// A zip entry is encrypted.
        case encryptedEntry
        /// A zip entry uses a compression method other than store or deflate.
        case unsupportedCompression(method: Int)
        /// A required part is absent from the zip.
        case missingPart
        /// A required relationship (or the relationship an `r:id` names) is absent.
        case missingRelationship
        /// A relationship needed for reading has `TargetMode="External"`; it is never followed.
        case externalRelationship
        /// A relationship target resolves outside the package.
        case targetOutsidePackage
        /// The XML contains a document type declaration; these are refused (entity expansion, XXE).
        case doctypeNotAllowed
        /// The XML is not well-formed.
        case malformedXML
        /// The part is not valid UTF-8 (or UTF-16 with a byte-order mark).
        case invalidEncoding
        /// Elements nest deeper than allowed.
        case nestingTooDeep(limit: Int)
        /// A cell uses `t="s"` but the workbook has no shared-strings part.
        case missingSharedStrings
        /// A cell's shared-string index is out of range.
        case sharedStringIndexOutOfRange
        /// A cell or range reference cannot be parsed.
        case invalidCellReference
        /// A cell lies beyond column XFD or row 1,048,576.
        case cellOutOfRange
        /// Two cells of one worksheet have the same address (a value would silently replace another).
        case duplicateCell
        /// A cell's `r` names another row than the `<row>` holding it (which one is meant is unknowable).
        case cellOutsideItsRow
        /// A cell's value does not fit its type (e.g. text in a numeric cell).
        case invalidCellValue
        /// One cell holds two values (two `<v>`, two `<f>`, or a `<v>` beside an `<is>`): one
        /// would be joined to or hidden by the other.
        case twoValuesInOneCell
        /// A worksheet holds more cells than allowed.
        case tooManyCells(limit: Int)
        /// The requested sheet is a chartsheet, dialogsheet or macrosheet.
        case notAWorksheet
        /// No sheet has the requested index.
        case noSuchSheet
        /// The workbook part is structurally wrong (no `<sheets>`, bad attribute…).
        case invalidWorkbook
    }

    /// What went wrong.
    public var kind: Kind
    /// The workbook's file name (or the name given for in-memory bytes).
    public var file: String
    /// The part (zip entry) involved, nil for whole-file problems.
    public var part: String?
    /// `Sheet!A1` when one cell is involved.
    public var cell: String?
    /// The worksheet's name, when one cell of a worksheet is involved (with `reference`).
    public var sheet: String?
    /// The cell's position, when it is known (with `sheet`).
    public var reference: CellReference?
    /// Byte offset inside the (decoded) part, for XML errors.
    public var offset: Int?
    /// Human-readable explanation.
    public var detail: String

    /// Creates an error.
    public init(_ kind: Kind, file: String, part: String? = nil, cell: String? = nil, offset: Int? = nil, detail: String,
                sheet: String? = nil, reference: CellReference? = nil) {
        self.kind = kind
        self.file = file
        self.part = part
        self.cell = cell
        self.sheet = sheet
        self.reference = reference
        self.offset = offset
        self.detail = detail
    }

    /// `file: part (Sheet!A1): byte N: detail`.
    public var description: String {
        var text = file + ": " + (part ?? "(whole file)")
        if let cell { text += " (\(cell))" }
        if let offset { text += ": byte \(offset)" }
        return text + ": " + detail
    }
}
