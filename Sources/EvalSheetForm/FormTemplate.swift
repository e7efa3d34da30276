import Foundation
import StrictJSON
import EvalSheetModel

/// The workbook layout as data: sheet names and titles, every fixed label, column widths, fonts,
/// colours and print settings. Export writes with it and import reads with the same one, so the two
/// cannot drift apart. The default (`templates/kiyose-default.json`) is embedded in the binary;
/// `--template FILE` loads another.
public struct FormTemplate: Codable, Sendable, Equatable {
    public var name: String
    public var version: Int
    public var description: String?
    public var font: Font
    public var colors: Colors
    /// The row that closes a table (the Japanese 以下余白 convention); import reads up to it.
    public var endMarker: String
    public var print: Print
    public var sheets: Sheets
    public var labels: Labels
    /// Wording only the text form has (label variants, the fiscal-year cell …): FormTemplate+TextForm.swift.
    public var textForm: TextForm
    /// The rating legend printed under §5.
    public var legend: [String]
    /// Input help shown when a user selects an input cell.
    public var inputHelp: [String: String]
    /// The year's index workbook (`index.xlsx`): its sheet names, titles and headings (FormTemplate+Index.swift).
    public var index: Index

    /// The font of every cell, and the size of sheet titles.
    public struct Font: Codable, Sendable, Equatable {
        public var name: String
        public var size: Double
        public var titleSize: Double
    }

    /// Colours as `RRGGBB` hex strings.
    public struct Colors: Codable, Sendable, Equatable {
        public var labelFill: String
        public var headerFill: String
        public var inputFill: String
        public var totalFill: String
        public var border: String
        public var noteText: String
    }

    /// Print setup shared by every sheet. `{code}`, `{name}` and `{fiscalYear}` are replaced.
    public struct Print: Codable, Sendable, Equatable {
        public var paper: String
        public var marginsCm: Margins
        public var header: String
        public var footer: String
    }

    /// Margins in centimetres.
    public struct Margins: Codable, Sendable, Equatable {
        public var left, right, top, bottom, header, footer: Double
    }

    /// One worksheet: its tab name (≤ 31 characters), the title in A1, its orientation and column widths.
    public struct Sheet: Codable, Sendable, Equatable {
        public var name: String
        public var title: String
        public var orientation: String
        public var columnWidths: [Double]
    }

    /// The seven section sheets.
    public struct Sheets: Codable, Sendable, Equatable {
        public var basic, directions, projects, indicators, evaluation, environment, challenges: Sheet

        /// The sheets in section order 1…7.
        public var all: [Sheet] { [basic, directions, projects, indicators, evaluation, environment, challenges] }
    }

    /// Every fixed label of the form.
    public struct Labels: Codable, Sendable, Equatable {
        public var fiscalYear, policyCode, policyName, vision, goal, department, section, subsection: String
        public var person, title, phoneExtension, relatedSections, futureVision, directions: String
        public var unit, projectCode, projectName, executionPlan, projectDirections, projectSection, total: String
        public var indicatorHeader, indicatorName, indicatorDescription, indicatorMethod, indicatorUnit: String
        public var indicatorDirection, target, actual, rate: String
        /// The two values of 評価の向き as the workbook's dropdown shows them (高いほど良い / 低いほど良い).
        public var higherIsBetter, lowerIsBetter: String
        public var criterionHeader, ratingHeader, reasonHeader, criterion, ratingCaption: String
        public var factor, status, assessment, factorReason: String
        public var challenge, relatedProjects, current, future: String
        /// The title of the input message and error of §3's money cells (金額(千円)).
        public var amountTitle: String
        /// On a rolled-over sheet, last year's reference (locked, not this year's data): the heading
        /// of §3's reference column (`{column}`: 令和2年度予算) and §5's labels of last year's rating
        /// and reason (`{fiscalYear}`: 令和元年度).
        public var referenceColumn, lastYearRating, lastYearReason: String

        /// `(参考)令和2年度予算`.
        public func referenceColumn(_ column: String) -> String { referenceColumn.replacingOccurrences(of: "{column}", with: column) }

        /// `(参考)令和元年度の総合評価` / `…の評価理由` for last year's fiscal year.
        public func lastYear(_ label: String, year: Int) -> String {
            label.replacingOccurrences(of: "{fiscalYear}", with: FiscalYearText.japanese(year))
        }

        /// The label of a direction (the dropdown word).
        public func direction(_ d: IndicatorDirection) -> String {
            switch d {
            case .higherIsBetter: higherIsBetter
            case .lowerIsBetter: lowerIsBetter
            }
        }

        /// The direction a cell's text names (spaces ignored), by the template's words or the model's raw value.
        public func direction(named text: some StringProtocol) -> IndicatorDirection? {
            let s = text.withoutSpaces()
            return IndicatorDirection.allCases.first { direction($0).withoutSpaces() == s || $0.rawValue == s }
        }

        /// `令和3年度以降の取組` for 2021 (the template's `{year}` replaced).
        public func future(from year: Int) -> String {
            future.replacingOccurrences(of: "{year}", with: FiscalYearText.japanese(year))
        }
    }

