import FileOutput

/// Writes one `.xlsx` file with libxlsxwriter, atomically.
///
/// Nothing appears at `path` until `finish()` succeeds: the workbook is written to a hidden
/// temporary file in the same directory and then renamed. If `finish()` is never reached (an
/// error is thrown, `abandon()` is called or the writer is released), the temporary file is
/// removed and `path` is left exactly as it was.
///
/// ```swift
/// let book = try XLSXWorkbookWriter(path: "out.xlsx")
/// let sheet = try book.addSheet(named: "基本情報")
/// try sheet.writeString("施策名", at: CellReference(row: 0, column: 0), style: .init(bold: true))
/// try book.finish()
/// ```
///
/// Not thread-safe: use one writer from one task at a time (separate writers may run in parallel).
public final class XLSXWorkbookWriter {
    let context: XLSXWorkbookContext

    /// Starts a workbook that `finish()` will place at `path`.
    ///
    /// `scratchDirectory` receives libxlsxwriter's short-lived part files (unlinked as soon as
    /// they are created). By default it is `/dev/shm` when that is a writable directory (memory,
    /// several times faster than creating files on disk), else the system's temporary directory.
    ///
    /// - Throws: `.fileExists` if `path` exists and `overwrite` is false;
    ///   `.directoryNotWritable` if the directory (or `scratchDirectory`) is missing or read-only.
    public init(path: String, overwrite: Bool = false, scratchDirectory: String? = nil) throws {
        context = try XLSXWorkbookContext(path: path, overwrite: overwrite, scratchDirectory: scratchDirectory)
    }

    deinit { context.abandon() }

    /// The final path of the workbook.
    public var path: String { context.output.path }

    /// The temporary file libxlsxwriter writes to before `finish()` renames it onto `path`.
    public var temporaryPath: String { context.output.temporaryPath }

    /// Whether sheets and cells can still be added (neither finished nor abandoned).
    public var isOpen: Bool { context.book.isOpen }

    /// Adds a worksheet. Names follow Excel's rules: 1…31 characters, none of `[]:*?/\`,
    /// no leading or trailing apostrophe, unique ignoring case. `_lists` is reserved.
    public func addSheet(named name: String) throws -> XLSXSheetWriter {
        if name.lowercased() == XLSXListStore.sheetName.lowercased() {
            throw XLSXWriteError.invalidSheetName(name, reason: "it is reserved for the hidden sheet of dropdown lists")
        }
        let sheet = try context.book.addWorksheet(named: name)
        return XLSXSheetWriter(sheet: sheet, context: context)
    }

    /// Defines a name for a cell or range, workbook-wide or (with `sheet`) local to one sheet.
    ///
    /// `refersTo` is a formula such as `='基本情報'!$B$3`. The name must start with a letter,
    /// `_` or `\`, hold no spaces and not look like a cell reference (`A1`, `R1C1`); name and
    /// formula must each stay under 128 UTF-8 bytes (libxlsxwriter 1.1.4 cuts longer ones
    /// mid-character and corrupts the file).
    public func defineName(_ name: String, refersTo: String, sheet: XLSXSheetWriter? = nil) throws {
        if let sheet, sheet.context !== context { throw XLSXWriteError.foreignObject(what: "sheet") }
        try context.book.defineName(name, refersTo: refersTo, sheet: sheet?.sheet)
    }

    /// Sets a custom document property holding text (1…255 characters).
    public func setCustomProperty(_ name: String, string value: String) throws {
        try context.book.setCustomProperty(name, string: value)
    }

    /// Sets a custom document property holding a 32-bit integer.
    public func setCustomProperty(_ name: String, int value: Int) throws {
        try context.book.setCustomProperty(name, int: value)
    }

    /// Sets a custom document property holding a yes/no value.
    public func setCustomProperty(_ name: String, bool value: Bool) throws {
        try context.book.setCustomProperty(name, bool: value)
    }

    /// Sets a custom document property holding a number.
    public func setCustomProperty(_ name: String, double value: Double) throws {
        try context.book.setCustomProperty(name, double: value)
    }

    /// Sets the document's core properties; nil or empty values are left out.
    /// `createdUnixTime` (seconds since 1970) fixes the creation date, for reproducible files.
    public func setDocumentProperties(title: String? = nil, subject: String? = nil, author: String? = nil,
                                      manager: String? = nil, company: String? = nil, category: String? = nil,
                                      keywords: String? = nil, comments: String? = nil,
                                      createdUnixTime: Int? = nil) throws {
        try context.book.setDocumentProperties(title: title, subject: subject, author: author, manager: manager,
                                               company: company, category: category, keywords: keywords,
                                               comments: comments, created: createdUnixTime)
    }

