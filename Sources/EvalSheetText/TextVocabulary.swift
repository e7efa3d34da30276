import EvalSheetModel
import EvalSheetForm

/// The form's wording as the text reader compares it, taken once per file from a `FormTemplate`:
/// every label, heading and legend line the reader matches, as label keys (`Label.key`), and the
/// names its messages use. Nothing here is written out: a template with a label renamed reads (and
/// names in its messages) the renamed label. A class: every reader of every sheet refers to the one
/// vocabulary of its file, never a copy of it.
final class TextVocabulary: Sendable {
    let template: FormTemplate
    var labels: FormTemplate.Labels { template.labels }
    /// The labels of §3's and §6's columns, §4's rows (and the labels before their values), §7's
    /// parts and §1's records, with their keys.
    let projectColumns: LabelTable<ProjectColumn>
    let factorColumns: LabelTable<FactorColumn>
    let indicatorRows: LabelTable<IndicatorRow>
    let indicatorValueLabels: LabelTable<IndicatorRow>
    let challengeParts: LabelTable<ChallengePart>
    let basicLabels: LabelTable<BasicRecord>
    /// §1…§7, in order, and their headings' fixed parts as keys (`SectionTitle.stemKey`).
    let sections: [SectionTitle]
    let sectionStemKeys: [String]
    /// Their lengths in characters.
    let sectionStemLengths: [Int]
    /// The first bytes of the sections' heading keys when every one starts with an ASCII digit (a
    /// line whose first cell starts otherwise opens no section); nil otherwise.
    let sectionLeads: Set<UInt8>?

    /// §1: each label (and variant) key with the record it names; the fiscal-year label's key and
    /// the keys that enclose the year in its cell (`(` `)`).
    let basicRecords: [String: BasicRecord]
    let fiscalYearKey: String
    /// The first scalars of the NFDs of those keys and of the fiscal-year label's key: a cell whose
    /// key opens with a plain starter not among them is no §1 label (`basicRecord`).
    private let basicStarts: Set<UInt32>
    let fiscalYearOpen: String, fiscalYearClose: String

    /// §3: `(単位:千円)`, and `(単位` — how any unit statement starts.
    let amountUnitKey: String, amountUnitStart: String
    let totalKey: String

    /// §5: the criterion's wordings, and the first words of the rating caption (`総合評価`) and of the
    /// criterion (`投入財源`): a line starting with either is a rating row.
    let criteria: TextSet
    let ratingCaptionWord: String
    let criterionStart: String
    /// The first scalars of their NFDs (`Label.hasPrefix`).
    let ratingCaptionWordNFD: UInt32, criterionStartNFD: UInt32
    let legend: TextSet

    /// §7: `以降の取組` — the future part's label after its year — as printed and as a key.
    let futureSuffix: String, futureSuffixKey: String

    init(_ template: FormTemplate) {
        self.template = template
        let l = template.labels
        projectColumns = LabelTable(l, \.label)
        factorColumns = LabelTable(l, \.label)
        indicatorRows = LabelTable(l, \.label)
        indicatorValueLabels = LabelTable(l, \.valuesLabel)
        challengeParts = LabelTable(l, \.label)
        basicLabels = LabelTable(l, \.label)
        sections = template.sheets.all.enumerated().map { SectionTitle(number: $0.offset + 1, sheet: $0.element) }
        sectionStemKeys = sections.map(\.stemKey)
        sectionStemLengths = sectionStemKeys.map(\.count)
        let leads = sections.compactMap { $0.stemKey.utf8.first }
        sectionLeads = leads.count == sections.count && leads.allSatisfy({ (0x30...0x39).contains($0) })
            && sections.allSatisfy({ $0.stemKey.unicodeScalars.first.map { $0.isASCII } ?? false }) ? Set(leads) : nil

        var records: [String: BasicRecord] = [:]
        for record in BasicRecord.allCases where record != .fiscalYear {
            let variants = record.variants.map { template.textForm.labelVariants[keyPath: $0] } ?? []
            for label in [l[keyPath: record.label]] + variants where records[Label.key(label)] == nil {
                records[Label.key(label)] = record
            }
        }
        basicRecords = records
        fiscalYearKey = Label.key(l.fiscalYear)
        basicStarts = Set((Array(records.keys) + [fiscalYearKey]).map(Label.nfdStart))
        let cell = template.textForm.fiscalYearCell.replacingOccurrences(of: "{label}", with: "")
        let parts = cell.components(separatedBy: "{fiscalYear}")
        fiscalYearOpen = Label.key(parts.first ?? "")
        fiscalYearClose = parts.count > 1 ? Label.key(parts[1]) : ""

        amountUnitKey = Label.key(l.unit)
        amountUnitStart = Label.key("(" + template.textForm.amountUnitWord)
        totalKey = Label.key(l.total)

        criteria = TextSet(([l.criterion] + template.textForm.criterionVariants).map(Label.key))
        criterionStart = Self.firstWord(l.criterion)
        ratingCaptionWord = Self.firstWord(l.ratingCaption)
        criterionStartNFD = Label.nfdStart(criterionStart)
        ratingCaptionWordNFD = Label.nfdStart(ratingCaptionWord)
        legend = TextSet(template.legend)

        futureSuffix = l.future.replacingOccurrences(of: "{year}", with: "")
        futureSuffixKey = Label.key(futureSuffix)
    }

    static let standard = TextVocabulary(.standard)

    /// The vocabulary of a template (the default one's is built once).
    static func of(_ template: FormTemplate) -> TextVocabulary {
        template == .standard ? .standard : TextVocabulary(template)
    }

