import Foundation
import Testing
import EvalSheetModel
@testable import EvalSheetWorkbook
import TestSupport

/// One fault per workbook (Tests/Fixtures/make_import_fault_fixtures.py edits the XML of an exported
/// 511.xlsx): each test asserts every message's id and exact `'Sheet'!Cell`, whether it is an error
/// or a warning, and — when the import succeeds — that every other value is the real sheet's.
@Suite("Import faults, each named at its cell")
struct ImportFaultTests {
    static func path(_ name: String) -> String {
        RepositoryPaths.fixtures.appendingPathComponent("xlsx-faults/\(name).xlsx").path
    }

    func load(_ name: String) throws -> LoadedSheet {
        try WorkbookImporter().read(path: Self.path(name), displayName: "\(name).xlsx")
    }

    /// `id location` of every warning.
    func warnings(_ loaded: LoadedSheet) -> [String] {
        loaded.notes.map { "\($0.id) \($0.location)" }
    }

    /// The error every refused fixture gives: `id place` of each problem, in order.
    static let refusals: [(file: String, problems: [String], ja: String)] = [
        ("amount-text-beyond-the-bound", ["xlsx.amount '3 構成事業'!F5"], "上限 999,999,999,999 千円を超えています: \"99999999999999999999\""),
        ("amount-1e30", ["xlsx.amount '3 構成事業'!F5"], "上限 999,999,999,999 千円を超えています: 1E+30"),
        ("amount-one-past-the-bound", ["xlsx.amount '3 構成事業'!F5"], "上限 999,999,999,999 千円を超えています: 1000000000000"),
        ("amounts-summing-past-the-bound", ["xlsx.amount '3 構成事業'!F11"], "総事業費が上限 999,999,999,999 千円を超えています"),
        ("indicator-1e200", ["xlsx.number-range '4 まちづくり指標'!I4"], "目標値(令和2年度)の数値 1E+200 は扱えません"),
        ("indicator-beyond-15-digits", ["xlsx.number-range '4 まちづくり指標'!J4"], "数値 1.23456789012346E+16 は扱えません"),
        ("indicator-with-13-decimals", ["xlsx.number-range '4 まちづくり指標'!H5"], "実績値(令和元年度)の数値 12.3456789012345 は扱えません"),
        ("money-header-mistyped", ["xlsx.unknown-column '3 構成事業'!F4"], "構成事業の見出し「平成30年度決済」は年度の金額列として読めません"),
        ("money-header-a-number", ["xlsx.unknown-column '3 構成事業'!G4"], "構成事業の見出し「2019」は年度の金額列として読めません"),
        ("money-header-deleted", ["xlsx.unknown-column '3 構成事業'!G4"], "構成事業の見出し(G列)が空欄ですが、その列の事業の行に金額が入っています"),
        ("indicator-year-heading-a-number", ["xlsx.unknown-column '4 まちづくり指標'!H3"], "指標の年度見出し「2019」は年度として読めません(例: 令和2年度)"),
        ("indicator-year-heading-deleted", ["xlsx.unknown-column '4 まちづくり指標'!H3"], "指標の年度見出しが空欄です(年度の列の間)"),
        ("label-of-two-fields-mistyped", ["xlsx.missing-label '1 基本情報'"], "項目「まちづくりの基本目標」が見つかりません"),
        ("numeric-cell-overflows", ["xlsx.cell-value '3 構成事業'!H5"], "\"1E+400\""),
        ("duplicate-cell-address", ["xlsx.duplicate-cell '3 構成事業'!F5"], "同じ番地のセルが2つあります"),
        ("rows-renumbered-but-not-their-cells", ["xlsx.cell-outside-row '3 構成事業'!A8"], "セルの番地が行の番号と一致しません"),
        ("indicator-name-label-mistyped", ["xlsx.duplicate-row '4 まちづくり指標'!B8", "xlsx.duplicate-row '4 まちづくり指標'!B9"],
         "指標①の「説明」の行が2つあります"),
        ("text-longer-than-a-cell", ["xlsx.invalid-value '1 基本情報'!B8"], "文字数(32768)が1つのセルに入る上限 32767 文字を超えています"),
        ("several-cell-errors", [
            "xlsx.policy-code '1 基本情報'!B4",
            "xlsx.execution-plan '3 構成事業'!C5",
            "xlsx.amount '3 構成事業'!G6",
            "xlsx.formula-not-saved '3 構成事業'!H6",
            "xlsx.project-directions '3 構成事業'!D7",
            "xlsx.indicator-value '4 まちづくり指標'!H5",
            "xlsx.indicator-direction '4 まちづくり指標'!E6",
        ], "施策コード「../x」は使えません"),
    ]