    /// Creates a chart; place it with `XLSXSheetWriter.insertChart(_:at:width:height:)`.
    public func addChart(_ spec: XLSXChartSpec) throws -> XLSXChart {
        let chart = try spec.build(in: context.book)
        context.charts.append(chart)
        return XLSXChart(chart: chart, spec: spec)
    }

    /// Writes the workbook, syncs it to the disk and moves it onto `path`. On failure nothing is
    /// left behind.
    public func finish() throws {
        let output = try context.finish()
        try output.syncAndCommit()
    }

    /// Writes the workbook to its temporary file and returns it neither synced nor moved into place:
    /// the caller commits it (`FileOutput.GroupCommit.commitWritten`: many files, one sync of the
    /// disk) or discards it. On failure nothing is left behind.
    public func finishUncommitted() throws -> AtomicOutput {
        try context.finish().output
    }

    /// Drops the workbook: the temporary file is removed and `path` is untouched.
    /// Safe to call more than once, and after `finish()` (then it does nothing).
    public func abandon() {
        context.abandon()
    }
}

/// The state shared by a workbook writer and its sheets.
final class XLSXWorkbookContext {
    let output: XLSXAtomicOutput
    let book: LXWBook
    var listStore = XLSXListStore()
    /// Links to files that `finish()` adds once libxlsxwriter has written the file.
    var deferredLinks: [XLSXDeferredLinks] = []
    /// The sheet whose rows are streamed, if any (one a workbook).
    var stream: XLSXRowStream?
    /// The charts, whose caches of streamed cells `finish()` fills.
    var charts: [LXWChart] = []
    /// The caches of chart ranges over streamed rows, written to scratch files before the workbook
    /// is closed and put into the chart parts after (`LibZipRewrite.insertChartCaches`).
    private var chartCaches: [XLSXDeferredChartCache] = []
    private var finished = false

    init(path: String, overwrite: Bool, scratchDirectory: String?) throws {
        let scratch: String?
        if let scratchDirectory {
            guard XLSXAtomicOutput.isWritableDirectory(scratchDirectory) else {
                throw XLSXWriteError.directoryNotWritable(scratchDirectory)
            }
            scratch = scratchDirectory
        } else {
            scratch = XLSXAtomicOutput.defaultScratchDirectory
        }
        output = try XLSXAtomicOutput(path: path, overwrite: overwrite)
        book = try LXWBook(path: output.temporaryPath, scratchDirectory: scratch)
    }

    /// The formula that refers to `items` on the hidden `_lists` sheet.
    func listFormula(for items: [String]) throws -> String {
        guard book.isOpen else { throw XLSXWriteError.workbookClosed }
        return try listStore.formula(for: items)
    }

    /// Writes the workbook to its temporary file (closed, not synced) and returns the output, still
    /// to be committed; marks the workbook finished (`abandon` then does nothing).
    func finish() throws -> XLSXAtomicOutput {
        guard book.isOpen else { throw XLSXWriteError.workbookClosed }
        do {
            if !listStore.lists.isEmpty {
                let sheet = try book.addWorksheet(named: XLSXListStore.sheetName)
                try listStore.write(into: sheet)
            }
            if let stream {
                try stream.finish()
                try fillChartCaches(from: stream)
            }
            // libxlsxwriter creates the temporary file as it closes, and libzip its scratch copy.
            try output.creatingTemporary {
                try book.close(reportingAs: output.path)
                var sheets = Set(deferredLinks.map(\.sheet))
                if let stream { sheets.insert(stream.sheet.index) }
                for sheet in sheets.sorted() {
                    let links = deferredLinks.first { $0.sheet == sheet }.map { $0.links() }
                    let rows = stream.flatMap { $0.sheet.index == sheet ? $0 : nil }
                    try LibZipRewrite.rewriteSheet(sheet, rows: rows.map { s in { try s.rows($0) } }, links: links,
                                                   in: output.temporaryPath, reportingAs: output.path)
                }
                try correctStreamedNumbers()
                if !chartCaches.isEmpty {
                    try LibZipRewrite.insertChartCaches(chartCaches, in: output.temporaryPath, reportingAs: output.path)
                }
            }
            endStream()
            finished = true
            return output
        } catch {
            endStream()
            book.free()
            output.discard()
            throw error
        }
    }

    func abandon() {
        guard !finished else { return }
        endStream()
        book.free()
        output.discard()
    }

