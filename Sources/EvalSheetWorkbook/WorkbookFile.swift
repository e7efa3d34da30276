import FileOutput
import XLSXWriter

/// Writing one workbook file, the same way for a policy's workbook, the year index and the status
/// workbook: the book is created (a failure is an `export.file` error naming the file), `body`
/// writes into it, and it is finished — or abandoned, leaving nothing behind, when anything throws.
/// `describe` turns what `body` threw into the error to report (nil: the writer's own error as an
/// `export.file` error, anything else as it is).
enum WorkbookFile {
    static func write(to path: String, overwrite: Bool, _ body: (XLSXWorkbookWriter) throws -> Void,
                      describe: (any Error) -> (any Error)? = { _ in nil }) throws {
        try write(to: path, overwrite: overwrite, body, describe: describe) { try $0.finish() }
    }

    /// `write`, with the workbook left uncommitted (`XLSXWorkbookWriter.finishUncommitted`): written
    /// to its temporary file, for the caller to sync and move into place or discard.
    static func writeUncommitted(to path: String, overwrite: Bool, _ body: (XLSXWorkbookWriter) throws -> Void,
                                 describe: (any Error) -> (any Error)? = { _ in nil }) throws -> AtomicOutput {
        var output: AtomicOutput?
        try write(to: path, overwrite: overwrite, body, describe: describe) { output = try $0.finishUncommitted() }
        return output!
    }

    /// The error a workbook's commit made elsewhere (`GroupCommit`) is reported as: the one
    /// `write` throws when `finish()` cannot sync or move it into place.
    static func commitError(_ error: OutputError, of output: AtomicOutput) -> WorkbookExportError {
        .file(output.path, XLSXWriteError(committing: error, of: output))
    }

    private static func write(to path: String, overwrite: Bool, _ body: (XLSXWorkbookWriter) throws -> Void,
                              describe: (any Error) -> (any Error)?, finish: (XLSXWorkbookWriter) throws -> Void) throws {
        let book: XLSXWorkbookWriter
        do {
            book = try XLSXWorkbookWriter(path: path, overwrite: overwrite)
        } catch let error as XLSXWriteError {
            throw WorkbookExportError.file(path, error)
        }
        do {
            try body(book)
            try finish(book)
        } catch {
            book.abandon()
            if let described = describe(error) { throw described }
            if let e = error as? XLSXWriteError { throw WorkbookExportError.file(path, e) }
            throw error
        }
    }
}

extension WorkbookExportError {
    /// The file itself could not be created or written.
    static func file(_ path: String, _ error: XLSXWriteError) -> WorkbookExportError {
        WorkbookExportError(file: path, problems: [.init(id: "export.file", message: error.message, writeError: error)])
    }
}
