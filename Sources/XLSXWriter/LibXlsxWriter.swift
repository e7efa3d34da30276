// The only file that calls libxlsxwriter. Every call is preceded by the guards in
// LibXlsxWriterGuards.swift (stateless) or by the state checks in this file (uniqueness of
// sheet names, defined names and custom properties; overlapping merges), and every lxw_error
// becomes an XLSXWriteError. Never calls setlocale.

import CXlsxWriter
import XLSX
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

typealias LXWFormatPointer = UnsafeMutablePointer<lxw_format>

@inline(__always)
private func check(_ error: lxw_error, _ function: StaticString) throws {
    if error != LXW_NO_ERROR { throw libraryError(error, function) }
}

private func libraryError(_ error: lxw_error, _ function: StaticString) -> XLSXWriteError {
    let message = lxw_strerror(error).map { String(cString: $0) } ?? "unknown error"
    return .library(function: "\(function)", code: Int32(truncatingIfNeeded: error.rawValue), message: message)
}

@inline(__always) private func u8<T: RawRepresentable>(_ value: T) -> UInt8 where T.RawValue == UInt32 {
    UInt8(truncatingIfNeeded: value.rawValue)
}

/// libxlsxwriter reads a colour of 0 as "unset"; black must be passed as `LXW_COLOR_BLACK`.
@inline(__always) private func lxwColor(_ rgb: UInt32) -> lxw_color_t {
    rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : rgb
}

/// A C copy of a string that lives as long as this object.
private final class CStringBox {
    let pointer: UnsafeMutablePointer<CChar>?
    init(_ string: String) { pointer = strdup(string) }
    deinit { cFree(pointer) }
}

/// C copies of Swift strings that live until `free()`; used where a call takes several strings.
private struct CStrings {
    private var pointers: [UnsafeMutablePointer<CChar>] = []

    mutating func copy(_ string: String?) -> UnsafeMutablePointer<CChar>? {
        guard let string else { return nil }
        guard let pointer = strdup(string) else { return nil }
        pointers.append(pointer)
        return pointer
    }

    func free() { for pointer in pointers { cFree(pointer) } }
}

@inline(__always) private func cFree(_ pointer: UnsafeMutableRawPointer?) {
    #if canImport(Glibc)
    Glibc.free(pointer)
    #elseif canImport(Musl)
    Musl.free(pointer)
    #else
    Darwin.free(pointer)
    #endif
}

/// A string that starts with "=" loses it in libxlsxwriter's validation titles and messages
/// (`lxw_strdup_formula`); doubling the "=" keeps the text as written.
private func protectLeadingEquals(_ text: String?) -> String? {
    guard let text, text.hasPrefix("=") else { return text }
    return "=" + text
}

// MARK: - Allocator

/// libxlsxwriter runs zlib once per part (about 18 per workbook), and each deflate state
/// (~260 KB) is freed right back at the top of the heap. With glibc's default 128 KB trim
/// threshold every part shrinks and regrows the heap, costing about 1 ms of page faults per
/// workbook (a third of the total). Raising the threshold keeps that memory. Only the trim
/// threshold changes; nothing else about the allocator. The library never does it by itself: it
/// changes the whole host process, so a program opts in (the `evalsheet` tool does, from `main`),
/// and gives the kept memory back when it wants to (`releaseFreedMemory`, batch before its index).
/// (glibc's `mallopt` and `malloc_trim` are looked up at run time: Swift's Glibc module does not
/// export malloc.h.)
public enum XLSXProcessTuning {
    /// Raises glibc's malloc trim threshold to 64 MiB for this process; false where there is no glibc.
    @discardableResult
    public static func keepFreedMemoryForWorkbooks() -> Bool {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD in <malloc.h>
        return mallopt(trimThreshold, 64 << 20) == 1
        #else
        return false
        #endif
    }

    /// Gives the memory freed so far back to the system (`malloc_trim(0)`): glibc keeps freed
    /// blocks in each thread's arena for that thread, and after a batch's workers those are of no
    /// use to the thread that writes the index. Does nothing where there is no glibc.
    public static func releaseFreedMemory() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
        #endif
    }
}

// MARK: - Workbook

/// A style as a key of the workbook's formats, hashed once: hashing a style normalizes its strings
/// (the font name, 游ゴシック), and a lookup that misses is followed by an insert. Equal as styles
/// are (`XLSXStyle.==`), with their hash, so the table holds what a table of styles would.
private struct StyleKey: Hashable {
    let style: XLSXStyle
    let hash: Int

    init(_ style: XLSXStyle) {
        self.style = style
        hash = style.hashValue
    }

    static func == (a: StyleKey, b: StyleKey) -> Bool { a.style == b.style }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}

/// One `lxw_workbook`, plus the state that 1.1.4 does not check itself.
final class LXWBook {
    private(set) var raw: UnsafeMutablePointer<lxw_workbook>?
    private var sheetNameKeys: Set<String> = []
    /// The C sheets in order, and which are hidden (no LXWSheet references: they refer to us).
    private var sheetPointers: [UnsafeMutablePointer<lxw_worksheet>] = []
    private var hiddenSheets: Set<Int> = []
    private var definedNameKeys: Set<String> = []
    private var customPropertyKeys: Set<String> = []
    private var formats: [StyleKey: LXWFormatPointer] = [:]
    /// The most recently used styles, compared with `==` before hashing: a form alternates a
    /// handful of styles, and hashing a style with Japanese strings normalizes them every time,
    /// while comparing copies of the same style is a pointer check.
    private var recentStyles: [XLSXStyle] = []
    private var recentFormats: [LXWFormatPointer?] = []
    private var nextRecentSlot = 0
    /// The slot of the style found last: asked first (a row's cells often repeat their neighbour's).
    private var lastRecentSlot = 0
    private static let recentCapacity = 8
    /// The sheet Excel opens on, as libxlsxwriter tracks it.
    private(set) var activeSheetIndex = 0
    /// The last sheet that takes no more cells: rows are streamed into it (`XLSXRowStream`), whose
    /// styles were numbered as the library would number them after every cell before (-1: none).
    private(set) var closedForCellsThrough = -1

    func closeForCells(through sheet: Int) { closedForCellsThrough = sheet }

    /// Throws when sheet `sheet` takes no more cells, row settings or column styles.
    @inline(__always)
    func checkTakesCells(_ sheet: Int) throws {
        if sheet <= closedForCellsThrough {
            throw XLSXWriteError.library(function: "XLSXRowStream", code: 0,
                                         message: "once rows are streamed into a sheet, it and the sheets before it take no more cells, row settings or column styles")
        }
    }

    /// The directory for libxlsxwriter's scratch files, kept alive as long as the workbook.
    private let scratchDirectory: CStringBox?
    /// That directory for messages and the free-space check (`tmpfile()` uses /tmp).
    private let scratchDirectoryPath: String
    /// The file libxlsxwriter writes.
    private let filePath: String
    /// Number texts to correct once the file is written, by sheet index: libxlsxwriter's `%.16G`
    /// text → the shortest text of the same double (see XLSXNumberText.swift).
    private(set) var numberCorrections: [Int: [String: String]] = [:]

    @inline(__always) func noteNumber(_ value: Double, sheet: Int) {
        guard let (written, wanted) = XLSXNumberText.safeCorrection(value) else { return }
        numberCorrections[sheet, default: [:]][written] = wanted
    }

    /// An upper estimate of the largest scratch file: every string's bytes, escaped, plus a
    /// generous allowance per cell and for the fixed parts.
    private(set) var scratchBytesNeeded = 256 << 10

    @inline(__always) func noteCell(textBytes: Int = 0) {
        scratchBytesNeeded &+= 96 &+ 2 &* textBytes
    }

    /// Free bytes (for an unprivileged writer) in the file system holding `directory`.
    static func freeBytes(_ directory: String) -> Int? {
        var info = statvfs()
        guard statvfs(directory, &info) == 0 else { return nil }
        let (bytes, overflow) = Int(info.f_bavail).multipliedReportingOverflow(by: Int(info.f_frsize))
        return overflow ? Int.max : bytes
    }

