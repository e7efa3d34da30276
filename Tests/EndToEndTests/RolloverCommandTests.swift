import Foundation
import Testing
import EvalSheetModel
import EvalSheetJSON
import EvalSheetText
import TestSupport

/// `evalsheet rollover` on the real FY2019 year, run as a user runs it, its outputs read back
/// field by field (JSON by our reader, workbooks by openpyxl).
@Suite("evalsheet rollover (end to end)")
struct RolloverCommandTests {
    static func json(_ url: URL) throws -> EvaluationSheet {
        let r = EvaluationSheetJSON.decodeEach(try Data(contentsOf: url), file: url.lastPathComponent)
        #expect(r.failures.isEmpty)
        return try #require(r.sheets.first?.sheet)
    }

    /// FY2019 → FY2020, checked against the FY2019 sheet field by field.
    static func expectRolled(_ new: EvaluationSheet, from old: EvaluationSheet) {
        #expect(new.fiscalYear == 2020)
        #expect(new.futureActionsFromYear == old.futureActionsFromYear + 1)
        #expect(new.projects.columns.map(\.label) == ["令和元年度決算", "令和2年度決算", "令和3年度予算"])
        #expect(new.projects.rows.map(\.code) == old.projects.rows.map(\.code))
        for (o, n) in zip(old.projects.rows, new.projects.rows) {
            #expect(n.amounts == [o.amounts[1], nil, nil], "project \(o.code): 令和元年度決算 carried, new columns blank")
        }
        #expect(new.projects.totals == [old.projects.totals[1], 0, 0])
        #expect(old.indicators.years == [2018, 2019, 2020, 2022, 2025])
        #expect(new.indicators.years == [2019, 2020, 2022, 2025], "the plan rule: 令和元・2・4・7")
        #expect(new.indicators.items.count == old.indicators.items.count)
        for (o, n) in zip(old.indicators.items, new.indicators.items) {
            #expect(n.targets == Array(o.targets[1...]), "indicator \(o.number): every target carried")
            #expect(n.actuals == [o.actuals[1], .blank, .blank, .blank])
            #expect(n.rates == [o.rates[1], .blank, .blank, .blank])
        }
        #expect(new.evaluation.rating.rawValue == "" && new.evaluation.reason == "")
        let last = new.lastYear
        #expect(last?.fiscalYear == 2019)
        #expect(last?.budget?.label == "令和2年度予算")
        #expect(last?.budgetAmounts == old.projects.rows.map { ProjectAmount(code: $0.code, amount: $0.amounts[2]) })
        #expect(last?.rating == old.evaluation.rating && last?.reason == old.evaluation.reason)
        // Everything else is carried as it was.
        var rest = new
        rest.fiscalYear = old.fiscalYear
        rest.futureActionsFromYear = old.futureActionsFromYear
        rest.projects = old.projects
        rest.indicators = old.indicators
        rest.evaluation = old.evaluation
        rest.lastYear = old.lastYear
        #expect(rest == old, "policy \(old.policy.code): §1, §2, §6, §7, codes, names and organisation unchanged")
    }