    /// The template embedded in the binary (templates/kiyose-default.json).
    public static let standard: FormTemplate = {
        do {
            // The schema of template files is derived from this one, so it is not checked against it.
            return try decode(Data(embeddedDefaultJSON.utf8), file: "kiyose-default.json (embedded)", checkingSchema: false)
        } catch {
            fatalError("the embedded template must decode: \(error)")
        }
    }()

    /// Loads a template file, checking that the writer can honour every value in it.
    ///
    /// - Throws: `TemplateError` naming the file and, for each problem, the key as a JSON pointer
    ///   (`kiyose.json#/colors/labelFill`) — all problems of the file at once.
    public static func load(path: String) throws -> FormTemplate {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TemplateError(file: path, message: .init(ja: "テンプレートを開けません", en: "cannot open the template"),
                                id: "template.unreadable")
        }
        return try decode(data, file: path)
    }

    static func decode(_ data: Data, file: String, checkingSchema: Bool = true) throws -> FormTemplate {
        let document: JSONNode
        do {
            // Repeated keys are kept, so that each is reported with the file's other problems.
            document = try JSONParser.parse(data, duplicateKeys: .keep)
        } catch {
            // The place is in the message (line and column); the location stays the file.
            throw TemplateError(file: file,
                                message: .init(ja: "JSON として読めません: \(error.ja)", en: "not valid JSON: \(error.en)"),
                                id: "template.syntax")
        }
        let structure = checkingSchema ? TemplateSchema.problems(document) : []
        guard structure.isEmpty else { throw TemplateError(file: file, structure) }
        let t: FormTemplate
        do {
            t = try JSONDecoder().decode(FormTemplate.self, from: data)
        } catch let error as DecodingError {
            throw TemplateError(file: file, [TemplateProblem(decoding: error)])
        }
        try t.validate(file: file)
        return t
    }

    /// Throws every value the writer cannot honour (see `problems()`), naming `file`. Every
    /// workbook written checks its template: the last template's problems are kept.
    public func validate(file: String) throws {
        let found = templateProblems.value(for: self, problems)
        if !found.isEmpty { throw TemplateError(file: file, found) }
    }
}

/// One value of a template that cannot be used: its key as a JSON pointer, and why.
public struct TemplateProblem: Hashable, Sendable {
    /// `/colors/labelFill`, `/sheets/basic/columnWidths/3`; "" for the whole document.
    public var pointer: String
    public var message: LocalizedMessage
    /// `template.value`, `template.unknown-key`, `template.duplicate-key`, `template.missing-key`, `template.type`.
    public var id: String

    public init(pointer: String, message: LocalizedMessage, id: String = "template.value") {
        self.pointer = pointer
        self.message = message
        self.id = id
    }

    init(decoding error: DecodingError) {
        func pointer(_ path: [any CodingKey]) -> String {
            path.map { "/" + TemplateSchema.escape($0.intValue.map(String.init) ?? $0.stringValue) }.joined()
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            self.init(pointer: pointer(ctx.codingPath + [key]), message: .init(ja: "キーがありません", en: "the key is missing"),
                      id: "template.missing-key")
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
            self.init(pointer: pointer(ctx.codingPath), message: .init(ja: "値の型が違います", en: "the value has the wrong type"),
                      id: "template.type")
        @unknown default:
            self.init(pointer: "", message: .init(ja: "テンプレートを読めません", en: "cannot read the template"), id: "template.type")
        }
    }
}

/// A template that cannot be used: its file and every problem, each with its key.
public struct TemplateError: SheetReadError, CustomStringConvertible {
    public var file: String
    /// The first problem's key (a JSON pointer; "" for the whole file) and message.
    public var pointer: String
    public var message: LocalizedMessage
    public var id: String
    /// The other problems of the same file, in document order.
    public var additional: [TemplateError] = []

    public init(file: String, pointer: String = "", message: LocalizedMessage, id: String = "template.value") {
        self.file = file
        self.pointer = pointer
        self.message = message
        self.id = id
    }

    /// The problems of one file; at least one.
    init(file: String, _ problems: [TemplateProblem]) {
        let all = problems.map { TemplateError(file: file, pointer: $0.pointer, message: $0.message, id: $0.id) }
        self = all[0]
        additional = Array(all.dropFirst())
    }

    /// `kiyose.json#/colors/labelFill`, or the file alone.
    public var location: String { pointer.isEmpty ? file : "\(file)#\(pointer)" }

    /// This problem and the additional ones.
    public var problems: [ReaderNote] {
        ([self] + additional).map { ReaderNote(id: $0.id, message: $0.message, file: $0.file, location: $0.location) }
    }

    /// One line per problem: `kiyose.json#/print/paper: message`.
    public func text(_ language: Language) -> String { lines(language).joined(separator: "\n") }

    public var description: String { text(.ja) }
}

/// The name the workbook layer has always used for the template (the layout is one use of it).
public typealias WorkbookTemplate = FormTemplate
