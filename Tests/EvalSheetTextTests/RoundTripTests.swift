import Foundation
import Testing
import EvalSheetModel
import EvalSheetJSON
import EvalSheetText
import TestSupport

@Suite("Round trips of the real year")
struct RoundTripTests {
    @Test("text → model → canonical text → model is identical", arguments: RepositoryPaths.policyCodes)
    func textRoundTrip(_ code: String) throws {
        let sheet = RealYear.sheet(code)
        let text = TextFormWriter.write(sheet)
        let again = try TextFormReader.read(Data(text.utf8), file: "canonical.txt")
        #expect(again.count == 1)
        #expect(again[0].sheet == sheet)
        #expect(again[0].notes.isEmpty, "canonical text must place every cell")
        // Canonical output is a fixed point.
        #expect(TextFormWriter.write(again[0].sheet) == text)
    }

    @Test("model → JSON → model is identical", arguments: RepositoryPaths.policyCodes)
    func jsonRoundTrip(_ code: String) throws {
        let sheet = RealYear.sheet(code)
        let data = try EvaluationSheetJSON.encode(sheet)
        #expect(try EvaluationSheetJSON.decode(data, file: "\(code).json") == [sheet])
    }

    @Test("the whole year round-trips as one canonical file")
    func wholeYear() throws {
        let text = TextFormWriter.write(RealYear.sheets)
        #expect(try TextFormReader.read(Data(text.utf8), file: "year.txt").map(\.sheet) == RealYear.sheets)
    }

    @Test("JSON carries the documented keys and types")
    func jsonShape() throws {
        let data = try EvaluationSheetJSON.encode(RealYear.sheet("511"))
        let o = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(o["schemaVersion"] as? Int == 1)
        #expect(o["fiscalYear"] as? Int == 2019)
        let policy = try #require(o["policy"] as? [String: Any])
        #expect(policy["code"] as? String == "511")
        #expect(policy["name"] as? String == "地域コミュニティの活性化")
        #expect((o["directions"] as? [Any])?.count == 2)
        let projects = try #require(o["projects"] as? [String: Any])
        let rows = try #require(projects["rows"] as? [[String: Any]])
        #expect(rows[2]["code"] as? String == "0110010328")
        let amounts = try #require(rows[2]["amounts"] as? [Any])
        #expect(amounts[0] is NSNull)
        #expect(amounts[1] as? Int == 0)
        #expect(amounts[2] as? Int == 90_000)
        #expect((projects["columns"] as? [Any])?.count == 3)
        #expect(projects["totals"] as? [Int] == [95_024, 108_114, 185_074])
        let indicators = try #require(o["indicators"] as? [String: Any])
        let items = try #require(indicators["items"] as? [[String: Any]])
        #expect((items[0]["actuals"] as? [Any])?[1] as? String == "32.2(※)")
        #expect((items[0]["targets"] as? [Any])?[0] as? String == "—")
        #expect((items[0]["actuals"] as? [Any])?[2] is NSNull)
        #expect((o["evaluation"] as? [String: Any])?["rating"] as? String == "維持")
        #expect((o["environment"] as? [Any])?.count == 8)
        #expect((o["challenges"] as? [Any])?.count == 3)
        // Pretty-printed, sorted keys, UTF-8 (Japanese not escaped).
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"challenges\""))
        #expect(text.contains("地域コミュニティの活性化"))
    }
}

@Suite("Input variants of the same year")
struct InputVariantTests {
    func read(_ text: String) throws -> [EvaluationSheet] {
        try TextFormReader.read(Data(text.utf8), file: "variant.txt").map(\.sheet)
    }

    @Test func crlfLineEnds() throws {
        #expect(try read(RealYear.text.replacingOccurrences(of: "\n", with: "\r\n")) == RealYear.sheets)
    }

    @Test func byteOrderMark() throws {
        #expect(try read("\u{FEFF}" + RealYear.text) == RealYear.sheets)
    }

    @Test func bomAndCRLFTogether() throws {
        #expect(try read("\u{FEFF}" + RealYear.text.replacingOccurrences(of: "\n", with: "\r\n")) == RealYear.sheets)
    }