    /// Section `n` (1…7).
    func section(_ n: Int) -> SectionTitle { sections[n - 1] }

    /// The record a §1 cell labels, or nil when it is no §1 label.
    func basicRecord(_ cell: String) -> BasicRecord? {
        if !fiscalYearKey.isEmpty, let first = Label.firstKeyScalar(cell), TextSet.isPlainStarter(first),
           !basicStarts.contains(first) { return nil }
        let key = Label.key(cell)
        if key.hasPrefix(fiscalYearKey) { return .fiscalYear }
        return basicRecords[key]
    }

    /// A label's first word, as a key: up to the first `・`, bracket, comma or space —
    /// `総合評価(成果、…)` → `総合評価`, `投入財源・成果(…)` → `投入財源`.
    static func firstWord(_ label: String) -> String {
        String(Label.key(label.prefix { !"・()（）「〔、 \u{3000}".contains($0) }))
    }
}

/// One section of the form as the text form prints it: its heading (the template's section title,
/// `{fiscalYear}` replaced), the heading's fixed part, and its names for messages.
struct SectionTitle: Sendable {
    let number: Int
    /// The title as the template has it: `5. 評価({fiscalYear}実績に対する)`.
    let title: String
    /// The heading without the part that holds the year: `5. 評価`. A line opens the section when
    /// its first cell starts with this (compared as label keys).
    let stem: String
    let stemKey: String
    /// The section's name without its number, as messages call it: `構成事業の状況`.
    let name: String
    /// The sheet's short name without its number (`構成事業`, from the sheet name `3 構成事業`).
    let shortName: String
    /// The label keys before and after `{fiscalYear}` (`5.評価(`, `実績に対する)`); nil without one.
    let yearSlot: (before: String, after: String)?

    init(number: Int, sheet: FormTemplate.Sheet) {
        self.number = number
        title = sheet.title
        if let range = sheet.title.range(of: "{fiscalYear}") {
            let before = sheet.title[..<range.lowerBound]
            stem = String(before.reversed().drop { " \u{3000}(\u{FF08}".contains($0) }.reversed())
            yearSlot = (Label.key(before), Label.key(sheet.title[range.upperBound...]))
        } else {
            stem = sheet.title
            yearSlot = nil
        }
        stemKey = Label.key(stem)
        name = Self.withoutNumber(stem)
        shortName = Self.withoutNumber(sheet.name)
    }

    /// The heading as printed for a fiscal year.
    func heading(fiscalYear: Int) -> String {
        title.replacingOccurrences(of: "{fiscalYear}", with: FiscalYearText.japanese(fiscalYear))
    }

    /// Whether a heading cell reads exactly as the form prints it: the fixed part alone, or the whole
    /// title with a fiscal year in its place. Anything more is text the model does not keep.
    func isCanonical(_ cell: some StringProtocol) -> Bool {
        let key = Label.key(cell)
        if key == stemKey { return true }
        guard let (before, after) = yearSlot, key.count > before.count + after.count,
              key.hasPrefix(before), key.hasSuffix(after) else { return false }
        return FiscalYearText.parse(key.dropFirst(before.count).dropLast(after.count)) != nil
    }

    /// The fiscal year a heading names in the title's year place, if it names one.
    func fiscalYear(in cell: some StringProtocol) -> Int? {
        guard let (before, after) = yearSlot else { return nil }
        let key = Label.key(cell)
        let close = String(after.prefix { !")\u{FF09}".contains($0) })
        guard let open = key.range(of: before), let end = key.range(of: close.isEmpty ? after : close, range: open.upperBound..<key.endIndex)
        else { return nil }
        return FiscalYearText.parse(key[open.upperBound..<end.lowerBound])
    }

    /// `3. 構成事業の状況` → `構成事業の状況`; `3 構成事業` → `構成事業`.
    private static func withoutNumber(_ s: String) -> String {
        let rest = s.drop { $0.isASCII && $0.isNumber }
        guard rest.count < s.count else { return s }
        return String(rest.drop { $0 == "." || $0 == "\u{FF0E}" || $0 == " " || $0 == "\u{3000}" })
    }
}

/// The records of §1, each printed once: the label each has in the template, its variants, its place
/// in the model.
enum BasicRecord: CaseIterable, Sendable {
    case fiscalYear, policyCode, policyName, vision, goal
    case department, section, subsection, person, title, phoneExtension, relatedSections

    var label: KeyPath<FormTemplate.Labels, String> {
        switch self {
        case .fiscalYear: \.fiscalYear
        case .policyCode: \.policyCode
        case .policyName: \.policyName
        case .vision: \.vision
        case .goal: \.goal
        case .department: \.department
        case .section: \.section
        case .subsection: \.subsection
        case .person: \.person
        case .title: \.title
        case .phoneExtension: \.phoneExtension
        case .relatedSections: \.relatedSections
        }
    }

    var variants: KeyPath<FormTemplate.LabelVariants, [String]>? {
        switch self {
        case .department: \.department
        case .section: \.section
        case .subsection: \.subsection
        case .fiscalYear, .policyCode, .policyName, .vision, .goal, .person, .title, .phoneExtension, .relatedSections: nil
        }
    }

    /// Where the record's value is in the model (the code of a coded record; the first 関係課).
    var path: FieldPath {
        switch self {
        case .fiscalYear: .fiscalYear
        case .policyCode: .policyCode
        case .policyName: .policyName
        case .vision: .visionCode
        case .goal: .goalCode
        case .department: .department
        case .section: .section
        case .subsection: .subsection
        case .person: .person
        case .title: .title
        case .phoneExtension: .phoneExtension
        case .relatedSections: .relatedSection(0)
        }
    }
}
