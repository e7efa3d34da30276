import Foundation
import Testing
import EvalSheetModel
import EvalSheetText
import EvalSheetValidation
import TestSupport

@Suite("Finding reports, ordering and JSON pointers")
struct ReportTests {
    static let findings = Validator.validate(RealYear.loaded)

    @Test("text report: heading, one line per finding, count")
    func text() {
        let lines = Findings.renderText(Self.findings).components(separatedBy: "\n")
        #expect(lines.first == "kiyose-2019.txt")
        #expect(lines.count == 1 + 17 + 1 + 1)  // heading, findings, count, final empty string
        #expect(lines.contains("kiyose-2019.txt:677: [警告] projects.section-unknown: 事業 0102060102 監査委員活動事業 の担当課「監査委員事務局」が、施策の担当課(企画課)にも関係課にもありません(似た名前: 監査委員会事務局)"))
        #expect(lines[18] == "エラー 0 件、警告 17 件")
        let en = Findings.renderText(Self.findings, language: .en)
        #expect(en.contains("kiyose-2019.txt:328: [warning] year.execution-plan-mismatch: project 0102010301 (文書管理事業): 実行計画 differs between policies: 対象 in policy 513, blank in policy 522\n"))
        #expect(en.hasSuffix("0 errors, 17 warnings\n"))
        #expect(Findings.renderText([]) == "問題は見つかりませんでした\n")
    }

    @Test("the nine policy files validated together: the same findings, grouped by file, with a total")
    func perPolicyFiles() throws {
        let loaded = try RepositoryPaths.policyCodes.flatMap { code in
            try TextFormReader.read(contentsOf: RepositoryPaths.sampleYear.appendingPathComponent("\(code).txt"),
                                    displayName: "\(code).txt")
        }
        let findings = Validator.validate(loaded)
        let key = { (f: Finding) in "\(f.ruleID) \(f.policy) \(f.path!.jsonPointer)" }
        #expect(findings.map(key).sorted() == Self.findings.map(key).sorted())
        #expect(findings.allSatisfy { $0.file == "\($0.policy).txt" && $0.location.hasPrefix($0.file + ":") })
        let text = Findings.renderText(findings)
        let headings = text.components(separatedBy: "\n").filter { $0.hasSuffix(".txt") }
        #expect(headings == ["521.txt", "522.txt", "531.txt", "532.txt", "533.txt", "541.txt"])
        #expect(text.hasSuffix("\n合計(6 ファイル): エラー 0 件、警告 17 件\n"))
    }

    @Test("JSON report round-trips and carries pointer and both messages")
    func json() throws {
        let json = Findings.renderJSON(Self.findings)
        #expect(try Findings.decodeJSON(Data(json.utf8)) == Self.findings)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(objects.count == 17)
        let first = objects[3]
        #expect(first["ruleID"] as? String == "directions.unused")
        #expect(first["severity"] as? String == "warning")
        #expect(first["policy"] as? String == "522")
        #expect(first["location"] as? String == "kiyose-2019.txt:319")
        #expect(first["pointer"] as? String == "/directions/1/number")
        let message = try #require(first["message"] as? [String: String])
        #expect(message["ja"]?.hasPrefix("施策の方向性 2「") == true)
        #expect(message["en"]?.hasPrefix("no project in §3 serves direction 2") == true)
    }

    @Test("the JSON report as bytes is renderJSON's text, empty or not")
    func jsonBytes() {
        #expect(Findings.renderJSONData(Self.findings) == Data(Findings.renderJSON(Self.findings).utf8))
        #expect(Findings.renderJSONData([]) == Data(Findings.renderJSON([]).utf8))
    }

    @Test("sorting in place gives merged's order, whatever order the findings come in")
    func sortInPlace() {
        let pieces = RealYear.loaded.map { Validator.validate([$0], sheetRules: Validator.sheetRules, yearRules: []) }
        let year = Validator.validate(RealYear.loaded, sheetRules: [], yearRules: Validator.yearRules)
        for order in [pieces.flatMap { $0 } + year, year + pieces.reversed().flatMap { $0 }, Array((pieces.flatMap { $0 } + year).reversed())] {
            var sorted = order
            Findings.sortInReportOrder(&sorted)
            #expect(sorted == Findings.merged(order))
            #expect(sorted.map(\.location) == Findings.merged(order).map(\.location))
        }
    }

    @Test("cells sort by row and column, pointers by index, not as text")
    func ordering() {
        var sheet = RealYear.loaded[6]  // 532: 29 projects
        sheet.sheet.projects.rows[9].code = "X"
        sheet.sheet.projects.rows[10].code = "Y"
        sheet.sheet.evaluation.rating = Rating(rawValue: "?")
        var cells = sheet
        cells.sourceMap = SourceMap(file: "532.xlsx", locations: [
            .project(9, .code): .cell(sheet: "3 構成事業", cell: "A12"),
            .project(10, .code): .cell(sheet: "3 構成事業", cell: "A9"),
            .rating: .cell(sheet: "5 評価", cell: "B2"),
        ])
        #expect(Validator.validate([cells]).map(\.location) == ["532.xlsx '3 構成事業'!A9", "532.xlsx '3 構成事業'!A12", "532.xlsx '5 評価'!B2"])
        var json = sheet
        json.sourceMap = SourceMap(file: "532.json", usesJSONPointers: true)
        #expect(Validator.validate([json]).map(\.location) == [
            "532.json#/projects/rows/9/code", "532.json#/projects/rows/10/code", "532.json#/evaluation/rating",
        ])
    }

    static let paths: [FieldPath] = [
        .fiscalYear, .policyCode, .policyName, .visionCode, .visionName, .goalCode, .goalName, .department, .section,
        .subsection, .person, .title, .phoneExtension, .relatedSection(3), .futureVision, .direction(1, .number),
        .direction(2, .text), .moneyColumn(2), .project(10, .code), .project(1, .name), .project(0, .executionPlan),
        .project(4, .directions), .project(5, .section), .project(6, .amount(2)), .projectTotal(1), .indicatorYear(4),
        .indicator(0, .number), .indicator(1, .name), .indicator(2, .description), .indicator(0, .unit),
        .indicator(0, .method), .indicator(0, .direction), .indicator(1, .target(4)), .indicator(2, .actual(1)),
        .indicator(0, .rate(0)), .indicatorFootnote, .rating, .ratingReason, .factor(7, .category),
        .factor(0, .status), .factor(1, .assessments), .factor(2, .reason), .challenge(3, .number),
        .challenge(0, .challenge), .challenge(1, .relatedProject(2)), .challenge(2, .current), .challenge(0, .future),
        .futureActionsFromYear,
    ]

    @Test("every path reads back from its JSON pointer", arguments: paths)
    func pointer(_ path: FieldPath) {
        #expect(FieldPath(jsonPointer: path.jsonPointer) == path)
    }

    @Test("pointers that name no field", arguments: ["", "/", "/projects/rows/x/code", "/projects/rows/01/code",
                                                     "/policy", "/challenges/0/relatedProjects", "/environment/0/color"])
    func badPointer(_ pointer: String) {
        #expect(FieldPath(jsonPointer: pointer) == nil)
    }
}
