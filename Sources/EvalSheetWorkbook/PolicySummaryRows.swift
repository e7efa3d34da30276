import EvalSheetModel

/// The rows of a year's index held compactly until the index is written: a batch appends one per
/// policy as the policies are converted, so each row is a run of bytes — texts as UTF-8, numbers as
/// variable-length integers — and the values most rows repeat (goal, department, section, rating,
/// money columns, rates) are numbers into tables that store each distinct value once. About a
/// tenth of the memory of the `PolicySummary` values themselves, which hold each text and list in
/// an allocation of its own.
///
/// A row read back (`subscript`) is the summary appended, equal field by field; rows are read in
/// `sortByCode`'s order once it is called, and their errors and warnings can be set afterwards.
public struct PolicySummaryRows: RandomAccessCollection, Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = []
    /// Each row's policy code, for the index's order.
    private var codes: [String] = []
    private var counts: [(errors: Int, warnings: Int)] = []
    /// The rows in the order they are read: `nil` for the order they were appended.
    private var order: [Int]?
    private var strings = ValueNumbers<String, ExactText> { ExactText($0) }
    private var goals = ValueNumbers<CodedName, [ExactText]> { [ExactText($0.code), ExactText($0.name)] }
    private var columnLists = ValueNumbers<[MoneyColumn], [MoneyColumn]> { $0 }  // years and kinds: no texts
    private var rates = ValueNumbers<IndicatorValue, ExactText> { ExactText($0.kindAndText) }

    public init() {}

    /// Rows of `summaries`, in their order.
    public init(_ summaries: some Sequence<PolicySummary>) {
        for s in summaries { append(s) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count }

    /// Makes room for `count` rows in all.
    public mutating func reserveCapacity(_ count: Int) {
        starts.reserveCapacity(count)
        codes.reserveCapacity(count)
        counts.reserveCapacity(count)
    }

    /// Adds a row at the end (read after the others, or in code order once sorted again).
    public mutating func append(_ s: PolicySummary) {
        order?.append(starts.count)
        starts.append(bytes.count)
        codes.append(s.code)
        counts.append((s.errors, s.warnings))
        var w = RowBytes(bytes: bytes)
        bytes = []
        w.signed(s.fiscalYear)
        w.text(s.code)
        w.text(s.name)
        w.unsigned(goals.number(s.goal))
        w.unsigned(strings.number(s.department))
        w.unsigned(strings.number(s.section))
        w.unsigned(strings.number(s.rating))
        w.unsigned(columnLists.number(s.columns))
        w.unsigned(s.totals.count)
        for t in s.totals { w.signed(t) }
        w.unsigned(s.latestRates.count)
        for r in s.latestRates {
            w.signed(r.number)
            w.unsigned(rates.number(r.rate))
        }
        if let workbook = s.workbook {
            w.unsigned(1)
            w.text(workbook)
        } else {
            w.unsigned(0)
        }
        bytes = w.bytes
    }

    /// The row at `position` (in code order once `sortByCode` was called).
    public subscript(position: Int) -> PolicySummary {
        let row = order?[position] ?? position
        var r = RowReader(bytes: bytes, at: starts[row])
        let fiscalYear = r.signed()
        let code = r.text(), name = r.text()
        let goal = goals.values[r.unsigned()]
        let department = strings.values[r.unsigned()], section = strings.values[r.unsigned()]
        let rating = strings.values[r.unsigned()]
        let columns = columnLists.values[r.unsigned()]
        let totals = (0..<r.unsigned()).map { _ in r.signed() }
        let latestRates = (0..<r.unsigned()).map { _ in (number: r.signed(), rate: rates.values[r.unsigned()]) }
        let workbook = r.unsigned() == 1 ? r.text() : nil
        return PolicySummary(fiscalYear: fiscalYear, code: code, name: name, goal: goal, department: department,
                             section: section, rating: rating, columns: columns, totals: totals,
                             latestRates: latestRates, errors: counts[row].errors, warnings: counts[row].warnings,
                             workbook: workbook)
    }

    /// Reads the rows in the order of their policy codes from now on; rows with equal codes keep
    /// the order they were appended in (as a stable sort of the summaries by code would).
    public mutating func sortByCode() {
        var order = Array(starts.indices)
        let codes = self.codes
        order.sort { codes[$0] < codes[$1] || (codes[$0] == codes[$1] && $0 < $1) }
        self.order = order
    }

    /// Sets every row's errors and warnings from its policy code.
    public mutating func setCounts(_ count: (_ code: String) -> (errors: Int, warnings: Int)) {
        for i in counts.indices { counts[i] = count(codes[i]) }
    }
}

/// Distinct values, each stored once, known by their numbers in order of first appearance. Values
/// are told apart by `key` (texts by `ExactText`), not by `==`: texts that are canonically equal but
/// spelled otherwise (NFC and NFD) are two values, so every row reads back as it was spelled.
private struct ValueNumbers<Value: Sendable, Key: Hashable & Sendable>: Sendable {
    private(set) var values: [Value] = []
    private var numbers: [Key: Int] = [:]
    private let key: @Sendable (Value) -> Key

    init(key: @escaping @Sendable (Value) -> Key) { self.key = key }

    /// The number of `value`, added when new.
    mutating func number(_ value: Value) -> Int {
        let k = key(value)
        if let n = numbers[k] { return n }
        values.append(value)
        numbers[k] = values.count - 1
        return values.count - 1
    }
}

extension IndicatorValue {
    /// The value's kind and printed text, which tell values apart exactly (a number's text is its
    /// value, digits, grouping, percent and footnote).
    fileprivate var kindAndText: String {
        switch self {
        case .blank: "b"
        case .notApplicable: "n"
        case .number: "#" + text
        }
    }
}

/// Writes a row's values: numbers as `CompactIntegers`, texts as their UTF-8 length and bytes.
private struct RowBytes {
    var bytes: [UInt8]

    mutating func unsigned(_ n: Int) { CompactIntegers.append(count: n, to: &bytes) }
    mutating func signed(_ n: Int) { CompactIntegers.append(signed: n, to: &bytes) }

    mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            unsigned(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }
}

/// Reads back what `RowBytes` wrote, in the same order.
private struct RowReader {
    let bytes: [UInt8]
    var at: Int

    mutating func unsigned() -> Int { CompactIntegers.count(bytes, at: &at) }
    mutating func signed() -> Int { CompactIntegers.signed(bytes, at: &at) }

    mutating func text() -> String {
        let count = unsigned()
        let end = count >= 0 && count <= bytes.count - at ? at + count : bytes.count
        defer { at = end }
        return String(decoding: bytes[at..<end], as: UTF8.self)
    }
}
