import Foundation
import Testing
import EvalSheetModel
import EvalSheetWorkbook
import TestSupport

/// Every numeric cell of a workbook as stored: part → cell → the `<v>` text, plus what openpyxl and
/// python-calamine read there (sheet name → cell → value).
struct StoredNumbers: Decodable {
    /// Sheet name → cell (`G5`) → the `<v>` text of a number cell (no `t`, or `t="n"`), formulas included.
    var xml: [String: [String: String]]
    var openpyxl: [String: [String: Double]]
    var calamine: [String: [String: Double]]

    static func read(_ path: String) throws -> StoredNumbers {
        try python("""
            import json, re, sys, zipfile, openpyxl
            from python_calamine import CalamineWorkbook
            z = zipfile.ZipFile(sys.argv[1])
            wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
            cal = CalamineWorkbook.from_path(sys.argv[1])
            out = {"xml": {}, "openpyxl": {}, "calamine": {}}
            for k, name in enumerate(wb.sheetnames):
                xml = re.sub(r'<c [^>]*/>', '', z.read("xl/worksheets/sheet%d.xml" % (k + 1)).decode())
                cells = {}
                for attrs, body in re.findall(r'<c ([^>]*)>(.*?)</c>', xml):
                    t = re.search(r'\\bt="([^"]*)"', attrs)
                    v = re.search(r'<v>([^<]*)</v>', body)
                    if v and (t is None or t.group(1) == "n"):
                        cells[re.search(r'\\br="([^"]*)"', attrs).group(1)] = v.group(1)
                out["xml"][name] = cells
                ws = wb[name]
                rows = cal.get_sheet_by_name(name).to_python(skip_empty_area=False)
                out["openpyxl"][name] = {r: ws[r].value for r in cells}
                out["calamine"][name] = {r: rows[ws[r].row - 1][ws[r].column - 1] for r in cells}
            print(json.dumps(out))
            """, [path], as: StoredNumbers.self)
    }
}

/// The shortest text that reads back as `value` (Swift prints it), as a worksheet holds it.
func shortestText(_ value: Double) -> String {
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
}

/// `A1` names for zero-based (row, column).
func a1(_ row: Int, _ column: Int) -> String {
    var name = "", c = column + 1
    while c > 0 { name = String(UnicodeScalar(UInt8(65 + (c - 1) % 26))) + name; c = (c - 1) / 26 }
    return "\(name)\(row + 1)"
}

@Suite("Numbers are written as the decimal the sheet printed")
struct ExportedNumberTests {
    /// The number every numeric cell of a policy's workbook must hold: the printed decimal (a
    /// percentage as its fraction), by sheet and cell, from the model and the layout.
    static func expected(_ s: EvaluationSheet) -> [String: [String: Decimal]] {
        var projects: [String: Decimal] = [:]
        for (i, p) in s.projects.rows.enumerated() {
            for (c, a) in p.amounts.enumerated() { if let a { projects[a1(4 + i, 5 + c)] = Decimal(a) } }
        }
        for (c, total) in s.projects.computedTotals.enumerated() { projects[a1(4 + s.projects.rows.count, 5 + c)] = Decimal(total) }
        var indicators: [String: Decimal] = [:]
        for (i, item) in s.indicators.items.enumerated() {
            for (r, values) in [item.targets, item.actuals, item.rates].enumerated() {
                for (k, v) in values.enumerated() {
                    guard let n = v.number else { continue }
                    indicators[a1(3 + 3 * i + r, 6 + k)] = n.percent ? n.value / 100 : n.value
                }
            }
        }
        return ["3 構成事業": projects, "4 まちづくり指標": indicators]
    }

