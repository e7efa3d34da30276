import Foundation
import Testing
import EvalSheetModel
import EvalSheetJSON
import EvalSheetValidation
import TestSupport

/// `evalsheet status` over a year sent out by `rollover` and what came back — built by running the
/// tool and editing the JSON it wrote, as a department would fill it.
@Suite("evalsheet status (end to end)")
struct StatusCommandTests {
    static func read(_ url: URL) throws -> EvaluationSheet {
        try #require(EvaluationSheetJSON.decodeEach(try Data(contentsOf: url), file: url.lastPathComponent).sheets.first?.sheet)
    }

    static func write(_ sheet: EvaluationSheet, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try EvaluationSheetJSON.encode(sheet).write(to: url)
    }

    /// What a department returns when it has filled everything: the year's 決算, actuals equal to
    /// the targets (rate 100.0%), a rating and a reason.
    static func filled(_ sheet: EvaluationSheet) -> EvaluationSheet {
        var s = sheet
        for i in s.projects.rows.indices { s.projects.rows[i].amounts[1] = 1_000 }
        for i in s.indicators.items.indices {
            let target = s.indicators.items[i].targets[1]
            s.indicators.items[i].actuals[1] = target
            s.indicators.items[i].rates[1] = target.number == nil ? target : .number(PrintedNumber(parsing: "100.0%")!)
        }
        s.evaluation = Evaluation(rating: .onTrack, reason: "計画どおり進んだ。")
        s.projects.totals = s.projects.computedTotals.map { $0 }
        return s
    }

