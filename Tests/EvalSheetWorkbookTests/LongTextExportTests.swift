import Foundation
import Testing
import EvalSheetModel
import EvalSheetWorkbook
import TestSupport

/// Runs a Python snippet (openpyxl, python-calamine, zipfile) over a workbook; returns its JSON output.
func python<T: Decodable>(_ script: String, _ arguments: [String], as type: T.Type) throws -> T {
    let r = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script] + arguments)
    guard r.status == 0 else { throw WorkbookDump.DumpError(message: "python3 failed (openpyxl/python-calamine needed): \(r.stderr)") }
    return try JSONDecoder().decode(T.self, from: Data(r.stdout.utf8))
}

/// The heights (points) of every row with an explicit height, per worksheet part, from the XML.
func rowHeights(_ path: String) throws -> [String: [Double]] {
    try python("""
        import json, re, sys, zipfile
        z = zipfile.ZipFile(sys.argv[1])
        print(json.dumps({n: [float(h) for h in re.findall(r'<row [^>]*\\sht="([^"]+)"', z.read(n).decode())]
                          for n in z.namelist() if n.startswith("xl/worksheets/sheet")}))
        """, [path], as: [String: [Double]].self)
}

@Suite("Long text: every text up to 32,767 characters exports whole and comes back exactly")
struct LongTextExportTests {
    let exporter = WorkbookExporter(toolVersion: "test")
    let importer = WorkbookImporter()

    /// The paths whose text can be set freely (the policy code names files; assessments are codes).
    static func settablePaths(_ s: EvaluationSheet) -> [FieldPath] {
        var paths: [FieldPath] = []
        s.forEachText { path, _ in
            if path != .policyCode, s.setting(path, to: "x") != nil { paths.append(path) }
        }
        return paths
    }

    @Test("a 1,000-character 評価理由 (refused before: row height over 409 pt) exports, rows capped, and imports identically")
    func thousandCharacterReason() throws {
        let dir = RepositoryPaths.temporaryDirectory("reason1000")
        defer { try? FileManager.default.removeItem(at: dir) }
        var sheet = RealYear.sheet("511")
        sheet.evaluation.reason = String(repeating: "地域コミュニティの活性化に向けた取組を進めた。", count: 44).prefix(1_000).description
        #expect(sheet.evaluation.reason.count == 1_000)
        let path = dir.appendingPathComponent("511.xlsx").path
        try exporter.export(sheet, to: path)
        let loaded = try importer.read(path: path, displayName: "511.xlsx")
        #expect(loaded.sheet == sheet)
        #expect(loaded.notes.isEmpty)
        let heights = try rowHeights(path)
        #expect(heights.values.allSatisfy { $0.allSatisfy { $0 <= 409 } })
        #expect(heights["xl/worksheets/sheet5.xml"]?.contains(409) == true, "\(heights)")  // the reason needs more
    }

    @Test("every text field of every section at 32,767 characters, with _xHHHH_ sequences and control characters: identical after import, field by field")
    func everyFieldAtTheLimit() throws {
        let dir = RepositoryPaths.temporaryDirectory("longtexts")
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = RealYear.sheet("511")
        let paths = Self.settablePaths(original)
        #expect(paths.count >= 80)
        #expect(Set(paths.map(\.section)) == Set(1...7))
        var sheet = original
        for path in paths { sheet = sheet.setting(path, to: HardText.make(path.jsonPointer))! }
        #expect(sheet.invariantViolations().isEmpty)
        #expect(paths.allSatisfy { sheet.texts[$0]?.utf16.count == EvaluationSheet.maximumTextLength })
        let path = dir.appendingPathComponent("511.xlsx").path
        try exporter.export(sheet, to: path)
        let loaded = try importer.read(path: path, displayName: "511.xlsx")
        let written = sheet.texts, read = loaded.sheet.texts
        for p in paths {
            #expect(read[p] == written[p], "\(p.jsonPointer): \(read[p]?.utf16.count ?? -1) characters read back")
        }
        #expect(loaded.sheet == sheet)
        #expect(loaded.notes.isEmpty, "\(loaded.notes)")
        #expect(try rowHeights(path).values.allSatisfy { $0.allSatisfy { $0 <= 409 } })
    }

