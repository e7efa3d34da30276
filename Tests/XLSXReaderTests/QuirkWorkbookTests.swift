import Testing
import XLSX
@testable import XLSXReader

/// Legitimate workbooks with unusual structure, one fixture per quirk.
@Suite struct QuirkWorkbookTests {
    @Test func phoneticRunsAreSkippedAndEscapesDecoded() throws {
        let ws = try open(Fixtures.quirk("phonetic-runs.xlsx")).worksheet(at: 0)
        #expect(ws.v("A1") == .string("東京都"))
        #expect(ws.v("A2") == .string("赤い 太字 "))
        #expect(ws.v("A3") == .string(""))
        #expect(ws.v("A4") == .string("一行目\r\n二行目"))
        #expect(ws.v("A5") == .string("literal _x000D_ kept"))
        #expect(ws.v("A6") == .string("emoji 😀 end"))
        #expect(ws.v("A7") == .string("<tag> & \"q\" 'a' AB"))
        #expect(ws.v("A8") == .string("<raw> & text"))
        #expect(ws.v("A9") == .string("a\nb"))
    }

    @Test func cellsAndRowsWithoutReferences() throws {
        let ws = try open(Fixtures.quirk("cells-without-r.xlsx")).worksheet(at: 0)
        #expect(ws.cells.map(\.reference.description) == ["A1", "B1", "E1", "F1", "A2", "A5", "B5", "B6", "C6", "A7"])
        #expect(ws.v("A1") == .string("A1"))
        #expect(ws.v("B1") == num(2, "2"))
        #expect(ws.v("E1") == num(5, "5"))
        #expect(ws.v("F1") == num(6, "6"))
        #expect(ws.v("A2") == num(10, "10"))
        #expect(ws.v("A5") == num(50, "50"))
        #expect(ws.v("B5") == .bool(true))
        #expect(ws.v("B6") == num(62, "62"))
        #expect(ws.v("C6") == num(63, "63"))
        #expect(ws.v("A7") == num(70, "70"))
        #expect(ws.usedRange == CellRange("A1:F7"))
    }

    @Test func namespacePrefixesAreResolved() throws {
        let doc = try open(Fixtures.quirk("namespace-prefix-x.xlsx"))
        #expect(doc.sheets.map(\.name) == ["Prefixed"])
        #expect(doc.definedNames == [XLSXDefinedName(name: "Total", refersTo: "Prefixed!$B$1")])
        #expect(doc.definedNames[0].area == XLSXAreaReference(sheetName: "Prefixed", range: CellRange("B1")!))
        let ws = try doc.worksheet(at: 0)
        // <t> in a foreign default namespace is not SpreadsheetML text.
        #expect(ws.v("A1") == .string("prefixed"))
        #expect(ws.v("B1") == num(2, "2"))
        #expect(ws["B1"]?.formula == "1+1")
        #expect(ws.merges == [CellRange("C1:D2")!])
    }

    @Test func strictNamespacesAndRelationshipTypes() throws {
        let doc = try open(Fixtures.quirk("strict-ooxml-namespaces.xlsx"))
        #expect(doc.sheets.map(\.name) == ["Strict"])
        #expect(doc.customProperties == ["Flavour": .string("strict")])
        let ws = try doc.worksheet(at: 0)
        #expect(ws.v("A1") == .string("strict text"))
        #expect(ws.v("B1") == .date("2024-04-01T00:00:00"))
        #expect(ws.v("C1") == num(3.5, "3.5"))
    }

    @Test func absoluteUppercaseAndDottedTargets() throws {
        let doc = try open(Fixtures.quirk("absolute-rel-targets.xlsx"))
        #expect(doc.workbookPartName == "book/main.xml")
        #expect(doc.sheets.map(\.partName) == ["book/worksheets/sheet1.xml", "book/worksheets/sheet2.xml", "shared/sheet 3.xml"])
        let sheets = try readEverything(doc)
        #expect(sheets.map { $0.v("A1") } == [.string("absolute"), num(2, "2"), num(3, "3")])
    }

    @Test func inlineStrings() throws {
        let ws = try open(Fixtures.quirk("inline-strings.xlsx")).worksheet(at: 0)
        #expect(ws.v("A1") == .string("inline"))
        #expect(ws.v("B1") == .string("rich inline"))
        #expect(ws.v("C1") == .string("tab\there"))
        #expect(ws.v("D1") == .string(""))
    }

    @Test func builtinAndJapaneseNumberFormats() throws {
        let ws = try open(Fixtures.quirk("japanese-builtin-number-formats.xlsx")).worksheet(at: 0)
        let expected: [String?] = [
            "mm-dd-yy",                               // 14
            "[$-411]ge.m.d",                          // 27
            "[$-411]ggge\"年\"m\"月\"d\"日\"",          // 28
            "m/d/yy",                                 // 30
            "yyyy\"年\"m\"月\"d\"日\"",                  // 31
            "h\"時\"mm\"分\"",                          // 32
            "h\"時\"mm\"分\"ss\"秒\"",                   // 33
            "yyyy\"年\"m\"月\"",                        // 34
            "m\"月\"d\"日\"",                           // 35
            "[$-411]ge.m.d",                          // 36
            "[$-411]ge.m.d",                          // 50
            "yyyy\"年\"m\"月\"",                        // 55
            "[$-411]ge.m.d",                          // 57
            "[$-411]ggge\"年\"m\"月\"d\"日\"",          // 58
            "@",                                      // 49
            "\"¥\"#,##0",                             // 176 (custom)
            "[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\"", // 177 (custom, unlocked)
            nil,                                      // 999: neither built in nor defined
        ]
        let row = ws.rows[0].cells
        #expect(row.map(\.numberFormat) == expected)
        #expect(row.map(\.styleIndex) == Array(1...18))
        #expect(row.map(\.isLocked) == Array(repeating: true, count: 16) + [false, true])
        #expect(ws.v("A1") == num(45383, "45383"))
        // s="0" explicitly: General; cellStyleXfs (unlocked there) do not leak into cellXfs.
        #expect(ws["A2"]?.numberFormat == "General")
        #expect(ws["A2"]?.isLocked == true)
        #expect(BuiltinNumberFormats.code(for: 22) == "m/d/yy h:mm")
        #expect(BuiltinNumberFormats.code(for: 23) == nil)
    }

