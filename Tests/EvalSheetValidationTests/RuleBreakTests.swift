import Testing
import EvalSheetModel
import EvalSheetText
import EvalSheetValidation
import TestSupport

/// The real year's text broken in exactly one place (some breaks need two edits to stay one
/// break, e.g. a shared amount with its policy's total), read back, validated: exactly one new
/// finding — of the broken rule, on the broken value, at the broken line — and none lost.
struct BreakCase: Sendable, CustomTestStringConvertible {
    var name: String
    var edits: [LineEdit]
    var rule: String
    var policy: String
    var path: FieldPath
    var line: Int
    /// Text the Japanese message must contain.
    var ja: String

    var testDescription: String { "\(rule): \(name)" }

    static let all: [BreakCase] = [
        // projects.total
        .init(name: "printed total off by one", edits: [.replace(31, "108,114", "108,115")],
              rule: "projects.total", policy: "511", path: .projectTotal(1), line: 31,
              ja: "総事業費(令和元年度決算)が事業の合計と一致しません: 表示 108,115 / 合計 108,114"),
        .init(name: "a project amount changed", edits: [.replace(25, "2,500", "2,600")],
              rule: "projects.total", policy: "511", path: .projectTotal(2), line: 31,
              ja: "総事業費(令和2年度予算)が事業の合計と一致しません: 表示 185,074 / 合計 185,174"),
        .init(name: "printed total blank", edits: [.replace(31, "95,024", "")],
              rule: "projects.total", policy: "511", path: .projectTotal(0), line: 31,
              ja: "総事業費(平成30年度決算)が空欄ですが、事業の合計は 95,024 です"),
        // indicators.rate
        .init(name: "rate off by 0.1", edits: [.replace(112, "94.8%", "94.9%")],
              rule: "indicators.rate", policy: "512", path: .indicator(0, .rate(0)), line: 112,
              ja: "指標① 協働で提供されている行政サービスの数 の達成率(平成30年度)が計算と一致しません: 表示 94.9% / 計算 94.8%(実績値 55 ÷ 目標値 58)"),
        .init(name: "lower-is-better rate off by 0.1", edits: [.replace(432, "97.5%", "97.6%")],
              rule: "indicators.rate", policy: "531", path: .indicator(0, .rate(1)), line: 432,
              ja: "表示 97.6% / 計算 97.5%(目標値 92.7 ÷ 実績値 95.1、低いほど良い指標)"),
        .init(name: "target 0 with a printed rate", edits: [.replace(110, "目標値\t58", "目標値\t0")],
              rule: "indicators.rate", policy: "512", path: .indicator(0, .rate(0)), line: 112,
              ja: "の達成率(平成30年度)を計算できません(目標値が 0): 表示 94.8%"),
        // indicators.rate-presence
        .init(name: "rate missing next to two numbers", edits: [.replace(112, "94.8%", "")],
              rule: "indicators.rate-presence", policy: "512", path: .indicator(0, .rate(0)), line: 112,
              ja: "達成率(平成30年度)が空欄です: 目標値 58、実績値 55(計算すると 94.8%)"),
        .init(name: "rate printed next to —", edits: [.replace(38, "達成率\t—", "達成率\t50.0%")],
              rule: "indicators.rate-presence", policy: "511", path: .indicator(0, .rate(0)), line: 38,
              ja: "達成率(平成30年度)が表示されていますが、目標値または実績値が数値ではありません"),
        // environment.assessment
        .init(name: "code 4", edits: [.replace(58, "3. 施策の必要性を高める", "4. 施策の必要性を高める")],
              rule: "environment.assessment", policy: "511", path: .factor(1, .assessments), line: 58,
              ja: "外部要因「将来人口の推移」の外部要因に対する評価「4. 施策の必要性を高める」の番号 4 は 1〜3 のいずれでもありません"),
        .init(name: "label of another code", edits: [.replace(62, "1. 施策遂行に役立つ・有利", "1. 施策遂行に不利")],
              rule: "environment.assessment", policy: "511", path: .factor(5, .assessments), line: 62,
              ja: "「1. 施策遂行に不利」の文言が、番号 1 の「施策遂行に役立つ・有利」と一致しません"),
        .init(name: "descending codes",
              edits: [.replace(58, "2. 施策遂行に不利 3. 施策の必要性を高める", "3. 施策の必要性を高める 2. 施策遂行に不利")],
              rule: "environment.assessment", policy: "511", path: .factor(1, .assessments), line: 58,
              ja: "番号の小さい順(重複なし)になっていません: 3, 2"),
        .init(name: "repeated code (541's no-space form)",
              edits: [.replace(712, "1.施策遂行に役立つ・有利 3.施策の必要性を高める", "3.施策の必要性を高める 3.施策の必要性を高める")],
              rule: "environment.assessment", policy: "541", path: .factor(4, .assessments), line: 712,
              ja: "外部要因「法・制度改正の動向」の外部要因に対する評価が番号の小さい順(重複なし)になっていません: 3, 3"),
        // environment.category
        .init(name: "unknown category", edits: [.replace(62, "技術革新の動向", "技術革新の状況")],
              rule: "environment.category", policy: "511", path: .factor(5, .category), line: 62,
              ja: "外部要因「技術革新の状況」は様式の区分(市民ニーズの状況、将来人口の推移、他自治体との比較、民間企業・NPO・市民の動向、法・制度改正の動向、技術革新の動向、その他)のいずれでもありません。「技術革新の動向」のことですか"),
        // projects.code-format
        .init(name: "9 digits", edits: [.replace(25, "0102010806", "010201080")],
              rule: "projects.code-format", policy: "511", path: .project(0, .code), line: 25,
              ja: "事業番号「010201080」が半角数字10桁ではありません(事務事業名: 市民まつり事業)"),
        .init(name: "full-width digits", edits: [.replace(30, "0110050114", "０１１００５０１１４")],
              rule: "projects.code-format", policy: "511", path: .project(5, .code), line: 30,
              ja: "事業番号「０１１００５０１１４」が半角数字10桁ではありません"),
        // projects.code-unique
        .init(name: "a code repeated", edits: [.replace(30, "0110050114", "0110050118")],
              rule: "projects.code-unique", policy: "511", path: .project(5, .code), line: 30,
              ja: "事業番号 0110050118 が構成事業の中で重複しています(5番目の「学校支援本部事業」と6番目の「下清戸集会所運営管理事業」)"),
        // policy.code-prefix
        .init(name: "policy code outside its goal", edits: [.replace(7, "511", "611")],
              rule: "policy.code-prefix", policy: "611", path: .policyCode, line: 7,
              ja: "施策コード 611 が、まちづくりの基本目標のコード 51 で始まっていません"),
        .init(name: "goal code outside its vision", edits: [.replace(86, "将来像\t5\t", "将来像\t6\t")],
              rule: "policy.code-prefix", policy: "512", path: .goalCode, line: 87,
              ja: "まちづくりの基本目標のコード 51 が、将来像のコード 6 で始まっていません"),
        // projects.direction-undeclared
        .init(name: "direction 3 of 2", edits: [.replace(25, "\t\t2\t", "\t\t3\t")],
              rule: "projects.direction-undeclared", policy: "511", path: .project(0, .directions), line: 25,
              ja: "事業 0102010806 市民まつり事業 の施策の方向性 3 は「2. 施策の方向」にありません(施策の方向性: 1, 2)"),
        // directions.unused
        .init(name: "512 direction 2 left without projects", edits: [.replace(103, "\t1,2\t", "\t1\t")],
              rule: "directions.unused", policy: "512", path: .direction(1, .number), line: 96,
              ja: "施策の方向性 2「まちづくりに参加したい多様な主体への情報提供を充実します」に該当する構成事業がありません"),
        // indicators.years
        .init(name: "a year header repeated", edits: [.replace(35, "令和4年度\t令和7年度", "令和4年度\t令和4年度")],
              rule: "indicators.years", policy: "511", path: .indicatorYear(4), line: 35,
              ja: "まちづくり指標の年度見出しで令和4年度が2回あります(4番目と5番目)"),
        .init(name: "two year headers swapped", edits: [.replace(35, "令和2年度\t令和4年度", "令和4年度\t令和2年度")],
              rule: "indicators.years", policy: "511", path: .indicatorYear(3), line: 35,
              ja: "まちづくり指標の年度見出しが年度順ではありません: 令和4年度の次に令和2年度"),
        // indicators.short-target-row (533 has one indicator, so its name row is located exactly)
        .init(name: "533's last target removed", edits: [.replace(604, "\t14\t14\t14\t14\t14", "\t14\t14\t14\t14")],
              rule: "indicators.short-target-row", policy: "533", path: .indicator(0, .target(4)), line: 604,
              ja: "の目標値が 4 年度分しかありません(令和7年度が空欄)"),
        // indicators.footnote
        .init(name: "note removed while (※) values remain", edits: [.clearLine(43, "※平成29年度実績値を記載")],
              rule: "indicators.footnote", policy: "511", path: .indicator(0, .actual(1)), line: 37,
              ja: "指標① 地域のつながりや交流できていると思う人の割合 の実績値(令和元年度)「32.2(※)」に(※)が付いていますが、表の下に注記(※…)がありません"),
        .init(name: "note added without (※) values", edits: [.fillEmptyLine(349, "※平成29年度実績値を記載")],
              rule: "indicators.footnote", policy: "522", path: .indicatorFootnote, line: 349,
              ja: "注記「※平成29年度実績値を記載」がありますが、(※)の付いた値がありません"),
        // projects.section-unknown
        .init(name: "担当課 not in 関係課", edits: [.replace(25, "企画課", "企画部")],
              rule: "projects.section-unknown", policy: "511", path: .project(0, .section), line: 25,
              ja: "事業 0102010806 市民まつり事業 の担当課「企画部」が、施策の担当課(企画課)にも関係課にもありません(似た名前: 企画課)"),
        // challenges.related-project-unknown
        .init(name: "related project misspelt", edits: [.replace(69, "市民協働推進事業", "市民協同推進事業")],
              rule: "challenges.related-project-unknown", policy: "511", path: .challenge(0, .relatedProject(0)), line: 69,
              ja: "課題① の関連する事務事業名「市民協同推進事業」が、令和元年度のどの施策の構成事業にもありません(似た名前: 市民協働推進事業)"),
        // year.project-mismatch
        .init(name: "a shared amount differs in one policy (its total adjusted)",
              edits: [.replace(423, "115,706", "115,707"), .replace(425, "556,806", "556,807")],
              rule: "year.project-mismatch", policy: "531", path: .project(9, .amount(1)), line: 423,
              ja: "事業 0110010203 事務局一般事務事業 の令和元年度決算が他の施策と異なります: この施策 115,707 / 施策 513・532・541 では 115,706"),
        .init(name: "a shared name differs", edits: [.replace(103, "市民協働推進事業", "市民協働推進事業(改)")],
              rule: "year.project-mismatch", policy: "512", path: .project(0, .name), line: 103,
              ja: "事業 0102010826 の事務事業名が他の施策と異なります: この施策「市民協働推進事業(改)」/ 施策 511 では「市民協働推進事業」"),
        .init(name: "a shared section differs", edits: [.replace(424, "会計課", "財政課")],
              rule: "year.project-mismatch", policy: "531", path: .project(10, .section), line: 424,
              ja: "事業 0102010601 会計事務事業 の担当課が他の施策と異なります: この施策「財政課」/ 施策 522 では「会計課」"),
        // year.execution-plan-mismatch
        .init(name: "522 drops 対象 from a project 521 marks", edits: [.replace(333, "職員研修事業\t対象", "職員研修事業\t")],
              rule: "year.execution-plan-mismatch", policy: "522", path: .project(5, .executionPlan), line: 333,
              ja: "事業 0102010202 職員研修事業 の実行計画が施策によって異なります: 「対象」は施策 521、空欄は施策 522"),
        // sheet.numbering
        .init(name: "challenge ② printed as ③", edits: [.replace(72, "②", "③")],
              rule: "sheet.numbering", policy: "511", path: .challenge(1, .number), line: 72,
              ja: "施策を進める上での課題の番号が順番になっていません: 2番目が ③"),
        .init(name: "533's only indicator printed as ②", edits: [.replace(604, "①", "②")],
              rule: "sheet.numbering", policy: "533", path: .indicator(0, .number), line: 604,
              ja: "まちづくり指標の番号が順番になっていません: 1番目が ②"),
    ]
}

