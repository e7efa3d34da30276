// The only file of XLSXWriter that calls libzip: after libxlsxwriter has written a workbook, the
// worksheet parts whose numbers need their shortest text (XLSXNumberText.swift) are replaced in
// place. libzip copies every other part as it is and writes the archive to a temporary file beside
// it before renaming, so a failure leaves the workbook as libxlsxwriter wrote it (and the writer
// then discards it).

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
            let error = zip_get_error(archive)
            let system = error.map { zip_error_code_system($0) } ?? 0
            let message = error.flatMap { zip_error_strerror($0) }.map { String(cString: $0) } ?? "libzip could not write"
            zip_discard(archive)
            throw failure(reportedPath, message, system: system)
        }
    }

    private static func failure(_ path: String, _ message: String, system: Int32) -> XLSXWriteError {
        .cannotWriteFile(path, libraryCode: 0, libraryMessage: message, systemError: system)
    }
}