    /// Creates the C workbook; libxlsxwriter writes `path` only when closed. Each XML part is
    /// first written to a scratch file in `scratchDirectory` (nil: the C library's default,
    /// `tmpfile()`); on tmpfs this avoids most of the cost of creating files.
    init(path: String, scratchDirectory: String?) throws {
        self.scratchDirectory = scratchDirectory.map(CStringBox.init)
        self.scratchDirectoryPath = scratchDirectory ?? "/tmp"
        self.filePath = path
        var options = lxw_workbook_options()
        options.tmpdir = self.scratchDirectory?.pointer
        guard let raw = path.withCString({ workbook_new_opt($0, &options) }) else {
            throw XLSXWriteError.cannotCreateWorkbook(path)
        }
        self.raw = raw
    }

    deinit { free() }

    var isOpen: Bool { raw != nil }

    @inline(__always)
    func open() throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let raw else { throw XLSXWriteError.workbookClosed }
        return raw
    }

    /// Frees the workbook without writing anything.
    func free() {
        if let raw {
            lxw_workbook_free(raw)
            self.raw = nil
            forgetFormats()
        }
    }

    private func forgetFormats() {
        formats.removeAll()
        recentStyles.removeAll()
        recentFormats.removeAll()
        nextRecentSlot = 0
        lastRecentSlot = 0
    }

    /// Writes the file (`workbook_close` also frees the workbook, whatever it returns).
    /// A failure throws `.cannotWriteFile` naming `path` (the file the user asked for), with the
    /// library's error and the system's `errno` (a full disk: `ENOSPC`).
    func close(reportingAs path: String) throws {
        let raw = try open()
        // Excel cannot open on a hidden sheet: move the active sheet to the first visible one.
        if hiddenSheets.contains(activeSheetIndex),
           let visible = sheetPointers.indices.first(where: { !hiddenSheets.contains($0) }) {
            worksheet_activate(sheetPointers[visible])
            activeSheetIndex = visible
        }
        self.raw = nil
        forgetFormats()
        // libxlsxwriter does not check its writes to scratch files: on a full scratch disk a part is
        // cut short inside a workbook that "succeeds" (and errno does not survive to tell). So the
        // scratch directory must have room for the largest part, estimated high from what was written.
        if let free = Self.freeBytes(scratchDirectoryPath), free < scratchBytesNeeded {
            lxw_workbook_free(raw)
            throw XLSXWriteError.cannotWriteScratchFile(path, directory: scratchDirectoryPath, systemError: ENOSPC)
        }
        errno = 0
        let error = workbook_close(raw)
        let system = errno
        guard error != LXW_NO_ERROR else {
            let parts = numberCorrections.reduce(into: [String: [String: String]]()) {
                $0["xl/worksheets/sheet\($1.key + 1).xml"] = $1.value
            }
            if !parts.isEmpty {
                try LibZipRewrite.correctNumbers(in: filePath, parts, reportingAs: path)
            }
            return
        }
        let message = lxw_strerror(error).map { String(cString: $0) } ?? "unknown error"
        throw XLSXWriteError.cannotWriteFile(path, libraryCode: Int32(truncatingIfNeeded: error.rawValue),
                                             libraryMessage: message, systemError: system)
    }

    // MARK: Sheets

    /// Whether a sheet with this name (case-insensitively) exists.
    func hasSheet(named name: String) -> Bool { sheetNameKeys.contains(name.lowercased()) }

    func addWorksheet(named name: String) throws -> LXWSheet {
        let raw = try open()
        try LXWGuard.sheetName(name)
        let key = name.lowercased()
        if sheetNameKeys.contains(key) { throw XLSXWriteError.duplicateSheetName(name) }
        guard let sheet = name.withCString({ workbook_add_worksheet(raw, $0) }) else {
            throw XLSXWriteError.invalidSheetName(name, reason: "libxlsxwriter refused it")
        }
        sheetNameKeys.insert(key)
        sheetPointers.append(sheet)
        return LXWSheet(book: self, raw: sheet, name: name, index: sheetPointers.count - 1)
    }

    var sheetCount: Int { sheetPointers.count }

    fileprivate func isSheetHidden(_ index: Int) -> Bool { hiddenSheets.contains(index) }

    fileprivate func sheetActivated(_ index: Int) {
        activeSheetIndex = index
        hiddenSheets.remove(index)  // libxlsxwriter unhides the active sheet
    }

    fileprivate func sheetHidden(_ index: Int) {
        hiddenSheets.insert(index)
        // libxlsxwriter moves the active sheet to the first one when the active one is hidden.
        if activeSheetIndex == index { activeSheetIndex = 0 }
    }

    // MARK: Defined names

    /// A workbook-global name (`sheet == nil`) or a name local to `sheet`.
    func defineName(_ name: String, refersTo formula: String, sheet: LXWSheet?) throws {
        let raw = try open()
        var qualified = name
        if let sheet {
            guard sheet.book === self else { throw XLSXWriteError.foreignObject(what: "sheet") }
            // libxlsxwriter splits "Sheet!name" at the first "!" and strips one pair of quotes
            // without undoubling '' — so the sheet name goes in unquoted and must not hold "!".
            if sheet.name.contains("!") {
                throw XLSXWriteError.invalidDefinedName(
                    name, reason: "libxlsxwriter 1.1.4 cannot scope a name to a sheet whose name contains \"!\"")
            }
            qualified = sheet.name + "!" + name
        }
        try LXWGuard.definedName(name, qualified: qualified)
        try LXWGuard.definedNameFormula(formula, name: name)
        let key = "\(sheet?.index ?? -1)!" + name.lowercased()
        if definedNameKeys.contains(key) { throw XLSXWriteError.duplicateDefinedName(name) }
        let error = qualified.withCString { q in formula.withCString { f in workbook_define_name(raw, q, f) } }
        try check(error, "workbook_define_name")
        definedNameKeys.insert(key)
    }

    // MARK: Properties

    private func customPropertyKey(_ name: String) throws -> String {
        try LXWGuard.customPropertyName(name)
        let key = name.lowercased()
        if customPropertyKeys.contains(key) { throw XLSXWriteError.duplicateCustomProperty(name) }
        return key
    }

    func setCustomProperty(_ name: String, string value: String) throws {
        try LXWGuard.customPropertyString(value, name: name)
        try customProperty(name, "workbook_set_custom_property_string") { raw, n in
            value.withCString { workbook_set_custom_property_string(raw, n, $0) }
        }
    }

    func setCustomProperty(_ name: String, int value: Int) throws {
        guard let value32 = Int32(exactly: value) else {
            throw XLSXWriteError.valueOutOfRange(what: "custom property \"\(name)\"", value: Double(value),
                                                 range: Double(Int32.min)...Double(Int32.max))
        }
        try customProperty(name, "workbook_set_custom_property_integer") { raw, n in workbook_set_custom_property_integer(raw, n, value32) }
    }

    func setCustomProperty(_ name: String, double value: Double) throws {
        try LXWGuard.number(value, what: "custom property \"\(name)\"")
        try customProperty(name, "workbook_set_custom_property_number") { raw, n in workbook_set_custom_property_number(raw, n, value) }
    }

    func setCustomProperty(_ name: String, bool value: Bool) throws {
        try customProperty(name, "workbook_set_custom_property_boolean") { raw, n in workbook_set_custom_property_boolean(raw, n, value ? 1 : 0) }
    }

    /// One custom property: the name checked (and not yet used), the C call made, the name recorded.
    private func customProperty(_ name: String, _ function: StaticString,
                                _ call: (UnsafeMutablePointer<lxw_workbook>, UnsafePointer<CChar>) -> lxw_error) throws {
        let raw = try open()
        let key = try customPropertyKey(name)
        let error = name.withCString { call(raw, $0) }
        try check(error, function)
        customPropertyKeys.insert(key)
    }

    /// Document properties; nil or empty strings are left out. `created` is seconds since 1970.
    func setDocumentProperties(title: String?, subject: String?, author: String?, manager: String?,
                               company: String?, category: String?, keywords: String?, comments: String?,
                               created: Int?) throws {
        let raw = try open()
        let fields: [(String?, String)] = [(title, "title"), (subject, "subject"), (author, "author"),
                                           (manager, "manager"), (company, "company"), (category, "category"),
                                           (keywords, "keywords"), (comments, "comments")]
        for (value, what) in fields {
            if let value { try LXWGuard.text(value, what: "document \(what)") }
        }
        func nonEmpty(_ s: String?) -> String? { (s?.isEmpty ?? true) ? nil : s }
        var strings = CStrings()
        defer { strings.free() }
        var properties = lxw_doc_properties()
        properties.title = strings.copy(nonEmpty(title))
        properties.subject = strings.copy(nonEmpty(subject))
        properties.author = strings.copy(nonEmpty(author))
        properties.manager = strings.copy(nonEmpty(manager))
        properties.company = strings.copy(nonEmpty(company))
        properties.category = strings.copy(nonEmpty(category))
        properties.keywords = strings.copy(nonEmpty(keywords))
        properties.comments = strings.copy(nonEmpty(comments))
        if let created { properties.created = time_t(created) }
        try check(workbook_set_properties(raw, &properties), "workbook_set_properties")
    }

    // MARK: Formats

    /// The format for `style`, created once per distinct style; nil for the default style.
    @inline(__always)
    func format(for style: XLSXStyle) throws -> LXWFormatPointer? {
        if lastRecentSlot < recentStyles.count, recentStyles[lastRecentSlot] == style { return recentFormats[lastRecentSlot] }
        for index in recentStyles.indices where recentStyles[index] == style {
            lastRecentSlot = index
            return recentFormats[index]
        }
        return try lookUpFormat(style)
    }

    private func lookUpFormat(_ style: XLSXStyle) throws -> LXWFormatPointer? {
        let raw = try open()
        let format: LXWFormatPointer?
        if style == .default {
            format = nil
        } else {
            let key = StyleKey(style)
            if let cached = formats[key] {
                format = cached
            } else {
                try Self.validate(style)
                guard let created = workbook_add_format(raw) else {
                    throw XLSXWriteError.library(function: "workbook_add_format", code: -1, message: "out of memory")
                }
                Self.apply(style, to: created)
                formats[key] = created
                format = created
            }
        }
        if recentStyles.count < Self.recentCapacity {
            recentStyles.append(style)
            recentFormats.append(format)
        } else {
            recentStyles[nextRecentSlot] = style
            recentFormats[nextRecentSlot] = format
            nextRecentSlot = (nextRecentSlot + 1) % Self.recentCapacity
        }
        return format
    }

    var formatCount: Int { formats.count }

    private static func validate(_ style: XLSXStyle) throws {
        if let name = style.fontName { try LXWGuard.fontName(name) }
        if let size = style.fontSize { try LXWGuard.inRange(size, 1...409, what: "font size") }
        if let color = style.fontColor { try LXWGuard.color(color, what: "font colour") }
        if let color = style.fillColor { try LXWGuard.color(color, what: "fill colour") }
        for line in [style.border.top, style.border.bottom, style.border.left, style.border.right] {
            if let color = line?.color { try LXWGuard.color(color, what: "border colour") }
        }
        if let format = style.numberFormat { try LXWGuard.numberFormat(format) }
        try LXWGuard.inRange(Double(style.indent), 0...15, what: "indent")
    }

    private static func apply(_ style: XLSXStyle, to format: LXWFormatPointer) {
        if let name = style.fontName { name.withCString { format_set_font_name(format, $0) } }
        if let size = style.fontSize { format_set_font_size(format, size) }
        if style.bold { format_set_bold(format) }
        if style.italic { format_set_italic(format) }
        switch style.underline {
        case .none: break
        case .single: format_set_underline(format, u8(LXW_UNDERLINE_SINGLE))
        case .double: format_set_underline(format, u8(LXW_UNDERLINE_DOUBLE))
        case .singleAccounting: format_set_underline(format, u8(LXW_UNDERLINE_SINGLE_ACCOUNTING))
        case .doubleAccounting: format_set_underline(format, u8(LXW_UNDERLINE_DOUBLE_ACCOUNTING))
        }
        if let color = style.fontColor { format_set_font_color(format, lxwColor(color)) }
        if let color = style.fillColor {
            format_set_pattern(format, u8(LXW_PATTERN_SOLID))
            format_set_bg_color(format, lxwColor(color))
        }
        applyBorder(style.border.top, format, format_set_top, format_set_top_color)
        applyBorder(style.border.bottom, format, format_set_bottom, format_set_bottom_color)
        applyBorder(style.border.left, format, format_set_left, format_set_left_color)
        applyBorder(style.border.right, format, format_set_right, format_set_right_color)
        switch style.horizontal {
        case .general: break
        case .left: format_set_align(format, u8(LXW_ALIGN_LEFT))
        case .center: format_set_align(format, u8(LXW_ALIGN_CENTER))
        case .right: format_set_align(format, u8(LXW_ALIGN_RIGHT))
        case .fill: format_set_align(format, u8(LXW_ALIGN_FILL))
        case .justify: format_set_align(format, u8(LXW_ALIGN_JUSTIFY))
        case .centerAcross: format_set_align(format, u8(LXW_ALIGN_CENTER_ACROSS))
        case .distributed: format_set_align(format, u8(LXW_ALIGN_DISTRIBUTED))
        }
        switch style.vertical {
        case .bottom: break
        case .top: format_set_align(format, u8(LXW_ALIGN_VERTICAL_TOP))
        case .center: format_set_align(format, u8(LXW_ALIGN_VERTICAL_CENTER))
        case .justify: format_set_align(format, u8(LXW_ALIGN_VERTICAL_JUSTIFY))
        case .distributed: format_set_align(format, u8(LXW_ALIGN_VERTICAL_DISTRIBUTED))
        }
        if style.wrap { format_set_text_wrap(format) }
        if style.shrinkToFit { format_set_shrink(format) }
        if style.indent > 0 { format_set_indent(format, UInt8(style.indent)) }
        if let numberFormat = style.numberFormat { numberFormat.withCString { format_set_num_format(format, $0) } }
        if !style.locked { format_set_unlocked(format) }
        if style.hidden { format_set_hidden(format) }
    }

    private static func applyBorder(_ line: XLSXBorderLine?, _ format: LXWFormatPointer,
                                    _ setStyle: (LXWFormatPointer?, UInt8) -> Void,
                                    _ setColor: (LXWFormatPointer?, lxw_color_t) -> Void) {
        guard let line, line.style != .none else { return }
        let value: lxw_format_borders
        switch line.style {
        case .none: value = LXW_BORDER_NONE
        case .thin: value = LXW_BORDER_THIN
        case .medium: value = LXW_BORDER_MEDIUM
        case .dashed: value = LXW_BORDER_DASHED
        case .dotted: value = LXW_BORDER_DOTTED
        case .thick: value = LXW_BORDER_THICK
        case .double: value = LXW_BORDER_DOUBLE
        case .hair: value = LXW_BORDER_HAIR
        case .mediumDashed: value = LXW_BORDER_MEDIUM_DASHED
        case .dashDot: value = LXW_BORDER_DASH_DOT
        case .mediumDashDot: value = LXW_BORDER_MEDIUM_DASH_DOT
        case .dashDotDot: value = LXW_BORDER_DASH_DOT_DOT
        case .mediumDashDotDot: value = LXW_BORDER_MEDIUM_DASH_DOT_DOT
        case .slantDashDot: value = LXW_BORDER_SLANT_DASH_DOT
        }
        setStyle(format, u8(value))
        if let color = line.color { setColor(format, lxwColor(color)) }
    }

    // MARK: Charts

    func addChart(_ kind: XLSXChartKind) throws -> LXWChart {
        let raw = try open()
        let type: lxw_chart_type
        switch kind {
        case .column: type = LXW_CHART_COLUMN
        case .columnStacked: type = LXW_CHART_COLUMN_STACKED
        case .bar: type = LXW_CHART_BAR
        case .barStacked: type = LXW_CHART_BAR_STACKED
        case .line: type = LXW_CHART_LINE
        case .lineWithMarkers: type = LXW_CHART_LINE
        case .pie: type = LXW_CHART_PIE
        case .area: type = LXW_CHART_AREA
        }
        guard let chart = workbook_add_chart(raw, u8(type)) else {
            throw XLSXWriteError.library(function: "workbook_add_chart", code: -1, message: "could not create the chart")
        }
        return LXWChart(book: self, raw: chart, kind: kind)
    }
}

