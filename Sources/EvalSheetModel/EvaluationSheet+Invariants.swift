/// Structural invariants every reader guarantees and every writer relies on: each row has one value
/// per column of its table, the policy code can safely name a file, amounts and years lie within the
/// one bound every format shares, and every text fits in one spreadsheet cell and is stream-safe
/// (at most `maximumCombiningMarkRun` combining marks in a row). A sheet that breaks
/// one cannot be written faithfully in every format, so readers refuse it (naming the value's place)
/// and writers refuse it too. Content rules — sums, rates, code formats — are validation's job.
extension EvaluationSheet {
    /// A broken invariant: the path of the offending value and what is wrong.
    public struct InvariantViolation: Hashable, Sendable, CustomStringConvertible {
        public var path: FieldPath
        public var message: LocalizedMessage
        public var description: String { "\(path.jsonPointer): \(message.en)" }
    }

    /// The fiscal years a sheet may name (評価対象年度, money and indicator columns, §7's year).
    public static let fiscalYearRange = 1900...2999
    /// The numbers a sheet may print for directions, indicators, challenges and assessments.
    public static let ordinalRange = 0...999
    /// The longest text one cell holds (Excel's limit, in UTF-16 code units).
    public static let maximumTextLength = 32_767
    /// The most combining marks in a row a text may hold (Unicode's Stream-Safe Text Format, UAX #15):
    /// a longer run makes every comparison of the text cost the square of its length.
    public static let maximumCombiningMarkRun = 30

    /// Every broken structural invariant; empty for a well-formed sheet.
    public func invariantViolations() -> [InvariantViolation] {
        var out: [InvariantViolation] = []
        func add(_ path: FieldPath, ja: String, en: String) { out.append(.init(path: path, message: .init(ja: ja, en: en))) }
        if !PolicyCodeSyntax.isValid(policy.code) {
            out.append(.init(path: .policyCode, message: PolicyCodeSyntax.problem(policy.code)))
        }
        checkCounts(add)
        checkAmounts(add)
        checkYears(add)
        checkOrdinals(add)
        checkNumbers(add)
        forEachText { path, text in
            // Every combining mark takes at least two bytes: only a text long enough is scanned.
            let bytes = text.utf8.count
            if bytes > 2 * Self.maximumCombiningMarkRun {
                let run = text.longestCombiningMarkRun
                if run > Self.maximumCombiningMarkRun {
                    add(path, ja: "結合文字(濁点・アクセント記号など)が \(run) 個続いています。1文字に続けられるのは \(Self.maximumCombiningMarkRun) 個までです(Unicode のストリームセーフ形式)",
                        en: "the text holds \(run) combining marks in a row, more than the \(Self.maximumCombiningMarkRun) Unicode's stream-safe format allows")
                }
            }
            // UTF-16 never takes more units than UTF-8 takes bytes: only a long text is counted.
            guard bytes > Self.maximumTextLength else { return }
            let length = text.utf16.count
            if length > Self.maximumTextLength {
                add(path, ja: "文字数(\(length))が1つのセルに入る上限 \(Self.maximumTextLength) 文字を超えています",
                    en: "the text has \(length) characters, more than one cell holds (\(Self.maximumTextLength))")
            }
        }
        return out
    }


    private func checkCounts(_ add: (FieldPath, _ ja: String, _ en: String) -> Void) {
        let columns = projects.columns.count
        // The names are made only for a count that is wrong.
        func count(_ path: FieldPath, _ n: Int, _ expected: Int, ja: @autoclosure () -> String, en: @autoclosure () -> String) {
            guard n != expected else { return }
            add(path, "\(ja())の数(\(n))が列数(\(expected))と一致しません", "\(en()) has \(n) values for \(expected) columns")
        }
        count(.projectTotal(0), projects.totals.count, columns, ja: "総事業費", en: "totals row")
        for (i, row) in projects.rows.enumerated() {
            count(.project(i, .amount(0)), row.amounts.count, columns, ja: "事業 \(row.code) の金額", en: "project \(row.code)")
        }
        let years = indicators.years.count
        for (i, item) in indicators.items.enumerated() {
            // The values are named by their model key (the form's labels are the template's, which the
            // model does not know; the message's place names the row as the file shows it).
            typealias K = ModelKey.Indicator
            count(.indicator(i, .target(0)), item.targets.count, years, ja: "指標\(item.number)の値(\(K.targets))", en: "indicator \(item.number) \(K.targets)")
            count(.indicator(i, .actual(0)), item.actuals.count, years, ja: "指標\(item.number)の値(\(K.actuals))", en: "indicator \(item.number) \(K.actuals)")
            count(.indicator(i, .rate(0)), item.rates.count, years, ja: "指標\(item.number)の値(\(K.rates))", en: "indicator \(item.number) \(K.rates)")
        }
    }

