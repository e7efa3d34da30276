import Foundation
import Testing
import XLSX
@testable import XLSXWriter

@Suite("Writer errors read plainly in Japanese and English")
struct WriteErrorMessageTests {
    static let samples: [XLSXWriteError] = [
        .fileExists("out/511.xlsx"), .directoryNotWritable("out"), .cannotCreateWorkbook("out/511.xlsx"),
        .cannotMoveIntoPlace(from: "out/.511.xlsx.tmp-1", to: "out/511.xlsx", reason: "Permission denied"),
        .cannotWriteFile("out/511.xlsx", libraryCode: 9, libraryMessage: "Error adding file to zip", systemError: 0),
        .cannotWriteFile("out/511.xlsx", libraryCode: 9, libraryMessage: "Error adding file to zip", systemError: EDQUOT),
        .cannotWriteScratchFile("out/511.xlsx", directory: "/tmp", systemError: ENOSPC),
        .workbookClosed, .library(function: "worksheet_write_string", code: 18, message: "String exceeds Excel's limit"),
        .emptyString(what: "formula"), .tooLong(what: "cell text", length: 40_000, limit: 32_767, unit: .characters),
        .invalidCharacter(what: "header", scalar: 1), .invalidHeaderFooter("&G", reason: "image placeholders"),
        .valueOutOfRange(what: "row height", value: 500, range: 0...409),
        .valueOutOfRange(what: "cell number", value: .nan, range: -1...1),
        .cellOutOfRange(row: 1_048_576, column: 0), .invalidSheetName("a/b", reason: "it contains \"/\""),
        .duplicateSheetName("S"), .invalidDefinedName("A1", reason: "it looks like a cell reference"),
        .duplicateDefinedName("ES_Reason"), .duplicateCustomProperty("P"), .invalidPassword(reason: "too long"),
        .overlappingMerge(CellRange("A1:B2")!, existing: CellRange("B2:C3")!),
        .invalidMerge(CellRange("A1")!, reason: "single cell"), .invalidDataValidation(reason: "no items"),
        .invalidChart(reason: "no series"), .foreignObject(what: "sheet"),
    ]

    @Test("no Swift value dumps, every message in both languages")
    func plain() {
        for error in Self.samples {
            for text in [error.description, error.japaneseDescription] {
                #expect(!text.isEmpty)
                #expect(!text.contains("Optional("), "\(text)")
                #expect(!text.contains("XLSXWriteError"), "\(text)")
                #expect(!text.contains("CellRange("), "\(text)")
            }
            #expect(error.japaneseDescription.unicodeScalars.contains { $0.value >= 0x3040 }, "\(error.japaneseDescription)")
        }
    }

    @Test("exact wording of the file-level failures and ranges")
    func wording() {
        #expect(XLSXWriteError.cannotWriteFile("out/511.xlsx", libraryCode: 9, libraryMessage: "Error adding file to zip",
                                               systemError: 0).japaneseDescription
                == "ブック out/511.xlsx を書き込めません: ZIP 形式での書き込みに失敗しました(ディスクの空き容量を確認してください)")
        #expect(XLSXWriteError.cannotWriteFile("out/511.xlsx", libraryCode: 9, libraryMessage: "Error adding file to zip",
                                               systemError: 0).description
                == "could not write out/511.xlsx: Error adding file to zip")
        #expect(XLSXWriteError.valueOutOfRange(what: "row height", value: 500, range: 0...409).description
                == "row height is 500; it must lie in 0…409")
        #expect(XLSXWriteError.valueOutOfRange(what: "row height", value: 500, range: 0...409).japaneseDescription
                == "行の高さ 500 は範囲 0〜409 の外です")
        #expect(XLSXWriteError.valueOutOfRange(what: "cell number", value: .infinity, range: -1...1).description
                == "cell number is not a finite number")
        #expect(XLSXWriteError.cellOutOfRange(row: 1_048_576, column: 0).japaneseDescription
                == "セル(1048577 行目、1 列目)がシートの範囲(1,048,576 行 × 16,384 列)の外です")
    }

    @Test("the error codes named in messages are libxlsxwriter's")
    func codes() {
        #expect(LXWLibrary.errorCodesMatch)
    }
}