// MARK: - Worksheet

/// One `lxw_worksheet`. Valid while its workbook is open.
final class LXWSheet {
    let book: LXWBook
    let raw: UnsafeMutablePointer<lxw_worksheet>
    let name: String
    let index: Int
    private var merges: [CellRange] = []

    var isHidden: Bool { book.isSheetHidden(index) }

    fileprivate init(book: LXWBook, raw: UnsafeMutablePointer<lxw_worksheet>, name: String, index: Int) {
        self.book = book
        self.raw = raw
        self.name = name
        self.index = index
    }

    @inline(__always)
    private func open() throws -> UnsafeMutablePointer<lxw_worksheet> {
        guard book.isOpen else { throw XLSXWriteError.workbookClosed }
        return raw
    }

    /// The sheet, for a write that adds a cell, a style or a row to it (see `LXWBook.checkTakesCells`).
    @inline(__always)
    private func openForCells() throws -> UnsafeMutablePointer<lxw_worksheet> {
        let ws = try open()
        try book.checkTakesCells(index)
        return ws
    }

    // MARK: Cells

    @inline(__always)
    func writeString(_ row: Int, _ column: Int, _ value: String, _ style: XLSXStyle) throws {
        if value.isEmpty { return try writeBlank(row, column, style) }
        let ws = try openForCells()
        try LXWGuard.cell(row, column)
        try LXWGuard.cellString(value)
        book.noteCell(textBytes: value.utf8.count)
        let format = try book.format(for: style)
        guard let escaped = XLSXCellText.escaped(value) else {
            let error = value.withCString { worksheet_write_string(ws, lxw_row_t(row), lxw_col_t(column), $0, format) }
            return try check(error, "worksheet_write_string")
        }
        if XLSXCellText.libraryLength(escaped) > LXWLimits.cellStringMaxCharacters {
            return try writeSharedString(ws, row, column, escaped, format)
        }
        let error = escaped.withCString { worksheet_write_string(ws, lxw_row_t(row), lxw_col_t(column), $0, format) }
        try check(error, "worksheet_write_string")
    }

