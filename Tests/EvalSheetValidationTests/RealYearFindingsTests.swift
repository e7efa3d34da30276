import Testing
import Foundation
import EvalSheetModel
import EvalSheetText
import EvalSheetValidation
import TestSupport

/// The nine real FY2019 sheets validated together: no errors, and exactly the source's own
/// inconsistencies as warnings (seed-format.md §3.4 and §5).
@Suite("Findings on the real year")
struct RealYearFindingsTests {
    /// Every finding expected on the real year, in report order, with its Japanese message.
    static let expected: [(key: FindingKey, ja: String)] = [
        // 521 prints 4 目標値 for 5 year columns in all three indicators (令和7年度 blank).
        (.init("indicators.short-target-row", "521", .indicator(0, .target(4)), "kiyose-2019.txt:258"),
         "指標① 窓口調査ポイント平均点数(事後調査) の目標値が 4 年度分しかありません(令和7年度が空欄)"),
        (.init("indicators.short-target-row", "521", .indicator(1, .target(4)), "kiyose-2019.txt:261"),
         "指標② 職員の年次有給休暇取得日数 の目標値が 4 年度分しかありません(令和7年度が空欄)"),
        (.init("indicators.short-target-row", "521", .indicator(2, .target(4)), "kiyose-2019.txt:264"),
         "指標③ 清瀬市職員の接遇(窓口・電話対応等)について「誠実に対応していると感じる」と思う人の割合 の目標値が 4 年度分しかありません(令和7年度が空欄)"),
        (.init("directions.unused", "522", .direction(1, .number), "kiyose-2019.txt:319"),
         "施策の方向性 2「必要な変革に勇気を持って取り組む市職員の組織文化を育てます」に該当する構成事業がありません"),
        // 513 marks 文書管理事業 対象, 522 does not: a tie, so the first (513) is the reference.
        (.init("year.execution-plan-mismatch", "522", .project(0, .executionPlan), "kiyose-2019.txt:328"),
         "事業 0102010301 文書管理事業 の実行計画が施策によって異なります: 「対象」は施策 513、空欄は施策 522"),
        (.init("directions.unused", "531", .direction(2, .number), "kiyose-2019.txt:406"),
         "施策の方向性 3「施策や事務事業の見直しなどにより歳出を抑制します」に該当する構成事業がありません"),
        (.init("challenges.related-project-unknown", "531", .challenge(1, .relatedProject(0)), "kiyose-2019.txt:467"),
         "課題② の関連する事務事業名「国民健康保険事業特別会計繰入金」が、令和元年度のどの施策の構成事業にもありません"),
        (.init("challenges.related-project-unknown", "531", .challenge(3, .relatedProject(1)), "kiyose-2019.txt:476"),
         "課題④ の関連する事務事業名「融資事業」が、令和元年度のどの施策の構成事業にもありません"),
        // Only 532 marks 事務局一般事務事業 対象; 513, 531 and 541 leave it blank.
        (.init("year.execution-plan-mismatch", "532", .project(17, .executionPlan), "kiyose-2019.txt:520"),
         "事業 0110010203 事務局一般事務事業 の実行計画が施策によって異なります: 「対象」は施策 532、空欄は施策 513・531・541"),
        (.init("challenges.related-project-unknown", "533", .challenge(0, .relatedProject(1)), "kiyose-2019.txt:629"),
         "課題① の関連する事務事業名「その他関係事業」が、令和元年度のどの施策の構成事業にもありません"),
        // 532 marks 新庁舎建設事業 対象, 541 does not: a tie, so 532 is the reference.
        (.init("year.execution-plan-mismatch", "541", .project(5, .executionPlan), "kiyose-2019.txt:667"),
         "事業 0102010813 新庁舎建設事業 の実行計画が施策によって異なります: 「対象」は施策 532、空欄は施策 541"),
        (.init("projects.section-unknown", "541", .project(15, .section), "kiyose-2019.txt:677"),
         "事業 0102060102 監査委員活動事業 の担当課「監査委員事務局」が、施策の担当課(企画課)にも関係課にもありません(似た名前: 監査委員会事務局)"),
        (.init("projects.section-unknown", "541", .project(16, .section), "kiyose-2019.txt:678"),
         "事業 0102060103 監査委員事務局運営事業 の担当課「監査委員事務局」が、施策の担当課(企画課)にも関係課にもありません(似た名前: 監査委員会事務局)"),
        (.init("challenges.related-project-unknown", "541", .challenge(1, .relatedProject(1)), "kiyose-2019.txt:723"),
         "課題② の関連する事務事業名「公園整備事業」が、令和元年度のどの施策の構成事業にもありません(似た名前: 公園管理事業)"),
        (.init("challenges.related-project-unknown", "541", .challenge(3, .relatedProject(0)), "kiyose-2019.txt:731"),
         "課題④ の関連する事務事業名「包括的支援事業・任意事業」が、令和元年度のどの施策の構成事業にもありません"),
        (.init("challenges.related-project-unknown", "541", .challenge(3, .relatedProject(1)), "kiyose-2019.txt:731"),
         "課題④ の関連する事務事業名「介護予防・生活支援サービス事業」が、令和元年度のどの施策の構成事業にもありません"),
        (.init("challenges.related-project-unknown", "541", .challenge(3, .relatedProject(2)), "kiyose-2019.txt:731"),
         "課題④ の関連する事務事業名「在宅サービス運営事業」が、令和元年度のどの施策の構成事業にもありません"),
    ]

