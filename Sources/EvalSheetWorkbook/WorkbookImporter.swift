import Foundation
import EvalSheetModel
import XLSX
import XLSXReader

/// Reads a workbook written by `WorkbookExporter` back into the model — also after a department
/// edited it in Excel or LibreOffice, inserted or deleted rows, renamed or reordered sheets, or typed
/// numbers as text. Uses the same layout description (template and section layouts) as the export.
///
/// Nothing typed is dropped without a word: every non-empty cell of the seven section sheets is
/// either read into the model (or is the template's own text where the layout puts it) or named
/// by an `xlsx.unread-cell` warning; a sheet that is not a section is named by `xlsx.unread-sheet`.
/// Every problem of the workbook is reported in one error (`WorkbookImportError.additional`).
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
        return try read(try open(path, file: file), file: file)
    }

    /// The workbook at `path`, opened within `limits`; an error names it `file`.
    private func open(_ path: String, file: String) throws(WorkbookImportError) -> XLSXDocument {
        do {
            return try XLSXDocument(path: path, limits: limits)
        } catch {
            throw WorkbookImportError(error, file: file)
        }
    }

    /// What a workbook file holds: a policy's sheet, or a year index written by `batch` (which is
    /// not a policy's sheet, and is not read as one).
    public enum FileContent {
        case sheet(LoadedSheet)
        case yearIndex
    }

    /// Reads the workbook at `path`, opened once: a year index (`YearIndexWriter.isYearIndex`) is
    /// only named as one; any other workbook is read as `read(path:displayName:)` reads it.
    public func readSheetOrYearIndex(path: String, displayName: String? = nil) throws(WorkbookImportError) -> FileContent {
        let file = displayName ?? path
        let document = try open(path, file: file)
        if YearIndexWriter.isYearIndex(document) { return .yearIndex }
        return .sheet(try read(document, file: file))
    }

    /// Reads a workbook held in memory; messages name it `displayName`.
    public func read(bytes: [UInt8], displayName: String) throws(WorkbookImportError) -> LoadedSheet {
        let document: XLSXDocument
        do {
            document = try XLSXDocument(bytes: bytes, name: displayName, limits: limits)
        } catch {
            throw WorkbookImportError(error, file: displayName)
        }
        return try read(document, file: displayName)
    }

    func read(_ document: XLSXDocument, file: String) throws(WorkbookImportError) -> LoadedSheet {
        if case .int(let v)? = document.customProperties[WorkbookProperty.schemaVersion], v > EvaluationSheet.currentSchemaVersion {
            throw WorkbookImportError(file: file, message: .init(
                ja: "このブックは新しい版の EvalSheet で作られています(schemaVersion \(v))。ツールを更新してください",
                en: "this workbook was made by a newer EvalSheet (schemaVersion \(v)); update the tool"))
        }
        if case .string(let typed)? = document.customProperties[WorkbookProperty.templateDigest], typed != template.digest {
            let made = ImportContext.shown(typed.count > 16 ? String(typed.prefix(16)) + "…" : typed)
            var name = ""
            if case .string(let n)? = document.customProperties[WorkbookProperty.template] { name = "「\(ImportContext.shown(n))」" }
            throw WorkbookImportError(file: file, message: .init(
                ja: "このブックは別のテンプレート\(name)で作られています(作成時 \(made)、読み込み \(template.digest))。書き出しに使ったテンプレートを --template で指定してください",
                en: "this workbook was made with another template\(name.isEmpty ? "" : " (\(name))") (made with \(made), reading with \(template.digest)); pass the template it was exported with in --template"),
                id: "xlsx.template-mismatch")
        }
        let ctx = ImportContext(file: file, document: document, template: template)
        warnIfTemplateUnverified(document, ctx)
        let views = try SectionSheets.locate(in: document, template: template, ctx: ctx)
        for (k, view) in views.enumerated() {
            if let view { ctx.sourceMap.sections[k + 1] = .cell(sheet: view.name, cell: "A1") }
        }
        var sheet = EvaluationSheet.blank(fiscalYear: ImportContext.standInYear)
        if let v = views[0] { BasicInformationSheet.read(v, ctx, into: &sheet) }
        if let v = views[1] { DirectionsSheet.read(v, ctx, into: &sheet) }
        var lastYear = LastYearParts()
        if let v = views[2] { sheet.projects = ProjectsSheet.read(v, ctx, lastYear: &lastYear) }
        if let v = views[3] { sheet.indicators = IndicatorsSheet.read(v, ctx) }
        if let v = views[4] { EvaluationSectionSheet.read(v, ctx, into: &sheet, lastYear: &lastYear) }
        if let v = views[5] { sheet.environment = EnvironmentSheet.read(v, ctx) }
        if let v = views[6] {
            let (challenges, fromYear) = ChallengesSheet.read(v, ctx)
            sheet.challenges = challenges
            if let fromYear { sheet.futureActionsFromYear = fromYear }
        }
        sheet.lastYear = lastYear.reference

        let policyHeadingKey = LabelKey.of(DerivedText.policyHeading(sheet))
        for view in views.compactMap({ $0 }) { SectionSheets.takeHeading(view, of: sheet, policyHeadingKey: policyHeadingKey, ctx) }
        warnIfCodeRetyped(sheet, document, views, ctx)
        reportInvariantViolations(sheet, views, ctx)
        UnreadCells.report(views, in: document, ctx)
        let notes = try ctx.finish()
        return LoadedSheet(sheet: sheet, sourceMap: ctx.sourceMap, notes: notes)
    }

    /// A workbook of ours without the template's digest: removed (the tool that made it records
    /// one), or made before digests were recorded and naming another template than the one reading
    /// it. The layout cannot be checked, so the user is told to make sure of the template.
    private func warnIfTemplateUnverified(_ document: XLSXDocument, _ ctx: ImportContext) {
        let properties = document.customProperties
        guard properties[WorkbookProperty.templateDigest] == nil,
              properties[WorkbookProperty.toolVersion] != nil || properties[WorkbookProperty.policyCode] != nil else { return }
        var version: [Int]?
        if case .string(let v)? = properties[WorkbookProperty.toolVersion] {
            let parts = v.split(separator: ".").map { Int($0) }
            if parts.count == 3, parts.allSatisfy({ $0 != nil }) { version = parts.compactMap { $0 } }
        }
        if let version, version.lexicographicallyPrecedes(WorkbookProperty.templateDigestSince) == false {
            ctx.warn("xlsx.template-unverified",
                     ja: "このブックからは作成時のテンプレートの記録(\(WorkbookProperty.templateDigest))が消されています。書き出しに使ったテンプレートで読み込んでいるか確かめてください(--template)",
                     en: "the record of the template this workbook was made with (\(WorkbookProperty.templateDigest)) was removed; make sure it is read with the template it was exported with (--template)")
            return
        }
        var made: String?
        if case .string(let n)? = properties[WorkbookProperty.template] { made = n }
        guard made != template.name else { return }
        let shown = made.map(ImportContext.shown)
        ctx.warn("xlsx.template-unverified",
                 ja: "このブックには作成時のテンプレートの確認用の記録がなく、テンプレート名\(shown.map { "「\($0)」" } ?? "(記録なし)")も読み込みに使う「\(template.name)」と違います。書き出しに使ったテンプレートで読み込んでいるか確かめてください(--template)",
                 en: "this workbook has no record to check its template by, and its template name \(shown.map { "\"\($0)\"" } ?? "(none)") is not \"\(template.name)\", the one reading it; make sure it is read with the template it was exported with (--template)")
    }

    /// The policy code typed over the one the workbook was exported for (its property): the sheet is
    /// read as the code in the cell, and the user is told which code the workbook was made for.
    private func warnIfCodeRetyped(_ sheet: EvaluationSheet, _ document: XLSXDocument, _ views: [SheetView?], _ ctx: ImportContext) {
        guard case .string(let made)? = document.customProperties[WorkbookProperty.policyCode], made != sheet.policy.code,
              !ctx.isStandIn(.policyCode), case .cell(let name, let a1)? = ctx.sourceMap.location(of: .policyCode),
              let view = views.compactMap({ $0 }).first(where: { $0.name == name }), let ref = CellReference(a1) else { return }
        let label = template.labels.policyCode
        let shown = ImportContext.shown(made)
        let now = PolicyCodeSyntax.visible(sheet.policy.code)
        ctx.warn("xlsx.policy-code-changed", view, ref,
                 ja: "\(label)が、このブックを書き出したときの「\(shown)」から「\(now)」に変わっています(「\(now)」として読みます)",
                 en: "the policy code was \"\(shown)\" when this workbook was exported and is now \"\(now)\" (read as \"\(now)\")")
    }

    /// Every broken invariant (an unsafe policy code, an amount or sum beyond the bound, a text too
    /// long for a cell…) as an error at the value's cell — unless that cell already has one, or
    /// the value is only a stand-in for one that could not be read.
    private func reportInvariantViolations(_ sheet: EvaluationSheet, _ views: [SheetView?], _ ctx: ImportContext) {
        for violation in sheet.invariantViolations() {
            let path = violation.path
            guard views[path.section - 1] != nil, !ctx.isStandIn(path) else { continue }
            let id: String = switch path {
            case .policyCode: "xlsx.policy-code"
            case .project(_, .amount), .projectTotal: "xlsx.amount"
            case .indicator(_, .target), .indicator(_, .actual), .indicator(_, .rate): "xlsx.number-range"
            case .fiscalYear, .moneyColumn, .indicatorYear, .futureActionsFromYear: "xlsx.fiscal-year"
            default: "xlsx.invalid-value"
            }
            if case .cell(let name, let a1)? = ctx.sourceMap.location(of: path),
               let view = views.compactMap({ $0 }).first(where: { $0.name == name }), let ref = CellReference(a1) {
                guard !ctx.hasError(at: ctx.place(view, ref)) else { continue }
                ctx.fail(id, view, ref, ja: violation.message.ja, en: violation.message.en)
            } else {
                ctx.record(WorkbookImportError(file: ctx.file, message: violation.message, id: id))
            }
        }
    }
}

