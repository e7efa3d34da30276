import Foundation
import Testing
@testable import EvalSheetText
import EvalSheetForm
@testable import EvalSheetModel

/// The text reader's byte paths against what they stand in for: `UTF8Validation` against
/// `String(validating:)`, the plain-ASCII amounts against the general parse, the section
/// headings' byte prefix test against `String.hasPrefix`, and the byte cut of lines into trimmed
/// cells against the String cut and `trimmedSpaces`.
@Suite("Text reader: byte paths give what the String paths give")
struct ReaderFastPathTests {
    static func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) } }

    @Test("UTF-8 validation: every 1- and 2-byte sequence, every 3-byte lead with edge continuations, random bytes")
    func utf8Validation() {
        var mismatches: [[UInt8]] = []
        func check(_ b: [UInt8]) {
            if Self.valid(b) != (String(validating: b, as: UTF8.self) != nil) { mismatches.append(b) }
        }
        for a in 0...255 { check([UInt8(a)]) }
        for a in 0...255 { for b in 0...255 { check([UInt8(a), UInt8(b)]) } }
        let edges: [UInt8] = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0]
        for a in 0xC0...0xFF { for b in edges { for c in edges { check([UInt8(a), b, c]); for d in edges { check([UInt8(a), b, c, d]) } } } }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...24, using: &rng)
            check((0..<n).map { _ in Bool.random(using: &rng) ? UInt8.random(in: 0x20...0x7E, using: &rng) : UInt8.random(in: 0...255, using: &rng) })
        }
        for text in ["", "abcdefgh", "abcdefghijklmnop", "施策評価シート\t令和元年度", "12345678\u{10FFFF}", "x🙂yyyyyyyyyyyyyy"] {
            check(Array(text.utf8))
            check(Array(text.utf8) + [0xE3])
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test("UTF-8 validation: long Japanese runs (the two-sequence word path) with one byte changed anywhere")
    func utf8ValidationLongRuns() {
        var mismatches: [[UInt8]] = []
        let texts = ["施策評価シート令和元年度まちづくり指標", "あいうえおかきくけこ", "\u{E000}\u{FFFF}\u{E000}\u{D7FF}\u{1000}\u{FFFD}",
                     "市民ニーズの状況\t１２３", "ab施策cd評価ef🙂gh"]
        let replacements: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xE3, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for text in texts {
            let bytes = Array(text.utf8)
            for start in 0..<min(8, bytes.count) {
                let base = Array(bytes[start...])
                if Self.valid(base) != (String(validating: base, as: UTF8.self) != nil) { mismatches.append(base) }
                for k in base.indices {
                    for r in replacements {
                        var b = base
                        b[k] = r
                        if Self.valid(b) != (String(validating: b, as: UTF8.self) != nil) { mismatches.append(b) }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test("UTF-8 in pieces: the stream answers for any cut as the whole bytes do")
    func utf8Stream() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "\t", "施", "é", "🙂", "\u{3000}", "\n"].map { Array($0.utf8) }
        var mismatches: [[UInt8]] = []
        for _ in 0..<4_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &rng) { bytes += pieces.randomElement(using: &rng)! }
            if Int.random(in: 0..<3, using: &rng) == 0, !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0x80...0xFF, using: &rng)
            }
            if Int.random(in: 0..<6, using: &rng) == 0, !bytes.isEmpty { bytes.removeLast() }
            var cuts = (0..<Int.random(in: 0...4, using: &rng)).map { _ in Int.random(in: 0...bytes.count, using: &rng) }.sorted()
            cuts = [0] + cuts + [bytes.count]
            var stream = UTF8Stream()
            var ok = true
            for k in 1..<cuts.count where ok {
                ok = bytes.withUnsafeBufferPointer { stream.feed(UnsafeBufferPointer(rebasing: $0[cuts[k - 1]..<cuts[k]])) }
            }
            ok = ok && stream.isComplete
            if ok != (String(validating: bytes, as: UTF8.self) != nil) { mismatches.append(bytes) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test("labels: matches and hasPrefix answer as Label.key(cell) == / .hasPrefix, canonical equivalents included")
    func labelComparison() {
        let keys = ["目標値", "実績値", "No.", "総事業費(施策の合計)", "対象", "投入財源", "総合評価", "ガ", "か\u{3099}", "é", "e\u{301}",
                    "1.基本情報", "a", "Ω", "Å"]
        var cells = ["", " ", "目標値", " 目標値 ", "目 標 値", "目標", "目標値x", "No.", "Ｎｏ．", "No .", "0101", "1,234", "—",
                     "総事業費（施策の合計）", "総事業費 (施策の合計)", "対象", "対 象", "ガ", "か\u{3099}", "\u{3000}ガ", "e\u{301}", "é",
                     "\u{2126}", "\u{212B}", "A\u{30A}", "投入財源・成果", "総合評価(成果)維持", "\u{301}目標値", "目\u{301}標値"]
        cells += [String(repeating: "目標値", count: 40), String(repeating: "\u{3000}", count: 300) + "目標値",
                  String(repeating: " ", count: 500) + "No.", String(repeating: "\u{2126}", count: 60), "理由" + String(repeating: "あ", count: 300)]
        for key in keys {
            let start = Label.nfdStart(key)
            for cell in cells {
                #expect(Label.matches(cell, key) == (Label.key(cell) == key), "\(cell.debugDescription) / \(key.debugDescription)")
                #expect(Label.hasPrefix(cell, key, prefixStart: start) == Label.key(cell).hasPrefix(key),
                        "\(cell.debugDescription) / \(key.debugDescription)")
            }
        }
        #expect(Label.matches(String(repeating: "\u{3000}", count: 300) + "目標値", "目標値"))
        #expect(!Label.matches("理由" + String(repeating: "あ", count: 300), "目標値"))
    }

    @Test("§5 rating cell: the scalar split gives what the character split gives")
    func ratingCellSplit() {
        let context = SheetReadContext(file: "t.txt", sheetLines: 1...1, words: .standard)
        let reader = EvaluationReader(context: context, lines: [], fiscalYear: 2019)
        let pieces = ["総", "合", "評", "価", "総合評価", "(", ")", "（", "）", "成果", " ", "\u{3000}", "維持", "順調", "ｘ", "\t", "a", "①"]
        var rng = SystemRandomNumberGenerator()
        var samples = ["総合評価(成果、投入財源等を総合的に評価) 維持", "総合評価 維持", "総 合評価（成果）　順調", "総合評", "維持", "", "総合評価"]
        for _ in 0..<3_000 { samples.append((0..<Int.random(in: 0...7, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()) }
        for cell in samples where cell.hasOnlySimpleCharacters {
            let a = reader.splitRatingCell(simple: cell), b = reader.splitRatingCell(characters: cell)
            #expect(a.label == b.label && a.rest == b.rest, "\(cell.debugDescription)")
        }
    }

    @Test("§3 directions and money headers: the String and byte paths read as the general steps do")
    func directionsAndMoneyColumns() {
        func general(_ text: String) -> [Int]? { Project.parseDirectionsByCharacters(text) }
        var samples = ["", ",", "1", "1,2", "1,,2", ",1,", "0", "00", "01", "99", "100", "0099", "00100", "1,100", "100,1", "1, 2", "+1",
                       "-1", "1、2", "１，２", "99999999999999999999999", "1,2,3,4,5,6,7,8,9,10", "1 00", "100 "]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            samples.append(String((0..<Int.random(in: 0...8, using: &rng)).map { _ in "0123456789,,1 +、１".randomElement(using: &rng)! }))
        }
        for text in samples {
            #expect(Project.parseDirections(text) == general(text), "\(text.debugDescription)")
            #expect(Project.parseDirections(Substring(text)) == general(text), "\(text.debugDescription)")
        }
        for label in ["平成30年度決算", "令和2年度予算", "令和 元年度 決算", "令和元年度", "2019年度決算", "決算", "", "令和２年度予算"] {
            #expect(MoneyColumn(label: label) == MoneyColumn(label: Substring(label)), "\(label)")
        }
        #expect(MoneyColumn(label: "令和 元年度 決算") == MoneyColumn(fiscalYear: 2019, kind: .settled))
    }

    @Test("full-width folding: the byte path gives what folding each scalar gives")
    func fullWidthFolding() {
        func byScalars(_ s: String) -> String {
            var out = String.UnicodeScalarView()
            for scalar in s.unicodeScalars {
                switch scalar.value {
                case 0xFF10...0xFF19, 0xFF0C, 0xFF0E, 0xFF05, 0xFF08, 0xFF09, 0xFF0D: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
                default: out.append(scalar)
                }
            }
            return String(out)
        }
        var samples = ["", "１２，３４５．６％", "（※）", "－５", "abc", "施策（２）", "\u{FF00}\u{FF3F}\u{FF1A}\u{FF04}\u{FF1A}"]
        for v in 0xFF00...0xFF3F { samples.append("x" + String(Unicode.Scalar(UInt32(v))!) + "y") }
        for s in samples { #expect(PrintedNumber.foldFullWidth(s) == byScalars(s) && PrintedNumber.foldFullWidth(s).utf8.elementsEqual(byScalars(s).utf8), "\(s)") }
    }

    @Test("§4 values: blank and the printed dash are read as written")
    func plainIndicatorBlankAndDash() {
        for (text, value) in [("", IndicatorValue.blank), ("—", .notApplicable)] {
            let read = IndicatorValue.parsingReportingChanges(text)
            #expect(PlainIndicatorText.asWritten(text) == value && read?.value == value && read?.readAs == nil, "\(text)")
        }
        for other in ["-", "―", "1", "—1", " "] { #expect(PlainIndicatorText.asWritten(other) == nil, "\(other)") }
    }

    /// The general path: what `AmountText.parse` did before its plain-ASCII path (the same code).
    static func general(_ raw: String) -> Result<Int?, AmountText.Problem> {
        AmountText.parse(raw + "\u{3000}")  // a trailing U+3000 is trimmed there but sends the text past the plain path
    }

    @Test("amounts: plain ASCII digits and commas read as the general path reads them")
    func plainAmounts() {
        let samples = ["", "0", "00", "7", "2,450", "2450", "1,234,567", "12,34", ",", "1,", ",1", "1,,000", "0,123", "000,000",
                       "999999999999", "999,999,999,999", "1000000000000", "1,000,000,000,000", "0000000000000000001",
                       "99999999999999999999999", "1,2345", "1234,567", "12,345,6789"]
        for s in samples {
            #expect(AmountText.parse(s) == Self.general(s), "\(s)")
        }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let s = String((0..<Int.random(in: 1...16, using: &rng)).map { _ in "0123456789,,0".randomElement(using: &rng)! })
            #expect(AmountText.parse(s) == Self.general(s), "\(s)")
        }
    }

    @Test("amounts: printed as written exactly when the writer prints the amount so")
    func printedAsWritten() {
        for s in ["0", "1", "999", "1,000", "1000", "12,345", "012", "00", "0,123", "1,234,567", "1234567"] {
            guard case .success(let v?) = AmountText.parse(s) else { Issue.record("\(s) not read"); continue }
            let written = TextFormWriter.amountText(v) == s || String(v) == s
            if AmountText.isPrintedAsWritten(s) { #expect(written, "\(s)") }
        }
        #expect(AmountText.isPrintedAsWritten("1,000"))
        #expect(!AmountText.isPrintedAsWritten("0,123"))
        #expect(!AmountText.isPrintedAsWritten("１２"))
    }

    @Test("prefixes and §6 categories: TextPrefix.opens answers as String.hasPrefix, the byte removal of spaces as withoutSpaces")
    func prefixesAndSpaces() {
        let pieces = ["", " ", "\u{3000}", "※", "維持", "「", "順調", "停滞", "a", "市民", "ニーズ", "・", "\u{301}", "\u{3099}",
                      "\u{20DD}", "\u{2F8A6}", "\u{F9DC}", "\u{203B}\u{301}", "é", "e\u{301}", "①", "１", "\u{1}", "\u{0}", "(", "\t"]
        let prefixes = ["※", "維持「", "順調「", "停滞「", "維持 ", "e", "é"].map(TextPrefix.init)
        var mismatches: [String] = []
        func check(_ text: String) {
            for p in prefixes where p.opens(text) != text.hasPrefix(p.text) { mismatches.append("\(text.debugDescription) / \(p.text)") }
            if EnvironmentReader.withoutSpaces(text) != text.withoutSpaces()
                || !EnvironmentReader.withoutSpaces(text).utf8.elementsEqual(text.withoutSpaces().utf8) {
                mismatches.append("spaces: \(text.debugDescription)")
            }
        }
        for a in pieces { for b in pieces { for c in pieces { check(a + b + c) } } }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...8, using: &rng) { text += pieces.randomElement(using: &rng)! }
            check(text)
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test("section headings: the byte prefix test answers as String.hasPrefix")
    func headingPrefix() {
        let stems = ["1.基本情報", "3.構成事業の状況", "5.評価", "7.施策を進める上での課題", "3.", "e\u{301}", "x\u{600}", "a"]
        let keys = ["", "1", "1.", "1.基本情報", "1.基本情報(令和元年度)", "1101", "3.構成事業の状況", "3.構成事業の状況\u{301}",
                    "3.構成事業の状況x", "3.構成", "5.評価(令和元年度実績に対する)", "é", "e\u{301}", "e\u{301}\u{302}", "x\u{600}a",
                    "x\u{600}", "a\u{301}", "ab", "①", "(1)", "3.構成事業の状況\u{600}"]
        for stem in stems {
            for key in keys {
                #expect(SectionHeading.hasPrefix(key, stem) == key.hasPrefix(stem), "\(key.debugDescription) / \(stem.debugDescription)")
            }
        }
    }

    /// The definition `CellCutting` follows: the line's String cut at its TABs, each cell trimmed
    /// with `trimmedSpaces` (nil when the bytes are not UTF-8).
    static func cutByCharacters(_ bytes: [UInt8]) -> TextLine? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return TextLine(number: 1, cells: text.split(separator: "\t", omittingEmptySubsequences: false))
    }

    static func cutByBytes(_ bytes: [UInt8]) -> TextLine? {
        bytes.withUnsafeBufferPointer { CellCutting.line(number: 1, bytes: $0) }
    }

    @Test("cutting lines: the byte cut and trim give the cells the characters give")
    func cellCutting() {
        var mismatches: [String] = []
        func check(_ bytes: [UInt8]) {
            let expected = Self.cutByCharacters(bytes), got = Self.cutByBytes(bytes)
            guard expected?.texts == got?.texts, expected?.cells == got?.cells,
                  expected?.filledIndices == got?.filledIndices, (expected == nil) == (got == nil) else {
                mismatches.append("\(bytes)"); return
            }
        }
        let pieces = ["", " ", "\u{3000}", "\t", "a", "施策", "①", "１", "ｱ", "\u{301}", "\u{3099}", "\u{302A}", "\u{200D}",
                      "\u{600}", "\u{903}", "\u{0D4E}", "\u{110BD}", "é", "e\u{301}", "🙂", "\u{1F1EF}", "\u{1100}", "\u{1161}",
                      "\u{FF9E}", "\u{FFFD}", "\u{A0}", "\u{2003}", "\u{FEFF}", "\u{1}", "\u{7F}", "か\u{3099}", "\u{2460}"]
        for a in pieces { for b in pieces { for c in pieces { check(Array((a + b + c).utf8)) } } }
        for a in pieces { for b in pieces { check(Array((" " + a + "\t" + b + "\u{3000}").utf8)); check(Array((a + " \t " + b).utf8)) } }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...8, using: &rng) { text += pieces.randomElement(using: &rng)! }
            var bytes = Array(text.utf8)
            if Int.random(in: 0..<8, using: &rng) == 0, !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0x80...0xFF, using: &rng)
            }
            check(bytes)
        }
        for bad: [UInt8] in [[0x20, 0xFF], [0xE3, 0x80], [0xE3, 0x80, 0x80, 0xC0, 0x80], [0x20, 0xED, 0xA0, 0x80], [0xE0, 0x80, 0xA0, 0x20],
                             [0x20, 0xF0, 0x90, 0x80], [0xF0, 0x90, 0x80, 0x20], [0x09, 0x80, 0x09]] {
            check(bad)
            #expect(Self.cutByBytes(bad) == nil, "\(bad)")
        }
        #expect(Self.cutByBytes(Array(" 施策\t\u{3000}a\u{3000}\t".utf8))?.texts == ["施策", "a", ""])
        #expect(Self.cutByBytes(Array(" \u{301}x ".utf8))?.texts == [" \u{301}x"])
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test("text sets: the length pre-check answers as Set.contains, canonical equivalents included")
    func textSetMembership() {
        let memberLists: [[String]] = [
            FormTemplate.standard.legend, ["順調", "維持", "停滞"], ["が", "abc", "総事業費(施策の合計)"], ["か\u{3099}", "x"], ["é"], [],
        ]
        let probes = ["", "順調", "順調 ", "維持", "が", "か\u{3099}", "abc", "abd", "ab", "é", "e\u{301}", "x", "総事業費(施策の合計)",
                      "総事業費（施策の合計）", "\u{FFFD}", "🙂"] + FormTemplate.standard.legend
            + FormTemplate.standard.legend.map { $0.decomposedStringWithCanonicalMapping }
            + FormTemplate.standard.legend.map { $0 + "。" } + FormTemplate.standard.legend.map { String($0.dropLast()) }
        for members in memberLists {
            let set = TextSet(members), plain = Set(members)
            for probe in probes + members {
                #expect(set.contains(probe) == plain.contains(probe), "\(probe.debugDescription) in \(members)")
            }
        }
    }

    @Test("printed rates: the integer check answers as AchievementRate.percent does")
    func printedRates() {
        func decimal(_ text: String) -> Decimal { Decimal(string: text)! }
        var cases: [(String, String, String)] = [
            ("100.0", "10", "10"), ("50.0", "1", "2"), ("33.3", "1", "3"), ("66.7", "2", "3"), ("12.5", "1", "8"),
            ("0.1", "1", "1000"), ("0.0", "1", "100000"), ("0.1", "1", "2000"), ("0.0", "1", "2001"), ("0.0", "0", "5"),
            ("200.0", "2", "1"), ("96.4", "32.2", "33.4"), ("103.7", "34.6", "33.4"), ("94.8", "0.690", "0.728"),
            ("1", "1", "0"), ("0", "0", "0"), ("-5.0", "1", "20"), ("5.0", "-1", "20"), ("5.0", "1", "-20"), ("100", "3", "3"),
            ("99999999999999999.9", "999999999999999999", "1"), ("1.0E+30", "1E+28", "1"), ("0.0000001", "1", "1E+9"),
        ]
        var rng = SystemRandomNumberGenerator()
        let digits = ["0", "1", "2", "3", "5", "7", "9", "10", "12", "33", "100", "250", "999", "1000", "12345", "360000"]
        for _ in 0..<4_000 {
            func number() -> String {
                let whole = digits.randomElement(using: &rng)!
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: return whole
                case 1: return whole + "." + String(Int.random(in: 0...9, using: &rng))
                default: return whole + "." + String(format: "%03d", Int.random(in: 0...999, using: &rng))
                }
            }
            let actual = number(), target = number()
            for direction in [IndicatorDirection.higherIsBetter, .lowerIsBetter] {
                let truth = AchievementRate.percent(actual: decimal(actual), target: decimal(target), direction: direction)
                let near = truth.map { "\($0)" } ?? "0"
                cases.append((near, actual, target))
                cases.append((number(), actual, target))
                if let t = truth { cases.append(("\(t + decimal("0.1"))", actual, target)) }
            }
        }
        for (rate, actual, target) in cases {
            for direction in [IndicatorDirection.higherIsBetter, .lowerIsBetter] {
                let expected = AchievementRate.percent(actual: decimal(actual), target: decimal(target), direction: direction) == decimal(rate)
                #expect(PrintedRateCheck.matches(decimal(rate), actual: decimal(actual), target: decimal(target), direction) == expected,
                        "\(rate) for \(actual) / \(target) \(direction)")
            }
        }
    }

    @Test("§4 values: a cell the byte check calls printed as written is read without a change")
    func plainIndicatorValues() {
        var samples = ["0", "00", "01", "1", "-0", "-0.0", "-0.5", "0.690", "33.0", "1,000", "999", "1,0000", "0,123", "12,345.67",
                       "94.8%", "-5%", "1.", ".5", "1..2", "1,000,000", "1,00,000", "123456789012345", "1234567890123456",
                       "0.0000000001", "0.00000000001", "1e5", "-", "%", "1%%", "１２", "32.2(※)", "—", "", " 1", "1 ", "+1", "-1,234"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            samples.append(String((0..<Int.random(in: 1...12, using: &rng)).map { _ in "0123456789,.-%00,1".randomElement(using: &rng)! }))
        }
        var claimed = 0
        for s in samples where PlainIndicatorText.isPrintedAsWritten(s) {
            claimed += 1
            let read = IndicatorValue.parsingReportingChanges(s)
            #expect(read != nil && read?.readAs == nil, "\(s)")
        }
        #expect(claimed > 1_000)
        #expect(PlainIndicatorText.isPrintedAsWritten("360,000") && PlainIndicatorText.isPrintedAsWritten("0.690"))
        #expect(!PlainIndicatorText.isPrintedAsWritten("-0") && !PlainIndicatorText.isPrintedAsWritten("007"))
    }

    @Test("ordinals: a text starts with ( once folded only when it opens with ( or （ — what OrdinalText's first test assumes")
    func ordinalLead() {
        let pieces = ["(", "（", ")", "）", "1", "２", "①", "\u{301}", "\u{20DD}", "\u{FE59}", "\u{207D}", "\u{208D}", " ", "\u{3000}",
                      "a", "説明", "\u{FF5F}", "⑴", "\u{2985}"]
        for a in pieces { for b in pieces { for c in pieces {
            let text = a + b + c
            let trimmed = text.trimmedSpaces()
            if PrintedNumber.foldFullWidth(String(trimmed)).hasPrefix("(") {
                #expect(trimmed.utf8.first == 0x28 || trimmed.utf8.first == 0xEF, "\(text.debugDescription)")
            }
            if let lead = trimmed.utf8.first, lead != 0x28, lead != 0xEF { #expect(OrdinalText.parse(text) == CircledNumber.parse(text)) }
        } } }
        #expect(OrdinalText.parse("(21)") == 21 && OrdinalText.parse("（２１）") == 21 && OrdinalText.parse("⑳") == 20)
    }
}