    /// A string cell whose escaped text libxlsxwriter 1.1.4 would refuse as too long although
    /// Excel's limit counts the decoded text (a 32,767-character text holding literal `_xHHHH_`
    /// sequences, each escaped with 6 more characters). `worksheet_write_string` checks the length
    /// of what it is given; the shared-string table itself has no limit. So the cell is created as
    /// a number with its format, the text is added to the table with `lxw_get_sst_index` (which
    /// counts it like any other string), and the cell is turned into a string cell pointing at it.
    private func writeSharedString(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ row: Int, _ column: Int,
                                   _ escaped: String, _ format: LXWFormatPointer?) throws {
        try check(worksheet_write_number(ws, lxw_row_t(row), lxw_col_t(column), 0, format), "worksheet_write_number")
        guard let sst = ws.pointee.sst,
              let rowRecord = lxw_worksheet_find_row(ws, lxw_row_t(row)),
              let cell = lxw_worksheet_find_cell_in_row(rowRecord, lxw_col_t(column)),
              cell.pointee.type == NUMBER_CELL,
              let element = escaped.withCString({ lxw_get_sst_index(sst, $0, 0) })
        else {
            throw XLSXWriteError.library(function: "lxw_get_sst_index", code: -1,
                                         message: "could not add the text to the shared strings")
        }
        cell.pointee.type = STRING_CELL
        cell.pointee.u.string_id = Int32(bitPattern: element.pointee.index)
        cell.pointee.sst_string = element.pointee.string
    }

    @inline(__always)
    func writeNumber(_ row: Int, _ column: Int, _ value: Double, _ style: XLSXStyle) throws {
        let ws = try openForCells()
        try LXWGuard.cell(row, column)
        book.noteCell()
        try LXWGuard.number(value)
        book.noteNumber(value, sheet: index)
        let format = try book.format(for: style)
        try check(worksheet_write_number(ws, lxw_row_t(row), lxw_col_t(column), value, format), "worksheet_write_number")
    }

    func writeBool(_ row: Int, _ column: Int, _ value: Bool, _ style: XLSXStyle) throws {
        let ws = try openForCells()
        try LXWGuard.cell(row, column)
        book.noteCell()
        let format = try book.format(for: style)
        try check(worksheet_write_boolean(ws, lxw_row_t(row), lxw_col_t(column), value ? 1 : 0, format),
                  "worksheet_write_boolean")
    }

    /// A blank cell; with the default style there is nothing to write and nothing is written.
    func writeBlank(_ row: Int, _ column: Int, _ style: XLSXStyle) throws {
        let ws = try openForCells()
        try LXWGuard.cell(row, column)
        book.noteCell()
        let format = try book.format(for: style)
        try check(worksheet_write_blank(ws, lxw_row_t(row), lxw_col_t(column), format), "worksheet_write_blank")
    }

    func writeFormula(_ row: Int, _ column: Int, _ formula: String, cachedNumber: Double, _ style: XLSXStyle) throws {
        let ws = try openForCells()
        try LXWGuard.cell(row, column)
        book.noteCell()
        try LXWGuard.cellFormula(formula)
        try LXWGuard.number(cachedNumber, what: "cached formula result")
        book.noteNumber(cachedNumber, sheet: index)
        let format = try book.format(for: style)
        let error = formula.withCString {
            worksheet_write_formula_num(ws, lxw_row_t(row), lxw_col_t(column), $0, format, cachedNumber)
        }
        try check(error, "worksheet_write_formula_num")
    }

    func writeFormula(_ row: Int, _ column: Int, _ formula: String, cachedString: String, _ style: XLSXStyle) throws {
        let ws = try openForCells()
        try LXWGuard.cell(row, column)
        book.noteCell(textBytes: formula.utf8.count + cachedString.utf8.count)
        try LXWGuard.cellFormula(formula)
        try LXWGuard.text(cachedString, what: "cached formula result")
        try LXWGuard.cellString(cachedString)
        let format = try book.format(for: style)
        let value = XLSXCellText.escaped(cachedString) ?? cachedString
        let error = formula.withCString { f in
            value.withCString { v in
                worksheet_write_formula_str(ws, lxw_row_t(row), lxw_col_t(column), f, format, v)
            }
        }
        try check(error, "worksheet_write_formula_str")
    }

    /// A hyperlink; `style == .default` lets libxlsxwriter use its blue, underlined link style.
    func writeURL(_ row: Int, _ column: Int, _ url: String, text: String?, tooltip: String?, _ style: XLSXStyle) throws {
        let ws = try openForCells()
        try LXWGuard.cell(row, column)
        book.noteCell()
        try LXWGuard.url(url)
        if let text {
            try LXWGuard.text(text, what: "hyperlink text", allowEmpty: false)
            try LXWGuard.cellString(text)
        }
        if let tooltip {
            try LXWGuard.text(tooltip, what: "hyperlink tooltip", allowEmpty: false)
            try LXWGuard.maxCharacters(tooltip, LXWLimits.tooltipMaxCharacters, what: "hyperlink tooltip")
        }
        let format = try book.format(for: style)
        var strings = CStrings()
        defer { strings.free() }
        let shown = text.map { XLSXCellText.escaped($0) ?? $0 }
        let error = url.withCString {
            worksheet_write_url_opt(ws, lxw_row_t(row), lxw_col_t(column), $0, format,
                                    strings.copy(shown), strings.copy(tooltip))
        }
        try check(error, "worksheet_write_url_opt")
    }

    // MARK: Merges