/// Finds the seven section sheets: by the template's sheet name and title; when a user renamed or
/// reordered them, by the section title in A1; when the title was edited, by the name alone. A
/// missing or unreadable sheet is an error and the others are still read, so that one run reports
/// all problems.
enum SectionSheets {
    static func titleKey(_ title: String) -> String {
        LabelKey.of(String(title.split(separator: "(", maxSplits: 1).first ?? Substring(title)))
    }

    static func locate(in document: XLSXDocument, template: WorkbookTemplate, ctx: ImportContext) throws(WorkbookImportError) -> [SheetView?] {
        var cache: [Int: XLSXWorksheet] = [:]
        var unreadable: [Int: XLSXReadError] = [:]
        func worksheet(_ info: XLSXSheetInfo) -> XLSXWorksheet? {
            if let ws = cache[info.index] { return ws }
            guard unreadable[info.index] == nil else { return nil }
            do {
                let ws = try document.worksheet(at: info.index)
                cache[info.index] = ws
                return ws
            } catch {
                unreadable[info.index] = error
                return nil
            }
        }
        var found: [XLSXWorksheet?] = Array(repeating: nil, count: 7)
        var used: Set<Int> = []
        let specTitleKeys = template.sheets.all.map { titleKey($0.title) }
        var sheetTitleKeys: [Int: String] = [:]
        /// The title key of a sheet's A1, made once per sheet.
        func sheetTitleKey(_ ws: XLSXWorksheet) -> String {
            if let known = sheetTitleKeys[ws.index] { return known }
            let key = titleKey(SheetView.text(of: ws.value(at: .at(0, 0))))
            sheetTitleKeys[ws.index] = key
            return key
        }
        for (k, spec) in template.sheets.all.enumerated() {
            if let info = document.sheet(named: spec.name), info.kind == .worksheet, let ws = worksheet(info),
               sheetTitleKey(ws) == specTitleKeys[k] {
                found[k] = ws
                used.insert(ws.index)
            }
        }
        for k in template.sheets.all.indices where found[k] == nil {
            for info in document.sheets where info.kind == .worksheet && !used.contains(info.index) {
                guard let ws = worksheet(info), sheetTitleKey(ws) == specTitleKeys[k] else { continue }
                found[k] = ws
                used.insert(ws.index)
                break
            }
        }
        // A sheet with the section's name whose title was edited is still that section (its title
        // cell is then reported as unread).
        for (k, spec) in template.sheets.all.enumerated() where found[k] == nil {
            if let info = document.sheet(named: spec.name), info.kind == .worksheet, !used.contains(info.index), let ws = worksheet(info) {
                found[k] = ws
                used.insert(ws.index)
            }
        }
        try reportMissing(found, unreadable: unreadable, in: document, template: template, ctx: ctx)
        return found.enumerated().map { k, ws in ws.map { SheetView(worksheet: $0, section: k) } }
    }

