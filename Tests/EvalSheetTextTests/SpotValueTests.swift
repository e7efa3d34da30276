import Testing
import EvalSheetModel
import EvalSheetText
import TestSupport

/// Spot values from every section, chosen where the real data has a trap.
@Suite("Spot values of the real sheets")
struct SpotValueTests {
    func value(_ s: String) -> IndicatorValue { IndicatorValue(parsing: s)! }

    // §1
    @Test func basicInformation() {
        let s511 = RealYear.sheet("511")
        #expect(s511.organization == Organization(
            department: "企画部", section: "企画課", subsection: "市民協働係", person: "今村 広司",
            title: "企画部長", phoneExtension: "210",
            relatedSections: ["地域包括ケア推進課", "教育総務課", "生涯学習スポーツ課"]))
        #expect(s511.goal == CodedName(code: "51", name: "市民が主体となったまちづくり"))
        // 531 and 533 print a job title where the department belongs; it is kept as printed.
        #expect(RealYear.sheet("531").organization.department == "企画部長")
        #expect(RealYear.sheet("533").organization.section == "企画課")
        // 532's extension equals policy code 521: never inferred from bare numbers.
        #expect(RealYear.sheet("532").organization.phoneExtension == "521")
        #expect(RealYear.sheet("532").organization.person == "原田 政美")
        // 541's 関係課 spans two lines: 14 + 10.
        let related = RealYear.sheet("541").organization.relatedSections
        #expect(related.count == 24)
        #expect(related[13] == "まちづくり課")
        #expect(related[14] == "道路交通課")
        #expect(related.last == "監査委員会事務局")
    }

    // §2
    @Test func directions() {
        #expect(RealYear.sheet("511").directions[1] == Direction(number: 2, text: "地域を基盤とした住民活動の活性化を支援します"))
        // 533 prints number and text in one cell.
        #expect(RealYear.sheet("533").directions[0] == Direction(number: 1, text: "他の市町村と協力し、事業を効率的、効果的に実施します"))
        #expect(RealYear.sheet("511").futureVision.hasPrefix("地域の人たちの顔の見える関係が広がり"))
    }

    // §3
    @Test func projects() {
        let rows = RealYear.sheet("511").projects.rows
        let house = rows.first { $0.name == "コミュニティハウス事業" }!
        #expect(house.code == "0110010328")
        #expect(house.amounts == [nil, 0, 90_000])
        #expect(house.inExecutionPlan)
        #expect(house.section == "教育総務課")
        #expect(rows[1].directions == [1, 2])
        #expect(rows.map(\.code).prefix(6).suffix(2) == ["0110050118", "0110050114"])  // printed order kept
        let s522 = RealYear.sheet("522").projects.rows
        #expect(s522.first { $0.code == "0102010305" }!.amounts == [50, 0, 147])
        #expect(s522.first { $0.code == "0102010307" }!.amounts == [0, 38, 141])
        // 532: rows 28 and 29 follow an empty line and carry stray 9th cells, which are ignored.
        let s532 = RealYear.sheet("532").projects.rows
        #expect(s532.count == 29)
        #expect(s532[27] == Project(code: "0110050303", name: "博物館施設維持管理事業", inExecutionPlan: true,
                                    directions: [1], section: "郷土博物館", amounts: [61_667, 16_334, 20_664]))
        #expect(s532[28].amounts == [91_149, 88_005, 603_532])
        #expect(RealYear.sheet("541").projects.rows.filter { $0.directions == [1, 4] }.count == 2)
    }

    // §4
    @Test func indicators() {
        let i511 = RealYear.sheet("511").indicators.items[0]
        #expect(i511.targets == [.notApplicable, .notApplicable, value("33.0"), value("35.0"), value("40.0")])
        #expect(i511.actuals == [.notApplicable, value("32.2(※)"), .blank, .blank, .blank])
        #expect(i511.actuals[1].number?.footnote == true)
        #expect(i511.actuals[1].text == "32.2(※)")
        #expect(i511.targets[2].text == "33.0")
        #expect(i511.unit == "%")
        #expect(i511.description == nil)
        #expect(i511.method == "市政世論調査(平成29、令和2、5、8年度実施)")
        #expect(RealYear.sheet("511").indicators.footnote == "※平成29年度実績値を記載")

        let i531 = RealYear.sheet("531").indicators.items
        #expect(i531[1].targets.map(\.text) == ["0.690", "0.690", "0.690", "0.700", "0.710"])
        #expect(i531[1].unit == "—")  // a unit, not "not applicable"
        #expect(i531[1].description == "基準財政収入額を基準財政需要額で除した数値")
        #expect(i531[0].direction == .lowerIsBetter)
        #expect(i531[0].rates.prefix(2).map(\.text) == ["98.9%", "97.5%"])
        #expect(i531[1].direction == .higherIsBetter)

        // 521: four targets against five years; 令和7年度 stays blank.
        for item in RealYear.sheet("521").indicators.items {
            #expect(item.targets.count == 5)
            #expect(item.targets[4] == .blank)
            #expect(item.targets[3] != .blank)
        }
        #expect(RealYear.sheet("521").indicators.items[2].description == nil)
        #expect(RealYear.sheet("521").indicators.items[0].unit == "点")

        let i513 = RealYear.sheet("513").indicators.items[1]
        #expect(i513.targets[0].text == "360,000")
        #expect(i513.actuals.prefix(2).map(\.text) == ["339,480", "339,480"])
        #expect(i513.unit == "件")

        // 533: row B is one column to the right; values still map to their years.
        let i533 = RealYear.sheet("533").indicators.items[0]
        #expect(i533.actuals.map(\.text) == ["14", "16", "", "", ""])
        #expect(i533.rates.map(\.text) == ["100.0%", "114.3%", "", "", ""])
        #expect(i533.method == nil)
        #expect(i533.unit == "回数")

        // 541: shape (d), gap cells before 目標値.
        let i541 = RealYear.sheet("541").indicators.items[0]
        #expect(i541.name == "市政への市民満足度")
        #expect(i541.unit == "%")
        #expect(i541.targets.map(\.text) == ["—", "—", "50.0", "60.0", "70.0"])
        #expect(i541.actuals[1].text == "41.9(※)")
        #expect(RealYear.sheet("512").indicators.items[0].rates[0].text == "94.8%")
    }

    // §5
    @Test func evaluation() {
        let r512 = RealYear.sheet("512").evaluation.reason
        #expect(!r512.contains("<p>") && !r512.contains("</p>"))
        #expect(r512.hasPrefix("現在、地域福祉、環境保全"))
        #expect(r512.count == 199)
        #expect(RealYear.sheet("511").evaluation.reason.contains("はぐみ"))  // the source's typo is kept
        // 522: rating as a prefix of the reason cell; the reason later says 維持及び運営.
        let r522 = RealYear.sheet("522").evaluation.reason
        #expect(r522.hasPrefix("新庁舎建設を目的とした組織改正案を検討した。"))
        #expect(r522.contains("維持及び運営"))
        #expect(RealYear.sheet("521").evaluation.reason.hasPrefix("令和元年度は、"))
        #expect(RealYear.sheets.allSatisfy { $0.evaluation.rating == .holding })
    }

    // §6
    @Test func environment() {
        let e511 = RealYear.sheet("511").environment
        #expect(e511.filter { $0.category == "その他" }.count == 2)
        #expect(e511[1].assessments == [Assessment(code: 2)!, Assessment(code: 3)!])
        #expect(e511[1].status == "高齢化の進行と外国人住民の増加が見込まれる。")
        let e512 = RealYear.sheet("512").environment
        #expect(e512.map(\.category) == ["市民ニーズの状況", "他自治体との比較", "民間企業・NPO・市民の動向", "技術革新の動向"])
        #expect(e512[0].status == "生活の多様化により、市民ニーズが高度化・多様化 してくる。")  // data spaces kept
        // 541 prints `1.施策…` with no space after the dot.
        let e541 = RealYear.sheet("541").environment
        #expect(e541.contains { $0.assessments == [Assessment(code: 1)!, Assessment(code: 3)!] })
        #expect(RealYear.sheets.flatMap(\.environment).allSatisfy { $0.assessments.allSatisfy(\.labelMatchesCode) })
        #expect(RealYear.sheets.flatMap(\.environment).count == 57)
    }

    // §7
    @Test func challenges() {
        let c541 = RealYear.sheet("541").challenges
        #expect(c541[3].challenge.hasPrefix("<高齢者の見守り・生活支援及び要介護・介助者への支援等> 一人暮らしや"))
        #expect(c541[0].relatedProjects == ["シティプロモーション推進事業", "市制施行50周年記念事業", "計画行財政推進事業"])
        #expect(RealYear.sheet("513").challenges[1].relatedProjects.isEmpty)
        #expect(RealYear.sheet("531").challenges[3].relatedProjects == ["商工会等育成事業", "融資事業"])
        #expect(RealYear.sheet("533").challenges[0].relatedProjects == ["計画行財政推進事業", "その他関係事業"])
        // Form B (512, labels with spaces, number on the 関連 line only for ①).
        let c512 = RealYear.sheet("512").challenges
        #expect(c512[0].challenge == "地域課題を効率的かつ効果的に解決するため、多様な地域主体の協働を促進する必要がある。")
        #expect(c512[0].future == "市民活動センター事業として取組を継続する。")
        #expect(c512[1].current.hasPrefix("委員OBOGIによる検討会"))
        // Form C (522 ①②) and D (532): the number sits on another line of the group.
        #expect(RealYear.sheet("522").challenges.map(\.relatedProjects.first) == [
            "計画行財政推進事業", "計画行財政推進事業", RealYear.sheet("522").challenges[2].relatedProjects.first, RealYear.sheet("522").challenges[3].relatedProjects.first,
        ])
        #expect(RealYear.sheet("532").challenges.map(\.number) == [1, 2, 3])
        #expect(RealYear.sheet("511").challenges[0].future == "コミュニティはぐくみ円卓会議の意義等に関する学校との共通理解を深める取組が求められる。")
        #expect(RealYear.sheets.map(\.challenges.count).reduce(0, +) == 28)
    }

    @Test("source lines are recorded for findings")
    func sourceLines() {
        let l511 = RealYear.loadedSheet("511")
        #expect(l511.sourceMap.describe(.project(2, .amount(1))) == "kiyose-2019.txt:27")
        #expect(l511.sourceMap.describe(.projectTotal(0)) == "kiyose-2019.txt:31")
        #expect(l511.sourceMap.describe(.indicator(0, .actual(1))) == "kiyose-2019.txt:37")
        #expect(l511.sourceMap.describe(.rating) == "kiyose-2019.txt:48")
        #expect(RealYear.loadedSheet("512").sourceMap.describe(.ratingReason) == "kiyose-2019.txt:123")
        #expect(RealYear.loadedSheet("541").sourceMap.describe(.relatedSection(20)) == "kiyose-2019.txt:647")
    }
}