    @Test func theRealYearRollsOverToJSONFieldByField() throws {
        let dir = RepositoryPaths.temporaryDirectory("rollover-json")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try EvalsheetBinary.run(["rollover", "samples/kiyose-2019/kiyose-2019.txt", "--to-year", "2020", "-o", dir.path, "--to", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasSuffix("令和2年度へ繰り越し: 書き出し 9、失敗 0\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == RepositoryPaths.policyCodes.map { "\($0).json" })
        for code in RepositoryPaths.policyCodes {
            let url = dir.appendingPathComponent("\(code).json")
            Self.expectRolled(try Self.json(url), from: RealYear.sheet(code))
            let raw = try String(contentsOf: url, encoding: .utf8)
            #expect(raw.contains("\"lastYear\""), "the reference is in the JSON")
        }
    }

    @Test func theRealYearRollsOverToWorkbooksReadByOpenpyxl() throws {
        let dir = RepositoryPaths.temporaryDirectory("rollover-xlsx")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("xlsx"), back = dir.appendingPathComponent("back")
        let r = try EvalsheetBinary.run(["rollover", "samples/kiyose-2019/kiyose-2019.txt", "--to-year", "2020", "-o", out.path, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        // Cells are found by their headings, not fixed addresses (reference columns may stand beside them).
        let script = """
        import json, re, sys, openpyxl
        def find(ws, text):
            for row in ws.iter_rows():
                for c in row:
                    if c.value == text: return c
        out = {}
        for path in sys.argv[1:]:
            wb = openpyxl.load_workbook(path)
            p = wb['3 構成事業']; i = wb['4 まちづくり指標']; e = wb['5 評価']
            cols = [find(p, t) for t in ('令和元年度決算', '令和2年度決算', '令和3年度予算')]
            rows = []
            r = cols[0].row + 1
            while re.fullmatch(r'[0-9]{6,}', str(p.cell(r, 1).value or '')):
                rows.append({'code': p.cell(r, 1).value, 'amounts': [p.cell(r, c.column).value for c in cols],
                             'unlocked': [not p.cell(r, c.column).protection.locked for c in cols]})
                r += 1
            y = find(i, '令和2年度').row
            years = [c.value for c in i[y] if isinstance(c.value, str) and re.fullmatch(r'(平成|令和).+年度', c.value)]
            heading = [c.value for row in e.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith('5. 評価(')]
            out[path] = {'year': wb['1 基本情報']['B3'].value, 'heading': heading, 'columns': [c.value for c in cols],
                         'indicatorYears': years, 'rows': rows}
        print(json.dumps(out, ensure_ascii=False))
        """
        let paths = RepositoryPaths.policyCodes.map { out.appendingPathComponent("\($0).xlsx").path }
        let py = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script] + paths)
        #expect(py.status == 0, "\(py.stderr)")
        let read = try #require(try JSONSerialization.jsonObject(with: Data(py.stdout.utf8)) as? [String: [String: Any]])
        for (code, path) in zip(RepositoryPaths.policyCodes, paths) {
            let old = RealYear.sheet(code), book = try #require(read[path])
            #expect(book["year"] as? String == "令和2年度")
            #expect(book["heading"] as? [String] == ["5. 評価(令和2年度実績に対する)"])
            #expect(book["indicatorYears"] as? [String] == ["令和元年度", "令和2年度", "令和4年度", "令和7年度"])
            let rows = try #require(book["rows"] as? [[String: Any]])
            #expect(rows.map { $0["code"] as? String } == old.projects.rows.map(\.code))
            for (o, row) in zip(old.projects.rows, rows) {
                let amounts = try #require(row["amounts"] as? [Any])
                #expect((amounts[0] as? NSNumber)?.intValue == o.amounts[1], "\(code) \(o.code): 令和元年度決算 as FY2019's")
                #expect(amounts[1] is NSNull && amounts[2] is NSNull, "\(code) \(o.code): the new columns are blank")
                #expect(row["unlocked"] as? [Bool] == [true, true, true], "\(code) \(o.code): input cells")
            }
        }
        // The workbooks import back as the rolled-over year (the reference aside, which is the
        // workbook layout's business) and are the same as the JSON rollover.
        #expect(try EvalsheetBinary.run(["import", out.path, "-o", back.path, "-q"]).status == 0)
        for code in RepositoryPaths.policyCodes {
            var imported = try Self.json(back.appendingPathComponent("\(code).json"))
            // Whether the workbook carries the reference is the layout's business; it is never other than this.
            #expect(imported.lastYear == nil || imported.lastYear == Self.rolledReference(code))
            imported.lastYear = Self.rolledReference(code)
            Self.expectRolled(imported, from: RealYear.sheet(code))
        }
    }

    /// The reference a rollover of the FY2019 sheet carries (for comparing a workbook read back).
    static func rolledReference(_ code: String) -> LastYearReference {
        let old = RealYear.sheet(code)
        return LastYearReference(fiscalYear: 2019, budget: old.projects.columns[2],
                                 budgetAmounts: old.projects.rows.map { ProjectAmount(code: $0.code, amount: $0.amounts[2]) },
                                 rating: old.evaluation.rating, reason: old.evaluation.reason)
    }

    @Test func rollingOverTwiceGivesTheColumnsOfFY2021() throws {
        let dir = RepositoryPaths.temporaryDirectory("rollover-twice")
        defer { try? FileManager.default.removeItem(at: dir) }
        let y2020 = dir.appendingPathComponent("2020"), y2021 = dir.appendingPathComponent("2021")
        #expect(try EvalsheetBinary.run(["rollover", "samples/kiyose-2019/kiyose-2019.txt", "--to-year", "2020", "-o", y2020.path, "--to", "json", "-q"]).status == 0)
        let r = try EvalsheetBinary.run(["rollover", y2020.path, "--to-year", "2021", "-o", y2021.path, "--to", "json", "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        for code in RepositoryPaths.policyCodes {
            let once = try Self.json(y2020.appendingPathComponent("\(code).json"))
            let twice = try Self.json(y2021.appendingPathComponent("\(code).json"))
            #expect(twice.fiscalYear == 2021)
            #expect(twice.projects.columns.map(\.label) == ["令和2年度決算", "令和3年度決算", "令和4年度予算"])
            #expect(twice.projects.rows.allSatisfy { $0.amounts == [nil, nil, nil] }, "FY2020's 決算 was never filled")
            #expect(twice.indicators.years == [2020, 2021, 2022, 2025])
            for (o, t) in zip(once.indicators.items, twice.indicators.items) {
                #expect(t.targets == [o.targets[1], .blank, o.targets[2], o.targets[3]], "令和3年度 had no target")
            }
            #expect(twice.lastYear?.fiscalYear == 2020 && twice.lastYear?.budget?.label == "令和3年度予算")
            #expect(twice.lastYear?.rating.rawValue == "", "FY2020 was not rated")
            #expect(twice.futureActionsFromYear == 2023)
        }
        // The FY2019 sheets are not for the year before FY2021: an error for each policy, naming it.
        let wrong = try EvalsheetBinary.run(["rollover", "samples/kiyose-2019/511.txt", y2020.appendingPathComponent("512.json").path,
                                             "--to-year", "2021", "-o", dir.appendingPathComponent("mixed").path, "--to", "json"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("エラー: samples/kiyose-2019/511.txt:3: 施策 511 は令和元年度のシートです。次の年度(令和2年度)へだけ繰り越せます"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("mixed").path) == ["512.json"],
                "one policy's failure does not stop the others")
    }

    @Test func lastYearsReturnedWorkbooksRollOverAsTheTextDoes() throws {
        let dir = RepositoryPaths.temporaryDirectory("rollover-from-xlsx")
        defer { try? FileManager.default.removeItem(at: dir) }
        let books = dir.appendingPathComponent("2019"), fromBooks = dir.appendingPathComponent("a"), fromText = dir.appendingPathComponent("b")
        #expect(try EvalsheetBinary.run(["export", "samples/kiyose-2019/kiyose-2019.txt", "-o", books.path, "-q"]).status == 0)
        let r = try EvalsheetBinary.run(["rollover", books.path, "--to-year", "2020", "-o", fromBooks.path, "--to", "json", "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try EvalsheetBinary.run(["rollover", "samples/kiyose-2019/kiyose-2019.txt", "--to-year", "2020", "-o", fromText.path, "--to", "json", "-q"]).status == 0)
        for code in RepositoryPaths.policyCodes {
            let a = try Self.json(fromBooks.appendingPathComponent("\(code).json")), b = try Self.json(fromText.appendingPathComponent("\(code).json"))
            #expect(a == b, "policy \(code)")
        }
    }

    @Test func theIndicatorYearRuleIsAnOption() throws {
        let dir = RepositoryPaths.temporaryDirectory("rollover-next")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try EvalsheetBinary.run(["rollover", "samples/kiyose-2019/511.txt", "--to-year", "2020", "-o", dir.path, "--to", "json",
                                         "--indicator-years", "next", "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        let s = try Self.json(dir.appendingPathComponent("511.json"))
        #expect(s.indicators.years == [2019, 2020, 2021, 2022, 2025])
        #expect(s.indicators.items.allSatisfy { $0.targets[2] == .blank })
        #expect(try EvalsheetBinary.run(["rollover", "samples/kiyose-2019/511.txt", "--to-year", "2020", "-o", dir.path,
                                         "--indicator-years", "every"]).status == 64)
    }

    @Test func existingOutputsAreKeptUnlessForced() throws {
        let dir = RepositoryPaths.temporaryDirectory("rollover-force")
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["rollover", "samples/kiyose-2019/511.txt", "--to-year", "2020", "-o", dir.path, "--to", "json"]
        #expect(try EvalsheetBinary.run(args).status == 0)
        try Data("keep".utf8).write(to: dir.appendingPathComponent("511.json"))
        let again = try EvalsheetBinary.run(args)
        #expect(again.status == 1)
        #expect(try String(contentsOf: dir.appendingPathComponent("511.json"), encoding: .utf8) == "keep")
        #expect(try EvalsheetBinary.run(args + ["--force"]).status == 0)
        Self.expectRolled(try Self.json(dir.appendingPathComponent("511.json")), from: RealYear.sheet("511"))
    }

    @Test func theTextFormSaysItCannotCarryTheReference() throws {
        let dir = RepositoryPaths.temporaryDirectory("rollover-text")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try EvalsheetBinary.run(["rollover", "samples/kiyose-2019/531.txt", "--to-year", "2020", "-o", dir.path, "--to", "text"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("警告: テキスト形式には前年度の参考(予算・総合評価・評価理由)を書き出せません"))
        let back = try TextFormReader.read(contentsOf: dir.appendingPathComponent("531.txt"))
        var expected = try #require(back.first?.sheet)
        expected.lastYear = Self.rolledReference("531")
        Self.expectRolled(expected, from: RealYear.sheet("531"))
    }

    @Test("import --to text of a rolled-over sheet warns, at its place, that last year's reference is not written")
    func importToTextWarnsOfTheReference() throws {
        let dir = RepositoryPaths.temporaryDirectory("reference-to-text")
        defer { try? FileManager.default.removeItem(at: dir) }
        let rolled = dir.appendingPathComponent("rolled"), text = dir.appendingPathComponent("text")
        #expect(try EvalsheetBinary.run(["rollover", "samples/kiyose-2019/531.txt", "--to-year", "2020", "-o", rolled.path, "--to", "json"]).status == 0)
        let input = rolled.appendingPathComponent("531.json").path
        let r = try EvalsheetBinary.run(["import", input, "--to", "text", "-o", text.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("\(input)#/lastYear/rating: 警告: テキスト形式には前年度の参考(予算・総合評価・評価理由)を書き出せないため、参考は書き出していません"),
                "\(r.stderr)")
        let back = try TextFormReader.read(contentsOf: text.appendingPathComponent("531.txt"))
        #expect(back.first?.sheet.lastYear == nil)
        // Without a reference (the year as read), no such warning.
        let plain = try EvalsheetBinary.run(["import", "samples/kiyose-2019/531.txt", "--to", "text", "-o", dir.appendingPathComponent("plain").path])
        #expect(plain.status == 0 && !plain.stderr.contains("参考"))
    }

    @Test("a department folder whose only policy could not be written is not left behind")
    func noEmptyDepartmentFolder() throws {
        let dir = RepositoryPaths.temporaryDirectory("rollover-empty-folder")
        defer { try? FileManager.default.removeItem(at: dir) }
        // 511 again, in a section (担当課, the folder) of its own: its code is taken by the first 511, so it fails.
        let text = try String(contentsOfFile: "samples/kiyose-2019/511.txt", encoding: .utf8)
        let copy = dir.appendingPathComponent("copy.txt")
        try text.replacingOccurrences(of: "担当課\t企画課\t", with: "担当課\t架空課\t").write(to: copy, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("sent")
        let r = try EvalsheetBinary.run(["rollover", "samples/kiyose-2019/511.txt", copy.path, "--to-year", "2020", "-o", out.path,
                                         "--to", "json", "--by-department", "--jobs", "1"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("施策コード 511 が複数あります"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["企画課"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("企画課").path) == ["511.json"])
    }
}