    @Test("carriage returns and escapes: the package stores Excel's escapes, python-calamine reads every text exactly, openpyxl the ones it can")
    func packageAndIndependentReaders() throws {
        let dir = RepositoryPaths.temporaryDirectory("crtexts")
        defer { try? FileManager.default.removeItem(at: dir) }
        var sheet = RealYear.sheet("511")
        let names: [(String, FieldPath)] = [("ES_PolicyName", .policyName), ("ES_Person", .person),
                                            ("ES_FutureVision", .futureVision), ("ES_Reason", .ratingReason)]
        var expected: [String: String] = [:]
        for (i, (name, path)) in names.enumerated() {
            let text = HardText.make(path.jsonPointer, length: i < 2 ? 300 : EvaluationSheet.maximumTextLength,
                                     carriageReturns: true, nonCharacters: false)
            sheet = sheet.setting(path, to: text)!
            expected[name] = text
        }
        let plain = "plain _x0041_ and _x000D_ text"  // what openpyxl reads exactly (it only strips x005F_)
        sheet = sheet.setting(.title, to: plain)!
        expected["ES_Title"] = plain
        let path = dir.appendingPathComponent("511.xlsx").path
        try exporter.export(sheet, to: path)
        struct Seen: Decodable { var raw: String; var decoded: String; var calamine: String; var openpyxl: String }
        let seen = try python("""
            import json, re, sys, zipfile, openpyxl
            import xml.etree.ElementTree as ET
            from python_calamine import CalamineWorkbook
            NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
            z = zipfile.ZipFile(sys.argv[1])
            sst = [''.join(t.text or '' for t in si.iter(NS + 't')) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall(NS + 'si')]
            def decode(s):
                units, i = [], 0
                while i < len(s):
                    m = re.compile('_x([0-9A-Fa-f]{4})_').match(s, i)
                    if m: units.append(int(m.group(1), 16)); i = m.end(); continue
                    b = s[i].encode('utf-16-le'); units += [int.from_bytes(b[k:k+2], 'little') for k in range(0, len(b), 2)]; i += 1
                return b''.join(u.to_bytes(2, 'little') for u in units).decode('utf-16-le')
            wb = openpyxl.load_workbook(sys.argv[1])
            cal = CalamineWorkbook.from_path(sys.argv[1])
            sheets = {s: ET.fromstring(z.read('xl/worksheets/sheet%d.xml' % (k + 1))) for k, s in enumerate(wb.sheetnames)}
            out = {}
            for name in sys.argv[2:]:
                sheet, ref = list(wb.defined_names[name].destinations)[0]
                ref = ref.replace('$', '')
                c = next(c for c in sheets[sheet].iter(NS + 'c') if c.get('r') == ref)
                raw = sst[int(c.find(NS + 'v').text)]
                cell = wb[sheet][ref]
                out[name] = {'raw': raw, 'decoded': decode(raw), 'openpyxl': cell.value,
                             'calamine': cal.get_sheet_by_name(sheet).to_python()[cell.row - 1][cell.column - 1]}
            print(json.dumps(out))
            """, [path] + expected.keys.sorted(), as: [String: Seen].self)
        for (name, text) in expected {
            let cell = try #require(seen[name], "\(name)")
            #expect(cell.decoded == text, "\(name): the package holds another text")
            #expect(cell.calamine == text, "\(name): python-calamine reads another text")
            #expect(!cell.raw.contains("\r"), "\(name): a raw CR would be read as LF")
        }
        #expect(seen["ES_Reason"]?.raw.contains("改行CRLF_x000D_\n単独CR_x000D__x005F_x0041_x000D_") == true)
        #expect(seen["ES_Title"]?.raw == "plain _x005F_x0041_ and _x005F_x000D_ text")
        #expect(seen["ES_Title"]?.openpyxl == plain)
    }

    @Test("literal escapes, NUL and U+FFFE/U+FFFF come back exactly through our importer")
    func importerReadsEscapes() throws {
        // CR is written as _x000D_; the importer decodes it (its CRLF → LF normalisation is the
        // import side's to drop), so here only texts without CR go through the importer.
        let dir = RepositoryPaths.temporaryDirectory("escapes")
        defer { try? FileManager.default.removeItem(at: dir) }
        var sheet = RealYear.sheet("511")
        let texts = ["_x0041_", "_x005F_x0041_", "_xABCD\u{1}", "nul\u{0}", "\u{FFFE}\u{FFFF}", "__x0041_", "_x00e9_", "tab\tlf\n"]
        sheet.organization.relatedSections = texts
        let path = dir.appendingPathComponent("511.xlsx").path
        try exporter.export(sheet, to: path)
        let loaded = try importer.read(path: path, displayName: "511.xlsx")
        #expect(loaded.sheet.organization.relatedSections == texts)
        #expect(loaded.sheet == sheet)
    }
}
