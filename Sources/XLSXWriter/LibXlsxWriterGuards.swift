import XLSX

/// The limits of Excel and of libxlsxwriter 1.1.4's fixed-size buffers.
///
/// Each value names where it comes from. A guard refuses input that would cross a limit
/// *before* the C library sees it: 1.1.4 counts several limits in characters but copies bytes,
/// so Japanese text (3 bytes a character) could overflow a buffer or be cut mid-character.
enum LXWLimits {
    /// `LXW_DEFINED_NAME_LENGTH`: defined names and their formulas are copied into 128-byte
    /// buffers; 128 bytes or more is cut at a byte boundary (corrupt UTF-8 in workbook.xml).
    static let definedNameMaxBytes = 127
    /// `LXW_FORMAT_FIELD_LEN`: number formats and font names live in 128-byte buffers.
    static let formatFieldMaxBytes = 127
    /// `LXW_MAX_ATTRIBUTE_LENGTH` (2080): every XML attribute value is cut at 2079 bytes.
    static let attributeMaxBytes = 2079
    /// `LXW_MAX_FORMULA_RANGE_LENGTH` (155): chart ranges are copied into this buffer.
    static let chartRangeMaxBytes = 154
    /// `value_list` is joined into a 258-byte buffer (255 + quotes + NUL) but counted in characters.
    static let inlineListMaxBytes = 255
    /// Excel: data-validation input/error titles.
    static let validationTitleMaxCharacters = 32
    /// Excel: data-validation input/error messages.
    static let validationMessageMaxCharacters = 255
    /// Excel: data-validation formulas.
    static let validationFormulaMaxCharacters = 255
    /// `LXW_HEADER_FOOTER_MAX`.
    static let headerFooterMaxCharacters = 255
    /// `LXW_SHEETNAME_MAX`.
    static let sheetNameMaxCharacters = 31
    /// libxlsxwriter 1.1.4 hashes longer passwords wrongly (fixed in 1.1.6).
    static let passwordMaxBytes = 24
    /// Excel: custom property names and string values.
    static let customPropertyMaxCharacters = 255
    /// Excel: characters in one cell.
    static let cellStringMaxCharacters = 32_767
    /// Excel: characters in one formula.
    static let formulaMaxCharacters = 8_192
    /// Excel (and `LXW_MAX_URL_LENGTH`): characters in a hyperlink.
    static let urlMaxCharacters = 2_079
    /// Excel: characters in a hyperlink's tooltip.
    static let tooltipMaxCharacters = 255
    /// Excel: characters in a defined name.
    static let definedNameMaxCharacters = 255
    /// Excel: characters in a font name.
    static let fontNameMaxCharacters = 31
}

/// Stateless checks run by `LibXlsxWriter.swift` before each C call. Each throws
/// `XLSXWriteError`; none touches the C library.
/// The libxlsxwriter defects guarded against, chosen from the version loaded at run time: 1.1.4
/// (Debian 12) has them all; a newer library is accepted, with the guards for what it fixed dropped
/// and the rest kept (defined names and formulas of 128 bytes or more are still cut upstream; long
/// dropdown lists still go to the hidden sheet, which every version reads).
struct LXWDefects: Equatable, Sendable {
    /// Passwords longer than 24 characters, and some of exactly 24, get a wrong hash (fixed in 1.1.6).
    var passwordHash: Bool
    /// Empty strings passed to formula, comment, name and property calls overflow buffers (fixed in 1.1.8).
    var emptyStrings: Bool

    /// The defects of the version with this `LXW_VERSION_ID` (114 for 1.1.4).
    static func forVersion(_ id: Int) -> LXWDefects {
        LXWDefects(passwordHash: id < 116, emptyStrings: id < 118)
    }

    /// The defects of the library this process loaded.
    static let current = forVersion(LXWLibrary.runtimeVersionID)
}

enum LXWGuard {
    // MARK: Cells

    @inline(__always)
    static func cell(_ row: Int, _ column: Int) throws {
        guard row >= 0, row <= CellReference.maxRow, column >= 0, column <= CellReference.maxColumn else {
            throw XLSXWriteError.cellOutOfRange(row: row, column: column)
        }
    }

    static func range(_ range: CellRange) throws {
        try cell(range.first.row, range.first.column)
        try cell(range.last.row, range.last.column)
    }

    static func row(_ row: Int) throws { try cell(row, 0) }
    static func column(_ column: Int) throws { try cell(0, column) }

