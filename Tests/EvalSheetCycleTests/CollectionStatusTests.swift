import Foundation
import Testing
import EvalSheetModel
@testable import EvalSheetCycle
import EvalSheetValidation
import TestSupport

/// The collection status of a rolled-over year: each sent policy returned or not, and in what state;
/// every returned file that is not used is reported with its reason.
@Suite("Collection status of a year sent out")
struct CollectionStatusTests {
    static func sent() throws -> [LoadedSheet] {
        try RealYear.sheets.map { s in
            let next = try Rollover.nextYear(of: s, to: 2020)
            return LoadedSheet(sheet: next, sourceMap: SourceMap(file: "sent/\(s.policy.code).json", usesJSONPointers: true))
        }
    }

    /// What a department returns when it has filled everything: the year's 決算, actuals equal to the
    /// targets (rate 100.0%), a rating and a reason.
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

    static func returned(_ file: String, _ sheets: [EvaluationSheet], problems: [ReaderNote] = []) -> CollectionStatus.Returned {
        .init(file: file, sheets: sheets.map { LoadedSheet(sheet: $0, sourceMap: SourceMap(file: file, usesJSONPointers: true)) },
              problems: problems)
    }

    @Test func eachPolicyAndEachStrayFileIsReportedAsWhatItIs() throws {
        let sent = try Self.sent()
        func s(_ code: String) -> EvaluationSheet { sent.first { $0.sheet.policy.code == code }!.sheet }
        var wrongRating = Self.filled(s("511"))
        wrongRating.evaluation.rating = Rating(rawValue: "良好")
        var foreign = Self.filled(s("513"))
        foreign.policy.code = "999"
        var returned = [
            Self.returned("back/a/511.xlsx", [wrongRating]),
            Self.returned("back/512 返却.xlsx", [s("512")]),
            Self.returned("back/b/c/513.json", [Self.filled(s("513"))]),
            Self.returned("back/521.xlsx", [Self.filled(s("521"))]),
            Self.returned("back/521 (2).xlsx", [Self.filled(s("521"))]),
            Self.returned("back/522-old.txt", [RealYear.sheet("522")]),
            Self.returned("back/other.xlsx", [foreign]),
            Self.returned("back/memo.docx", [], problems: [ReaderNote(id: "input.unsupported", message: .init(ja: "対応していない形式です", en: "unsupported"), file: "back/memo.docx", location: "back/memo.docx")]),
        ]
        for code in ["522", "531", "532", "533"] { returned.append(Self.returned("back/x/\(code).xlsx", [Self.filled(s(code))])) }
        let status = CollectionStatus(sent: sent, returned: returned)
        let states = Dictionary(uniqueKeysWithValues: status.rows.map { ($0.code, $0.state) })
        #expect(states == ["511": .errors, "512": .blanks, "513": .complete, "521": .duplicate, "522": .complete,
                           "531": .complete, "532": .complete, "533": .complete, "541": .missing])
        let row511 = try #require(status.rows.first { $0.code == "511" })
        #expect(row511.errors == 1 && row511.returnedFiles == ["back/a/511.xlsx"])
        let row512 = try #require(status.rows.first { $0.code == "512" })
        #expect(row512.blanks == s("512").projects.rows.count + s("512").indicators.items.count + 2)
        #expect(row512.changedFields == 0)
        let row513 = try #require(status.rows.first { $0.code == "513" })
        #expect(row513.changedFields > 0 && row513.blanks == 0 && row513.errors == 0)
        #expect(status.rows.first { $0.code == "521" }?.returnedFiles == ["back/521.xlsx", "back/521 (2).xlsx"])
        #expect(status.strays.map(\.file) == ["back/522-old.txt", "back/other.xlsx", "back/memo.docx"])
        #expect(status.strays.map(\.reason) == [.otherYear, .notSent, .unreadable])
        #expect(status.strays[0].message.ja == "施策 522 の令和元年度のシートです(送付したのは令和2年度)")
        #expect(!status.isComplete)
    }

    @Test("a reference typed over is said at each changed place; a project row added (its reference blank) is no change")
    func referenceChangesByPlace() throws {
        let sent = try Self.sent()
        let s511 = try #require(sent.first { $0.sheet.policy.code == "511" })
        var back = Self.filled(s511.sheet)
        back.lastYear?.budgetAmounts[2].amount = 9_999
        back.lastYear?.reason = "書き換えた理由"
        back.projects.rows.append(Project(code: "0199999999", name: "新規事業", inExecutionPlan: false, directions: [1], section: "企画課",
                                          amounts: [nil, 500, nil]))
        back.lastYear?.budgetAmounts.append(ProjectAmount(code: "0199999999", amount: nil))
        back.projects.totals = back.projects.computedTotals.map { $0 }
        let reference = try #require(back.lastYear)
        #expect(reference.changedFields(from: s511.sheet.lastYear!) == [.lastYearBudget(2), .lastYearReason])
        let status = CollectionStatus(sent: sent, returned: [Self.returned("back/511.json", [back])])
        #expect(status.notes.count == 2)
        #expect(status.notes.allSatisfy { $0.id == "cycle.reference-changed" })
        // A budget typed for the added row is a change too; the same reference is none.
        var typed = reference
        typed.budgetAmounts[typed.budgetAmounts.count - 1].amount = 1
        #expect(typed.changedFields(from: s511.sheet.lastYear!) == [.lastYearBudget(2), .lastYearBudget(typed.budgetAmounts.count - 1), .lastYearReason])
        #expect(s511.sheet.lastYear!.changedFields(from: s511.sheet.lastYear!).isEmpty)
    }

    @Test("a reference column gone from the workbook returned (its heading deleted) is said at the cell the sheet sent had it in")
    func aDeletedReferenceColumnIsSaidWhereItWas() throws {
        let sent = try Self.sent()
        let s511 = try #require(sent.first { $0.sheet.policy.code == "511" })
        var sentMap = SourceMap(file: "sent/511.xlsx")
        sentMap[.lastYearBudget(0)] = .cell(sheet: "3 構成事業", cell: "H5")
        var back = Self.filled(s511.sheet)
        back.lastYear?.budget = nil
        back.lastYear?.budgetAmounts = []
        var backMap = SourceMap(file: "back/511.xlsx")
        backMap.sections[3] = .cell(sheet: "3 構成事業", cell: "A1")
        let status = CollectionStatus(sent: [LoadedSheet(sheet: s511.sheet, sourceMap: sentMap)],
                                      returned: [.init(file: "back/511.xlsx", sheets: [LoadedSheet(sheet: back, sourceMap: backMap)], problems: [])])
        #expect(status.notes.map(\.location) == ["back/511.xlsx '3 構成事業'!H5"])
        #expect(status.notes.first?.message.ja == "前年度の参考(予算)の列が、返ってきたシートにありません(見出しが消されたか、列が削除されています)。状況は送付した参考で判定しました")
        #expect(status.rows.first?.state == .complete)
    }

    @Test("money columns or indicator years changed from those sent (a locked header typed over) are errors at the header")
    func formChangesAreErrors() throws {
        let sent = try Self.sent()
        let s511 = try #require(sent.first { $0.sheet.policy.code == "511" })
        var back = Self.filled(s511.sheet)
        back.projects.columns[1] = try #require(MoneyColumn(label: "令和3年度決算"))
        back.indicators.years[1] = 2021
        let status = CollectionStatus(sent: sent, returned: [Self.returned("back/511.json", [back])])
        #expect(status.formChanges.map(\.path) == [.moneyColumn(1), .indicatorYear(1)])
        #expect(status.formChanges.allSatisfy { $0.ruleID == "cycle.form-changed" && $0.severity == .error })
        #expect(status.formChanges[0].message.ja == "金額の列が送付したシート(令和元年度決算・令和2年度決算・令和3年度予算)と違います(令和元年度決算・令和3年度決算・令和3年度予算)。見出しを送付したとおりに戻してください")
        let row = try #require(status.rows.first { $0.code == "511" })
        #expect(row.state == .errors && row.errors == 2)
        #expect(!status.isComplete)
    }

    @Test("a header deleted in the copy is an error at the cell the sheet sent has it in, not at the next header")
    func aDeletedHeaderIsPlacedWhereItWas() throws {
        let s511 = try #require(try Self.sent().first { $0.sheet.policy.code == "511" })
        var sentMap = SourceMap(file: "sent/511.xlsx"), backMap = SourceMap(file: "back/511.xlsx")
        for (k, column) in ["G", "H", "I", "J"].enumerated() {
            sentMap[.indicatorYear(k)] = .cell(sheet: "4 まちづくり指標", cell: "\(column)3")
        }
        var back = Self.filled(s511.sheet)
        back.indicators.years.remove(at: 1)  // H3 deleted: the copy's second year header is I3
        for i in back.indicators.items.indices {
            back.indicators.items[i].targets.remove(at: 1)
            back.indicators.items[i].actuals.remove(at: 1)
            back.indicators.items[i].rates.remove(at: 1)
        }
        for (k, column) in ["G", "I", "J"].enumerated() { backMap[.indicatorYear(k)] = .cell(sheet: "4 まちづくり指標", cell: "\(column)3") }
        let changes = CollectionStatus.formChanges(sent: LoadedSheet(sheet: s511.sheet, sourceMap: sentMap),
                                                   returned: LoadedSheet(sheet: back, sourceMap: backMap))
        #expect(changes.map(\.location) == ["back/511.xlsx '4 まちづくり指標'!H3"])
    }

    @Test("an unreadable returned file names its first five problems and counts the rest")
    func anUnreadableFileNamesItsProblems() throws {
        let problems = (1...7).map { i in
            ReaderNote(id: "xlsx.amount", message: .init(ja: "金額が読めません \(i)", en: "bad amount \(i)"), file: "back/511.xlsx",
                       location: "back/511.xlsx '3 構成事業'!G\(i + 4)")
        }
        let status = CollectionStatus(sent: try Self.sent(), returned: [Self.returned("back/511.xlsx", [], problems: problems)])
        let stray = try #require(status.strays.first)
        #expect(stray.reason == .unreadable)
        #expect(stray.message.ja == "施策評価シートとして読めません(" + (1...5).map { "back/511.xlsx '3 構成事業'!G\($0 + 4): 金額が読めません \($0)" }
            .joined(separator: " / ") + " / ほか 2 件)")
        #expect(stray.message.en.hasSuffix("back/511.xlsx '3 構成事業'!G9: bad amount 5 / and 2 more)"))
        // The policy the file is named after came back with errors: it is not "not returned".
        let row = try #require(status.rows.first { $0.code == "511" })
        #expect(row.state == .errors && row.errors == 7 && row.returnedFiles == ["back/511.xlsx"])
        #expect(status.rows.filter { $0.code != "511" }.allSatisfy { $0.state == .missing })
        #expect(CollectionStatus.isNamed("back/511 (2).xlsx", after: "511") && CollectionStatus.isNamed("x/511_企画課.json", after: "511"))
        #expect(!CollectionStatus.isNamed("back/5110.xlsx", after: "511") && !CollectionStatus.isNamed("back/a511.xlsx", after: "511"))
    }

    @Test func everythingReturnedCompleteIsComplete() throws {
        let sent = try Self.sent()
        let status = CollectionStatus(sent: sent, returned: sent.map { Self.returned("back/\($0.sheet.policy.code).xlsx", [Self.filled($0.sheet)]) })
        #expect(status.rows.allSatisfy { $0.state == .complete })
        #expect(status.isComplete)
        #expect(status.count(.complete) == 9)
    }

    @Test func aReturnedFormatWithoutTheReferenceIsJudgedByWhatWasSent() throws {
        let sent = try Self.sent()
        var bare = sent[1].sheet
        bare.lastYear = nil  // as read from a format that does not carry last year's reference
        var filled = Self.filled(sent[0].sheet)
        filled.lastYear = nil
        let status = CollectionStatus(sent: Array(sent[0...1]), returned: [Self.returned("back/511.xlsx", [filled]),
                                                                           Self.returned("back/512.xlsx", [bare])])
        #expect(status.rows.map(\.state) == [.complete, .blanks])
        #expect(status.rows[1].errors == 0, "a blank rating is still to fill, not a wrong rating")
        #expect(status.rows[1].blanks == bare.projects.rows.count + bare.indicators.items.count + 2)
        #expect(status.rows.map(\.changedFields) == [status.rows[0].changedFields, 0])
    }
}