    static let findings = Validator.validate(RealYear.loaded)

    @Test("no errors; 17 warnings; no infos")
    func counts() {
        #expect(!Findings.hasErrors(Self.findings))
        #expect(Self.findings.filter { $0.severity == .warning }.count == 17)
        #expect(Self.findings.count == 17)
        #expect(Findings.summary(Self.findings) == "エラー 0 件、警告 17 件")
    }

    @Test("the findings are exactly the source's inconsistencies (rule, policy, value)")
    func exactPaths() {
        let actual = Self.findings.map { "\($0.ruleID) \($0.policy) \($0.path!.jsonPointer)" }.sorted()
        let expected = Self.expected.map { "\($0.key.rule) \($0.key.policy) \($0.key.pointer)" }.sorted()
        #expect(actual == expected)
    }

    @Test("the whole report, in order, with locations and messages")
    func exactReport() {
        #expect(Self.findings.map(FindingKey.init) == Self.expected.map(\.key))
        #expect(Self.findings.map(\.message.ja).sorted() == Self.expected.map(\.ja).sorted())
        #expect(Self.findings.allSatisfy { !$0.message.en.isEmpty && $0.file == "kiyose-2019.txt" })
    }

    @Test("the 実行計画 mismatch is one warning per code, naming every policy involved")
    func executionPlanCounting() {
        let plan = Self.findings.filter { $0.ruleID == "year.execution-plan-mismatch" }
        #expect(plan.count == 3)
        #expect(plan.map(\.policy) == ["522", "532", "541"])
        #expect(plan[1].message.en == "project 0110010203 (事務局一般事務事業): 実行計画 differs between policies: 対象 in policy 532, blank in policies 513, 531, 541")
    }

    @Test("each policy file alone reports its own per-sheet findings at its own lines")
    func singleFile() throws {
        let url = RepositoryPaths.sampleYear.appendingPathComponent("541.txt")
        let loaded = try TextFormReader.read(contentsOf: url, displayName: "541.txt")
        let sections = Validator.validate(loaded).filter { $0.ruleID == "projects.section-unknown" }
        let text = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        #expect(sections.count == 2)
        for f in sections {
            let line = try #require(Int(f.location.dropFirst("541.txt:".count)))
            #expect(f.location.hasPrefix("541.txt:"))
            #expect(text[line - 1].contains("\t監査委員事務局\t"))
        }
    }
}
