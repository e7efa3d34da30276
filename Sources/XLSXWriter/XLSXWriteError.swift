import XLSX

/// Everything that can go wrong while writing a workbook.
///
/// Most cases are raised by a guard *before* libxlsxwriter is called, so a refused call never
/// leaves a half-written or corrupt file behind. `.library` carries an error code that the C
/// library itself returned, with its own `lxw_strerror` text and the name of the C function.
public enum XLSXWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// How a length limit is counted.
    public enum LengthUnit: String, Sendable {
        /// UTF-8 bytes (the unit of libxlsxwriter's fixed-size buffers).
        case bytes
        /// Characters as Excel counts them (UTF-16 code units).
        case characters
    }

    /// The output file already exists and `overwrite` was false.
    case fileExists(String)
    /// The directory that should receive the output file does not exist or is not writable.
    case directoryNotWritable(String)
    /// libxlsxwriter could not create its workbook object.
    case cannotCreateWorkbook(String)
    /// Moving the finished temporary file onto the output path failed.
    case cannotMoveIntoPlace(from: String, to: String, reason: String)
    /// Writing the file failed while libxlsxwriter assembled it (`workbook_close`): the disk is
    /// full, the directory vanished, … `systemError` is the C `errno` seen then (0 if none).
    case cannotWriteFile(String, libraryCode: Int32, libraryMessage: String, systemError: Int32)
    /// libxlsxwriter's scratch files in `directory` could not be written (it does not check those
    /// writes itself; the file at the path would have been truncated inside), so nothing was kept.
    case cannotWriteScratchFile(String, directory: String, systemError: Int32)
    /// The workbook was already finished or abandoned; nothing more can be written to it.
    case workbookClosed
    /// A C function of libxlsxwriter returned an error code.
    case library(function: String, code: Int32, message: String)

    /// A string that must not be empty was empty (libxlsxwriter 1.1.4 overflows on some).
    case emptyString(what: String)
    /// A string is longer than Excel or a libxlsxwriter buffer allows.
    case tooLong(what: String, length: Int, limit: Int, unit: LengthUnit)
    /// A string contains a character that XML 1.0 cannot carry (control characters, U+FFFE, U+FFFF).
    case invalidCharacter(what: String, scalar: UInt32)
    /// The page header or footer cannot be written.
    case invalidHeaderFooter(String, reason: String)
    /// A number is outside the range that the feature accepts.
    case valueOutOfRange(what: String, value: Double, range: ClosedRange<Double>)

    /// A row or column lies outside the sheet (rows 0…1,048,575, columns 0…16,383).
    case cellOutOfRange(row: Int, column: Int)
    /// The sheet name breaks one of Excel's rules.
    case invalidSheetName(String, reason: String)
    /// Another sheet already has this name (compared case-insensitively, as Excel does).
    case duplicateSheetName(String)
    /// The defined name breaks one of Excel's rules.
    case invalidDefinedName(String, reason: String)
    /// The defined name already exists in the same scope (compared case-insensitively).
    case duplicateDefinedName(String)
    /// The custom document property was already set.
    case duplicateCustomProperty(String)
    /// The sheet-protection password cannot be hashed correctly by libxlsxwriter 1.1.4.
    case invalidPassword(reason: String)
    /// The merge overlaps a range already merged on the same sheet (Excel then calls the file damaged).
    case overlappingMerge(CellRange, existing: CellRange)
    /// The range cannot be merged.
    case invalidMerge(CellRange, reason: String)
    /// The data validation cannot be written as asked.
    case invalidDataValidation(reason: String)
    /// The chart cannot be written as asked.
    case invalidChart(reason: String)
    /// The object belongs to another workbook.
    case foreignObject(what: String)

    public var description: String {
        switch self {
        case .fileExists(let path):
            return "the file \(path) already exists (it was not overwritten)"
        case .directoryNotWritable(let dir):
            return "the directory \(dir) does not exist or is not writable"
        case .cannotCreateWorkbook(let path):
            return "libxlsxwriter could not create a workbook for \(path)"
        case .cannotMoveIntoPlace(let from, let to, let reason):
            return "could not move \(from) to \(to): \(reason)"
        case .cannotWriteFile(let path, _, let libraryMessage, let systemError):
            let cause = systemError == 0 ? libraryMessage : XLSXSystemError.english(systemError)
            return "could not write \(path): \(cause)"
        case .cannotWriteScratchFile(let path, let directory, let systemError):
            return "could not write \(path): \(XLSXSystemError.english(systemError)) (scratch files in \(directory))"
        case .workbookClosed:
            return "the workbook was already finished or abandoned"
        case .library(let function, let code, let message):
            return "\(function)() failed with libxlsxwriter error \(code): \(message)"
        case .emptyString(let what):
            return "\(what) must not be empty"
        case .tooLong(let what, let length, let limit, let unit):
            return "\(what) is \(length) \(unit.rawValue) long; the limit is \(limit) \(unit.rawValue)"
        case .invalidCharacter(let what, let scalar):
            return "\(what) contains U+\(String(scalar, radix: 16, uppercase: true)), which an XLSX file cannot hold"
        case .invalidHeaderFooter(let text, let reason):
            return "invalid header/footer \"\(text)\": \(reason)"
        case .valueOutOfRange(let what, let value, let range):
            guard value.isFinite else { return "\(what) is not a finite number" }
            return "\(what) is \(Self.plain(value)); it must lie in \(Self.plain(range.lowerBound))…\(Self.plain(range.upperBound))"
        case .cellOutOfRange(let row, let column):
            return "the cell at row \(row + 1), column \(column + 1) lies outside the sheet (1,048,576 rows × 16,384 columns)"
        case .invalidSheetName(let name, let reason):
            return "invalid sheet name \"\(name)\": \(reason)"
        case .duplicateSheetName(let name):
            return "a sheet named \"\(name)\" already exists (sheet names are compared case-insensitively)"
        case .invalidDefinedName(let name, let reason):
            return "invalid defined name \"\(name)\": \(reason)"
        case .duplicateDefinedName(let name):
            return "the defined name \"\(name)\" already exists in that scope"
        case .duplicateCustomProperty(let name):
            return "the custom property \"\(name)\" was already set"
        case .invalidPassword(let reason):
            return "invalid sheet-protection password: \(reason)"
        case .overlappingMerge(let range, let existing):
            return "the merge \(range) overlaps the merged range \(existing)"
        case .invalidMerge(let range, let reason):
            return "cannot merge \(range): \(reason)"
        case .invalidDataValidation(let reason):
            return "invalid data validation: \(reason)"
        case .invalidChart(let reason):
            return "invalid chart: \(reason)"
        case .foreignObject(let what):
            return "the \(what) belongs to another workbook"
        }
    }

    /// `12` for 12.0, `0.5` for 0.5: numbers in messages without a trailing `.0`.
    static func plain(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