    /// Merges `range` (at least two cells, overlapping no earlier merge) and writes `text` with
    /// `style` into its first cell and `style` into the others.
    ///
    /// `worksheet_merge_range` ignores the result of writing its text (a refused text would leave
    /// a silently empty merge), so the range is merged blank and the text written on its own.
    func merge(_ range: CellRange, text: String, _ style: XLSXStyle) throws {
        let ws = try openForCells()
        try LXWGuard.range(range)
        if range.first == range.last {
            throw XLSXWriteError.invalidMerge(range, reason: "Excel cannot merge a single cell")
        }
        for existing in merges where existing.intersects(range) {
            throw XLSXWriteError.overlappingMerge(range, existing: existing)
        }
        try LXWGuard.cellString(text)
        let format = try book.format(for: style)
        let error = "".withCString {
            worksheet_merge_range(ws, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                  lxw_row_t(range.last.row), lxw_col_t(range.last.column), $0, format)
        }
        try check(error, "worksheet_merge_range")
        merges.append(range)
        if !text.isEmpty { try writeString(range.first.row, range.first.column, text, style) }
    }

    // MARK: Rows and columns

    func setColumns(_ first: Int, _ last: Int, width: Double, style: XLSXStyle?, hidden: Bool) throws {
        let ws = try open()
        try LXWGuard.column(first)
        try LXWGuard.column(last)
        try LXWGuard.inRange(width, 0...255, what: "column width")
        if style != nil { try book.checkTakesCells(index) }
        let format = try style.map { try book.format(for: $0) } ?? nil
        var options = lxw_row_col_options()
        options.hidden = hidden ? 1 : 0
        try check(worksheet_set_column_opt(ws, lxw_col_t(min(first, last)), lxw_col_t(max(first, last)),
                                           width, format, &options), "worksheet_set_column_opt")
    }

    func setRow(_ row: Int, height: Double?, style: XLSXStyle?, hidden: Bool) throws {
        let ws = try openForCells()
        try LXWGuard.row(row)
        if let height { try LXWGuard.inRange(height, 0...409, what: "row height") }
        let format = try style.map { try book.format(for: $0) } ?? nil
        var options = lxw_row_col_options()
        options.hidden = hidden ? 1 : 0
        try check(worksheet_set_row_opt(ws, lxw_row_t(row), height ?? 15.0 /* LXW_DEF_ROW_HEIGHT */, format, &options),
                  "worksheet_set_row_opt")
    }

    // MARK: Data validation

    /// Adds a validation. `.list` must fit `value_list` (see `LXWGuard.inlineListFits`);
    /// longer lists are rerouted by the caller to a `.listFormula`.
    func addValidation(_ validation: XLSXDataValidation, range: CellRange) throws {
        let ws = try open()
        try LXWGuard.range(range)
        var strings = CStrings()
        defer { strings.free() }
        var dv = lxw_data_validation()

        let inputTitle = protectLeadingEquals(validation.inputTitle)
        let inputMessage = protectLeadingEquals(validation.inputMessage)
        let errorTitle = protectLeadingEquals(validation.errorTitle)
        let errorMessage = protectLeadingEquals(validation.errorMessage)
        if let inputTitle { try LXWGuard.validationTitle(inputTitle, what: "input title") }
        if let inputMessage { try LXWGuard.validationMessage(inputMessage, what: "input message") }
        if let errorTitle { try LXWGuard.validationTitle(errorTitle, what: "error title") }
        if let errorMessage { try LXWGuard.validationMessage(errorMessage, what: "error message") }

        var list = try Self.setCriteria(validation.kind, on: &dv, strings: &strings,
                                        hasInput: inputTitle != nil || inputMessage != nil)
        dv.ignore_blank = u8(validation.ignoreBlank ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF)
        dv.dropdown = u8(validation.showDropdown ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF)
        switch validation.errorStyle {
        case .stop: dv.error_type = u8(LXW_VALIDATION_ERROR_TYPE_STOP)
        case .warning: dv.error_type = u8(LXW_VALIDATION_ERROR_TYPE_WARNING)
        case .information: dv.error_type = u8(LXW_VALIDATION_ERROR_TYPE_INFORMATION)
        }
        dv.input_title = strings.copy(inputTitle)
        dv.input_message = strings.copy(inputMessage)
        dv.error_title = strings.copy(errorTitle)
        dv.error_message = strings.copy(errorMessage)

        let error = list.withUnsafeMutableBufferPointer { buffer -> lxw_error in
            if !buffer.isEmpty { dv.value_list = buffer.baseAddress }
            return worksheet_data_validation_range(ws, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                                   lxw_row_t(range.last.row), lxw_col_t(range.last.column), &dv)
        }
        try check(error, "worksheet_data_validation_range")
    }

    /// Sets `dv`'s type and criteria for `kind`; returns the inline list (nil-terminated) for `.list`.
    private static func setCriteria(_ kind: XLSXDataValidation.Kind, on dv: inout lxw_data_validation, strings: inout CStrings,
                                    hasInput: Bool) throws -> [UnsafeMutablePointer<CChar>?] {
        switch kind {
        case .list(let items):
            try LXWGuard.listItems(items)
            guard LXWGuard.inlineListFits(items) else {
                throw XLSXWriteError.invalidDataValidation(
                    reason: "an inline list must be at most \(LXWLimits.inlineListMaxBytes) UTF-8 bytes with commas and hold no comma or quote; put it on a sheet and use a list formula")
            }
            dv.validate = u8(LXW_VALIDATION_TYPE_LIST)
            return items.map { strings.copy($0) } + [nil]
        case .listFormula(let formula):
            try LXWGuard.validationFormula(formula)
            dv.validate = u8(LXW_VALIDATION_TYPE_LIST_FORMULA)
            dv.value_formula = strings.copy(formula)
        case .wholeNumber(let min, let max):
            dv.validate = u8(LXW_VALIDATION_TYPE_INTEGER)
            try setBounds(min.map(Double.init), max.map(Double.init), on: &dv)
        case .decimal(let min, let max):
            if let min { try LXWGuard.number(min, what: "validation minimum") }
            if let max { try LXWGuard.number(max, what: "validation maximum") }
            dv.validate = u8(LXW_VALIDATION_TYPE_DECIMAL)
            try setBounds(min, max, on: &dv)
        case .textLength(let min, let max):
            if let min, min < 0 { throw XLSXWriteError.invalidDataValidation(reason: "a text length cannot be negative") }
            dv.validate = u8(LXW_VALIDATION_TYPE_LENGTH)
            try setBounds(min.map(Double.init), max.map(Double.init), on: &dv)
        case .any:
            guard hasInput else {
                throw XLSXWriteError.invalidDataValidation(reason: ".any needs an input title or message")
            }
            dv.validate = u8(LXW_VALIDATION_TYPE_ANY)
        }
        return []
    }

