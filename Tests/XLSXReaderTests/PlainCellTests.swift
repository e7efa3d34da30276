import Foundation
import Testing
import XLSX
@testable import XLSXReader

/// `WorksheetParser` reading plain cells straight from the bytes (`XMLTokenizer.plainCell`) reads
/// what it reads through the tokenizer's events (`plainCells: false`, the definition): every sheet
/// is read both ways and the outcomes compared whole — the cells, or the error with its kind, cell,
/// detail and byte offset.
@Suite struct PlainCellTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// The cells of a sheet whose `<sheetData>` holds `rows`, or the error, read one way.
    static func read(_ rows: String, plain: Bool, maxDepth: Int = 256, maxCells: Int = 100,
                     styles: StyleTable = StyleTable()) -> Result<[XLSXCell], XLSXReadError> {
        let text = #"<worksheet xmlns="\#(main)" xmlns:x="\#(main)"><sheetData>"# + rows + "</sheetData></worksheet>"
        return read(bytes: Array(text.utf8), plain: plain, maxDepth: maxDepth, maxCells: maxCells, styles: styles)
    }

    static func read(bytes: [UInt8], plain: Bool, maxDepth: Int = 256, maxCells: Int = 100,
                     styles: StyleTable = StyleTable()) -> Result<[XLSXCell], XLSXReadError> {
        do throws(XLSXReadError) {
            let xml = try tokenizer(bytes: bytes, maxDepth: maxDepth)
            var parser = WorksheetParser(xml, sheetName: "S", sharedStrings: .table(["zero", "one", "two"]), styles: styles,
                                         maxCells: maxCells, plainCells: plain)
            return .success(try parser.parse(index: 0).cells)
        } catch {
            return .failure(error)
        }
    }

    static func bothWays(_ rows: String, maxDepth: Int = 256, maxCells: Int = 100, styles: StyleTable = StyleTable(),
                         sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = read(rows, plain: true, maxDepth: maxDepth, maxCells: maxCells, styles: styles)
        let general = read(rows, plain: false, maxDepth: maxDepth, maxCells: maxCells, styles: styles)
        #expect(fast == general, "\(rows)", sourceLocation: sourceLocation)
    }

    /// Cells, plain and odd, good and bad.
    static let cells = [
        #"<c r="B2" s="1" t="s"><v>1</v></c>"#, #"<c r="B2" s="1"/>"#, #"<c r="B2"></c>"#, #"<c/>"#, #"<c></c>"#, #"<c>"#,
        #"<c r="B2" t="n"><v> 2.5 </v></c>"#, #"<c r="B2"><v>1e400</v></c>"#, #"<c r="B2"><v>x</v></c>"#, #"<c r="B2"><v></v></c>"#,
        #"<c r="B2" t="s"><v>7</v></c>"#, #"<c r="B2" t="s"><v>-1</v></c>"#, #"<c r="B2" t="s"><v></v></c>"#,
        #"<c r="B2" t="b"><v>1</v></c>"#, #"<c r="B2" t="b"><v>yes</v></c>"#, #"<c r="B2" t="e"><v>#N/A</v></c>"#,
        #"<c r="B2" t="d"><v>2024-01-01</v></c>"#, #"<c r="B2" t="str"><v>a_x000D_b</v></c>"#, #"<c r="B2" t="str"><v></v></c>"#,
        #"<c r="B2" t="inlineStr"><v>x_x005F_x000D_</v></c>"#, #"<c r="B2" t="inlineStr"><is><t>i</t></is></c>"#,
        #"<c r="B2" t="q"><v>1</v></c>"#, #"<c t="q" r="B2"><v>1</v></c>"#, #"<c r="B2" s="x"/>"#, #"<c s="x" r="B2"/>"#,
        #"<c s="99999999999" r="B2"/>"#, #"<c r="B2" s="2147483648"/>"#, #"<c r="B2" s="2147483647"/>"#, #"<c r="b2" s="3"/>"#,
        #"<c r="B0"/>"#, #"<c r="2B"/>"#, #"<c r=""/>"#, #"<c r="XFE1"/>"#, #"<c r="A1048577"/>"#, #"<c r="XFD1048576" s="1"/>"#,
        #"<c r="C3" s="1"/>"#, #"<c r="A2" s="1"/><c r="C3" s="1"/>"#, #"<c r="B2" s="1"/><c r="B2" s="1"/>"#,
        #"<c r="C2" s="1"/><c r="B2" s="1"/>"#, #"<c s="1"/><c s="1"/>"#, #"<c r="XFD2" s="1"/><c s="1"/>"#,
        #"<c r="B2" r="C2" s="1"/>"#, #"<c r="B2" s="1" s="2"/>"#, #"<c r="B2" t="s" t="n"><v>1</v></c>"#,
        #"<c r='B2' s='1' t='s'><v>1</v></c>"#, #"<c r="B2"s="1"/>"#, "<c\tr=\"B2\"\n s=\"1\"\r\n t=\"s\"  ><v>1</v></c>",
        #"<c r = "B2" s="1"/>"#, #"<c r="B2" s="1" />"#, #"<c r="B2" s="1" >"# + "<v>1</v></c>", #"<c r="B2" s="1"/ >"#,
        #"<c r="B2" cm="1" s="1"/>"#, #"<c r="&#66;2" s="1"/>"#, "<c r=\"B\t2\" s=\"1\"/>", #"<c r="B2" t="s"><v>&#49;</v></c>"#,
        "<c r=\"B2\"><v>1\r</v></c>", "<c r=\"B2\"><v>1\n</v></c>", #"<c r="B2"><v><![CDATA[1]]></v></c>"#,
        #"<c r="B2"><v >1</v></c>"#, #"<c r="B2"><v>1</v ></c>"#, #"<c r="B2"><v>1</v></c >"#, #"<c r="B2"><v>1</v><v>2</v></c>"#,
        #"<c r="B2" s="1"><f>A1</f><v>1</v></c>"#, #"<c r="B2"><v>1</v><f>A1</f></c>"#, #"<c r="B2"> <v>1</v></c>"#,
        #"<x:c r="B2" s="1"/>"#, #"<c x:r="B2" s="1"/>"#, #"<c xmlns="urn:other" r="B2" s="1"/>"#, #"<cc r="B2"/>"#,
        #"<c r="B2"><x:v>1</x:v></c>"#, #"<c r="漢字"/>"#, #"<c r="B2" t="s"><v>漢字</v></c>"#, #"<c r="B2"><v>1</v></cx>"#,
        #"<c r="B2"><v>1</v></c"#, #"<c r="B2"><v>1</v>"#, #"<c r="B2"><v>1"#, #"<c r="B2" s="1""#, #"<c r="B2"#,
        #"<c r="<"/>"#, #"<c r="&bad;"/>"#,
    ]

    @Test func everyCellReadsAsByTheEvents() {
        for cell in Self.cells {
            Self.bothWays(#"<row r="2">"# + cell + "</row>")
            Self.bothWays("<row>" + cell + "</row>")
            Self.bothWays(#"<row r="2"><c r="A2" s="1"/>"# + cell + #"<c s="2"/></row>"#)
            Self.bothWays(#"<row r="1"><c r="B1"/></row><row>"# + cell + "</row>")
        }
        // Nested no deeper than allowed, either way (a plain cell needs room for its `<v>`).
        for maxDepth in 3...6 {
            Self.bothWays(#"<row r="2"><c r="B2" t="s"><v>1</v></c><c r="C2" s="1"/></row>"#, maxDepth: maxDepth)
        }
        // One cell too many, and styles that name formats.
        Self.bothWays(#"<row r="2"><c r="A2" s="1"/><c r="B2" s="1"/><c r="C2" s="1"/></row>"#, maxCells: 2)
        var styles = StyleTable()
        styles.cellFormats = [.init(numberFormatID: 0, numberFormat: "General", isLocked: true),
                              .init(numberFormatID: 14, numberFormat: "yyyy/m/d", isLocked: false)]
        Self.bothWays(#"<row r="2"><c r="A2" s="1"><v>45000</v></c><c r="B2" s="0"/><c r="C2" s="7"/></row>"#, styles: styles)
    }

    @Test func plainSpellingsAreTakenAndOddOnesLeft() throws {
        func taken(_ cell: String) throws -> Bool {
            var xml = try tokenizer(#"<worksheet xmlns="\#(Self.main)"><sheetData><row>"# + cell + "</row></sheetData></worksheet>")
            while xml.depth < 3 { _ = try xml.next() }
            return xml.plainCell() != nil
        }
        for cell in [#"<c r="B2" s="1" t="s"><v>1</v></c>"#, #"<c r="B2" s="1"/>"#, #"<c r="B2"></c>"#, #"<c/>"#,
                     #"<c t='s' s="1" r='B2'><v>1</v></c>"#, "<c\tr=\"B2\"\n s=\"1\"\r\n t=\"s\"  ><v>a\nb</v></c>"] {
            #expect(try taken(cell), "\(cell)")
        }
        for cell in [#"<c r="B2"><v >1</v></c>"#, #"<c r="B2" cm="1"/>"#, #"<c r = "B2"/>"#, #"<c r="B2"s="1"/>"#,
                     #"<c r="&#66;2"/>"#, #"<c r="B2" r="B2"/>"#, #"<c r="B2"><f>A1</f></c>"#, #"<c r="B2"><v>&amp;</v></c>"#,
                     #"<c r="B2"><v>1</v></c >"#, #"<x:c r="B2"/>"#, #"<cc/>"#] {
            #expect(try !taken(cell), "\(cell)")
        }
    }

    /// Random cuts, flips and insertions of a sheet of plain cells: both ways read alike.
    @Test func mutatedSheetsReadAlike() {
        var generator = SystemRandomNumberGenerator()
        let rows = #"<row r="1" spans="1:3"><c r="A1" s="1" t="s"><v>1</v></c><c r="B1" s="1"/><c r="C1" t="n"><v>2.5</v></c></row>"#
            + #"<row r="2"><c r="A2" s="2" t="str"><v>x_x000D_</v></c><c r="B2" t="b"><v>1</v></c><c r="D2" s="3"></c></row>"#
            + #"<row><c s="1"/><c t="e"><v>#N/A</v></c><c r="E3" t="inlineStr"><v>i</v></c><c r="F3"><f>A1</f><v>3</v></c></row>"#
        let seed = Array((#"<worksheet xmlns="\#(Self.main)" xmlns:x="\#(Self.main)"><sheetData>"# + rows + "</sheetData></worksheet>").utf8)
        let alphabet = Array(#"<>/="' \#t\#n\#r&#;:xcrstv0129ABXFD_"#.utf8) + [0xE6, 0xBC, 0xA2]
        var compared = 0
        // XLSX_FUZZ_RUNS=N runs more (the default keeps the suite quick).
        let runs = ProcessInfo.processInfo.environment["XLSX_FUZZ_RUNS"].flatMap { Int($0) } ?? 5000
        for _ in 0..<runs {
            var bytes = seed
            ByteMutation.mutate(&bytes, from: alphabet, using: &generator)
            let maxCells = Int.random(in: 8...14, using: &generator)
            let fast = Self.read(bytes: bytes, plain: true, maxCells: maxCells)
            let general = Self.read(bytes: bytes, plain: false, maxCells: maxCells)
            #expect(fast == general, "\(String(decoding: bytes, as: UTF8.self))")
            compared += 1
        }
        #expect(compared == runs)
    }
}