    @Test func formulasWithAndWithoutCachedValues() throws {
        let ws = try open(Fixtures.quirk("formula-cached-values.xlsx")).worksheet(at: 0)
        #expect(ws["B1"]?.value == num(20, "20"))
        #expect(ws["B1"]?.cachedValueMissing == false)
        for a1 in ["C1", "D1", "E1"] {
            let cell = try #require(ws[a1])
            #expect(cell.value == .empty, "\(a1)")
            #expect(cell.cachedValueMissing, "\(a1)")
            #expect(cell.hasFormula, "\(a1)")
        }
        #expect(ws["D1"]?.formula == "A1*4")
        #expect(ws["A2"]?.value == .string("big"))
        #expect(ws["A2"]?.formula == "IF(A1>5,\"big\",\"\")")
        // A string formula whose result is "" is a real empty string, not a missing value.
        #expect(ws["B2"]?.value == .string(""))
        #expect(ws["B2"]?.cachedValueMissing == false)
        #expect(ws["C2"]?.value == .empty)
        #expect(ws["C2"]?.cachedValueMissing == true)
        #expect(ws["D2"]?.value == .error("#DIV/0!"))
        #expect(ws["E2"]?.value == .bool(true))
        // Shared formulas: the master has the text, dependents only `si`.
        #expect(ws["A3"]?.formula == "A1+1")
        #expect(ws["A4"]?.formula == nil)
        #expect(ws["A4"]?.hasFormula == true)
        #expect(ws["A4"]?.value == num(12, "12"))
        #expect(ws["A5"]?.cachedValueMissing == true)
        #expect(ws.v("A6") == .bool(true))
        #expect(ws.v("B6") == .bool(false))
        #expect(ws.v("C6") == .bool(false))
        #expect(ws.v("D6") == .error("#N/A"))
        #expect(ws.v("E6") == num(0.001, "1.0E-3"))
        #expect(ws.v("F6") == num(0.57999999999999996, "0.57999999999999996"))
        #expect(ws.v("A7") == .date("2024-04-01"))
        #expect(ws["B7"] == nil)  // <c r="B7" s="0"/> carries nothing
        #expect(ws.v("C7") == num(42, "42"))
    }

    @Test func unknownPartsAreIgnored() throws {
        let doc = try open(Fixtures.quirk("unknown-parts-and-relationships.xlsx"))
        #expect(doc.usesDate1904)
        #expect(doc.sheets.map(\.name) == ["Data", "Chart"])
        #expect(doc.sheets.map(\.kind) == [.worksheet, .chartsheet])
        #expect(doc.sheets.map(\.sheetId) == [7, 8])
        let ws = try doc.worksheet(at: 0)
        #expect(ws.cells.map(\.reference.description) == ["B2", "C2"])
        #expect(ws.v("B2") == .string("kept"))
        #expect(ws.v("C2") == num(1.5, "1.5"))
        #expect(ws.usedRange == CellRange("B2:C2"))  // <dimension ref="A1:ZZ9999"> is ignored
        let error = #expect(throws: XLSXReadError.self) { try doc.worksheet(named: "Chart") }
        #expect(error?.kind == .notAWorksheet)
        #expect(error?.part == "xl/chartsheets/sheet1.xml")
        let noSheet = #expect(throws: XLSXReadError.self) { try doc.worksheet(at: 5) }
        #expect(noSheet?.kind == .noSuchSheet)
    }

    @Test func utf16PartWithBOM() throws {
        let ws = try open(Fixtures.quirk("utf16-shared-strings.xlsx")).worksheet(at: 0)
        #expect(ws.v("A1") == .string("UTF-16 テキスト"))
    }

    @Test func dataValidationsIncludingExtensionListAndProtection() throws {
        let ws = try open(Fixtures.quirk("data-validations-and-protection.xlsx")).worksheet(at: 0)
        #expect(ws.protection == XLSXSheetProtection(isSheetProtected: true, hasPassword: true))
        #expect(ws.dataValidations == [
            XLSXDataValidation(type: "whole", operatorName: "between", ranges: [CellRange("C2:C9")!],
                               formula1: "0", formula2: "100", allowBlank: false),
            XLSXDataValidation(type: "list", operatorName: nil, ranges: [CellRange("E2")!],
                               formula1: "\"はい,いいえ\"", formula2: nil, allowBlank: true),
            XLSXDataValidation(type: "list", operatorName: nil, ranges: [CellRange("B2:B5")!, CellRange("D2")!],
                               formula1: "選択肢!$A$1:$A$3", formula2: nil, allowBlank: true),
        ])
    }

    @Test func rowsOutOfOrderAreSortedAndLaterDuplicatesWin() throws {
        let ws = try open(Fixtures.quirk("rows-out-of-order.xlsx")).worksheet(at: 0)
        #expect(ws.cells.map(\.reference.description) == ["A1", "A3", "B3", "C3"])
        #expect(ws.v("B3") == num(3, "3"))
        #expect(ws.v("C3") == num(33, "33"))
        #expect(ws.v("A3") == num(2, "2"))
        #expect(ws.rows.map(\.index) == [0, 2])
        #expect(ws.rows[1].cells.count == 3)
    }
}
