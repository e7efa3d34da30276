import Foundation
import Testing
import EvalSheetModel

@Suite("Fiscal years in the Japanese era")
struct FiscalYearTests {
    @Test func rendering() {
        #expect(FiscalYearText.japanese(2019) == "令和元年度")
        #expect(FiscalYearText.japanese(2018) == "平成30年度")
        #expect(FiscalYearText.japanese(2020) == "令和2年度")
        #expect(FiscalYearText.japanese(2025) == "令和7年度")
        #expect(FiscalYearText.japanese(1989) == "平成元年度")
        #expect(FiscalYearText.japanese(1988) == "昭和63年度")
    }

    @Test func parsing() {
        #expect(FiscalYearText.parse("令和元年度") == 2019)
        #expect(FiscalYearText.parse("令和元 年度") == 2019)
        #expect(FiscalYearText.parse("令和1年度") == 2019)
        #expect(FiscalYearText.parse("令和２年度") == 2020)
        #expect(FiscalYearText.parse("平成30年度") == 2018)
        #expect(FiscalYearText.parse("平成31年度") == 2019)
        #expect(FiscalYearText.parse("2021年度") == 2021)
        #expect(FiscalYearText.parse("令和元") == nil)
        #expect(FiscalYearText.parse("令和元", requireSuffix: false) == 2019)
        #expect(FiscalYearText.parse("来年度") == nil)
        #expect(FiscalYearText.parse("令和0年度") == nil)
    }

    @Test func moneyColumnLabels() {
        #expect(MoneyColumn(label: "平成30年度決算") == MoneyColumn(fiscalYear: 2018, kind: .settled))
        #expect(MoneyColumn(label: "令和 2年度 予算") == MoneyColumn(fiscalYear: 2020, kind: .budget))
        #expect(MoneyColumn(fiscalYear: 2021, kind: .budget).label == "令和3年度予算")
        #expect(MoneyColumn(label: "令和2年度") == nil)
    }
}

@Suite("Printed numbers keep how they are printed")
struct PrintedNumberTests {
    @Test(arguments: ["33.0", "0.690", "360,000", "94.8%", "32.2(※)", "58", "100.0%", "1,254,605", "0", "-1.5"])
    func roundTrip(_ text: String) throws {
        let n = try #require(PrintedNumber(parsing: text))
        #expect(n.text == text)
    }

    @Test func values() throws {
        let n = try #require(PrintedNumber(parsing: "0.690"))
        #expect(n.value == Decimal(string: "0.69")!)
        #expect(n.fractionDigits == 3)
        #expect(PrintedNumber(parsing: "33.0") != PrintedNumber(parsing: "33"))
        #expect(PrintedNumber(parsing: "３６０，０００")?.text == "360,000")
        #expect(PrintedNumber(parsing: "32.2（※）")?.footnote == true)
        #expect(PrintedNumber(parsing: "999")?.grouped == false)
        #expect(PrintedNumber(value: 999, fractionDigits: 0, grouped: true).grouped == false)
    }

    @Test(arguments: ["", "abc", "1,23", "1.2.3", "12a", "1,,000", ".5", "5.", "%"])
    func rejects(_ text: String) {
        #expect(PrintedNumber(parsing: text) == nil)
    }

    @Test func indicatorValues() {
        #expect(IndicatorValue(parsing: "") == .blank)
        #expect(IndicatorValue(parsing: "—") == .notApplicable)
        #expect(IndicatorValue(parsing: "―") == .notApplicable)
        #expect(IndicatorValue(parsing: "0")?.number?.value == 0)
        #expect(IndicatorValue(parsing: "n/a") == nil)
        #expect(IndicatorValue.notApplicable.text == "—")
    }

    @Test func achievementRates() {
        #expect(AchievementRate.percent(actual: 55, target: 58, direction: .higherIsBetter) == .init(string: "94.8"))
        #expect(AchievementRate.percent(actual: .init(string: "93.1")!, target: .init(string: "92.1")!,
                                        direction: .lowerIsBetter) == .init(string: "98.9"))
        #expect(AchievementRate.percent(actual: 1, target: 0, direction: .higherIsBetter) == nil)
    }

    @Test func directionsText() {
        #expect(Project.parseDirections("1,2") == [1, 2])
        #expect(Project.parseDirections("１、３") == [1, 3])
        #expect(Project.parseDirections("12") == [12])
        #expect(Project.parseDirections("") == nil)
        #expect(Project.parseDirections("一") == nil)
    }

    @Test func circledNumbers() {
        #expect(CircledNumber.text(1) == "①")
        #expect(CircledNumber.parse("④") == 4)
        #expect(CircledNumber.parse("4") == nil)
    }
}
