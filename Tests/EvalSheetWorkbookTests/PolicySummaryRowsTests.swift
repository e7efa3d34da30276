import Testing
import EvalSheetModel
import EvalSheetWorkbook
import TestSupport

/// The index's rows a batch holds compactly read back as the summaries appended, field by field,
/// in the order a stable sort by code gives, with the counts set afterwards.
@Suite("Index rows held compactly")
struct PolicySummaryRowsTests {
    /// Every field of two summaries, the fiscal year, goal, department, section and columns too
    /// (which `PolicySummary`'s own `==` does not compare).
    static func same(_ a: PolicySummary, _ b: PolicySummary) -> Bool {
        a == b && a.fiscalYear == b.fiscalYear && a.goal == b.goal && a.department == b.department
            && a.section == b.section && a.columns == b.columns
    }

    /// The real year's summaries and some at the edges: extreme amounts, every kind of rate, no
    /// workbook, empty and long texts, NFD spellings, a code repeated.
    static var summaries: [PolicySummary] {
        var all = RealYear.sheets.map { PolicySummary($0, errors: 1, warnings: 2, workbook: "\($0.policy.code).xlsx") }
        var edge = all[0]
        edge.code = "999"
        edge.name = String(repeating: "施策の名前", count: 400)
        edge.totals = [Int.min, Int.max, 0, -1, 128]
        edge.latestRates = [(1, .blank), (2, .notApplicable), (Int.max, IndicatorValue(parsing: "94.8%")!), (-3, IndicatorValue(parsing: "32.2(※)")!)]
        edge.workbook = nil
        edge.fiscalYear = -2019
        edge.goal = CodedName(code: "", name: "")
        edge.department = ""
        edge.section = "ト\u{3099}ライ"  // NFD: kept as spelled
        edge.rating = "停滞"
        edge.columns = []
        edge.errors = Int.max
        edge.warnings = Int.min
        all.append(edge)
        var repeated = all[3]
        repeated.name = "同じコードの二つ目"
        all.append(repeated)
        var empty = all[1]
        (empty.totals, empty.latestRates, empty.code, empty.name) = ([], [], "", "")
        all.append(empty)
        return all
    }

    @Test("each row reads back as appended, every field; counts as given")
    func roundTrip() {
        let summaries = Self.summaries
        let rows = PolicySummaryRows(summaries)
        #expect(rows.count == summaries.count)
        for (i, s) in summaries.enumerated() {
            #expect(Self.same(rows[i], s), "row \(i)")
            #expect(rows[i].section.unicodeScalars.elementsEqual(s.section.unicodeScalars))
            #expect(rows[i].latestRates.map(\.number) == s.latestRates.map(\.number))
        }
    }

    @Test("sorted by code as a stable sort of the summaries sorts them; rows appended after sorting stay in code order once sorted again")
    func order() {
        let summaries = Self.summaries
        var rows = PolicySummaryRows(summaries)
        rows.sortByCode()
        let expected = summaries.sorted { $0.code < $1.code }
        #expect(rows.count == expected.count)
        #expect(zip(rows, expected).allSatisfy(Self.same))
        // The repeated code: the first appended comes first.
        let repeated = rows.filter { $0.code == summaries[3].code }
        #expect(repeated.map(\.name) == [summaries[3].name, "同じコードの二つ目"])
        rows.append(summaries[0])
        #expect(Self.same(rows[rows.count - 1], summaries[0]))
        rows.sortByCode()
        #expect(zip(rows, (summaries + [summaries[0]]).sorted { $0.code < $1.code }).allSatisfy(Self.same))
    }

    @Test("canonically equal texts spelled otherwise (NFC, NFD) read back as each row spelled them")
    func spellings() {
        var nfc = Self.summaries[0], nfd = Self.summaries[1]
        (nfc.department, nfc.section, nfc.rating) = ("ガ部", "ガ課", "ダメ")
        (nfd.department, nfd.section, nfd.rating) = ("カ\u{3099}部", "カ\u{3099}課", "タ\u{3099}メ")
        nfc.goal = CodedName(code: "1", name: "ドア")
        nfd.goal = CodedName(code: "1", name: "ト\u{3099}ア")
        #expect(nfc.department == nfd.department && nfc.goal == nfd.goal)  // equal as Strings
        let rows = PolicySummaryRows([nfc, nfd, nfc])
        for (row, s) in zip(rows, [nfc, nfd, nfc]) {
            for (got, want) in [(row.department, s.department), (row.section, s.section), (row.rating, s.rating), (row.goal.name, s.goal.name)] {
                #expect(got.utf8.elementsEqual(want.utf8), "\(Array(got.utf8)) ≠ \(Array(want.utf8))")
            }
        }
    }

    @Test("counts set from the code replace those appended")
    func counts() {
        var rows = PolicySummaryRows(Self.summaries)
        rows.sortByCode()
        rows.setCounts { code in (code.count, code.isEmpty ? -1 : 7) }
        for r in rows {
            #expect(r.errors == r.code.count)
            #expect(r.warnings == (r.code.isEmpty ? -1 : 7))
        }
    }
}