    private func endStream() {
        deferredLinks = []
        charts = []
        for i in chartCaches.indices { chartCaches[i].scratch.close() }
        chartCaches = []
        stream?.close()
        stream = nil
    }

    /// The folder of the workbook, where its rows' and charts' scratch files go (never /tmp).
    private var scratchDirectory: String {
        output.path.lastIndex(of: "/").map { String(output.path[...$0]) } ?? "."
    }

    /// Starts streaming the rows of `sheet` from `firstRow` (see `XLSXRowStream`).
    func beginStream(on sheet: LXWSheet, from firstRow: Int, keeping keptColumns: [Int]) throws -> XLSXRowStream {
        guard book.isOpen else { throw XLSXWriteError.workbookClosed }
        try LXWGuard.row(firstRow)
        for c in keptColumns { try LXWGuard.column(c) }
        guard stream == nil else {
            throw XLSXWriteError.library(function: "streamRows", code: 0, message: "a workbook streams the rows of one sheet at most")
        }
        guard sheet.writesPlainRows else {
            throw XLSXWriteError.library(function: "streamRows", code: 0, message: "the sheet's rows are not written plainly (a default row height or optimisation)")
        }
        if let used = sheet.lastUsedRow, used >= firstRow {
            throw XLSXWriteError.library(function: "streamRows", code: 0, message: "the sheet already has cells or row settings from row \(firstRow + 1) on")
        }
        let scratch = try XLSXRowScratch(in: scratchDirectory, reportingAs: output.path)
        book.assignStyleIndices(throughSheet: sheet.index, rowsBelow: firstRow)
        book.closeForCells(through: sheet.index)
        let stream = XLSXRowStream(sheet: sheet, firstRow: firstRow, keptColumns: keptColumns, scratch: scratch)
        self.stream = stream
        return stream
    }

    /// Gives every chart range that reaches the streamed rows the cache libxlsxwriter would have
    /// made from the cells (it finds none there): the kept values, the sheet's own cells above.
    /// The library writes each such range without its cache; the cache's XML is written now (its
    /// strings are the library's, valid until it closes) to a scratch file, once for equal
    /// formulas, and put in after the close.
    private func fillChartCaches(from stream: XLSXRowStream) throws {
        for chart in charts where chart.isInUse {  // a chart never inserted is not written
            for range in chart.ranges {
                guard let place = range.place, place.sheet == stream.sheet.name, place.rows.upperBound >= stream.firstRow else { continue }
                guard let points = stream.chartPoints(rows: place.rows, columns: place.columns) else {
                    throw XLSXWriteError.invalidChart(reason: "a chart shows streamed cells of a column whose values were not kept")
                }
                guard let formula = range.formulaXML else { try range.fill(points); continue }
                let hasStrings = XLSXChartCacheXML.hasStrings(points), strings = range.writesStrings(hasStrings: hasStrings)
                try range.deferCache(hasStrings: hasStrings)
                if points.isEmpty || chartCaches.contains(where: { $0.formula == formula && $0.strings == strings }) { continue }
                var scratch = try XLSXRowScratch(in: scratchDirectory, reportingAs: output.path, holding: "a chart's cache of the streamed rows")
                XLSXChartCacheXML.write(points, strings: strings) { scratch.write($0.utf8) }
                do { try scratch.finish() } catch { scratch.close(); throw error }
                chartCaches.append(XLSXDeferredChartCache(formula: formula, strings: strings, scratch: scratch))
            }
        }
        stream.dropKeptValues()
    }

    /// The numbers of streamed rows are written in their final text, but one that needs 17 digits
    /// takes, as in libxlsxwriter's file, the correction of another number that printed the same
    /// (`XLSXNumberText`): then the whole sheet is corrected as the library's would be.
    private func correctStreamedNumbers() throws {
        guard let stream, !stream.texts17.isEmpty,
              let table = book.numberCorrections[stream.sheet.index],
              !stream.texts17.isDisjoint(with: table.keys) else { return }
        try LibZipRewrite.correctNumbers(in: output.temporaryPath, ["xl/worksheets/sheet\(stream.sheet.index + 1).xml": table],
                                         reportingAs: output.path)
    }
}

/// The cache of chart ranges with one formula, kept in a scratch file until the chart part is
/// rewritten: it goes after each `<c:f>` of that formula whose reference holds no cache.
struct XLSXDeferredChartCache {
    /// The formula as the chart part prints it (XML-escaped).
    var formula: [UInt8]
    /// Whether the reference is a `<c:strRef>` (else a `<c:numRef>`).
    var strings: Bool
    var scratch: XLSXRowScratch
}
