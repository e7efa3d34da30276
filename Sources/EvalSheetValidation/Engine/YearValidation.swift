import EvalSheetModel
import EvalSheetForm

/// The year's rules over sheets given one at a time, in order (a batch adds each policy once it is
/// converted): per fiscal year each rule's `YearRuleStream`, and per sheet only its policy code, its
/// file and where its values came from (equal maps without locations, JSON's, stored once).
/// `findings` are those of `Validator.validate` over the same sheets with these rules and no sheet
/// rules, in its order.
public struct YearValidation {
    /// What is kept of one sheet to place its findings.
    private struct Sheet {
        var policy: String
        var file: String
        var map: Int32
    }

    private let rules: [any YearRule]
    private var sheets: [Sheet] = []
    private var maps: [SourceMap] = []
    /// The maps without locations of their own (JSON's: every path its pointer), stored once each.
    private var bareMaps: [SourceMap: Int32] = [:]
    /// The fiscal years in order of first appearance, and each one's streams.
    private var years = NumberedValues<Int>()
    private var streams: [[any YearRuleStream]] = []

    /// A validation of the sheets to come with `rules`.
    public init(rules: [any YearRule] = Validator.yearRules) { self.rules = rules }

    /// How many sheets were added.
    public var count: Int { sheets.count }

    /// Adds the next sheet (its findings are numbered by the order sheets were added).
    public mutating func add(_ loaded: LoadedSheet) {
        let index = sheets.count
        var map = loaded.sourceMap
        map.file = ""
        sheets.append(Sheet(policy: loaded.sheet.policy.code, file: loaded.sourceMap.file, map: number(map)))
        let year = Int(years.number(loaded.sheet.fiscalYear))
        if year == streams.count { streams.append(rules.map { $0.stream() }) }
        for r in streams[year].indices { streams[year][r].add(loaded.sheet, index: index) }
    }

    /// The number of a sheet's source map: one without locations shared with equal ones (the same
    /// for every JSON sheet), one with locations (text, workbooks: each sheet's own) stored as it is.
    private mutating func number(_ map: SourceMap) -> Int32 {
        if map.locations.isEmpty, let n = bareMaps[map] { return n }
        let n = Int32(clamping: maps.count)
        maps.append(map)
        if map.locations.isEmpty { bareMaps[map] = n }
        return n
    }

    /// The findings over every sheet added, in `Validator.validate`'s order.
    public func findings(template: FormTemplate = .standard) -> [Finding] {
        Validator.sorted(numberedFindings(template: template))
    }

    /// The findings over every sheet added, in `Validator.validate`'s order, given to `body` one at
    /// a time — and the sheets given up as they are (a batch spools each finding as it comes): each
    /// rule's state is freed once its hits are made, and a finding's `location` is formatted only
    /// when it is given (the order does not read it). The validation holds no sheets afterwards.
    public mutating func takeFindings(template: FormTemplate = .standard, _ body: (Finding) -> Void) {
        var found = collectFindings(template: template, releasing: true, located: false)
        (sheets, maps, bareMaps, years) = ([], [], [:], NumberedValues())
        Validator.sort(&found)
        for (_, f) in found {
            var f = f
            f.location = f.place?.qualified(in: f.file) ?? f.file
            body(f)
        }
    }

    /// The findings, each with the number of its sheet, in the order the rules found them.
    func numberedFindings(template: FormTemplate) -> [(sheet: Int, finding: Finding)] {
        var copy = self  // shares the streams; nothing is released
        return copy.collectFindings(template: template, releasing: false, located: true)
    }

    /// `numberedFindings`; with `releasing` each rule's state is freed once its hits are made (no
    /// streams are left), without `located` the findings' `location` is left empty.
    private mutating func collectFindings(template: FormTemplate, releasing: Bool, located: Bool) -> [(sheet: Int, finding: Finding)] {
        var found: [(sheet: Int, finding: Finding)] = []
        for y in streams.indices {
            for (r, rule) in rules.enumerated() {
                let hits = streams[y][r].hits(template: template)
                if releasing { streams[y][r] = ReleasedStream() }
                for (index, hit) in hits where sheets.indices.contains(index) {
                    let sheet = sheets[index]
                    found.append((index, Validator.finding(rule, hit, policy: sheet.policy, file: sheet.file,
                                                           map: maps[Int(sheet.map)], located: located)))
                }
            }
        }
        if releasing { streams = [] }
        return found
    }
}

/// What is left of a rule's stream once its hits are made: nothing.
private struct ReleasedStream: YearRuleStream {
    mutating func add(_ sheet: EvaluationSheet, index: Int) {}
    func hits(template: FormTemplate) -> [YearRuleHit] { [] }
}
