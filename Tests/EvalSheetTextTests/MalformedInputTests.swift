import Foundation
import Testing
import EvalSheetModel
import EvalSheetText
import TestSupport

/// Each malformed fixture (made by Tests/Fixtures/make_text_fixtures.py) gives an error naming
/// the file and the line, in Japanese and English.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    var file: String
    var line: Int
    /// A word the Japanese message must contain.
    var ja: String
    var testDescription: String { file }

    static let all: [MalformedCase] = [
        .init(file: "empty-file.txt", line: 0, ja: "空です"),
        .init(file: "only-blank-lines.txt", line: 0, ja: "空です"),
        .init(file: "invalid-utf8-on-line-5.txt", line: 5, ja: "UTF-8"),
        .init(file: "shift-jis-encoded.txt", line: 1, ja: "UTF-8"),
        .init(file: "not-an-evaluation-sheet.txt", line: 1, ja: "施策評価シートの形式ではありません"),
        .init(file: "missing-section-4.txt", line: 31, ja: "4. まちづくり指標"),
        .init(file: "truncated-before-section-7.txt", line: 63, ja: "7. 施策を進める上での課題"),
        .init(file: "amount-not-a-number.txt", line: 25, ja: "\"9O,000\""),
        .init(file: "amount-with-decimals.txt", line: 23, ja: "\"2,450.5\""),
        .init(file: "direction-not-a-number.txt", line: 24, ja: "施策の方向性"),
        .init(file: "indicator-value-not-a-number.txt", line: 34, ja: "\"三十三\""),
        .init(file: "assessment-unreadable.txt", line: 55, ja: "\"必要性が高まる\""),
        .init(file: "fiscal-year-unreadable.txt", line: 3, ja: "評価対象年度"),
        .init(file: "totals-row-missing.txt", line: 29, ja: "総事業費"),
        .init(file: "project-header-missing.txt", line: 18, ja: "見出し行"),
    ]

    /// Fixtures of this group that read: the value is kept as typed, for validation to report.
    static let keptAsTyped = ["rating-missing.txt"]
}

@Suite("Malformed text-form inputs")
struct MalformedInputTests {
    @Test("error names file and line", arguments: MalformedCase.all)
    func malformed(_ c: MalformedCase) throws {
        let url = RepositoryPaths.fixtures.appendingPathComponent("text-malformed/\(c.file)")
        let error = #expect(throws: TextFormError.self) {
            try TextFormReader.read(contentsOf: url, displayName: c.file)
        }
        let e = try #require(error)
        #expect(e.file == c.file)
        #expect(e.line == c.line)
        #expect(e.message.ja.contains(c.ja), "\(e.message.ja)")
        #expect(!e.message.en.isEmpty)
        #expect(e.text(.ja).hasPrefix(c.line > 0 ? "\(c.file):\(c.line): " : "\(c.file): "))
    }

    @Test("a blank rating is kept (blank) for validation, not refused")
    func blankRatingKept() throws {
        let url = RepositoryPaths.fixtures.appendingPathComponent("text-malformed/rating-missing.txt")
        let loaded = try TextFormReader.read(contentsOf: url, displayName: "rating-missing.txt")
        var expected = RealYear.sheet("511")
        expected.evaluation.rating = Rating(rawValue: "")
        #expect(loaded.map(\.sheet) == [expected])
        #expect(loaded[0].sourceMap.describe(.rating) == "rating-missing.txt:46")
    }

    @Test("a sheet missing from the middle of a file names the sheet's lines")
    func secondSheetBroken() throws {
        var lines = RealYear.text.components(separatedBy: "\n")
        lines[106] = "4X. まちづくり指標"  // 512's §4 heading (line 107) no longer a heading
        let error = #expect(throws: TextFormError.self) {
            try TextFormReader.read(Data(lines.joined(separator: "\n").utf8), file: "year.txt")
        }
        #expect(error?.line == 119)
    }
}