    @Test func sheetsInAnotherOrder() throws {
        let files = RepositoryPaths.policyCodes.reversed().map {
            try! String(contentsOf: RepositoryPaths.sampleYear.appendingPathComponent("\($0).txt"), encoding: .utf8)
        }
        let sheets = try read(files.joined(separator: "\n"))
        #expect(sheets.map(\.policy.code) == RepositoryPaths.policyCodes.reversed())
        #expect(sheets.sorted { $0.policy.code < $1.policy.code } == RealYear.sheets)
    }

    @Test("full-width spaces in fixed labels are tolerated")
    func fullWidthSpacesInLabels() throws {
        let text = RealYear.text
            .replacingOccurrences(of: "施策コード\t", with: "施策\u{3000}コード\t")
            .replacingOccurrences(of: "\t達成率\t", with: "\t達 成 率\t")
            .replacingOccurrences(of: "外部要因\t状況", with: "外部要因\u{3000}\t状況")
        #expect(try read(text) == RealYear.sheets)
    }

    @Test("next year's sheet (FY2020 headers) parses with the right years")
    func relabelledForFY2020() throws {
        let sheets = try read(Self.shiftEraYears(RealYear.text, by: 1))
        #expect(sheets.count == 9)
        for s in sheets {
            #expect(s.fiscalYear == 2020)
            #expect(s.projects.columns == [
                MoneyColumn(fiscalYear: 2019, kind: .settled), MoneyColumn(fiscalYear: 2020, kind: .settled),
                MoneyColumn(fiscalYear: 2021, kind: .budget),
            ])
            #expect(s.projects.columns.map(\.label) == ["令和元年度決算", "令和2年度決算", "令和3年度予算"])
            #expect(s.indicators.years == [2019, 2020, 2021, 2023, 2026])
            #expect(s.futureActionsFromYear == 2022)
        }
        // The figures themselves are unchanged.
        #expect(sheets.map(\.projects.totals) == RealYear.sheets.map(\.projects.totals))
        #expect(sheets.map(\.indicators.items.count) == RealYear.sheets.map(\.indicators.items.count))
    }

    /// Moves every `<era><n>年度` one year on (平成30年度 → 令和元年度, 令和元 年度 → 令和2年度).
    static func shiftEraYears(_ text: String, by delta: Int) -> String {
        let regex = try! NSRegularExpression(pattern: "(平成|令和)(元|[0-9]+) ?年度")
        let ns = text as NSString
        var out = ""
        var last = 0
        for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            let year = FiscalYearText.parse(ns.substring(with: m.range))!
            out += FiscalYearText.japanese(year + delta)
            last = m.range.location + m.range.length
        }
        return out + ns.substring(from: last)
    }
}

@Suite("The JSON writer")
struct JSONWriterTests {
    @Test("writes the same values as Foundation's JSONEncoder, for all nine", arguments: RepositoryPaths.policyCodes)
    func sameAsJSONEncoder(_ code: String) throws {
        let sheet = RealYear.sheet(code)
        let ours = try JSONSerialization.jsonObject(with: EvaluationSheetJSON.encode(sheet)) as! NSDictionary
        let foundation = try JSONSerialization.jsonObject(with: EvaluationSheetJSON.makeEncoder().encode(sheet)) as! NSDictionary
        #expect(ours == foundation)
    }

    @Test("escapes quotes, backslashes and control characters")
    func escaping() throws {
        var sheet = RealYear.sheet("512")
        sheet.evaluation.reason = "引用\"符\\と\n改行\tタブ\u{01}"
        sheet.projects.rows = []
        sheet.projects.totals = [nil, nil, nil]
        let data = try EvaluationSheetJSON.encode(sheet)
        #expect(try EvaluationSheetJSON.decode(data, file: "x.json") == [sheet])
        #expect(String(decoding: data, as: UTF8.self).contains(#""reason": "引用\"符\\と\n改行\tタブ\u0001""#))
        #expect(String(decoding: data, as: UTF8.self).contains(#""rows": []"#))
    }
}