    @Test("every numeric <v> of every worksheet is the shortest form of the printed decimal; openpyxl and calamine read exactly its double",
          arguments: RepositoryPaths.policyCodes)
    func realYear(_ code: String) throws {
        let s = RealYear.sheet(code)
        let stored = try StoredNumbers.read(ExportedYear.path(code))
        let expected = Self.expected(s)
        for (sheet, cells) in stored.xml {
            let want = expected[sheet] ?? [:]
            #expect(Set(cells.keys) == Set(want.keys), "\(code) \(sheet): numeric cells \(cells.keys.sorted()) ≠ \(want.keys.sorted())")
            for (cell, text) in cells {
                guard let decimal = want[cell] else { continue }
                let double = PrintedNumber.nearestDouble(decimal)
                #expect(text == shortestText(double), "\(code) '\(sheet)'!\(cell): <v>\(text)</v> for \(decimal)")
                #expect(Decimal(string: text) == decimal, "\(code) '\(sheet)'!\(cell): <v>\(text)</v> is not the decimal \(decimal)")
                #expect(stored.openpyxl[sheet]?[cell] == double, "\(code) '\(sheet)'!\(cell) in openpyxl")
                #expect(stored.calamine[sheet]?[cell] == double, "\(code) '\(sheet)'!\(cell) in calamine")
            }
        }
    }

    @Test("the traps of the real data: 94.8% is 0.948, 98.4% is 0.984, 財政力指数 0.690 is 0.69 (libxlsxwriter alone writes 0.6899999999999999)")
    func traps() throws {
        let all = try RepositoryPaths.policyCodes.map { try StoredNumbers.read(ExportedYear.path($0)) }
        let texts = Set(all.flatMap { $0.xml.values.flatMap(\.values) })
        #expect(texts.contains("0.948") && texts.contains("0.984") && texts.contains("0.69") && texts.contains("69.4"))
        #expect(texts.allSatisfy { !$0.contains("0000000") && !$0.contains("9999999") }, "\(texts.filter { $0.count > 12 })")
        #expect(try StoredNumbers.read(ExportedYear.path("531")).xml["4 まちづくり指標"]?["G7"] == "0.69")  // ② 財政力指数 0.690
    }

    @Test("the year index: rates, totals and counts are the shortest forms of their decimals")
    func yearIndex() throws {
        let dir = RepositoryPaths.temporaryDirectory("index-numbers")
        defer { try? FileManager.default.removeItem(at: dir) }
        let summaries = RealYear.sheets.map { PolicySummary($0, errors: 1, warnings: 2, workbook: "\($0.policy.code).xlsx") }
        let path = dir.appendingPathComponent("index.xlsx").path
        try YearIndexWriter().write(summaries, to: path, overwrite: false)
        let stored = try StoredNumbers.read(path)
        let list = try #require(stored.xml["施策一覧"])
        let columns = summaries[0].columns.count
        let rateStart = 6 + columns
        var checked = 0
        for (i, r) in summaries.sorted(by: { $0.code < $1.code }).enumerated() {
            for (k, total) in r.totals.enumerated() {
                #expect(list[a1(3 + i, 6 + k)] == String(total), "\(r.code) total \(k)")
            }
            for (k, latest) in r.latestRates.enumerated() {
                guard let n = latest.rate.number else { continue }
                let decimal = n.percent ? n.value / 100 : n.value
                #expect(list[a1(3 + i, rateStart + k)] == shortestText(PrintedNumber.nearestDouble(decimal)), "\(r.code) rate \(k)")
                #expect(Decimal(string: list[a1(3 + i, rateStart + k)] ?? "") == decimal, "\(r.code) rate \(k)")
                checked += 1
            }
        }
        #expect(checked > 5)
        for (sheet, cells) in stored.xml {
            for (cell, text) in cells {
                let value = try #require(Double(text))
                #expect(text == shortestText(value), "'\(sheet)'!\(cell): \(text)")
                #expect(stored.calamine[sheet]?[cell] == value && stored.openpyxl[sheet]?[cell] == value, "'\(sheet)'!\(cell)")
            }
        }
    }
}
