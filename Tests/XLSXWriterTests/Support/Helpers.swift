import Foundation
import XLSX
@testable import XLSXWriter

/// `c("B3")`: a cell reference from A1 notation (tests only).
func c(_ text: String) -> CellReference { CellReference(text)! }

/// `r("A1:C3")`: a range from A1 notation (tests only).
func r(_ text: String) -> CellRange { CellRange(text)! }

/// Writes a workbook in a fresh directory with `body`, finishes it, reads it back with
/// openpyxl and deletes the directory.
func writeAndRead(_ function: String = #function,
                  _ body: (XLSXWorkbookWriter) throws -> Void) throws -> (json: JSON, path: String) {
    let dir = try makeTemporaryDirectory(function)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("book.xlsx").path
    let book = try XLSXWorkbookWriter(path: path)
    try body(book)
    try book.finish()
    return (try readWithOpenpyxl(path), path)
}

/// Whether `body` throws exactly `expected`.
func throwsError(_ expected: XLSXWriteError, _ body: () throws -> Void) -> Bool {
    do {
        try body()
        return false
    } catch let error as XLSXWriteError {
        return error == expected
    } catch {
        return false
    }
}

/// The XLSXWriteError that `body` throws, or nil.
func caughtError(_ body: () throws -> Void) -> XLSXWriteError? {
    do {
        try body()
        return nil
    } catch let error as XLSXWriteError {
        return error
    } catch {
        return nil
    }
}

/// `n` copies of a three-byte Japanese character.
func japanese(_ n: Int, _ character: Character = "あ") -> String { String(repeating: character, count: n) }