    /// A minimum and/or maximum as libxlsxwriter's criteria (between, ≥, ≤).
    private static func setBounds(_ min: Double?, _ max: Double?, on dv: inout lxw_data_validation) throws {
        switch (min, max) {
        case let (min?, max?):
            guard min <= max else {
                throw XLSXWriteError.invalidDataValidation(reason: "minimum \(min) is greater than maximum \(max)")
            }
            dv.criteria = u8(LXW_VALIDATION_CRITERIA_BETWEEN)
            dv.minimum_number = min
            dv.maximum_number = max
        case let (min?, nil):
            dv.criteria = u8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO)
            dv.value_number = min
        case let (nil, max?):
            dv.criteria = u8(LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO)
            dv.value_number = max
        case (nil, nil):
            throw XLSXWriteError.invalidDataValidation(reason: "give a minimum, a maximum or both")
        }
    }

    // MARK: Protection

    func protect(password: String?, options: XLSXProtectionOptions) throws {
        let ws = try open()
        try LXWGuard.password(password)
        var protection = lxw_protection()
        protection.no_select_locked_cells = options.selectLockedCells ? 0 : 1
        protection.no_select_unlocked_cells = options.selectUnlockedCells ? 0 : 1
        protection.format_cells = options.formatCells ? 1 : 0
        protection.format_columns = options.formatColumns ? 1 : 0
        protection.format_rows = options.formatRows ? 1 : 0
        protection.insert_columns = options.insertColumns ? 1 : 0
        protection.insert_rows = options.insertRows ? 1 : 0
        protection.insert_hyperlinks = options.insertHyperlinks ? 1 : 0
        protection.delete_columns = options.deleteColumns ? 1 : 0
        protection.delete_rows = options.deleteRows ? 1 : 0
        protection.sort = options.sort ? 1 : 0
        protection.autofilter = options.autofilter ? 1 : 0
        protection.pivot_tables = options.pivotTables ? 1 : 0
        protection.scenarios = options.editScenarios ? 1 : 0
        protection.objects = options.editObjects ? 1 : 0
        if let password {
            password.withCString { worksheet_protect(ws, $0, &protection) }
        } else {
            worksheet_protect(ws, nil, &protection)
        }
    }

    // MARK: View

    func hide() throws {
        worksheet_hide(try open())
        book.sheetHidden(index)
    }

    func activate() throws {
        worksheet_activate(try open())
        book.sheetActivated(index)
    }

    func setTabColor(_ color: UInt32) throws {
        let ws = try open()
        try LXWGuard.color(color, what: "tab colour")
        worksheet_set_tab_color(ws, lxwColor(color))
    }

    func hideGridlines() throws {
        worksheet_gridlines(try open(), u8(LXW_HIDE_ALL_GRIDLINES))
    }

    func freezePanes(row: Int, column: Int) throws {
        let ws = try open()
        try LXWGuard.cell(row, column)
        worksheet_freeze_panes(ws, lxw_row_t(row), lxw_col_t(column))
    }

    func autofilter(_ range: CellRange) throws {
        let ws = try open()
        try LXWGuard.range(range)
        try check(worksheet_autofilter(ws, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                       lxw_row_t(range.last.row), lxw_col_t(range.last.column)), "worksheet_autofilter")
    }

    func setZoom(_ percent: Int) throws {
        let ws = try open()
        try LXWGuard.inRange(Double(percent), 10...400, what: "zoom")
        worksheet_set_zoom(ws, UInt16(percent))
    }

    // MARK: Print setup

    func setPaper(_ code: Int) throws {
        let ws = try open()
        try LXWGuard.inRange(Double(code), 0...255, what: "paper size code")
        worksheet_set_paper(ws, UInt8(code))
    }

    func setLandscape(_ landscape: Bool) throws {
        let ws = try open()
        if landscape { worksheet_set_landscape(ws) } else { worksheet_set_portrait(ws) }
    }

    func fitToPages(width: Int, height: Int) throws {
        let ws = try open()
        try LXWGuard.inRange(Double(width), 0...32767, what: "pages wide")
        try LXWGuard.inRange(Double(height), 0...32767, what: "pages tall")
        worksheet_fit_to_pages(ws, UInt16(width), UInt16(height))
    }

    func setPrintScale(_ percent: Int) throws {
        let ws = try open()
        try LXWGuard.inRange(Double(percent), 10...400, what: "print scale")
        worksheet_set_print_scale(ws, UInt16(percent))
    }

    /// The `_xlnm.Print_Titles` / `_xlnm.Print_Area` names that libxlsxwriter builds from the
    /// quoted sheet name must stay under its 128-byte buffer too.
    private func checkBuiltInName(_ reference: String, what: String) throws {
        let formula = quotedSheetName(name) + "!" + reference
        try LXWGuard.maxBytes(formula, LXWLimits.definedNameMaxBytes, what: what)
        try LXWGuard.maxBytes(quotedSheetName(name) + "!Print_Titles", LXWLimits.definedNameMaxBytes, what: what)
    }

    func repeatRows(first: Int, last: Int) throws {
        let ws = try open()
        try LXWGuard.row(first)
        try LXWGuard.row(last)
        try checkBuiltInName("$\(first + 1):$\(last + 1)", what: "print titles")
        try check(worksheet_repeat_rows(ws, lxw_row_t(min(first, last)), lxw_row_t(max(first, last))),
                  "worksheet_repeat_rows")
    }

    func setPrintArea(_ range: CellRange) throws {
        let ws = try open()
        try LXWGuard.range(range)
        try checkBuiltInName(range.absolute, what: "print area")
        try check(worksheet_print_area(ws, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                       lxw_row_t(range.last.row), lxw_col_t(range.last.column)),
                  "worksheet_print_area")
    }

    func setMargins(left: Double, right: Double, top: Double, bottom: Double, header: Double, footer: Double) throws {
        let ws = try open()
        for (value, what) in [(left, "left margin"), (right, "right margin"), (top, "top margin"),
                              (bottom, "bottom margin"), (header, "header margin"), (footer, "footer margin")] {
            try LXWGuard.inRange(value, 0...49, what: what)
        }
        worksheet_set_margins(ws, left, right, top, bottom)
        ws.pointee.margin_header = header
        ws.pointee.margin_footer = footer
    }

    func setHeader(_ text: String) throws {
        let ws = try open()
        try LXWGuard.headerFooter(text, what: "header")
        try check(text.withCString { worksheet_set_header(ws, $0) }, "worksheet_set_header")
    }

    func setFooter(_ text: String) throws {
        let ws = try open()
        try LXWGuard.headerFooter(text, what: "footer")
        try check(text.withCString { worksheet_set_footer(ws, $0) }, "worksheet_set_footer")
    }

    func center(horizontally: Bool, vertically: Bool) throws {
        let ws = try open()
        if horizontally { worksheet_center_horizontally(ws) }
        if vertically { worksheet_center_vertically(ws) }
    }

    // MARK: Charts

    func insertChart(_ chart: LXWChart, row: Int, column: Int, width: Double, height: Double,
                     xOffset: Int, yOffset: Int) throws {
        let ws = try open()
        guard chart.book === book else { throw XLSXWriteError.foreignObject(what: "chart") }
        try LXWGuard.cell(row, column)
        try LXWGuard.inRange(width, 1...20_000, what: "chart width")
        try LXWGuard.inRange(height, 1...20_000, what: "chart height")
        try LXWGuard.inRange(Double(xOffset), 0...10_000, what: "chart x offset")
        try LXWGuard.inRange(Double(yOffset), 0...10_000, what: "chart y offset")
        if chart.isInserted { throw XLSXWriteError.invalidChart(reason: "a chart can be inserted only once") }
        if chart.seriesCount == 0 { throw XLSXWriteError.invalidChart(reason: "the chart has no series") }
        var options = lxw_chart_options()
        options.x_offset = Int32(xOffset)
        options.y_offset = Int32(yOffset)
        options.x_scale = width / 480 // libxlsxwriter's default chart size is 480 × 288 pixels
        options.y_scale = height / 288
        try check(worksheet_insert_chart_opt(ws, lxw_row_t(row), lxw_col_t(column), chart.raw, &options),
                  "worksheet_insert_chart_opt")
        chart.isInserted = true
    }
}

// MARK: - Streamed rows

// XLSXRowStream.swift writes a sheet's rows itself; these are its calls into libxlsxwriter, each
// doing for a streamed cell what the library does for a cell it keeps, at the same moment.

/// What a chart caches for one cell of its range, as `_populate_range_data_cache` reads it.
enum XLSXChartPoint {
    /// No cell there (`no_data`).
    case none
    /// A cell that is neither a number nor a string (a styled blank): cached as 0.
    case blank
    case number(Double)
    /// Text of the shared-string table (valid until the workbook is closed).
    case string(UnsafePointer<CChar>)
}

extension LXWBook {
    /// Gives every style the index libxlsxwriter would give it on closing, up to the rows of sheet
    /// `sheet` below `limit`: it numbers styles (`lxw_format_get_xf_index`) as it writes the sheets, in
    /// order — each sheet's `<cols>`, then each row's style and its cells' styles — so the styles of
    /// cells written now, ahead of that, must have the sheets before them numbered first.
    func assignStyleIndices(throughSheet sheet: Int, rowsBelow limit: Int) {
        for (i, ws) in sheetPointers.enumerated() where i <= sheet {
            Self.assignStyleIndices(ws, rowsBelow: i == sheet ? limit : nil)
        }
    }