    private func checkAmounts(_ add: (FieldPath, _ ja: String, _ en: String) -> Void) {
        let bound = Amount.maximumText
        // The name is made only for an amount that is wrong.
        func check(_ path: FieldPath, _ v: Int?, _ name: @autoclosure () -> (ja: String, en: String)) {
            guard let v, !Amount.isValid(v) else { return }
            let what = name()
            if v < 0 {
                add(path, "\(what.ja)が負の値です", "\(what.en) has a negative amount")
            } else {
                add(path, "\(what.ja)が上限 \(bound) 千円を超えています", "\(what.en) exceeds the bound of \(bound) thousand yen")
            }
        }
        for (i, row) in projects.rows.enumerated() {
            for (c, v) in row.amounts.enumerated() {
                check(.project(i, .amount(c)), v, ("事業 \(row.code) の金額", "project \(row.code)"))
            }
        }
        for (c, v) in projects.totals.enumerated() { check(.projectTotal(c), v, ("総事業費", "the total")) }
        for (k, a) in (lastYear?.budgetAmounts ?? []).enumerated() {
            check(.lastYearBudget(k), a.amount, ("前年度の予算(事業 \(a.code))", "last year's budget (project \(a.code))"))
        }
        for c in projects.columns.indices where projects.rows.allSatisfy({ c >= $0.amounts.count || $0.amounts[c].map(Amount.isValid) ?? true }) {
            if Amount.sum(projects.rows.map { c < $0.amounts.count ? $0.amounts[c] : nil }) == nil {
                add(.projectTotal(c), "事業の合計が上限 \(bound) 千円を超えています", "the sum of the projects exceeds the bound of \(bound) thousand yen")
            }
        }
    }

    private func checkYears(_ add: (FieldPath, _ ja: String, _ en: String) -> Void) {
        let range = Self.fiscalYearRange
        func check(_ path: FieldPath, _ y: Int) {
            guard !range.contains(y) else { return }
            add(path, "年度 \(y) は扱えません(\(range.lowerBound)〜\(range.upperBound) 年度)",
                "the fiscal year \(y) is outside \(range.lowerBound)–\(range.upperBound)")
        }
        check(.fiscalYear, fiscalYear)
        check(.futureActionsFromYear, futureActionsFromYear)
        for (c, m) in projects.columns.enumerated() { check(.moneyColumn(c), m.fiscalYear) }
        for (c, y) in indicators.years.enumerated() { check(.indicatorYear(c), y) }
        if let last = lastYear {
            check(.lastYearRating, last.fiscalYear)
            if let b = last.budget { check(.lastYearBudget(0), b.fiscalYear) }
        }
    }

    private func checkOrdinals(_ add: (FieldPath, _ ja: String, _ en: String) -> Void) {
        let range = Self.ordinalRange
        func check(_ path: FieldPath, _ n: Int) {
            guard !range.contains(n) else { return }
            add(path, "番号 \(n) は扱えません(\(range.lowerBound)〜\(range.upperBound))",
                "the number \(n) is outside \(range.lowerBound)–\(range.upperBound)")
        }
        for (i, d) in directions.enumerated() { check(.direction(i, .number), d.number) }
        for (i, p) in projects.rows.enumerated() { for d in p.directions { check(.project(i, .directions), d) } }
        for (i, item) in indicators.items.enumerated() { check(.indicator(i, .number), item.number) }
        for (i, f) in environment.enumerated() { for a in f.assessments { check(.factor(i, .assessments), a.code) } }
        for (i, c) in challenges.enumerated() { check(.challenge(i, .number), c.number) }
    }

    private func checkNumbers(_ add: (FieldPath, _ ja: String, _ en: String) -> Void) {
        func check(_ values: [IndicatorValue], _ path: (Int) -> FieldPath) {
            for (c, v) in values.enumerated() {
                guard let n = v.number, !n.isRepresentable else { continue }
                add(path(c), "数値 \(n.text) は扱えません(有効数字 \(PrintedNumber.maximumSignificantDigits) 桁、小数点以下 \(PrintedNumber.maximumFractionDigits) 桁まで)",
                    "the number \(n.text) is outside what a cell holds exactly (\(PrintedNumber.maximumSignificantDigits) significant digits, \(PrintedNumber.maximumFractionDigits) decimals)")
            }
        }
        for (i, item) in indicators.items.enumerated() {
            check(item.targets) { .indicator(i, .target($0)) }
            check(item.actuals) { .indicator(i, .actual($0)) }
            check(item.rates) { .indicator(i, .rate($0)) }
        }
    }
}
