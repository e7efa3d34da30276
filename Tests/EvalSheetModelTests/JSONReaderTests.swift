import Foundation
import Testing
import EvalSheetModel
import EvalSheetJSON
import TestSupport

/// The strict JSON reader: what JSONSerialization lets through silently (a key twice, a number no
/// double holds, nesting without end) is refused at its pointer; every problem of a sheet is reported
/// at once; one bad sheet of an array does not stop the others.
@Suite("The JSON reader")
struct JSONReaderTests {
    static let text511 = String(decoding: try! EvaluationSheetJSON.encode(RealYear.sheet("511")), as: UTF8.self)

    static func read(_ text: String, file: String = "511.json") -> (sheets: [LoadedSheet], failures: [JSONReadError]) {
        EvaluationSheetJSON.decodeEach(Array(text.utf8), file: file)
    }

    @Test func theRealYearReadsBackExactly() throws {
        for sheet in RealYear.sheets {
            let r = EvaluationSheetJSON.decodeEach(try EvaluationSheetJSON.encode(sheet), file: "x.json")
            #expect(r.failures.isEmpty)
            #expect(r.sheets.map(\.sheet) == [sheet])
            #expect(r.sheets[0].notes.isEmpty)
        }
    }

    @Test func aKeyTwiceIsRefusedAtItsPointer() {
        let text = Self.text511.replacingOccurrences(of: "\"code\": \"511\",", with: "\"code\": \"511\",\n    \"code\": \"999\",")
        let r = Self.read(text)
        #expect(r.sheets.isEmpty)
        #expect(r.failures.map(\.id) == ["json.duplicate-key"])
        #expect(r.failures[0].pointer == "/policy/code")
        #expect(r.failures[0].message.ja.contains("2回"))
        #expect(r.failures[0].message.en.contains("line"))
    }

    @Test(arguments: ["1e400", "-1e400", "1E+309"])
    func aNumberNoDoubleHoldsIsRefused(_ literal: String) {
        let text = Self.text511.replacingOccurrences(of: "\"fiscalYear\": 2019", with: "\"fiscalYear\": \(literal)")
        let r = Self.read(text)
        #expect(r.failures.map(\.id) == ["json.number-range"])
        #expect(r.failures[0].pointer == "/fiscalYear")
    }

    @Test(arguments: ["NaN", "Infinity", "-Infinity", "0x10", "+1", "01", "1.", ".5"])
    func numbersJSONDoesNotHaveAreSyntaxErrors(_ literal: String) {
        let text = Self.text511.replacingOccurrences(of: "\"fiscalYear\": 2019", with: "\"fiscalYear\": \(literal)")
        let r = Self.read(text)
        #expect(r.failures.map(\.id) == ["json.syntax"])
        #expect(r.failures[0].pointer == "/fiscalYear")
    }

    @Test func deepNestingIsRefusedWithItsPointer() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let r = Self.read(#"{"schemaVersion": 1, "futureVision": "#.dropLast() + deep + "}")
        #expect(r.failures.map(\.id) == ["json.too-deep"])
        #expect(r.failures[0].pointer.hasPrefix("/futureVision/0/0/0"))
    }

    @Test("a key longer than 256 bytes is refused at its object, before it is compared or quoted")
    func aLongKeyIsRefused() {
        let marks = "x" + String(repeating: "\u{301}\u{323}", count: 15_000)
        let text = Self.text511.replacingOccurrences(of: "\"name\": \"地域コミュニティの活性化\"", with: "\"\(marks)\": 1, \"name\": \"地域コミュニティの活性化\"")
        let r = Self.read(text)
        #expect(r.failures.map(\.id) == ["json.key-too-long"])
        #expect(r.failures.first?.pointer == "/policy")
        #expect(r.failures.first?.message.ja.hasPrefix("キーが長すぎます(60001 バイト、上限 256 バイト)") == true)
        let longest = String(repeating: "k", count: 256)
        let atTheBound = Self.text511.replacingOccurrences(of: "\"name\": \"地域コミュニティの活性化\"", with: "\"\(longest)\": 1, \"name\": \"地域コミュニティの活性化\"")
        #expect(Self.read(atTheBound).failures.isEmpty)
    }

    @Test("an indicator value past the printed bound says the bound, as the other readers do")
    func anIndicatorValuePastTheBoundSaysIt() {
        let r = Self.read(Self.text511.replacingOccurrences(of: "\"33.0\"", with: "\"1234567890123456\""))
        #expect(r.failures.map(\.id) == ["json.value"])
        #expect(r.failures.first?.pointer == "/indicators/items/0/targets/2")
        #expect(r.failures.first?.message.ja.hasPrefix("指標の値は数値(例: \"33.0\"。有効数字 15 桁、小数点以下 10 桁まで)・\"—\"・null のいずれかです: \"1234567890123456\"") == true)
    }

