import Testing
import EvalSheetModel
import EvalSheetForm
import EvalSheetText
import EvalSheetValidation
import TestSupport

/// Rule messages and diff lines name the parts of the form as the template labels them: a
/// template with a label renamed renames every message that names it, and nothing else.
@Suite("Messages take the form's names from the template")
struct RenamedLabelTests {
    /// The default template with 評価の向き → 指標の向き and 目標値 → 目標の値.
    static let renamed: FormTemplate = {
        var t = FormTemplate.standard
        t.labels.indicatorDirection = "指標の向き"
        t.labels.target = "目標の値"
        return t
    }()

    /// The default template with a section, a caption and a §1 label renamed.
    static let renamedParts: FormTemplate = {
        var t = FormTemplate.standard
        t.sheets.projects.name = "3 事業一覧"
        t.labels.ratingCaption = "総合的な評価(成果、投入財源等を総合的に評価)"
        t.labels.relatedSections = "関係部署"
        return t
    }()

    /// A message with the renamings of `renamed` applied to its text.
    static func renaming(_ m: LocalizedMessage) -> LocalizedMessage {
        func r(_ s: String) -> String {
            s.replacingOccurrences(of: "評価の向き", with: "指標の向き").replacingOccurrences(of: "目標値", with: "目標の値")
        }
        return LocalizedMessage(ja: r(m.ja), en: r(m.en))
    }

    /// 512 with the direction of every indicator flipped, so its printed rates match the other direction.
    static func flipped512() -> LoadedSheet {
        var s = RealYear.loadedSheet("512")
        for i in s.sheet.indicators.items.indices {
            s.sheet.indicators.items[i].direction = s.sheet.indicators.items[i].direction == .lowerIsBetter
                ? .higherIsBetter : .lowerIsBetter
        }
        return s
    }

    @Test("indicators.rate names 評価の向き and 目標値 as the template does")
    func rateRule() throws {
        let sheet = Self.flipped512()
        let standard = try #require(Validator.validate([sheet]).first { $0.ruleID == "indicators.rate" })
        #expect(standard.message.ja == "指標① 協働で提供されている行政サービスの数 の達成率(平成30年度)が計算と一致しません: 表示 94.8% / 計算 105.5%(目標値 58 ÷ 実績値 55、低いほど良い指標)。実績値 ÷ 目標値なら一致します(評価の向き: 高いほど良い)")
        let renamed = try #require(Validator.validate([sheet], template: Self.renamed).first { $0.ruleID == "indicators.rate" })
        #expect(renamed.message.ja == "指標① 協働で提供されている行政サービスの数 の達成率(平成30年度)が計算と一致しません: 表示 94.8% / 計算 105.5%(目標の値 58 ÷ 実績値 55、低いほど良い指標)。実績値 ÷ 目標の値なら一致します(指標の向き: 高いほど良い)")
        #expect(AchievementRateRule().check(sheet.sheet, template: Self.renamed).first?.message == renamed.message)
        #expect(AchievementRateRule().check(sheet.sheet).first?.message == standard.message)
    }

    @Test("every finding of the real year and of each break case changes by the renaming alone")
    func everyFinding() throws {
        var years = [RealYear.loaded, RealYear.loaded.map { $0.sheet.policy.code == "512" ? Self.flipped512() : $0 }]
        for c in BreakCase.all { years.append(try EditedYear.loaded(c.edits)) }
        var renamedMessages = 0
        for year in years {
            let standard = Validator.validate(year)
            let renamed = Validator.validate(year, template: Self.renamed)
            #expect(renamed.map(\.location) == standard.map(\.location))
            #expect(renamed.map(\.message) == standard.map { Self.renaming($0.message) })
            renamedMessages += zip(standard, renamed).filter { $0.message != $1.message }.count
        }
        // 目標値 is named by short-target-row (3 on the real year), footnote, rate and rate-presence.
        #expect(renamedMessages >= 10)
    }