    /// A cell string: at most 32,767 characters as Excel counts them (UTF-16 units). Any
    /// character is allowed: `XLSXCellText` and libxlsxwriter escape what XML cannot carry.
    @inline(__always)
    static func cellString(_ value: String) throws {
        if value.utf8.count > LXWLimits.cellStringMaxCharacters {
            let length = value.utf16.count
            if length > LXWLimits.cellStringMaxCharacters {
                throw XLSXWriteError.tooLong(what: "cell text", length: length,
                                             limit: LXWLimits.cellStringMaxCharacters, unit: .characters)
            }
        }
    }

    @inline(__always)
    static func number(_ value: Double, what: String = "cell number") throws {
        guard value.isFinite else {
            throw XLSXWriteError.valueOutOfRange(what: what, value: value,
                                                 range: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
        }
    }

    /// A cell formula: not empty (1.1.4 overflows on ""), at most 8,192 characters, XML-safe.
    /// Cell formulas are heap-copied by 1.1.4, so they are not subject to the 128-byte cut.
    static func cellFormula(_ formula: String) throws {
        try text(formula, what: "formula", allowEmpty: false)
        try maxCharacters(formula, LXWLimits.formulaMaxCharacters, what: "formula")
    }

    // MARK: Text

    /// Refuses empty strings (unless allowed) and characters that XML 1.0 cannot carry.
    /// Tab, line feed and carriage return are allowed.
    static func text(_ value: String, what: String, allowEmpty: Bool = true) throws {
        if value.isEmpty {
            if allowEmpty { return }
            throw XLSXWriteError.emptyString(what: what)
        }
        if let scalar = firstInvalidXMLScalar(value) {
            throw XLSXWriteError.invalidCharacter(what: what, scalar: scalar)
        }
    }

    static func maxCharacters(_ value: String, _ limit: Int, what: String) throws {
        // UTF-16 units are what Excel counts; they are never fewer than the Unicode scalars
        // that libxlsxwriter's lxw_utf8_strlen counts, so this satisfies both.
        if value.utf8.count <= limit { return }
        let length = value.utf16.count
        if length > limit {
            throw XLSXWriteError.tooLong(what: what, length: length, limit: limit, unit: .characters)
        }
    }

    static func maxBytes(_ value: String, _ limit: Int, what: String) throws {
        let length = value.utf8.count
        if length > limit {
            throw XLSXWriteError.tooLong(what: what, length: length, limit: limit, unit: .bytes)
        }
    }

    /// The first scalar that XML 1.0 forbids: C0 controls other than tab/LF/CR, U+FFFE, U+FFFF.
    static func firstInvalidXMLScalar(_ value: String) -> UInt32? {
        let found: UInt32?? = value.utf8.withContiguousStorageIfAvailable { firstInvalidXMLScalar(in: $0) }
        if let found { return found }
        return Array(value.utf8).withUnsafeBufferPointer { firstInvalidXMLScalar(in: $0) }
    }

    /// The scan of `firstInvalidXMLScalar` over UTF-8 bytes: most bytes (0x20 and above, not 0xEF,
    /// the lead byte of U+FFFE/U+FFFF) are passed over with one comparison.
    private static func firstInvalidXMLScalar(in b: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let n = b.count
        var i = 0
        while i < n {
            let byte = b[i]
            if byte >= 0x20, byte != 0xEF { i &+= 1; continue }
            if byte < 0x20 {
                if byte != 0x09, byte != 0x0A, byte != 0x0D { return UInt32(byte) }
            } else if i &+ 2 < n, b[i &+ 1] == 0xBF, b[i &+ 2] == 0xBE || b[i &+ 2] == 0xBF {
                return b[i &+ 2] == 0xBE ? 0xFFFE : 0xFFFF
            }
            i &+= 1
        }
        return nil
    }

    // MARK: Sheets

    /// Excel's sheet-name rules: 1…31 characters, none of `[]:*?/\`, no leading or trailing
    /// apostrophe, nothing XML cannot hold. Uniqueness is checked by the workbook.
    static func sheetName(_ name: String) throws {
        if name.isEmpty { throw XLSXWriteError.invalidSheetName(name, reason: "it is empty") }
        let length = name.utf16.count
        if length > LXWLimits.sheetNameMaxCharacters {
            throw XLSXWriteError.invalidSheetName(
                name, reason: "it has \(length) characters; Excel allows at most \(LXWLimits.sheetNameMaxCharacters)")
        }
        for scalar in name.unicodeScalars {
            switch scalar {
            case "[", "]", ":", "*", "?", "/", "\\":
                throw XLSXWriteError.invalidSheetName(name, reason: "it contains \"\(scalar)\"; none of []:*?/\\ is allowed")
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    throw XLSXWriteError.invalidSheetName(name, reason: "it contains a control character")
                }
            }
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw XLSXWriteError.invalidSheetName(name, reason: "it starts or ends with an apostrophe")
        }
    }

