import Foundation
import Testing
import EvalSheetModel
import EvalSheetJSON
import TestSupport

@Suite("Structural invariants and the JSON reader")
struct InvariantTests {
    @Test func realSheetsHoldTheInvariants() {
        #expect(RealYear.sheets.allSatisfy { $0.invariantViolations().isEmpty })
    }

    @Test func shortAmountRowIsAViolation() {
        var s = RealYear.sheet("511")
        s.projects.rows[1].amounts.removeLast()
        #expect(s.invariantViolations().map(\.path) == [.project(1, .amount(0))])
    }

    @Test("more than 30 combining marks in a row is a violation at the text's path; NFD kana and 30 marks are not")
    func combiningMarkRuns() throws {
        #expect("清瀬市".longestCombiningMarkRun == 0)
        #expect("か\u{3099}き\u{3099}".longestCombiningMarkRun == 1)            // NFD が・ぎ
        #expect("e\u{301}\u{323}x\u{301}".longestCombiningMarkRun == 2)
        #expect(("x" + String(repeating: "\u{301}\u{323}", count: 15_000)).longestCombiningMarkRun == 30_000)
        // The byte scan agrees with the definition, scalar by scalar, on texts mixing every kind of
        // scalar it treats apart (ASCII, kana and kanji, their marks, other marks, 2- and 4-byte scalars).
        let pieces: [String] = ["a", "清", "か", "\u{3099}", "\u{309A}", "\u{302A}", "\u{302F}", "\u{3030}", "\u{301}", "\u{323}",
                                "é", "\u{5B0}", "\u{1D167}", "😀", "\u{FF9E}", "ｶ", "\u{0E48}", "\u{20D0}", "\u{FE20}", " "]
        var generator = SeededGenerator(seed: 2019)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var longest = 0, run = 0
            for scalar in text.unicodeScalars {
                run = scalar.properties.canonicalCombiningClass.rawValue == 0 ? 0 : run + 1
                longest = max(longest, run)
            }
            #expect(text.longestCombiningMarkRun == longest, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }

        var s = RealYear.sheet("511")
        s.projects.rows[2].name = "x" + String(repeating: "\u{301}", count: EvaluationSheet.maximumCombiningMarkRun)
        s.challenges[0].current = "コミュニティ\u{3099}" + String(repeating: "\u{323}", count: 40)
        s.policy.name = String(repeating: "か\u{3099}", count: 200)
        let violations = s.invariantViolations()
        #expect(violations.map(\.path) == [.challenge(0, .current)])
        #expect(violations.first?.message.ja == "結合文字(濁点・アクセント記号など)が 41 個続いています。1文字に続けられるのは 30 個までです(Unicode のストリームセーフ形式)")
        #expect(violations.first?.message.en == "the text holds 41 combining marks in a row, more than the 30 Unicode's stream-safe format allows")
    }

    @Test func jsonWithBrokenInvariantIsRefusedWithPointer() throws {
        var s = RealYear.sheet("513")
        s.indicators.items[2].rates.append(.blank)
        let data = try EvaluationSheetJSON.encode(s)
        let error = #expect(throws: JSONReadError.self) { try EvaluationSheetJSON.decode(data, file: "513.json") }
        #expect(error?.pointer == "/indicators/items/2/rates/0")
        let violation = try #require(s.invariantViolations().first)
        let years = s.indicators.years.count
        #expect(violation.message.ja == "指標\(s.indicators.items[2].number)の値(rates)の数(\(years + 1))が列数(\(years))と一致しません")
    }

    @Test func jsonErrorsNameThePointer() throws {
        var o = try JSONSerialization.jsonObject(with: EvaluationSheetJSON.encode(RealYear.sheet("511"))) as! [String: Any]
        var projects = o["projects"] as! [String: Any]
        var rows = projects["rows"] as! [[String: Any]]
        rows[3]["amounts"] = [1, "many", 3]
        projects["rows"] = rows
        o["projects"] = projects
        let data = try JSONSerialization.data(withJSONObject: o)
        let error = #expect(throws: JSONReadError.self) { try EvaluationSheetJSON.decode(data, file: "511.json") }
        #expect(error?.pointer == "/projects/rows/3/amounts/1")

        var fresh = try JSONSerialization.jsonObject(with: EvaluationSheetJSON.encode(RealYear.sheet("511"))) as! [String: Any]
        fresh["schemaVersion"] = 9
        let newer = try JSONSerialization.data(withJSONObject: fresh)
        let e2 = #expect(throws: JSONReadError.self) { try EvaluationSheetJSON.decode(newer, file: "511.json") }
        #expect(e2?.message.ja.contains("schemaVersion") == true)

        let e3 = #expect(throws: JSONReadError.self) { try EvaluationSheetJSON.decode(Data("{".utf8), file: "x.json") }
        #expect(e3?.file == "x.json")
    }

    @Test func jsonArrayOfSheets() throws {
        let data = try EvaluationSheetJSON.makeEncoder().encode(RealYear.sheets)
        #expect(try EvaluationSheetJSON.decode(data, file: "year.json") == RealYear.sheets)
    }
}