@Suite("Each rule fires once where the real data is broken once")
struct RuleBreakTests {
    static let baseline = Validator.validate(RealYear.loaded).map(FindingKey.init)

    @Test("text edit → one finding at the edited line", arguments: BreakCase.all)
    func textBreak(_ c: BreakCase) throws {
        let findings = Validator.validate(try EditedYear.loaded(c.edits))
        let keys = findings.map(FindingKey.init)
        let expected = FindingKey(c.rule, c.policy, c.path, "kiyose-2019.txt:\(c.line)")
        #expect(subtracting(keys, Self.baseline) == [expected])
        #expect(subtracting(Self.baseline, keys) == [])
        let hit = try #require(findings.first { FindingKey($0) == expected })
        #expect(hit.path == c.path)
        #expect(hit.message.ja.contains(c.ja), "\(hit.message.ja)")
        #expect(!hit.message.en.isEmpty)
        let rule = try #require(Validator.allRules.first { $0.id == c.rule })
        #expect(hit.severity == rule.severity)
    }

    @Test("an unknown rating (the text form cannot carry one) is reported at the rating's line")
    func rating() throws {
        var year = RealYear.loaded
        year[2].sheet.evaluation.rating = Rating(rawValue: "良好")
        let keys = Validator.validate(year).map(FindingKey.init)
        #expect(subtracting(keys, Self.baseline) == [FindingKey("evaluation.rating", "513", .rating, "kiyose-2019.txt:195")])
        #expect(subtracting(Self.baseline, keys) == [])

        year[2].sheet.evaluation.rating = Rating(rawValue: "")
        let blank = Validator.validate(year).filter { $0.ruleID == "evaluation.rating" }
        #expect(blank.map(\.message.ja) == ["総合評価が空欄です(順調・維持・停滞 のいずれかを記入します)"])
    }

