import Foundation
import EvalSheetModel
import XLSX
import XLSXReader

/// Reads a workbook written by `WorkbookExporter` back into the model — also after a department
/// edited it in Excel or LibreOffice, inserted or deleted rows, renamed or reordered sheets, or typed
/// numbers as text. Uses the same layout description (template and section layouts) as the export.
public struct WorkbookImporter: Sendable {
    public let template: WorkbookTemplate
    public let limits: XLSXReadLimits

    public init(template: WorkbookTemplate = .standard, limits: XLSXReadLimits = .default) {
        self.template = template
        self.limits = limits
    }

    /// Reads the workbook at `path`; messages name it `displayName`.
    public func read(path: String, displayName: String? = nil) throws(WorkbookImportError) -> LoadedSheet {
        let file = displayName ?? path
        let document: XLSXDocument
        do {
            document = try XLSXDocument(path: path, limits: limits)
        } catch {
            throw WorkbookImportError(error, file: file)
        }
        return try read(document, file: file)
    }

    func read(_ document: XLSXDocument, file: String) throws(WorkbookImportError) -> LoadedSheet {
        if case .int(let v)? = document.customProperties[WorkbookProperty.schemaVersion], v > EvaluationSheet.currentSchemaVersion {
            throw WorkbookImportError(file: file, message: .init(
                ja: "このブックは新しい版の EvalSheet で作られています(schemaVersion \(v))。ツールを更新してください",
                en: "this workbook was made by a newer EvalSheet (schemaVersion \(v)); update the tool"))
        }
        let ctx = ImportContext(file: file, document: document, template: template)
        let sheets = try SectionSheets.locate(in: document, template: template, file: file)
        do {
            func view(_ k: Int) throws -> SheetView {
                let ws = sheets[k]
                ctx.sourceMap.sections[k + 1] = .cell(sheet: ws.name, cell: "A1")
                return SheetView(worksheet: ws)
            }
            let basic = try BasicInformationSheet.read(try view(0), ctx)
            let (vision, directions) = try DirectionsSheet.read(try view(1), ctx)
            let projects = try ProjectsSheet.read(try view(2), ctx)
            let indicators = try IndicatorsSheet.read(try view(3), ctx)
            let evaluation = try EvaluationSectionSheet.read(try view(4), ctx)
            let environment = try EnvironmentSheet.read(try view(5), ctx)
            let (challenges, fromYear) = try ChallengesSheet.read(try view(6), ctx)
            let sheet = EvaluationSheet(
                fiscalYear: basic.fiscalYear, policy: basic.policy, vision: basic.vision, goal: basic.goal,
                organization: basic.organization, futureVision: vision, directions: directions,
                projects: projects, indicators: indicators, evaluation: evaluation, environment: environment,
                challenges: challenges, futureActionsFromYear: fromYear ?? basic.fiscalYear + 2)
            return LoadedSheet(sheet: sheet, sourceMap: ctx.sourceMap, notes: ctx.notes)
        } catch let e as WorkbookImportError {
            throw e
        } catch let e as XLSXReadError {
            throw WorkbookImportError(e, file: file)
        } catch {
            throw WorkbookImportError(file: file, message: .init(ja: "\(error)", en: "\(error)"))
        }
    }
}

/// Finds the seven section sheets: by the template's sheet name, or — when a user renamed or
/// reordered them — by the section title in A1.
enum SectionSheets {
    static func locate(in document: XLSXDocument, template: WorkbookTemplate, file: String) throws(WorkbookImportError) -> [XLSXWorksheet] {
        var found: [XLSXWorksheet?] = Array(repeating: nil, count: 7)
        var byTitle: [String: XLSXWorksheet]?
        var unreadable: XLSXReadError?  // a sheet that could not be read: the real reason when no section is found
        func titleKey(_ title: String) -> String {
            LabelKey.of(String(title.split(separator: "(", maxSplits: 1).first ?? Substring(title)))
        }
        for (k, spec) in template.sheets.all.enumerated() {
            do {
                if let ws = try document.worksheet(named: spec.name), titleKey(SheetView(worksheet: ws).text(.at(0, 0))) == titleKey(spec.title) {
                    found[k] = ws
                    continue
                }
                if byTitle == nil {
                    byTitle = [:]
                    for info in document.sheets where info.kind == .worksheet {
                        let ws: XLSXWorksheet?
                        do { ws = try document.worksheet(named: info.name) } catch { unreadable = unreadable ?? error; continue }
                        guard let ws else { continue }
                        byTitle![titleKey(SheetView(worksheet: ws).text(.at(0, 0))), default: ws] = ws
                    }
                }
                found[k] = byTitle![titleKey(spec.title)]
            } catch {
                throw WorkbookImportError(error, file: file)
            }
        }
        if found.contains(where: { $0 == nil }), let unreadable {
            throw WorkbookImportError(unreadable, file: file)
        }
        if found.allSatisfy({ $0 == nil }) {
            throw WorkbookImportError(file: file, message: .init(
                ja: "施策評価シートのブックではありません(「\(template.sheets.basic.name)」などのシートがありません)",
                en: "not an evaluation-sheet workbook (no \"\(template.sheets.basic.name)\" or other section sheets)"))
        }
        if let missing = found.firstIndex(where: { $0 == nil }) {
            let spec = template.sheets.all[missing]
            throw WorkbookImportError(file: file, message: .init(
                ja: "シート「\(spec.name)」(\(spec.title))が見つかりません", en: "sheet \"\(spec.name)\" (\(spec.title)) is missing"))
        }
        return found.map { $0! }
    }
}
