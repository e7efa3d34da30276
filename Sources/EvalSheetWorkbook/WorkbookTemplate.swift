import Foundation
import EvalSheetModel

/// The workbook layout as data: sheet names and titles, every fixed label, column widths, fonts,
/// colours and print settings. Export writes with it and import reads with the same one, so the two
/// cannot drift apart. The default (`templates/kiyose-default.json`) is embedded in the binary;
/// `--template FILE` loads another.
public struct WorkbookTemplate: Codable, Sendable, Equatable {
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
    /// The rating legend printed under §5.
    public var legend: [String]
    /// Input help shown when a user selects an input cell.
    public var inputHelp: [String: String]

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
        public var criterionHeader, ratingHeader, reasonHeader, criterion, ratingCaption: String
        public var factor, status, assessment, factorReason: String
        public var challenge, relatedProjects, current, future: String

        /// `令和3年度以降の取組` for 2021 (the template's `{year}` replaced).
        public func future(from year: Int) -> String {
            future.replacingOccurrences(of: "{year}", with: FiscalYearText.japanese(year))
        }
    }

    /// The template embedded in the binary (templates/kiyose-default.json).
    public static let standard: WorkbookTemplate = {
        do {
            return try decode(Data(embeddedDefaultJSON.utf8), file: "kiyose-default.json (embedded)")
        } catch {
            fatalError("the embedded template must decode: \(error)")
        }
    }()

    /// Loads a template file, checking it can be used.
    public static func load(path: String) throws -> WorkbookTemplate {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TemplateError(file: path, message: .init(ja: "テンプレートを開けません", en: "cannot open the template"))
        }
        return try decode(data, file: path)
    }

    static func decode(_ data: Data, file: String) throws -> WorkbookTemplate {
        let t: WorkbookTemplate
        do {
            t = try JSONDecoder().decode(WorkbookTemplate.self, from: data)
        } catch {
            throw TemplateError(file: file, message: .init(ja: "テンプレートの形式が違います: \(error)",
                                                          en: "not a valid template: \(error)"))
        }
        try t.check(file: file)
        return t
    }

    /// Sheet names must be usable and distinct; every sheet needs its column widths.
    func check(file: String) throws {
        let names = sheets.all.map(\.name)
        for n in names where n.isEmpty || n.count > 31 || n.contains(where: { "[]:*?/\\".contains($0) }) {
            throw TemplateError(file: file, message: .init(
                ja: "シート名「\(n)」は使えません(31文字以内、[]:*?/\\ を含まない)",
                en: "sheet name \"\(n)\" is not allowed (≤ 31 characters, none of []:*?/\\)"))
        }
        if Set(names.map { $0.lowercased() }).count != names.count {
            throw TemplateError(file: file, message: .init(ja: "シート名が重複しています", en: "duplicate sheet names"))
        }
        let minimum = [8, 3, 5, 7, 3, 4, 5]
        for (sheet, n) in zip(sheets.all, minimum) where sheet.columnWidths.count < n {
            throw TemplateError(file: file, message: .init(
                ja: "シート「\(sheet.name)」の列幅が \(n) 列分必要です", en: "sheet \"\(sheet.name)\" needs \(n) column widths"))
        }
    }
}

/// A template that cannot be used, with its file.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: LocalizedMessage
    public func text(_ language: Language) -> String { "\(file): \(message.text(language))" }
    public var description: String { text(.ja) }
}