    private static func assignStyleIndices(_ ws: UnsafeMutablePointer<lxw_worksheet>, rowsBelow limit: Int?) {
        let w = ws.pointee
        if w.col_size_changed != 0, let options = w.col_options {
            for col in 0..<Int(w.col_options_max) {
                if let option = options[col], let format = option.pointee.format { _ = lxw_format_get_xf_index(format) }
            }
        }
        guard w.dim_rowmin != LXW_ROW_MAX, w.dim_colmin != LXW_COL_MAX else { return }
        let lastRow = min(Int(w.dim_rowmax), (limit ?? Int.max) &- 1)
        guard lastRow >= 0 else { return }
        for r in 0...lastRow {
            guard let row = lxw_worksheet_find_row(ws, lxw_row_t(r)) else { continue }
            if let format = row.pointee.format { _ = lxw_format_get_xf_index(format) }
            for c in Int(w.dim_colmin)...Int(w.dim_colmax) {
                guard let cell = lxw_worksheet_find_cell_in_row(row, lxw_col_t(c)) else { continue }
                if let format = cell.pointee.format ?? row.pointee.format {
                    _ = lxw_format_get_xf_index(format)
                } else if c < Int(w.col_formats_max), let formats = w.col_formats, let format = formats[c] {
                    _ = lxw_format_get_xf_index(format)
                }
            }
        }
    }
}

extension LXWSheet {
    /// Whether libxlsxwriter writes this sheet's rows as `XLSXRowStream` does: `<row r spans>` with no
    /// default height, no 2010 attributes, not in constant-memory mode.
    var writesPlainRows: Bool {
        let w = raw.pointee
        return w.optimize == 0 && w.default_row_set == 0 && w.default_row_height == 15 && w.excel_version != 2010
    }

    /// The last row libxlsxwriter holds a cell or a row setting for, or nil for none.
    var lastUsedRow: Int? {
        raw.pointee.dim_rowmin == LXW_ROW_MAX ? nil : Int(raw.pointee.dim_rowmax)
    }

    /// The style index (`s`) cells of `style` get, numbered now when new; 0 for the default.
    func styleIndex(_ style: XLSXStyle) throws -> Int32? {
        _ = try open()
        guard let format = try book.format(for: style) else { return nil }
        return lxw_format_get_xf_index(format)
    }

    /// `text` in the workbook's shared strings, as `worksheet_write_string` adds it (counted once
    /// more): its index and the table's copy.
    func sharedString(_ text: String) throws -> (index: UInt32, string: UnsafePointer<CChar>) {
        let ws = try open()
        guard let sst = ws.pointee.sst, let element = text.withCString({ lxw_get_sst_index(sst, $0, 0) }),
              let string = element.pointee.string else {
            throw XLSXWriteError.library(function: "lxw_get_sst_index", code: -1, message: "could not add the text to the shared strings")
        }
        return (element.pointee.index, UnsafePointer(string))
    }

    /// Counts a cell written by the stream in the sheet's `<dimension>`, as `_check_dimensions` does.
    func noteStreamedCell(row: Int, column: Int) {
        let r = lxw_row_t(row), c = lxw_col_t(column)
        if r < raw.pointee.dim_rowmin { raw.pointee.dim_rowmin = r }
        if r > raw.pointee.dim_rowmax { raw.pointee.dim_rowmax = r }
        if c < raw.pointee.dim_colmin { raw.pointee.dim_colmin = c }
        if c > raw.pointee.dim_colmax { raw.pointee.dim_colmax = c }
    }

    /// The first and last column of libxlsxwriter's cells in `rows` (what `_calculate_spans` sees), nil for none.
    func cellColumns(inRows rows: Range<Int>) -> ClosedRange<Int>? {
        let w = raw.pointee
        guard w.dim_colmin != LXW_COL_MAX, !rows.isEmpty else { return nil }
        var low = Int.max, high = -1
        for r in rows {
            guard let row = lxw_worksheet_find_row(raw, lxw_row_t(r)) else { continue }
            for c in Int(w.dim_colmin)...Int(w.dim_colmax) where lxw_worksheet_find_cell_in_row(row, lxw_col_t(c)) != nil {
                low = min(low, c)
                high = max(high, c)
            }
        }
        return high < 0 ? nil : low...high
    }

    /// What a chart caches for libxlsxwriter's cell at `row`, `column`.
    func chartPoint(row: Int, column: Int) -> XLSXChartPoint {
        let found = lxw_worksheet_find_row(raw, lxw_row_t(row))
        guard let cell = lxw_worksheet_find_cell_in_row(found, lxw_col_t(column)) else { return .none }
        if cell.pointee.type == NUMBER_CELL { return .number(cell.pointee.u.number) }
        if cell.pointee.type == STRING_CELL, let string = cell.pointee.sst_string { return .string(UnsafePointer(string)) }
        return .blank
    }
}

/// One range of a chart (its categories, values or a title's reference), as libxlsxwriter will read
/// it on closing (`_populate_range_dimensions`), and its cache filled in its place.
struct LXWChartRange {
    let raw: UnsafeMutablePointer<lxw_series_range>
    let role: Role

    /// What the range is to its chart, which decides how libxlsxwriter writes its reference.
    enum Role {
        /// A title's or a series name's: always a `<c:strRef>` (`_chart_write_tx_formula`).
        case title
        /// A series' categories: a `<c:strRef>` when a point is a string, else a `<c:numRef>`.
        case categories
        /// A series' values: always a `<c:numRef>` (`_chart_write_val`).
        case values
    }

    /// Whether libxlsxwriter writes the range as a `<c:strRef>` (with a `<c:strCache>`), given
    /// whether a point of it is a string.
    func writesStrings(hasStrings: Bool) -> Bool {
        switch role {
        case .title: true
        case .categories: hasStrings
        case .values: false
        }
    }