    @Test func anEmptyArraySaysSo() {
        let r = Self.read("[]")
        #expect(r.failures.map(\.id) == ["json.empty"])
        #expect(r.failures[0].message.ja == "施策が1件もありません(空の配列です)")
        #expect(Self.read("  \"511\" ").failures.map(\.id) == ["json.type"])
        #expect(Self.read("").failures.map(\.id) == ["json.syntax"])
    }

    @Test func stringsAreStrict() {
        for bad in [#""\ud800""#, #""\udc00x""#, "\"a\u{01}b\"", #""\x41""#, #""\u12""#] {
            let text = Self.text511.replacingOccurrences(of: "\"name\": \"地域コミュニティの活性化\"", with: "\"name\": \(bad)")
            #expect(Self.read(text).failures.map(\.pointer) == ["/policy/name"], "\(bad)")
        }
        let pair = Self.text511.replacingOccurrences(of: "\"name\": \"地域コミュニティの活性化\"", with: #""name": "\ud83d\ude00 \u00e9\/\t""#)
        #expect(Self.read(pair).sheets.first?.sheet.policy.name == "😀 é/\t")
        var invalidUTF8 = Array(Self.text511.utf8)
        let at = invalidUTF8.firstIndex(of: "地".utf8.first!)!
        invalidUTF8[at] = 0xFF
        #expect(EvaluationSheetJSON.decodeEach(invalidUTF8, file: "x.json").failures.map(\.id) == ["json.encoding"])
    }

    @Test func everyProblemOfASheetIsReportedAtOnce() throws {
        var o = try JSONSerialization.jsonObject(with: EvaluationSheetJSON.encode(RealYear.sheet("511"))) as! [String: Any]
        o["fiscalYear"] = "2019"
        var policy = o["policy"] as! [String: Any]
        policy.removeValue(forKey: "name")
        o["policy"] = policy
        var projects = o["projects"] as! [String: Any]
        var rows = projects["rows"] as! [[String: Any]]
        rows[3]["amounts"] = [1, "many", 2.5]
        projects["rows"] = rows
        o["projects"] = projects
        let data = try JSONSerialization.data(withJSONObject: o)
        let r = EvaluationSheetJSON.decodeEach(data, file: "511.json")
        #expect(r.failures.count == 1)
        let pointers = r.failures[0].problems.map(\.location)
        #expect(pointers == ["511.json#/fiscalYear", "511.json#/policy/name",
                             "511.json#/projects/rows/3/amounts/1", "511.json#/projects/rows/3/amounts/2"])
    }

    @Test func invariantViolationsAreAllReportedWithTheirPointers() throws {
        var s = RealYear.sheet("511")
        s.policy.code = "../../x"
        s.projects.rows[0].amounts[0] = Amount.maximum + 1
        s.fiscalYear = Int.max
        let r = EvaluationSheetJSON.decodeEach(try EvaluationSheetJSON.encode(s), file: "511.json")
        #expect(r.failures.first?.problems.map(\.location) == [
            "511.json#/policy/code", "511.json#/projects/rows/0/amounts/0", "511.json#/fiscalYear"])
        #expect(r.failures.first?.problems.allSatisfy { $0.id == "json.invariant" } == true)
    }

    @Test func oneBadSheetOfAnArrayDoesNotStopTheOthers() throws {
        var sheets = try RealYear.sheets.map { try JSONSerialization.jsonObject(with: EvaluationSheetJSON.encode($0)) }
        var third = sheets[2] as! [String: Any]
        third["futureVision"] = 7
        sheets[2] = third
        let data = try JSONSerialization.data(withJSONObject: sheets)
        let r = EvaluationSheetJSON.decodeEach(data, file: "year.json")
        #expect(r.sheets.map(\.sheet.policy.code) == ["511", "512", "521", "522", "531", "532", "533", "541"])
        #expect(r.failures.map(\.location) == ["year.json#/2/futureVision"])
        #expect(r.sheets[2].sourceMap.describe(.policyCode) == "year.json#/3/policy/code")
    }

    @Test func anUnknownKeyIsANoteNotASilentDrop() {
        let text = Self.text511.replacingOccurrences(of: "\"futureVision\":", with: "\"futureVison\": \"typo\",\n  \"futureVision\":")
        let r = Self.read(text)
        #expect(r.failures.isEmpty)
        #expect(r.sheets.first?.notes.map(\.location) == ["511.json#/futureVison"])
        #expect(r.sheets.first?.notes.first?.id == "json.unknown-key")
    }
}
