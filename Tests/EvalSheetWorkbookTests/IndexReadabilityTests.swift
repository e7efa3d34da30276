import Foundation
import Testing
import EvalSheetModel
import EvalSheetWorkbook
import TestSupport

/// The year's index reads well: headings wrap only where the template breaks them, every column
/// is wide enough for each heading line, and the chart's value axis has thousands separators and
/// names its unit.
@Suite("The year index reads well")
struct IndexReadabilityTests {
    @Test("headings from the template, broken at their line breaks, in columns wide enough; the chart axis as #,##0 千円")
    func headingsAndAxis() throws {
        let dir = RepositoryPaths.temporaryDirectory("index-readable")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("index.xlsx").path
        try YearIndexWriter().write(RealYear.sheets.map { PolicySummary($0, errors: 0, warnings: 0, workbook: nil) },
                                    to: path, overwrite: false)
        let script = """
        import json, sys, zipfile, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {}
        for ws in wb.worksheets:
            out[ws.title] = [[c.value, ws.column_dimensions[c.column_letter].width, bool(c.alignment.wrap_text)] for c in ws[3] if c.value]
        chart = [n for n in zipfile.ZipFile(sys.argv[1]).namelist() if n.startswith("xl/charts/chart")]
        out["chart"] = zipfile.ZipFile(sys.argv[1]).read(chart[0]).decode()
        print(json.dumps(out))
        """
        let run = try ProcessRunner.run(try #require(ProcessRunner.which("python3")), ["-c", script, path])
        try #require(run.status == 0, "\(run.stderr)")
        let dump = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let x = FormTemplate.standard.index
        let list = try #require(dump[x.listSheet] as? [[Any]]), goals = try #require(dump[x.goalSheet] as? [[Any]])
        let headings = list.compactMap { $0[0] as? String }
        #expect(headings.contains("総事業費\n(平成30年度決算)") && headings.contains("指標①\n達成率(最新)"))
        #expect(goals.compactMap { $0[0] as? String }.contains("総事業費\n(令和2年度予算)"))
        for row in list + goals {
            let heading = try #require(row[0] as? String), width = try #require(row[1] as? Double)
            #expect(row[2] as? Bool == true, "\(heading) wraps")
            // Each line fits its column: full-width characters take two units (bold a little more).
            let widest = heading.split(separator: "\n").map { line in
                line.unicodeScalars.reduce(0.0) { $0 + ($1.value > 0x2000 ? 2.2 : 1.21) }
            }.max() ?? 0
            #expect(width >= widest + 1.5, "\(heading): width \(width), needs \(widest)")
        }
        let chart = try #require(dump["chart"] as? String)
        #expect(chart.contains(##"<c:numFmt formatCode="#,##0" sourceLinked="0"/>"##))
        #expect(chart.contains("<a:t>千円</a:t>"))
    }
}