    /// No section found at all is an error for the whole file; otherwise each sheet that could not
    /// be read and may be a section, and each section missing, is an error of its own.
    private static func reportMissing(_ found: [XLSXWorksheet?], unreadable: [Int: XLSXReadError], in document: XLSXDocument,
                                      template: WorkbookTemplate, ctx: ImportContext) throws(WorkbookImportError) {
        if found.allSatisfy({ $0 == nil }) {
            if let first = unreadable.sorted(by: { $0.key < $1.key }).first { throw WorkbookImportError(first.value, file: ctx.file) }
            throw WorkbookImportError(file: ctx.file, message: .init(
                ja: "施策評価シートのブックではありません(「\(template.sheets.basic.name)」などのシートがありません)",
                en: "not an evaluation-sheet workbook (no \"\(template.sheets.basic.name)\" or other section sheets)"),
                id: "xlsx.not-an-evaluation-sheet")
        }
        // A sheet that could not be read is an error when it may be a section (its name is one, or
        // a section is missing); otherwise it is an extra sheet, reported as unread later.
        let sectionMissing = found.contains { $0 == nil }
        for (index, error) in unreadable.sorted(by: { $0.key < $1.key }) {
            let name = document.sheets[index].name.lowercased()
            let section = template.sheets.all.firstIndex { $0.name.lowercased() == name }
            guard section != nil || sectionMissing else { continue }
            let key = ImportContext.Place(section: section ?? 7 + index, row: error.reference?.row ?? -1,
                                          column: error.reference?.column ?? -1)
            ctx.record(WorkbookImportError(error, file: ctx.file), at: key)
        }
        for (k, ws) in found.enumerated() where ws == nil {
            let spec = template.sheets.all[k]
            let unreadableHere = unreadable.keys.contains { document.sheets[$0].name.lowercased() == spec.name.lowercased() }
            if unreadableHere { continue }
            ctx.record(WorkbookImportError(file: ctx.file, message: .init(
                ja: "シート「\(spec.name)」(\(spec.title))が見つかりません", en: "sheet \"\(spec.name)\" (\(spec.title)) is missing"),
                id: "xlsx.missing-sheet"), at: .init(section: k, row: -1, column: -1))
        }
    }

    /// Takes the sheet's title (A1) and policy line (A2) when they are what the export writes for
    /// this sheet: the template's title for the fiscal year, and `施策 <code> <name>`.
    private static let headingKeys = Memo<String>()

    /// `policyHeadingKey`: the label key of the sheet's policy line (`DerivedText.policyHeading`).
    static func takeHeading(_ view: SheetView, of sheet: EvaluationSheet, policyHeadingKey: String, _ ctx: ImportContext) {
        let spec = ctx.template.sheets.all[view.section]
        let year = FiscalYearText.japanese(sheet.fiscalYear)
        // The title's key for the year, made once per title and year (a Foundation search and a key).
        let titleKey = headingKeys.value(year + "\u{0}" + spec.title) {
            LabelKey.of(spec.title.replacingOccurrences(of: "{fiscalYear}", with: year))
        }
        if view.key(.at(0, 0)) == titleKey { ctx.take(view, .at(0, 0)) }
        if view.key(.at(1, 0)) == policyHeadingKey { ctx.take(view, .at(1, 0)) }
    }
}