    @Test("the diff names 評価の向き and 目標値 as the template does")
    func diffLines() throws {
        let old = RealYear.loadedSheet("533")
        var new = try SheetDiffTests.edited533()
        new.sheet.indicators.items[0].direction = .lowerIsBetter
        let standard = Changes.renderText(SheetDiff.diff(old: old, new: new))
        #expect(standard.contains(": 4 まちづくり指標 ① 評価の向き: 高いほど良い → 低いほど良い\n"))
        #expect(standard.contains("kiyose-2019.txt:604: 4 まちづくり指標 ① 目標値(令和2年度): 14 → 15\n"))
        let changes = SheetDiff.diff(old: old, new: new, template: Self.renamed)
        let renamed = Changes.renderText(changes)
        #expect(renamed.contains(": 4 まちづくり指標 ① 指標の向き: 高いほど良い → 低いほど良い\n"))
        #expect(renamed.contains("kiyose-2019.txt:604: 4 まちづくり指標 ① 目標の値(令和2年度): 14 → 15\n"))
        #expect(!renamed.contains("評価の向き") && !renamed.contains("目標値"))
        #expect(renamed == Self.renaming(LocalizedMessage(ja: standard, en: "")).ja)
        // The English report does not name the form's Japanese labels.
        #expect(Changes.renderText(changes, language: .en) == Changes.renderText(SheetDiff.diff(old: old, new: new), language: .en))
        #expect(try Changes.decodeJSON(.init(Changes.renderJSON(changes).utf8)) == changes)
    }

    @Test("a renamed sheet, caption and §1 label rename the diff's sections and fields and the rules' messages")
    func renamedParts() throws {
        var t = YearText()
        try t.replace(12, "教育総務課", "企画課")  // 511 関係課: one removed, one added
        try t.replace(25, "2,500", "2,600")      // 511 an amount
        let old = RealYear.loaded[0]
        var new = try t.loaded()[0]
        new.sheet.evaluation.rating = Rating(rawValue: "")
        let lines = Changes.renderText(SheetDiff.diff(old: old, new: new, template: Self.renamedParts))
        #expect(lines == """
            kiyose-2019.txt:12: 1 基本情報 関係部署を追加: 企画課
            kiyose-2019.txt:12: 1 基本情報 関係部署を削除: 教育総務課
            kiyose-2019.txt:25: 3 事業一覧 0102010806 令和2年度予算: 2,500 → 2,600
            kiyose-2019.txt:48: 5 評価 総合的な評価: 維持 → (空欄)
            変更 4 件

            """)
        #expect(Changes.renderText(SheetDiff.diff(old: old, new: new)) == """
            kiyose-2019.txt:12: 1 基本情報 関係課を追加: 企画課
            kiyose-2019.txt:12: 1 基本情報 関係課を削除: 教育総務課
            kiyose-2019.txt:25: 3 構成事業 0102010806 令和2年度予算: 2,500 → 2,600
            kiyose-2019.txt:48: 5 評価 総合評価: 維持 → (空欄)
            変更 4 件

            """)
        let findings = Validator.validate([new], template: Self.renamedParts).map(\.message.ja)
        #expect(findings.contains("総合的な評価が空欄です(順調・維持・停滞 のいずれかを記入します)"))
        let year = Validator.validate(RealYear.loaded, template: Self.renamedParts).map(\.message.ja)
        #expect(year.contains("施策の方向性 2「必要な変革に勇気を持って取り組む市職員の組織文化を育てます」に該当する事業一覧がありません"))
        #expect(year.contains("課題④ の関連する事務事業名「融資事業」が、令和元年度のどの施策の事業一覧にもありません"))
        #expect(year.allSatisfy { !$0.contains("構成事業") })
        #expect(Validator.validate([new]).map(\.message.ja).contains("総合評価が空欄です(順調・維持・停滞 のいずれかを記入します)"))
    }
}