    // MARK: Defined names

    /// Excel's rules for a defined name, plus libxlsxwriter 1.1.4's 128-byte buffer.
    /// `qualified` is the string that reaches the C library (`Sheet!name` for a sheet-local name).
    static func definedName(_ name: String, qualified: String) throws {
        if name.isEmpty { throw XLSXWriteError.emptyString(what: "defined name") }
        let length = name.utf16.count
        if length > LXWLimits.definedNameMaxCharacters {
            throw XLSXWriteError.invalidDefinedName(name, reason: "it has \(length) characters; Excel allows 255")
        }
        if qualified.utf8.count > LXWLimits.definedNameMaxBytes {
            throw XLSXWriteError.tooLong(what: "defined name \"\(qualified)\"", length: qualified.utf8.count,
                                         limit: LXWLimits.definedNameMaxBytes, unit: .bytes)
        }
        if !isPlainASCIIName(name) { try checkNameCharacters(name) }
        if CellReference(name) != nil {
            throw XLSXWriteError.invalidDefinedName(name, reason: "it looks like a cell reference (A1 style)")
        }
        if looksLikeR1C1(name) {
            throw XLSXWriteError.invalidDefinedName(name, reason: "it looks like a cell reference (R1C1 style)")
        }
        let lower = name.lowercased()
        if lower.hasPrefix("_xlnm.") {
            throw XLSXWriteError.invalidDefinedName(name, reason: "the _xlnm. prefix is reserved for Excel's built-in names")
        }
        if lower == "true" || lower == "false" {
            throw XLSXWriteError.invalidDefinedName(name, reason: "it is a logical constant")
        }
    }