    /// SENT: the real year rolled over to FY2020 as JSON, one folder per department.
    static func sendYear(_ dir: URL) throws -> URL {
        let sent = dir.appendingPathComponent("sent")
        let r = try EvalsheetBinary.run(["rollover", "samples/kiyose-2019/kiyose-2019.txt", "--to-year", "2020", "-o", sent.path,
                                         "--to", "json", "--by-department", "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        return sent
    }

    static func sentSheet(_ sent: URL, _ code: String) throws -> EvaluationSheet {
        let folder = try #require(FileManager.default.enumerator(atPath: sent.path)?.compactMap { $0 as? String }.first { $0.hasSuffix("/\(code).json") })
        return try read(sent.appendingPathComponent(folder))
    }

    @Test func eachPolicyAndEachFileNotUsedIsReportedAsWhatItIs() throws {
        let dir = RepositoryPaths.temporaryDirectory("status")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sent = try Self.sendYear(dir), back = dir.appendingPathComponent("back")
        func s(_ code: String) throws -> EvaluationSheet { try Self.sentSheet(sent, code) }
        // 511 not returned. 512 with an error (a rating not on the form).
        var wrong = Self.filled(try s("512"))
        wrong.evaluation.rating = Rating(rawValue: "良好")
        try Self.write(wrong, to: back.appendingPathComponent("企画課/512.json"))
        // 513 returned as sent: every input still blank, under another name in a subfolder.
        try Self.write(try s("513"), to: back.appendingPathComponent("秘書広報課/受付/返却 513.json"))
        // 521 complete; 522 twice; the rest complete, 531 as a workbook.
        try Self.write(Self.filled(try s("521")), to: back.appendingPathComponent("職員課/521.json"))
        try Self.write(Self.filled(try s("522")), to: back.appendingPathComponent("企画課/522.json"))
        try Self.write(Self.filled(try s("522")), to: back.appendingPathComponent("企画課/古い/522 (2).json"))
        for code in ["532", "533", "541"] { try Self.write(Self.filled(try s(code)), to: back.appendingPathComponent("\(code).json")) }
        try Self.write(Self.filled(try s("531")), to: dir.appendingPathComponent("531-filled.json"))
        #expect(try EvalsheetBinary.run(["export", dir.appendingPathComponent("531-filled.json").path, "-o", back.appendingPathComponent("財政課").path, "-q"]).status == 0)
        try FileManager.default.moveItem(at: back.appendingPathComponent("財政課/531.xlsx"), to: back.appendingPathComponent("財政課/返却 531.xlsx"))
        // Files not to use: not a sheet, last year's sheet, a policy that was not sent.
        try Data("返却します。よろしくお願いします。\n".utf8).write(to: back.appendingPathComponent("企画課/送付状.txt"))
        try FileManager.default.copyItem(at: RepositoryPaths.sampleYear.appendingPathComponent("521.txt"), to: back.appendingPathComponent("職員課/521-2019.txt"))
        var foreign = Self.filled(try s("533"))
        foreign.policy.code = "599"
        try Self.write(foreign, to: back.appendingPathComponent("599.json"))

        let json = try EvalsheetBinary.run(["status", sent.path, back.path, "--format", "json"])
        #expect(json.status == 1, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let policies = try #require(report["policies"] as? [[String: Any]])
        let states = Dictionary(uniqueKeysWithValues: policies.map { ($0["code"] as! String, $0["state"] as! String) })
        #expect(states == ["511": "missing", "512": "errors", "513": "blanks", "521": "complete", "522": "duplicate",
                           "531": "complete", "532": "complete", "533": "complete", "541": "complete"])
        func row(_ code: String) -> [String: Any] { policies.first { $0["code"] as? String == code }! }
        let s513 = try s("513")
        #expect(row("513")["blanks"] as? Int == s513.projects.rows.count + s513.indicators.items.count + 2)
        #expect(row("513")["changedFields"] as? Int == 0 && row("513")["errors"] as? Int == 0)
        #expect(row("513")["returnedFiles"] as? [String] == [back.appendingPathComponent("秘書広報課/受付/返却 513.json").path])
        #expect(row("512")["errors"] as? Int == 1)
        let s521 = try s("521")
        let changes521 = SheetDiff.diff(old: LoadedSheet(sheet: s521, sourceMap: SourceMap(file: "a")),
                                        new: LoadedSheet(sheet: Self.filled(s521), sourceMap: SourceMap(file: "b"))).count
        #expect(changes521 >= s521.projects.rows.count + 2, "each 決算, the rating and the reason at least")
        #expect(row("521")["changedFields"] as? Int == changes521)
        #expect(row("521")["blanks"] as? Int == 0 && row("521")["errors"] as? Int == 0)
        #expect(row("531")["returnedFiles"] as? [String] == [back.appendingPathComponent("財政課/返却 531.xlsx").path])
        #expect(row("522")["returnedFiles"] as? [String] == [back.appendingPathComponent("企画課/522.json").path,
                                                             back.appendingPathComponent("企画課/古い/522 (2).json").path])
        #expect(row("522")["changedFields"] == nil && row("511")["returnedFiles"] as? [String] == [])
        let strays = try #require(report["strays"] as? [[String: String]])
        #expect(strays.map { $0["file"]! } == ["599.json", "企画課/送付状.txt", "職員課/521-2019.txt"].map { back.appendingPathComponent($0).path })
        #expect(strays.map { $0["reason"]! } == ["notSent", "unreadable", "otherYear"])
        #expect(strays[2]["message"] == "施策 521 の令和元年度のシートです(送付したのは令和2年度)")
        #expect(report["complete"] as? Bool == false)

        // The terminal table: Japanese headings, columns aligned for East Asian widths.
        let text = try EvalsheetBinary.run(["status", sent.path, back.path, "-o", dir.appendingPathComponent("status.xlsx").path])
        #expect(text.status == 1)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "担当部署  担当課        施策コード  状態        変更項目数  エラー  警告  未記入  返却ファイル")
        #expect(lines.contains("企画部    企画課        511         未返却               -       -     -       -"))
        #expect(lines.contains("企画部    企画課        512         エラーあり          \(String(format: "%2d", row("512")["changedFields"] as! Int))       1     \(row("512")["warnings"] as! Int)       0  \(back.path)/企画課/512.json"))
        #expect(lines.last == "令和2年度 9 施策: 完了 5、未記入あり 1、エラーあり 1、重複 1、未返却 1。対象外のファイル 3。")

        // The status workbook, read by openpyxl: rows grouped by department, counts as numbers, links.
        let book = try Self.dumpStatusWorkbook(dir.appendingPathComponent("status.xlsx"))
        #expect(book.freeze == "A4" && book.filter == "A3:K12")
        #expect(book.header == ["担当部署", "担当課", "施策コード", "施策名", "状態", "変更項目数", "エラー", "警告", "未記入", "返却ファイル", "備考"])
        #expect(book.rows.map { $0[2] as? String } == ["511", "512", "522", "541", "532", "513", "533", "531", "521"],
                "grouped by 担当部署 and 担当課")
        let r512 = try #require(book.rows.first { $0[2] as? String == "512" })
        #expect(r512[6] as? Int == 1 && r512[8] as? Int == 0, "counts are numbers")
        let r511 = try #require(book.rows.first { $0[2] as? String == "511" })
        #expect(r511[4] as? String == "未返却" && r511[5] is NSNull && r511[9] is NSNull)
        let r522 = try #require(book.rows.first { $0[2] as? String == "522" })
        #expect(r522[10] as? String == "2 件返却: back/企画課/522.json、back/企画課/古い/522 (2).json", "paths relative to the workbook")
        let links = Dictionary(uniqueKeysWithValues: book.links.map { ($0.code, $0.target) })
        #expect(links["513"] == "back/秘書広報課/受付/返却 513.json")
        #expect(links["531"] == "back/財政課/返却 531.xlsx")
        for (_, target) in links {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(target).path), "\(target) is relative to the workbook")
        }
        #expect(book.strays == [["back/599.json", "送付していない施策"], ["back/企画課/送付状.txt", "シートとして読めない"],
                                ["back/職員課/521-2019.txt", "別の年度"]])
    }

    @Test("a reference that differs from the one sent is a warning at its place, and the status judges by the one sent")
    func anEditedReferenceIsSaid() throws {
        let dir = RepositoryPaths.temporaryDirectory("status-reference")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sent = try Self.sendYear(dir), back = dir.appendingPathComponent("back")
        for code in RepositoryPaths.policyCodes {
            var s = Self.filled(try Self.sentSheet(sent, code))
            if code == "531" { s.lastYear?.rating = .stalled; s.lastYear?.budgetAmounts[0].amount = 1 }
            try Self.write(s, to: back.appendingPathComponent("\(code).json"))
        }
        let r = try EvalsheetBinary.run(["status", sent.path, back.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let file = back.appendingPathComponent("531.json").path
        // Each change at its own place, once.
        #expect(r.stderr.contains("\(file)#/lastYear/budgetAmounts/0/amount: 警告: 前年度の参考(予算・評価・理由)が送付したシートと違います"), "\(r.stderr)")
        #expect(r.stderr.contains("\(file)#/lastYear/rating: 警告: 前年度の参考(予算・評価・理由)が送付したシートと違います"), "\(r.stderr)")
        #expect(r.stderr.components(separatedBy: "cycle.reference-changed").count <= 1)
        #expect(r.stderr.components(separatedBy: "前年度の参考").count == 3, "each once: \(r.stderr)")
        #expect(r.stdout.hasSuffix("令和2年度 9 施策: 完了 9、未記入あり 0、エラーあり 0、重複 0、未返却 0。対象外のファイル 0。\n"))
    }

    @Test("links to returned files whose names hold #, % or ? open those files")
    func linksWithHashAndPercent() throws {
        let dir = RepositoryPaths.temporaryDirectory("status-links")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sent = try Self.sendYear(dir), back = dir.appendingPathComponent("back")
        for code in RepositoryPaths.policyCodes {
            try Self.write(Self.filled(try Self.sentSheet(sent, code)), to: back.appendingPathComponent("#2 \(code)? 100%20.json"))
        }
        let workbook = dir.appendingPathComponent("status.xlsx")
        #expect(try EvalsheetBinary.run(["status", sent.path, back.path, "-o", workbook.path]).status == 0)
        let book = try Self.dumpStatusWorkbook(workbook)
        #expect(book.links.count == 9)
        for (code, target) in book.links { #expect(target == "back/#2 \(code)? 100%20.json") }
    }

    @Test func englishHeadingsWithLangEn() throws {
        let dir = RepositoryPaths.temporaryDirectory("status-en")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sent = try Self.sendYear(dir)
        let r = try EvalsheetBinary.run(["status", sent.path, dir.appendingPathComponent("sent/企画課").path, "--lang", "en"])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Department  Section       Policy  State           Changed  Errors  Warnings  Blanks  Returned file")
        #expect(lines.last == "FY2020: 9 policies — complete 0, blanks to fill 5, has errors 0, returned twice 0, not returned 4; files not used 0.")
    }

    @Test func everythingReturnedCompleteIsExitZeroAndTheStatusWorkbookIsNotReadBack() throws {
        let dir = RepositoryPaths.temporaryDirectory("status-complete")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sent = try Self.sendYear(dir), back = dir.appendingPathComponent("back")
        for code in RepositoryPaths.policyCodes {
            try Self.write(Self.filled(try Self.sentSheet(sent, code)), to: back.appendingPathComponent("各課/\(code) 記入済.json"))
        }
        let workbook = back.appendingPathComponent("status.xlsx").path
        let r = try EvalsheetBinary.run(["status", sent.path, back.path, "-o", workbook])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasSuffix("令和2年度 9 施策: 完了 9、未記入あり 0、エラーあり 0、重複 0、未返却 0。対象外のファイル 0。\n"))
        // Run again: the status workbook in RETURNED is passed over with a note, not a stray.
        let again = try EvalsheetBinary.run(["status", sent.path, back.path, "-o", workbook, "--force", "--lang", "en"])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stderr.contains("\(workbook): warning: a status workbook written by status: not read as a sheet"))
        // Written into SENT too, it is passed over there as well.
        let inSent = try EvalsheetBinary.run(["status", sent.path, back.path, "-o", sent.appendingPathComponent("status.xlsx").path])
        #expect(inSent.status == 0, "\(inSent.stderr)")
        #expect(try EvalsheetBinary.run(["status", sent.path, back.path]).status == 0)
        let kept = try EvalsheetBinary.run(["status", sent.path, back.path, "-o", workbook])
        #expect(kept.status == 1)
        #expect(kept.stderr.contains("エラー: \(workbook)"), "an existing workbook is kept: \(kept.stderr)")
    }

    @Test("a returned link or a folder nested too deep is a stray of the status, not only a warning")
    func whatTheWalkPassesOverIsAStray() throws {
        let dir = RepositoryPaths.temporaryDirectory("status-passed-over")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sent = try Self.sendYear(dir), back = dir.appendingPathComponent("back")
        for code in RepositoryPaths.policyCodes where code != "511" {
            try Self.write(Self.filled(try Self.sentSheet(sent, code)), to: back.appendingPathComponent("各課/\(code).json"))
        }
        let outside = dir.appendingPathComponent("511.json")
        try Self.write(Self.filled(try Self.sentSheet(sent, "511")), to: outside)
        try FileManager.default.createSymbolicLink(at: back.appendingPathComponent("511.json"), withDestinationURL: outside)
        let deep = (0...17).reduce(back) { url, i in url.appendingPathComponent("d\(i)") }
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let r = try EvalsheetBinary.run(["status", sent.path, back.path])
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("\(back.path)/511.json: シートとして読めない — 施策評価シートとして読めません(\(back.path)/511.json: シンボリックリンクはたどりません"), "\(r.stdout)")
        #expect(r.stdout.contains("フォルダの階層が深すぎるため読みません(16 階層まで)"), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("令和2年度 9 施策: 完了 8、未記入あり 0、エラーあり 0、重複 0、未返却 1。対象外のファイル 2。\n"), "\(r.stdout)")
        #expect(r.stderr.contains("シンボリックリンクはたどりません"))  // and the warning as before
    }

    @Test func sentSheetsThatCannotBeToldApartAreUnusable() throws {
        let dir = RepositoryPaths.temporaryDirectory("status-unusable")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sent = try Self.sendYear(dir)
        try FileManager.default.copyItem(at: sent.appendingPathComponent("企画課/511.json"), to: sent.appendingPathComponent("511 copy.json"))
        let r = try EvalsheetBinary.run(["status", sent.path, dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("エラー: 送付したシートに施策 511 が2つ以上あります"))
        #expect(r.stdout.isEmpty)
        try FileManager.default.removeItem(at: sent.appendingPathComponent("511 copy.json"))
        #expect(try EvalsheetBinary.run(["status", sent.path, sent.path]).status == 1, "sent and not yet returned")
        #expect(try EvalsheetBinary.run(["status", sent.path, dir.appendingPathComponent("no-such").path]).status == 2)
    }

    struct StatusBook {
        var freeze: String?
        var filter: String?
        var header: [String]
        var rows: [[Any]]
        var links: [(code: String, target: String)]
        var strays: [[String]]
    }

    /// The status workbook as openpyxl reads it; link targets as written (Windows `\`, %-escapes)
    /// turned back into the relative path they stand for.
    static func dumpStatusWorkbook(_ url: URL) throws -> StatusBook {
        let script = """
        import json, sys, urllib.parse, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb['回収状況']
        rows = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
        links = [[row[2].value, urllib.parse.unquote(row[9].hyperlink.target).replace('\\\\', '/')]
                 for row in ws.iter_rows(min_row=4) if row[9].hyperlink]
        strays = [[urllib.parse.unquote(row[0].hyperlink.target).replace('\\\\', '/'), row[1].value]
                  for row in wb['対象外のファイル'].iter_rows(min_row=4)]
        print(json.dumps({'freeze': ws.freeze_panes, 'filter': ws.auto_filter.ref, 'header': [c.value for c in ws[3]],
                          'rows': rows, 'links': links, 'strays': strays}, ensure_ascii=False))
        """
        let r = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, url.path])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return StatusBook(freeze: o["freeze"] as? String, filter: o["filter"] as? String, header: o["header"] as? [String] ?? [],
                          rows: (o["rows"] as? [[Any]]) ?? [],
                          links: ((o["links"] as? [[String]]) ?? []).map { ($0[0], $0[1]) }, strays: (o["strays"] as? [[String]]) ?? [])
    }
}