    /// The sheet, rows and columns libxlsxwriter will cache the range from; nil when it caches nothing
    /// (no formula, a list of ranges, no `!`, or more than one row and column).
    var place: (sheet: String, rows: ClosedRange<Int>, columns: ClosedRange<Int>)? {
        let r = raw.pointee
        guard r.ignore_cache == 0, r.sheetname == nil, let formula = r.formula, formula.pointee != CChar(UInt8(ascii: "(")) else { return nil }
        // The library parses a copy cut to LXW_MAX_FORMULA_RANGE_LENGTH - 1 bytes.
        let cellName = "$XFWD$1048576".utf8.count + 1  // LXW_MAX_CELL_NAME_LENGTH, a sizeof
        let limit = (Int(LXW_SHEETNAME_MAX) * 4 + 2 + 1) + cellName * 2 - 1
        var bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(formula).assumingMemoryBound(to: UInt8.self), count: strlen(formula)).prefix(limit))
        guard let bang = bytes.firstIndex(of: UInt8(ascii: "!")) else { return nil }
        var name = Array(bytes[..<bang])
        if name.first == UInt8(ascii: "'") { name.removeFirst() }
        if name.last == UInt8(ascii: "'") { name.removeLast() }
        bytes = Array(bytes[(bang + 1)...]) + [0]
        let (firstRow, firstCol, lastRow, lastCol): (Int, Int, Int, Int) = bytes.withUnsafeBufferPointer { b in
            let p = UnsafeRawPointer(b.baseAddress!).assumingMemoryBound(to: CChar.self)
            let first = (Int(lxw_name_to_row(p)), Int(lxw_name_to_col(p)))
            guard strchr(p, Int32(UInt8(ascii: ":"))) != nil else { return (first.0, first.1, first.0, first.1) }
            return (first.0, first.1, Int(lxw_name_to_row_2(p)), Int(lxw_name_to_col_2(p)))
        }
        guard firstRow == lastRow || firstCol == lastCol, firstRow <= lastRow, firstCol <= lastCol else { return nil }
        return (String(decoding: name, as: UTF8.self), firstRow...lastRow, firstCol...lastCol)
    }

    /// The range's formula as libxlsxwriter writes it in the chart's `<c:f>` (XML-escaped).
    var formulaXML: [UInt8]? {
        guard let formula = raw.pointee.formula else { return nil }
        return Array(XLSXChartCacheXML.escaped(String(cString: formula)).utf8)
    }

    /// Tells libxlsxwriter to write the range without a cache (its reference holding only the
    /// formula; `hasStrings` sets the flag `fill` would), for the cache to be put in after the
    /// workbook is closed (`XLSXChartCacheXML`, `LibZipRewrite.insertChartCaches`) instead of held
    /// point by point.
    func deferCache(hasStrings: Bool) throws {
        guard let cache = raw.pointee.data_cache, cache.pointee.stqh_first == nil else {
            throw XLSXWriteError.library(function: "chart cache", code: -1, message: "the chart range has no empty cache")
        }
        raw.pointee.ignore_cache = 1
        if hasStrings { raw.pointee.has_string_cache = 1 }
    }

    /// Gives the range its cached points (row by row, then column by column) as
    /// `_populate_range_data_cache` would, and tells libxlsxwriter to keep them.
    func fill(_ points: some Sequence<XLSXChartPoint>) throws {
        guard let cache = raw.pointee.data_cache, cache.pointee.stqh_first == nil else {
            throw XLSXWriteError.library(function: "chart cache", code: -1, message: "the chart range has no empty cache")
        }
        var count: UInt16 = 0, hasString = false
        raw.pointee.ignore_cache = 1  // the library frees what is in the cache either way
        for point in points {
            guard let memory = calloc(1, MemoryLayout<lxw_series_data_point>.size) else {
                throw XLSXWriteError.library(function: "calloc", code: -1, message: "out of memory")
            }
            let p = memory.assumingMemoryBound(to: lxw_series_data_point.self)
            switch point {
            case .none: p.pointee.no_data = 1
            case .blank: break
            case .number(let n): p.pointee.number = n
            case .string(let s):
                p.pointee.string = strdup(s)
                p.pointee.is_string = 1
                hasString = true
            }
            // STAILQ_INSERT_TAIL
            p.pointee.list_pointers.stqe_next = nil
            cache.pointee.stqh_last.pointee = p
            let next = UnsafeMutableRawPointer(p) + MemoryLayout<lxw_series_data_point>.offset(of: \.list_pointers)!
            cache.pointee.stqh_last = next.assumingMemoryBound(to: UnsafeMutablePointer<lxw_series_data_point>?.self)
            count &+= 1
            raw.pointee.num_data_points = count
        }
        if hasString { raw.pointee.has_string_cache = 1 }
    }
}

// MARK: - Chart

/// One `lxw_chart`. Valid while its workbook is open.
final class LXWChart {
    let book: LXWBook
    let raw: UnsafeMutablePointer<lxw_chart>
    let kind: XLSXChartKind
    fileprivate(set) var isInserted = false
    private(set) var seriesCount = 0
    private var series: [UnsafeMutablePointer<lxw_chart_series>] = []

    fileprivate init(book: LXWBook, raw: UnsafeMutablePointer<lxw_chart>, kind: XLSXChartKind) {
        self.book = book
        self.raw = raw
        self.kind = kind
    }

    private func open() throws -> UnsafeMutablePointer<lxw_chart> {
        guard book.isOpen else { throw XLSXWriteError.workbookClosed }
        return raw
    }

    func addSeries(name: String?, categories: String?, values: String) throws {
        let chart = try open()
        try LXWGuard.chartRange(values, what: "series values")
        if let categories { try LXWGuard.chartRange(categories, what: "series categories") }
        if let name { try LXWGuard.chartText(name, what: "series name") }
        var strings = CStrings()
        defer { strings.free() }
        guard let series = chart_add_series(chart, strings.copy(categories), strings.copy(values)) else {
            throw XLSXWriteError.library(function: "chart_add_series", code: -1, message: "could not add the series")
        }
        if let name { name.withCString { chart_series_set_name(series, $0) } }
        if kind == .lineWithMarkers { chart_series_set_marker_type(series, u8(LXW_CHART_MARKER_AUTOMATIC)) }
        seriesCount += 1
        self.series.append(series)
    }

    /// Whether the chart was inserted into a sheet (libxlsxwriter writes only those).
    var isInUse: Bool { raw.pointee.in_use != 0 }

    /// Every range libxlsxwriter caches cells of on closing: the titles', then each series' categories,
    /// values and name (`_add_chart_cache_data`).
    var ranges: [LXWChartRange] {
        var ranges = [raw.pointee.title.range, raw.pointee.x_axis?.pointee.title.range, raw.pointee.y_axis?.pointee.title.range]
        var roles: [LXWChartRange.Role] = [.title, .title, .title]
        for s in series {
            ranges += [s.pointee.categories, s.pointee.values, s.pointee.title.range]
            roles += [.categories, .values, .title]
        }
        return zip(ranges, roles).compactMap { range, role in range.map { LXWChartRange(raw: $0, role: role) } }
    }

    func setTitle(_ title: String) throws {
        let chart = try open()
        try LXWGuard.chartText(title, what: "chart title")
        title.withCString { chart_title_set_name(chart, $0) }
    }

    func setAxisTitles(x: String?, y: String?) throws {
        let chart = try open()
        if let x {
            try LXWGuard.chartText(x, what: "x axis title")
            if let axis = chart_axis_get(chart, LXW_CHART_AXIS_TYPE_X) { x.withCString { chart_axis_set_name(axis, $0) } }
        }
        if let y {
            try LXWGuard.chartText(y, what: "y axis title")
            if let axis = chart_axis_get(chart, LXW_CHART_AXIS_TYPE_Y) { y.withCString { chart_axis_set_name(axis, $0) } }
        }
    }

    /// The value axis's number format (`#,##0`); libxlsxwriter copies the text.
    func setValueAxisNumberFormat(_ format: String) throws {
        let chart = try open()
        try LXWGuard.chartText(format, what: "value axis number format")
        if let axis = chart_axis_get(chart, LXW_CHART_AXIS_TYPE_Y) { format.withCString { chart_axis_set_num_format(axis, $0) } }
    }

    func setLegend(_ position: XLSXLegendPosition) throws {
        let chart = try open()
        let value: lxw_chart_legend_position
        switch position {
        case .right: value = LXW_CHART_LEGEND_RIGHT
        case .left: value = LXW_CHART_LEGEND_LEFT
        case .top: value = LXW_CHART_LEGEND_TOP
        case .bottom: value = LXW_CHART_LEGEND_BOTTOM
        case .none: value = LXW_CHART_LEGEND_NONE
        }
        chart_legend_set_position(chart, u8(value))
    }

    func setStyle(_ style: Int) throws {
        let chart = try open()
        try LXWGuard.inRange(Double(style), 1...48, what: "chart style")
        chart_set_style(chart, UInt8(style))
    }
}

// MARK: - Library facts

enum LXWLibrary {
    /// The version of the headers compiled against, "1.1.4" on Debian 12.
    static var headerVersion: String { LXW_VERSION }
    /// The version of the library loaded at run time, as `LXW_VERSION_ID` (114 for 1.1.4).
    static var runtimeVersionID: Int { Int(lxw_version_id()) }
    /// Whether `LXWErrorCodes` (used for messages) matches the C header's `lxw_error` values.
    static var errorCodesMatch: Bool {
        LXWErrorCodes.memory == LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue
            && LXWErrorCodes.creatingFile == LXW_ERROR_CREATING_XLSX_FILE.rawValue
            && LXWErrorCodes.creatingTemporaryFile == LXW_ERROR_CREATING_TMPFILE.rawValue
            && LXWErrorCodes.readingTemporaryFile == LXW_ERROR_READING_TMPFILE.rawValue
            && LXWErrorCodes.zipFirst == LXW_ERROR_ZIP_FILE_OPERATION.rawValue
            && LXWErrorCodes.zipLast == LXW_ERROR_ZIP_CLOSE.rawValue
    }
}
