import Testing
@testable import EvalSheetModel

/// The scalar and byte paths taken for texts of simple characters (`hasOnlySimpleCharacters`):
/// `Assessment.parseList`, `FiscalYearText.parse` and `withoutSpaces` against their definitions on
/// characters, on texts built from the pieces real sheets hold and the ones that break the rule.
@Suite("Simple characters: scalar paths give what character paths give")
struct SimpleCharacterPathTests {
    static func parseListByCharacters(_ text: String) -> [Assessment]? {
        Assessment.parseList(characters: PrintedNumber.foldFullWidth(text).trimmedSpaces())
    }

    static func fiscalYearByCharacters(_ text: String, requireSuffix: Bool) -> Int? {
        FiscalYearText.parse(characters: text, requireSuffix: requireSuffix)
    }

    static let pieces = ["1", "2", "3", "１", "３", ".", "．", " ", "\u{3000}", "施策遂行に役立つ・有利", "施策の必要性を高める",
                         "令和", "平成", "昭和", "元", "年度", "年", "度", "30", "２", "2019", "99", "100", "a", "\u{301}", "\u{3099}",
                         "か", "が", "\u{FF9E}", "①", "\r", "\n", "e", "é", "\u{600}", "🙂", "ｱ", "(", ")"]

    static func texts(count: Int) -> [String] {
        var rng = SystemRandomNumberGenerator()
        var out = ["", " ", "1. 施策遂行に役立つ・有利 3. 施策の必要性を高める", "1.施策遂行に役立つ・有利3.施策", "令和元年度", "令和 2 年度",
                   "平成30年度", "令和２年度", "2019年度", "令和元", "令和1\u{301}年度", "1\u{301}. 有利", "令和元年度\u{3099}"]
        for _ in 0..<count {
            out.append((0..<Int.random(in: 1...7, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined())
        }
        return out
    }

    @Test("parseList, FiscalYearText.parse and withoutSpaces on 20,000 texts")
    func samePaths() {
        var mismatches: [String] = []
        for text in Self.texts(count: 20_000) {
            if Assessment.parseList(text) != Self.parseListByCharacters(text) { mismatches.append("parseList " + text.debugDescription) }
            for required in [true, false]
            where FiscalYearText.parse(text, requireSuffix: required) != Self.fiscalYearByCharacters(text, requireSuffix: required) {
                mismatches.append("fiscalYear \(required) " + text.debugDescription)
            }
            if text.withoutSpaces() != String(text.filter { $0 != " " && $0 != "\u{3000}" }) {
                mismatches.append("withoutSpaces " + text.debugDescription)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test("which texts count as simple")
    func simple() {
        #expect("1. 施策遂行に役立つ・有利".hasOnlySimpleCharacters)
        #expect("令和２年度①ｱ".hasOnlySimpleCharacters)
        #expect(!"か\u{3099}".hasOnlySimpleCharacters)
        #expect(!"1\u{301}".hasOnlySimpleCharacters)
        #expect(!"a\r\nb".hasOnlySimpleCharacters)
        #expect(!"é".hasOnlySimpleCharacters)
        #expect(!"ｶ\u{FF9E}".hasOnlySimpleCharacters)
    }
}
