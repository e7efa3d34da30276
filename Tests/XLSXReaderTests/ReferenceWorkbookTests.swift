import Testing
import XLSX
@testable import XLSXReader

/// The openpyxl reference workbook and its LibreOffice re-save: every cell type, merges, names,
/// properties, hidden sheets, protection, validation.
@Suite struct ReferenceWorkbookTests {
    @Test func openpyxlSheetsNamesAndProperties() throws {
        let doc = try open(Fixtures.quirk("openpyxl-reference-workbook.xlsx"))
        #expect(doc.fileName == "openpyxl-reference-workbook.xlsx")
        #expect(doc.sheets.map(\.name) == ["1 基本情報", "O'Brien's", "隠し", "内部"])
        #expect(doc.sheets.map(\.state) == [.visible, .visible, .hidden, .veryHidden])
        #expect(doc.sheets.map(\.sheetId) == [1, 2, 3, 4])
        #expect(doc.sheets.map(\.index) == [0, 1, 2, 3])
        // openpyxl writes absolute targets (/xl/worksheets/sheet1.xml).
        #expect(doc.sheets.map(\.partName) == (1...4).map { "xl/worksheets/sheet\($0).xml" })
        #expect(doc.workbookPartName == "xl/workbook.xml")
        #expect(doc.usesDate1904 == false)

        #expect(doc.definedNames == [
            XLSXDefinedName(name: "施策名", refersTo: "'1 基本情報'!$B$1"),
            XLSXDefinedName(name: "予算範囲", refersTo: "'1 基本情報'!$B$2:$C$2"),
            XLSXDefinedName(name: "引用", refersTo: "'O''Brien''s'!$A$1"),
            XLSXDefinedName(name: "ローカル", refersTo: "'O''Brien''s'!$A$1", localSheetId: 1),
        ])
        #expect(doc.definedNames[0].area == XLSXAreaReference(sheetName: "1 基本情報", range: CellRange("B1")!))
        #expect(doc.definedNames[1].area == XLSXAreaReference(sheetName: "1 基本情報", range: CellRange("B2:C2")!))
        #expect(doc.definedNames[2].area?.sheetName == "O'Brien's")

        #expect(doc.customProperties == [
            "FormatVersion": .string("1.0"), "FiscalYear": .int(2024), "Ratio": .double(0.25), "Final": .bool(true),
        ])
        #expect(doc.coreProperties?.title == "施策評価シート")
        #expect(doc.coreProperties?.creator == "fixture")
        #expect(doc.coreProperties?.created == "2024-04-01T00:00:00Z")
    }

    @Test func openpyxlCellValues() throws {
        let doc = try open(Fixtures.quirk("openpyxl-reference-workbook.xlsx"))
        let ws = try doc.worksheet(at: 0)
        #expect(ws.name == "1 基本情報")
        #expect(ws.v("A1") == .string("施策名"))
        #expect(ws.v("B1") == .string("子育て支援の充実"))
        #expect(ws.v("B2") == num(12345, "12345"))
        #expect(ws.v("C2") == num(0.58, "0.58"))
        #expect(ws.v("D2") == num(-1.5e-7, "-1.5e-07"))
        #expect(ws.v("D3") == num(1_234_567_890_123, "1234567890123"))
        #expect(ws.v("B3") == .bool(true))
        #expect(ws.v("C3") == .bool(false))
        #expect(ws.v("B4") == num(45383, "45383"))
        #expect(ws["B4"]?.numberFormat == "yyyy\"年\"m\"月\"d\"日\"")
        #expect(ws["B2"]?.numberFormat == "General")
        #expect(ws.v("A6") == .string("一行目\n二行目"))
        #expect(ws.v("A12") == .string("普通と太字の混在"))

        // openpyxl stores formulas without cached values: never read them as 0.
        let b5 = try #require(ws["B5"])
        #expect(b5.formula == "B2*2")
        #expect(b5.hasFormula)
        #expect(b5.cachedValueMissing)
        #expect(b5.value == .empty)
        #expect(ws["C5"]?.formula == "SUM(B2:C2)")
        #expect(ws["C5"]?.cachedValueMissing == true)
        #expect(ws["B2"]?.cachedValueMissing == false)
        #expect(ws["B2"]?.hasFormula == false)

        #expect(ws.merges == [CellRange("A8:C9")!])
        #expect(ws.mergedRange(containing: CellReference("B9")!) == CellRange("A8:C9")!)
        #expect(ws.v("A8") == .string("結合セル"))
        #expect(ws["B10"]?.isLocked == false)
        #expect(ws["B11"]?.isLocked == true)
        #expect(ws.protection == XLSXSheetProtection(isSheetProtected: true, hasPassword: false))
        #expect(ws.dataValidations == [
            XLSXDataValidation(type: "list", operatorName: nil, ranges: [CellRange("B11")!],
                               formula1: "\"はい,いいえ\"", formula2: nil, allowBlank: true),
        ])
        #expect(ws.usedRange == CellRange("A1:D12"))
        #expect(ws.rows.map(\.index) == [0, 1, 2, 3, 4, 5, 7, 9, 10, 11])
        #expect(ws.rows[1].cells.map(\.reference.description) == ["A2", "B2", "C2", "D2"])
        #expect(ws.cells.count == 20)

        let quoted = try #require(try doc.worksheet(named: "O'Brien's"))
        #expect(quoted.v("A1") == .string("引用符"))
        #expect(try doc.worksheet(named: "o'brien's")?.index == 1)
        #expect(try doc.worksheet(named: "no such sheet") == nil)
        #expect(try doc.worksheet(at: 3).v("A1") == num(42, "42"))
    }

    @Test func openpyxlFromBytesEqualsFromPath() throws {
        let path = Fixtures.quirk("openpyxl-reference-workbook.xlsx")
        let fromPath = try readEverything(try open(path))
        let fromBytes = try readEverything(try XLSXDocument(bytes: Fixtures.bytes(path), name: "mem.xlsx"))
        #expect(fromPath.map(\.cells) == fromBytes.map(\.cells))
        #expect(fromPath.map(\.merges) == fromBytes.map(\.merges))
    }

    /// LibreOffice re-save: shared strings split into styled runs, booleans as `TRUE()` formulas
    /// with cached values, recalculated formulas, veryHidden demoted to hidden, custom integer
    /// properties rewritten as r8, custom "General" number format ids.
    @Test func libreOfficeResavedValuesSurvive() throws {
        let doc = try open(Fixtures.quirk("libreoffice-resaved.xlsx"))
        #expect(doc.sheets.map(\.name) == ["1 基本情報", "O'Brien's", "隠し", "内部"])
        #expect(doc.sheets.map(\.state) == [.visible, .visible, .hidden, .hidden])
        #expect(Set(doc.definedNames.map(\.name)) == ["施策名", "予算範囲", "引用", "ローカル"])
        #expect(doc.definedNames.first { $0.name == "ローカル" }?.localSheetId == 1)
        #expect(doc.definedNames.first { $0.name == "引用" }?.area?.sheetName == "O'Brien's")
        #expect(doc.customProperties["FormatVersion"] == .string("1.0"))
        #expect(doc.customProperties["FiscalYear"] == .double(2024))
        #expect(doc.customProperties["Final"] == .bool(true))

        let ws = try doc.worksheet(at: 0)
        #expect(ws.v("A1") == .string("施策名"))
        #expect(ws.v("B2") == num(12345, "12345"))
        #expect(ws.v("C2") == num(0.58, "0.58"))
        #expect(ws.v("D2") == num(-1.5e-7, "-1.5E-007"))
        #expect(ws.v("B3") == .bool(true))
        #expect(ws["B3"]?.formula == "TRUE()")
        #expect(ws.v("C3") == .bool(false))
        #expect(ws.v("B4") == num(45383, "45383"))
        #expect(ws["B4"]?.numberFormat == "yyyy\\年m\\月d\\日")
        #expect(ws["A1"]?.numberFormat == "General")
        #expect(ws.v("B5") == num(24690, "24690"))
        #expect(ws["B5"]?.formula == "B2*2")
        #expect(ws["B5"]?.cachedValueMissing == false)
        #expect(ws.v("A6") == .string("一行目\n二行目"))
        #expect(ws.v("A12") == .string("普通と太字の混在"))
        #expect(ws.merges == [CellRange("A8:C9")!])
        #expect(ws["B10"]?.isLocked == false)
        #expect(ws["A1"]?.isLocked == true)
        #expect(ws.protection?.isSheetProtected == true)
        #expect(ws.dataValidations.first?.formula1 == "\"はい,いいえ\"")
        #expect(ws.dataValidations.first?.ranges == [CellRange("B11")!])
        // Styled empty cells of the merge are stored (they carry a style) but are not "used".
        #expect(ws["B8"]?.value == .empty)
        #expect(ws["B8"]?.styleIndex == 4)
        #expect(ws.usedRange == CellRange("A1:D12"))
        #expect(try doc.worksheet(at: 3).v("A1") == num(42, "42"))
    }
}