    @Test("refused with every problem at its cell, in sheet and cell order", arguments: refusals.map(\.file))
    func refused(_ name: String) throws {
        let c = Self.refusals.first { $0.file == name }!
        let error = try #require(#expect(throws: WorkbookImportError.self) { try load(name) })
        #expect(error.problems.map { "\($0.id) \($0.location.dropFirst("\(name).xlsx ".count))" } == c.problems)
        #expect(error.problems.allSatisfy { $0.file == "\(name).xlsx" })
        #expect(error.message.ja.contains(c.ja), "\(error.message.ja)")
        #expect(error.lines(.ja).count == c.problems.count)
    }

    @Test("all problems of one workbook in one error, each line naming file and cell, in English too")
    func severalErrorsInOneRun() throws {
        let error = try #require(#expect(throws: WorkbookImportError.self) { try load("several-cell-errors") })
        #expect(error.additional.count == 6)
        #expect(error.lines(.en) == [
            "several-cell-errors.xlsx '1 基本情報'!B4: " + PolicyCodeSyntax.problem("../x").en,
            "several-cell-errors.xlsx '3 構成事業'!C5: 実行計画 must be 対象 or blank: \"はい\"",
            "several-cell-errors.xlsx '3 構成事業'!G6: 令和元年度決算 holds text where a number must be: \"未定\"",
            "several-cell-errors.xlsx '3 構成事業'!H6: 令和2年度予算: the formula's result was not saved (open and save the workbook in Excel)",
            "several-cell-errors.xlsx '3 構成事業'!D7: directions must be numbers separated by commas (e.g. 1,2): \"一と二\"",
            "several-cell-errors.xlsx '4 まちづくり指標'!H5: 実績値(令和元年度) must be a number (15 significant digits, 10 decimals at most), \"—\" or blank: \"約33\"",
            "several-cell-errors.xlsx '4 まちづくり指標'!E6: the direction must be 高いほど良い or 低いほど良い: \"どちらでもない\"",
        ])
    }

    // MARK: - Imported, with a warning naming each cell that was not taken

    @Test("content below a table's end marker: a warning per cell, nothing else changed")
    func contentBelowTheEndMarker() throws {
        let loaded = try load("content-below-the-end-marker")
        #expect(loaded.sheet == RealYear.sheet("511"))
        #expect(warnings(loaded) == [
            "xlsx.unread-cell content-below-the-end-marker.xlsx '6 施策を取り巻く環境'!D13",
            "xlsx.unread-cell content-below-the-end-marker.xlsx '6 施策を取り巻く環境'!A14",
        ])
        #expect(loaded.notes[1].message.ja.contains("\"追記: 令和2年度に状況が変わった\""))
    }

    @Test("stray cells past the first hundred of a sheet: one warning with their count and range, nothing else changed")
    func strayCellsPastTheFirstHundred() throws {
        let loaded = try load("stray-cells-past-the-first-hundred")
        #expect(loaded.sheet == RealYear.sheet("511"))
        #expect(warnings(loaded) == (20..<120).map { "xlsx.unread-cell stray-cells-past-the-first-hundred.xlsx '3 構成事業'!J\($0)" }
            + ["xlsx.unread-cell stray-cells-past-the-first-hundred.xlsx '3 構成事業'!J120"])
        #expect(loaded.notes.last?.message.ja == "様式が値を読む位置ではないため、ほかにも 50 個のセル(J120:J169 の中)の内容が取り込まれていません(最初の 100 個はセルごとに示しました)")
    }

    @Test("a note right of the last indicator year, in the year heading row: a warning, nothing else changed")
    func noteRightOfTheIndicatorYears() throws {
        let loaded = try load("note-right-of-the-indicator-years")
        #expect(loaded.sheet == RealYear.sheet("511"))
        #expect(warnings(loaded) == ["xlsx.unread-cell note-right-of-the-indicator-years.xlsx '4 まちづくり指標'!L3"])
    }

    @Test("content in a column the layout does not use")
    func contentInAnUnusedColumn() throws {
        let loaded = try load("content-in-an-unused-column")
        #expect(loaded.sheet == RealYear.sheet("511"))
        #expect(warnings(loaded) == [
            "xlsx.unread-cell content-in-an-unused-column.xlsx '3 構成事業'!I3",
            "xlsx.unread-cell content-in-an-unused-column.xlsx '3 構成事業'!I5",
        ])
    }

    @Test("template text typed where the layout puts none is a warning; the same text in its place is not")
    func templateTextOutsideTheLayout() throws {
        let loaded = try load("template-text-typed-outside-the-layout")
        #expect(loaded.sheet == RealYear.sheet("511"))
        #expect(warnings(loaded) == [
            "xlsx.unread-cell template-text-typed-outside-the-layout.xlsx '1 基本情報'!B10",
            "xlsx.unread-cell template-text-typed-outside-the-layout.xlsx '4 まちづくり指標'!L8",
            "xlsx.unread-cell template-text-typed-outside-the-layout.xlsx '5 評価'!C12",
        ])
        #expect(loaded.notes[0].message.ja.contains("結合セルに隠れています"))
    }

    @Test("labels saved in NFD are the template's labels; every value is kept byte for byte as stored")
    func everyTextInNFD() throws {
        let loaded = try load("every-text-in-nfd")
        let real = RealYear.sheet("511")
        #expect(loaded.sheet == real)  // canonically equal, field by field
        #expect(warnings(loaded).isEmpty)
        var stored: [String: [UInt8]] = [:]
        loaded.sheet.forEachText { stored["\($0)"] = Array($1.utf8) }
        var decomposed = 0
        real.forEachText { path, text in
            let nfd = text.decomposedStringWithCanonicalMapping
            #expect(stored["\(path)"] == Array(nfd.utf8), "\(path)")
            if nfd.utf8.count != text.utf8.count { decomposed += 1 }
        }
        #expect(decomposed > 20)  // the fixture really is in NFD: ド, が, ブ … spelled with U+3099
    }

    @Test("a sheet that is no section is one warning naming its first filled cell")
    func extraSheet() throws {
        let loaded = try load("extra-sheet-with-notes")
        #expect(loaded.sheet == RealYear.sheet("511"))
        #expect(warnings(loaded) == ["xlsx.unread-sheet extra-sheet-with-notes.xlsx メモ!B2"])
        #expect(loaded.notes[0].message.en.contains("its 2 non-empty cells were not imported"))
    }

    @Test("a mistyped §7 label: the row is skipped with a warning, and its value is named too")
    func challengeLabelMistyped() throws {
        var expected = RealYear.sheet("511")
        expected.challenges[1].current = ""
        let loaded = try load("challenge-label-mistyped")
        #expect(loaded.sheet == expected)
        #expect(warnings(loaded) == [
            "xlsx.unknown-label challenge-label-mistyped.xlsx '7 課題'!B9",
            "xlsx.unread-cell challenge-label-mistyped.xlsx '7 課題'!C9",
        ])
    }

    @Test("cells at the last row and column are reported, no arithmetic traps")
    func lastRowAndColumn() throws {
        let loaded = try load("cells-at-the-last-row-and-column")
        #expect(loaded.sheet == RealYear.sheet("511"))
        #expect(warnings(loaded) == [
            "xlsx.unread-cell cells-at-the-last-row-and-column.xlsx '1 基本情報'!XFD1048576",
            "xlsx.unread-cell cells-at-the-last-row-and-column.xlsx '3 構成事業'!A1048576",
        ])
    }

    // MARK: - Number formats that cannot be known: read as General, with a warning at each cell

    @Test("a style index that points nowhere: 33.0 is read as 33 with a warning naming the cell")
    func styleIndexPointsNowhere() throws {
        var expected = RealYear.sheet("511")
        expected.indicators.items[0].targets[2] = .number(PrintedNumber(parsing: "33")!)
        let loaded = try load("style-index-points-nowhere")
        #expect(loaded.sheet == expected)
        #expect(warnings(loaded) == ["xlsx.number-format-unknown style-index-points-nowhere.xlsx '4 まちづくり指標'!I4"])
        #expect(loaded.notes[0].message.ja.contains("「33」として読みました"))
    }

    @Test("no styles part: every indicator number is named, read as General; nothing else changes")
    func stylesPartMissing() throws {
        var expected = RealYear.sheet("511")
        var cells: [String] = []
        let columns = ["G", "H", "I", "J", "K"]
        for i in expected.indicators.items.indices {
            for (r, path) in [(0, \Indicator.targets), (1, \Indicator.actuals), (2, \Indicator.rates)] {
                for (k, v) in expected.indicators.items[i][keyPath: path].enumerated() {
                    guard let n = v.number else { continue }
                    let shown = NSDecimalNumber(decimal: n.percent ? n.value / 100 : n.value).stringValue
                    expected.indicators.items[i][keyPath: path][k] = .number(PrintedNumber(parsing: shown)!)
                    cells.append("xlsx.number-format-unknown styles-part-missing.xlsx '4 まちづくり指標'!\(columns[k])\(4 + 3 * i + r)")
                }
            }
        }
        let loaded = try load("styles-part-missing")
        #expect(loaded.sheet == expected)
        #expect(cells.count == 8)
        #expect(warnings(loaded) == cells, "in row and column order")
    }

    @Test("a code typed as a number is read as its text, with a warning naming the cell")
    func codeTypedAsANumber() throws {
        let loaded = try load("policy-code-typed-as-a-number")
        #expect(loaded.sheet == RealYear.sheet("511"))
        #expect(warnings(loaded) == ["xlsx.code-as-number policy-code-typed-as-a-number.xlsx '1 基本情報'!B4"])
        #expect(loaded.notes[0].message.ja.contains("文字列「511」として読みました"))
    }

    // MARK: - Text comes back exactly

    @Test("carriage returns and literal _xHHHH_ text come back exactly")
    func carriageReturns() throws {
        var expected = RealYear.sheet("511")
        expected.evaluation.reason = "一行目\r\n二行目 literal _x000D_ kept"
        expected.challenges[0].challenge = "CR only\rend"
        let loaded = try load("text-with-carriage-returns")
        #expect(loaded.sheet == expected)
        #expect(loaded.notes.isEmpty)
    }

    @Test("a cell's text in a message: 40 characters, and never more than 120 scalars")
    func shownText() {
        #expect(ImportContext.shown(String(repeating: "あ", count: 41)) == String(repeating: "あ", count: 40) + "…")
        #expect(ImportContext.shown(String(repeating: "あ", count: 40)) == String(repeating: "あ", count: 40))
        let marks = "以" + String(repeating: "\u{3099}", count: 30_000)  // one character
        #expect(ImportContext.shown(marks).unicodeScalars.count == 121)
        #expect(ImportContext.shown(marks).hasSuffix("…"))
        #expect(ImportContext.shown("a\tb") == "a\\tb")
    }

    @Test("every fault fixture has a test")
    func allCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.fixtures.appendingPathComponent("xlsx-faults").path)
        let tested = Self.refusals.map(\.file) + [
            "content-below-the-end-marker", "content-in-an-unused-column", "template-text-typed-outside-the-layout",
            "extra-sheet-with-notes", "challenge-label-mistyped", "cells-at-the-last-row-and-column",
            "style-index-points-nowhere", "styles-part-missing", "text-with-carriage-returns", "policy-code-typed-as-a-number",
            "every-text-in-nfd", "stray-cells-past-the-first-hundred", "note-right-of-the-indicator-years",
        ]
        #expect(files.sorted() == tested.map { "\($0).xlsx" }.sorted())
    }
}

@Suite("Date and time formats are told apart from numbers")
struct DateFormatDetectionTests {
    @Test func datesAndTimesAreRecognised() {
        for f in ["yyyy/m/d", "m/d/yy", "h:mm", "[$-411]ggge\"年\"m\"月\"d\"日\"", "mm:ss", "yyyy\"年\"m\"月\""] {
            #expect(NumberFormatCodec.isDateOrTime(f), "\(f)")
        }
        for f in ["General", "#,##0", "0.0%", "0.000", "0.0\"(※)\"", "0.00E+00", "\"day\"0", "[Red]0", "\\d0", nil] as [String?] {
            #expect(!NumberFormatCodec.isDateOrTime(f), "\(f ?? "nil")")
        }
    }
}
