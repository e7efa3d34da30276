// The only file of XLSXWriter that calls libzip: after libxlsxwriter has written a workbook, the
// worksheet parts whose numbers need their shortest text (XLSXNumberText.swift) are replaced in
// place, and a sheet's links to files (XLSXFileLinks.swift) are added. libzip copies every other
// part as it is and writes the archive to a temporary file beside it before renaming, so a failure
// leaves the workbook as libxlsxwriter wrote it (and the writer then discards it).

import CZip
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum LibZipRewrite {
    /// Applies to each worksheet part named in `corrections` (`xl/worksheets/sheet4.xml`) its
    /// corrections. Errors name `reportedPath` (the file the user asked for).
    static func correctNumbers(in path: String, _ corrections: [String: [String: String]], reportingAs reportedPath: String) throws {
        var code: Int32 = 0
        guard let archive = zip_open(path, 0, &code) else {
            throw failure(reportedPath, "the written workbook could not be reopened (libzip error \(code))", system: errno)
        }
        var replaced = false
        let count = zip_get_num_entries(archive, 0)
        for index in 0..<UInt64(max(0, count)) {
            guard let namePointer = zip_get_name(archive, index, ZIP_FL_ENC_RAW) else { continue }
            let name = String(cString: namePointer)
            guard let table = corrections[name] else { continue }
            var stat = zip_stat_t()
            guard zip_stat_index(archive, index, 0, &stat) == 0, let file = zip_fopen_index(archive, index, 0) else {
                zip_discard(archive)
                throw failure(reportedPath, "the part \(name) could not be read back", system: 0)
            }
            var xml = [UInt8](repeating: 0, count: Int(stat.size))
            let read = xml.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, stat.size) }
            zip_fclose(file)
            guard read == Int64(stat.size) else {
                zip_discard(archive)
                throw failure(reportedPath, "the part \(name) could not be read back", system: 0)
            }
            guard let corrected = XLSXNumberText.rewrite(xml, table) else { continue }
            // libzip frees the buffer (free()) once the archive is written.
            guard let buffer = malloc(max(1, corrected.count)) else {
                zip_discard(archive)
                throw failure(reportedPath, "out of memory", system: ENOMEM)
            }
            corrected.withUnsafeBytes { if let base = $0.baseAddress { _ = memcpy(buffer, base, corrected.count) } }
            guard let source = zip_source_buffer(archive, buffer, UInt64(corrected.count), 1) else {
                free(buffer)
                zip_discard(archive)
                throw failure(reportedPath, "out of memory", system: ENOMEM)
            }
            guard zip_file_replace(archive, index, source, ZIP_FL_ENC_UTF_8) == 0 else {
                zip_source_free(source)
                zip_discard(archive)
                throw failure(reportedPath, "the part \(name) could not be replaced", system: 0)
            }
            zip_set_file_compression(archive, index, ZIP_CM_DEFLATE, 0)
            zip_file_set_mtime(archive, index, stat.mtime, 0)  // keep the file reproducible
            replaced = true
        }
        guard replaced else { return zip_discard(archive) }
        if zip_close(archive) != 0 {
            let error = closeFailure(archive, reportedPath)
            zip_discard(archive)
            throw error
        }
    }

    /// Rewrites sheet `sheet` (zero-based) once libxlsxwriter has written it: `rows` (an
    /// `XLSXRowStream`'s XML, handed over in pieces) go at the end of its `<sheetData>`, and `links`
    /// are added as libxlsxwriter 1.1.4 writes external links — a `<hyperlinks>` element before
    /// `<printOptions>` / `<pageMargins>` and one relationship each in the sheet's relationships part
    /// (`rId1`… in order). The part is streamed through an unnamed temporary file and rows and links
    /// are written as they come, so memory does not grow with them. Nothing changes when there are
    /// no rows to add and no links.
    static func rewriteSheet(_ sheet: Int, rows: ((_ write: (ArraySlice<UInt8>) -> Void) throws -> Void)?,
                             links: AnySequence<XLSXFileLink>?, in path: String, reportingAs reportedPath: String) throws {
        let sheetPart = "xl/worksheets/sheet\(sheet &+ 1).xml", relsPart = "xl/worksheets/_rels/sheet\(sheet &+ 1).xml.rels"
        var code: Int32 = 0
        guard let archive = zip_open(path, 0, &code) else {
            throw failure(reportedPath, "the written workbook could not be reopened (libzip error \(code))", system: errno)
        }
        var closed = false
        defer { if !closed { zip_discard(archive) } }
        guard links == nil || zip_name_locate(archive, relsPart, 0) < 0 else {
            throw failure(reportedPath, "links to files cannot be added to a sheet with other relationships (\(relsPart))", system: 0)
        }
        let index = zip_name_locate(archive, sheetPart, 0)
        var stat = zip_stat_t()
        guard index >= 0, zip_stat_index(archive, UInt64(index), 0, &stat) == 0,
              let part = zip_fopen_index(archive, UInt64(index), 0) else {
            throw failure(reportedPath, "the part \(sheetPart) could not be read back", system: 0)
        }
        var sheetOut = try TemporaryPart(beside: path, reportingAs: reportedPath)
        var relsOut = try TemporaryPart(beside: path, reportingAs: reportedPath)
        defer { sheetOut.close(); relsOut.close() }
        var linkWriter = links.map { LinkWriter($0.makeIterator()) }
        // The insertions in the order of the part: the rows, then the links.
        var stages: [SheetInsertion] = []
        if rows != nil { stages.append(.rows) }
        if linkWriter != nil { stages.append(.links) }
        func insert(_ stage: SheetInsertion, at at: Int, marker: [UInt8], in pending: [UInt8]) throws -> Int {
            sheetOut.write(pending[..<at])
            switch stage {
            case .rows:
                let empty = marker == SheetInsertion.emptySheetData
                if empty { sheetOut.write("<sheetData>") }
                try rows?({ sheetOut.write($0) })
                if empty { sheetOut.write("</sheetData>") }
                return empty ? at &+ marker.count : at
            case .links:
                try linkWriter?.write({ sheetOut.write($0) }, relationships: { relsOut.write($0) }, reportingAs: reportedPath)
                return at
            }
        }
        /// Makes every insertion whose marker is in `pending`, in order; returns what is left to copy.
        func insertAll(_ pending: inout [UInt8]) throws {
            while let stage = stages.first, let (at, marker) = stage.find(in: pending) {
                let rest = try insert(stage, at: at, marker: marker, in: pending)
                pending.removeFirst(rest)
                stages.removeFirst()
            }
        }
        var pending: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { zip_fread(part, $0.baseAddress, UInt64($0.count)) }
            guard n >= 0 else {
                zip_fclose(part)
                throw failure(reportedPath, "the part \(sheetPart) could not be read back", system: 0)
            }
            if n == 0 { break }
            pending.append(contentsOf: chunk[0..<Int(n)])
            try insertAll(&pending)
            // Keep what could be the start of a marker cut by the chunk's end.
            let keep = stages.isEmpty ? 0 : SheetInsertion.longestMarker
            if pending.count > keep {
                let out = pending.count &- keep
                sheetOut.write(pending[..<out])
                pending.removeFirst(out)
            }
        }
        zip_fclose(part)
        try insertAll(&pending)
        if let stage = stages.first {
            let what = stage == .rows ? "no sheet data to place rows in" : "no page margins to place links before"
            throw failure(reportedPath, "the part \(sheetPart) has \(what)", system: 0)
        }
        sheetOut.write(pending[...])
        let linkCount = linkWriter?.count ?? 0
        guard rows != nil || linkCount > 0 else { return }
        try sheetOut.finish()
        try sheetOut.replace(index, in: archive, mtime: stat.mtime, reportingAs: reportedPath)
        if linkCount > 0 {
            try relsOut.finish()
            let relsIndex = try relsOut.add(relsPart, to: archive, reportingAs: reportedPath)
            zip_file_set_mtime(archive, relsIndex, stat.mtime, 0)
        }
        closed = true
        if zip_close(archive) != 0 {
            closed = false
            throw closeFailure(archive, reportedPath)
        }
    }

    /// Puts the caches of chart ranges over streamed rows into the chart parts libxlsxwriter wrote
    /// without them (`LXWChartRange.deferCache`): after each `<c:f>` of a cache's formula whose
    /// `<c:strRef>` (or `<c:numRef>`) holds nothing else, streamed from its scratch file. Every
    /// cache must find its place, else the workbook fails.
    static func insertChartCaches(_ caches: [XLSXDeferredChartCache], in path: String, reportingAs reportedPath: String) throws {
        var code: Int32 = 0
        guard let archive = zip_open(path, 0, &code) else {
            throw failure(reportedPath, "the written workbook could not be reopened (libzip error \(code))", system: errno)
        }
        var closed = false
        defer { if !closed { zip_discard(archive) } }
        var placed = Set<Int>()
        let count = zip_get_num_entries(archive, 0)
        for index in 0..<UInt64(max(0, count)) {
            guard let namePointer = zip_get_name(archive, index, ZIP_FL_ENC_RAW) else { continue }
            let name = String(cString: namePointer)
            guard name.hasPrefix("xl/charts/chart"), name.hasSuffix(".xml") else { continue }
            var stat = zip_stat_t()
            guard zip_stat_index(archive, index, 0, &stat) == 0, let file = zip_fopen_index(archive, index, 0) else {
                throw failure(reportedPath, "the part \(name) could not be read back", system: 0)
            }
            var xml = [UInt8](repeating: 0, count: Int(stat.size))
            let read = xml.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, stat.size) }
            zip_fclose(file)
            guard read == Int64(stat.size) else { throw failure(reportedPath, "the part \(name) could not be read back", system: 0) }
            var out = try TemporaryPart(beside: path, reportingAs: reportedPath)
            defer { out.close() }  // nothing once libzip has it
            var copied = 0, inserted = false
            for (at, c) in ChartCachePlaces.find(caches, in: xml) {
                out.write(xml[copied..<at])
                try caches[c].scratch.read { out.write($0) }
                copied = at
                inserted = true
                placed.insert(c)
            }
            guard inserted else { continue }
            out.write(xml[copied...])
            try out.finish()
            try out.replace(Int64(index), in: archive, mtime: stat.mtime, reportingAs: reportedPath)
        }
        guard placed.count == caches.count else {
            throw failure(reportedPath, "a chart's range over streamed rows is not in its chart part", system: 0)
        }
        closed = true
        if zip_close(archive) != 0 {
            closed = false
            throw closeFailure(archive, reportedPath)
        }
    }

    /// The error of a failed `zip_close` (the archive is still open then).
    private static func closeFailure(_ archive: OpaquePointer, _ reportedPath: String) -> XLSXWriteError {
        let error = zip_get_error(archive)
        let system = error.map { zip_error_code_system($0) } ?? 0
        let message = error.flatMap { zip_error_strerror($0) }.map { String(cString: $0) } ?? "libzip could not write"
        return failure(reportedPath, message, system: system)
    }

    /// An unnamed temporary file that a part is written to in 64 KB blocks and that libzip then
    /// reads the part from. It is made beside the workbook being rewritten (`<path>.XXXXXX`, a name
    /// derived from the workbook's own temporary, so a killed run's leftover is swept like it) and
    /// unlinked at once: it lives on the output's disk, never in /tmp, and is gone when closed.
    private struct TemporaryPart {
        private var file: UnsafeMutablePointer<FILE>?
        private var buffer: [UInt8] = []
        private var failed: Int32 = 0
        private let reportedPath: String

        init(beside path: String, reportingAs reportedPath: String) throws {
            self.reportedPath = reportedPath
            var template = Array((path + ".XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { throw failure(reportedPath, "no temporary file for a part", system: errno) }
            let name = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            unlink(name)
            guard let file = fdopen(fd, "w+") else {
                let code = errno
                closeDescriptor(fd)
                throw failure(reportedPath, "no temporary file for a part", system: code)
            }
            self.file = file
            buffer.reserveCapacity(1 << 16)
        }

        mutating func write(_ bytes: ArraySlice<UInt8>) {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { flush() }
        }

        mutating func write(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 16 { flush() }
        }

        private mutating func flush() {
            guard let file, !buffer.isEmpty, failed == 0 else { return buffer.removeAll(keepingCapacity: true) }
            let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            if written != buffer.count { failed = errno == 0 ? EIO : errno }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Writes what is buffered; throws if any write failed.
        mutating func finish() throws {
            flush()
            if let file, failed == 0, fflush(file) != 0 { failed = errno == 0 ? EIO : errno }
            // libzip 1.7 reads a stream from where it stands when the source starts at 0.
            if let file, failed == 0, fseeko(file, 0, SEEK_SET) != 0 { failed = errno == 0 ? EIO : errno }
            if failed != 0 { throw failure(reportedPath, "a part could not be written to a temporary file", system: failed) }
        }

        /// Hands the file to libzip as the new content of entry `index` (deflated, dated `mtime`).
        mutating func replace(_ index: Int64, in archive: OpaquePointer, mtime: time_t, reportingAs reportedPath: String) throws {
            let source = try handOver(to: archive)
            guard zip_file_replace(archive, UInt64(index), source, ZIP_FL_ENC_UTF_8) == 0 else {
                zip_source_free(source)
                throw failure(reportedPath, "a part could not be replaced", system: 0)
            }
            zip_set_file_compression(archive, UInt64(index), ZIP_CM_DEFLATE, 0)
            zip_file_set_mtime(archive, UInt64(index), mtime, 0)
        }

        /// Hands the file to libzip as a new entry `name` (deflated); returns its index.
        mutating func add(_ name: String, to archive: OpaquePointer, reportingAs reportedPath: String) throws -> UInt64 {
            let source = try handOver(to: archive)
            let index = zip_file_add(archive, name, source, ZIP_FL_ENC_UTF_8)
            guard index >= 0 else {
                zip_source_free(source)
                throw failure(reportedPath, "the part \(name) could not be added", system: 0)
            }
            zip_set_file_compression(archive, UInt64(index), ZIP_CM_DEFLATE, 0)
            return UInt64(index)
        }

        /// A libzip source reading the whole file; libzip closes the file when it frees the source.
        private mutating func handOver(to archive: OpaquePointer) throws -> OpaquePointer {
            guard let file, let source = zip_source_filep(archive, file, 0, -1) else {
                throw failure(reportedPath, "out of memory", system: ENOMEM)
            }
            self.file = nil
            return source
        }

        /// Closes the file unless libzip has it.
        mutating func close() {
            if let file { fclose(file) }
            file = nil
        }
    }

    private static func failure(_ path: String, _ message: String, system: Int32) -> XLSXWriteError {
        .cannotWriteFile(path, libraryCode: 0, libraryMessage: message, systemError: system)
    }
}

/// `close(2)`, for the place where a member named `close` hides it.
private func closeDescriptor(_ fd: Int32) { close(fd) }