    @Test("a second sheet of the same policy and year is reported on the copy")
    func duplicatePolicy() {
        var copy = RealYear.loaded[0]
        copy.sourceMap.file = "copy.txt"
        let keys = Validator.validate(RealYear.loaded + [copy]).map(FindingKey.init)
        #expect(subtracting(keys, Self.baseline) == [FindingKey("year.policy-duplicate", "511", .policyCode, "copy.txt:7")])
        #expect(subtracting(Self.baseline, keys) == [])
    }

    @Test("year rules compare only sheets of the same fiscal year")
    func otherYear() {
        var next = RealYear.loaded[4]  // 522, whose 0102010301 lacks 対象 (513 has it)
        next.sheet.fiscalYear = 2020
        next.sourceMap.file = "522-2020.txt"
        let alone = Validator.validate([RealYear.loaded[2], next]).map(\.ruleID)
        #expect(!alone.contains("year.execution-plan-mismatch"))
        #expect(!alone.contains("year.policy-duplicate"))
        let sameYear = Validator.validate([RealYear.loaded[2], RealYear.loaded[4]]).map(\.ruleID)
        #expect(sameYear.contains("year.execution-plan-mismatch"))
    }

    @Test("every rule has a break case")
    func coverage() {
        // cycle.blank-input applies to rolled-over sheets only (the text form cannot carry one): its
        // cases are in EvalSheetCycleTests/BlankInputRuleTests.
        let covered = Set(BreakCase.all.map(\.rule) + ["evaluation.rating", "year.policy-duplicate", "cycle.blank-input"])
        #expect(covered == Set(Validator.allRules.map(\.id)))
        #expect(Set(Validator.allRules.map(\.id)).count == Validator.allRules.count)
    }
}