    /// Whether every byte of `name` is an ASCII letter, digit, `_`, `.`, `\` or `?` and the first a
    /// letter, `_` or `\`: the names `checkNameCharacters` passes that are plain ASCII, told
    /// without asking each Character for its Unicode properties.
    static func isPlainASCIIName(_ name: String) -> Bool {
        var first = true
        for byte in name.utf8 {
            let letter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let ok = letter || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "\\")
                || (!first && ((byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?")))
            if !ok { return false }
            first = false
        }
        return !first
    }

    /// Each Character of a defined name: the first a letter, `_` or `\`; ASCII ones letters,
    /// digits, `_`, `.`, `\` or `?`; others anything but spaces and U+FFFE/U+FFFF.
    static func checkNameCharacters(_ name: String) throws {
        var first = true
        for character in name {
            let ascii = character.isASCII
            let ok: Bool
            if first {
                ok = character == "_" || character == "\\" || (character.isLetter && !character.isWhitespace)
            } else if ascii {
                ok = character.isLetter || character.isNumber || character == "_" || character == "."
                    || character == "\\" || character == "?"
            } else {
                ok = !character.isWhitespace && character.unicodeScalars.allSatisfy { $0.value >= 0x80 && $0.value != 0xFFFE && $0.value != 0xFFFF }
            }
            if !ok {
                let what = character.isWhitespace ? "a space" : "\"\(character)\""
                throw XLSXWriteError.invalidDefinedName(
                    name, reason: first ? "it must start with a letter, \"_\" or \"\\\"" : "it contains \(what)")
            }
            first = false
        }
    }

    /// `R`, `C`, `R1`, `C2`, `RC`, `R1C1`, `r12c3`… (any case).
    static func looksLikeR1C1(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        var i = 0
        func digits() { while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 } }
        var sawPart = false
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "r") { i += 1; digits(); sawPart = true }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "c") { i += 1; digits(); sawPart = true }
        return sawPart && i == bytes.count
    }

    /// The formula a defined name refers to: not empty, XML-safe, under 128 bytes.
    static func definedNameFormula(_ formula: String, name: String) throws {
        // The checks below, with their message (which names the name) made only when one fails.
        guard formula.isEmpty || firstInvalidXMLScalar(formula) != nil || formula.utf8.count > LXWLimits.definedNameMaxBytes
        else { return }
        let what = "formula of defined name \"\(name)\""
        try text(formula, what: what, allowEmpty: false)
        try maxBytes(formula, LXWLimits.definedNameMaxBytes, what: what)
    }

    // MARK: Workbook properties

    static func customPropertyName(_ name: String) throws {
        try text(name, what: "custom property name", allowEmpty: false)
        try maxCharacters(name, LXWLimits.customPropertyMaxCharacters, what: "custom property name")
    }

    static func customPropertyString(_ value: String, name: String) throws {
        try text(value, what: "custom property \"\(name)\"", allowEmpty: false)
        try maxCharacters(value, LXWLimits.customPropertyMaxCharacters, what: "custom property \"\(name)\"")
    }

    // MARK: Protection

    /// nil means "no password". A password must be printable ASCII (1.1.4 hashes UTF-8 bytes,
    /// Excel hashes code-page bytes) and short enough that libxlsxwriter 1.1.4's hash equals
    /// Excel's: at most 24 characters, and 1.1.4 also drops a bit of a 24th character of
    /// `@` or above, so the two hashes are compared rather than trusting the length alone.
    static func password(_ password: String?) throws {
        guard let password else { return }
        if password.isEmpty { throw XLSXWriteError.invalidPassword(reason: "it is empty (pass nil for no password)") }
        if password.utf8.contains(where: { $0 >= 0x7F || $0 < 0x20 }) {
            throw XLSXWriteError.invalidPassword(reason: "only printable ASCII characters hash the way Excel does")
        }
        guard LXWDefects.current.passwordHash else {
            if password.utf8.count > 255 { throw XLSXWriteError.invalidPassword(reason: "Excel takes at most 255 characters") }
            return
        }
        if password.utf8.count > LXWLimits.passwordMaxBytes {
            throw XLSXWriteError.invalidPassword(
                reason: "it has \(password.utf8.count) characters; libxlsxwriter 1.1.4 hashes at most \(LXWLimits.passwordMaxBytes) correctly")
        }
        if libxlsxwriter114PasswordHash(password) != excelPasswordHash(password) {
            throw XLSXWriteError.invalidPassword(
                reason: "libxlsxwriter 1.1.4 would store a wrong hash for it (a 24th character must sort before \"@\"); use at most 23 characters")
        }
    }

    /// Excel's legacy sheet-protection hash (ECMA-376 Part 4, 14.7.1): a true 15-bit rotation.
    static func excelPasswordHash(_ password: String) -> UInt16 {
        var hash: UInt16 = 0
        for byte in password.utf8.reversed() {
            hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7FFF)
            hash ^= UInt16(byte)
        }
        hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7FFF)
        hash ^= UInt16(truncatingIfNeeded: password.utf8.count)
        return hash ^ 0xCE4B
    }

    /// libxlsxwriter 1.1.4's `lxw_hash_password`: shifts each character left by its position
    /// and folds the high bits back only once, losing bits above bit 29.
    static func libxlsxwriter114PasswordHash(_ password: String) -> UInt16 {
        var hash: UInt16 = 0
        for (index, byte) in password.utf8.enumerated() {
            let letter = (UInt32(byte) << UInt32(index + 1)) & 0xFFFF_FFFF
            let low = letter & 0x7FFF
            let high = (letter & (0x7FFF << 15)) >> 15
            hash ^= UInt16(truncatingIfNeeded: low | high)
        }
        hash ^= UInt16(truncatingIfNeeded: password.utf8.count)
        return hash ^ 0xCE4B
    }

    // MARK: Print setup

    /// Header/footer text. `&G` and `&[Picture]` (image placeholders) are refused: images are
    /// not supported here, and 1.1.4's error path for a placeholder without an image frees the
    /// old header twice, crashing the process later. libxlsxwriter spots `&G` even after `&&`,
    /// so that sequence is refused too.
    static func headerFooter(_ value: String, what: String) throws {
        try text(value, what: what, allowEmpty: false)
        try maxCharacters(value, LXWLimits.headerFooterMaxCharacters, what: what)
        // Foundation's search (canonical equivalence) only where the bytes hold the placeholder:
        // nothing else is equivalent to these ASCII characters, so elsewhere it finds nothing.
        if (containsBytes(value, "&G") && value.contains("&G"))
            || (containsBytes(value, "&[Picture]") && value.contains("&[Picture]")) {
            throw XLSXWriteError.invalidHeaderFooter(value, reason: "image placeholders (&G, &[Picture]) are not supported")
        }
    }

    /// Whether `text`'s UTF-8 holds `target`'s byte for byte.
    static func containsBytes(_ text: String, _ target: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: target.utf8Start, count: target.utf8CodeUnitCount)
        guard let first = needle.first else { return true }
        var bytes = text.utf8[...]
        while let at = bytes.firstIndex(of: first) {
            if bytes[at...].starts(with: needle) { return true }
            bytes = bytes[bytes.index(after: at)...]
        }
        return false
    }

    static func inRange(_ value: Double, _ range: ClosedRange<Double>, what: String) throws {
        guard value.isFinite, range.contains(value) else {
            throw XLSXWriteError.valueOutOfRange(what: what, value: value, range: range)
        }
    }

    // MARK: Styles

    static func numberFormat(_ format: String) throws {
        try text(format, what: "number format", allowEmpty: false)
        try maxBytes(format, LXWLimits.formatFieldMaxBytes, what: "number format \"\(format)\"")
    }

    static func fontName(_ name: String) throws {
        try text(name, what: "font name", allowEmpty: false)
        try maxCharacters(name, LXWLimits.fontNameMaxCharacters, what: "font name")
        try maxBytes(name, LXWLimits.formatFieldMaxBytes, what: "font name")
    }

    static func color(_ color: UInt32, what: String) throws {
        if color > 0xFF_FFFF {
            throw XLSXWriteError.valueOutOfRange(what: what, value: Double(color), range: 0...Double(0xFF_FFFF))
        }
    }

    // MARK: Hyperlinks

    /// libxlsxwriter %-escapes ` "%<>[]^`{}` (3 bytes each) and then cuts attributes at 2079 bytes.
    static func url(_ url: String) throws {
        try text(url, what: "hyperlink", allowEmpty: false)
        try maxCharacters(url, LXWLimits.urlMaxCharacters, what: "hyperlink")
        var escapedBytes = 0
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{"),
                 UInt8(ascii: "}"):
                escapedBytes += 3
            default:
                escapedBytes += 1
            }
        }
        if escapedBytes > LXWLimits.attributeMaxBytes {
            throw XLSXWriteError.tooLong(what: "hyperlink (after %-escaping)", length: escapedBytes,
                                         limit: LXWLimits.attributeMaxBytes, unit: .bytes)
        }
    }

    // MARK: Data validation

    /// Whether `items` can go into `value_list` safely: joined with commas at most 255 *bytes*,
    /// and no item holding a comma or a double quote (1.1.4 neither escapes nor splits them).
    static func inlineListFits(_ items: [String]) -> Bool {
        guard !items.isEmpty else { return false }
        var bytes = items.count - 1
        for item in items {
            bytes += item.utf8.count
            if bytes > LXWLimits.inlineListMaxBytes { return false }
            if item.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }) { return false }
        }
        return true
    }

    static func listItems(_ items: [String]) throws {
        if items.isEmpty { throw XLSXWriteError.invalidDataValidation(reason: "the list has no items") }
        for item in items {
            try text(item, what: "list item", allowEmpty: false)
            try cellString(item)
        }
    }

    static func validationTitle(_ value: String, what: String) throws {
        try text(value, what: what, allowEmpty: false)
        try maxCharacters(value, LXWLimits.validationTitleMaxCharacters, what: what)
        try maxBytes(value, LXWLimits.attributeMaxBytes - 1, what: what)
    }

    static func validationMessage(_ value: String, what: String) throws {
        try text(value, what: what, allowEmpty: false)
        try maxCharacters(value, LXWLimits.validationMessageMaxCharacters, what: what)
        try maxBytes(value, LXWLimits.attributeMaxBytes - 1, what: what)
    }

    static func validationFormula(_ formula: String) throws {
        try text(formula, what: "validation formula", allowEmpty: false)
        if formula == "=" { throw XLSXWriteError.emptyString(what: "validation formula") }
        try maxCharacters(formula, LXWLimits.validationFormulaMaxCharacters, what: "validation formula")
    }

    // MARK: Charts

    static func chartRange(_ formula: String, what: String) throws {
        try text(formula, what: what, allowEmpty: false)
        if formula == "=" { throw XLSXWriteError.emptyString(what: what) }
        try maxBytes(formula, LXWLimits.chartRangeMaxBytes, what: what)
    }

    static func chartText(_ value: String, what: String) throws {
        try text(value, what: what, allowEmpty: false)
        if value.hasPrefix("=") {
            // libxlsxwriter reads a leading "=" as a cell reference.
            try chartRange(value, what: what)
        } else {
            try maxCharacters(value, 255, what: what)
        }
    }
}
