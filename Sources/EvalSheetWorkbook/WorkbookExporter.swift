import Foundation
import EvalSheetModel
import XLSX
import XLSXWriter
import FileOutput

/// Writes one policy as an XLSX workbook in the city's layout: one worksheet per section, labels
/// locked and input cells unlocked, sheets protected without a password (rows may be inserted and
/// deleted), dropdowns and number validation, 総事業費 as live formulas, defined names and custom
/// properties for a safe import, A4 print setup with a header naming the policy.
///
/// Export refuses exactly what import refuses: a sheet that breaks an invariant
/// (`EvaluationSheet.invariantViolations()`) is not written, and every violation is reported.
public struct WorkbookExporter: Sendable {
    public let template: WorkbookTemplate
    /// Written into the workbook's custom properties.
    public let toolVersion: String

    public init(template: WorkbookTemplate = .standard, toolVersion: String) {
        self.template = template
        self.toolVersion = toolVersion
    }

    /// Writes the workbook to `path` atomically (temporary file, then rename).
    /// An existing file is replaced only when `overwrite` is true.
    ///
    /// - Throws: `TemplateError` when the template cannot be honoured; `WorkbookExportError`
    ///   naming `path` and every problem — each broken invariant with its field, a cell that could
    ///   not be written with its field and place, or the file that could not be created or
    ///   written. Nothing is left at `path` (or beside it) when it throws.
    public func export(_ sheet: EvaluationSheet, to path: String, overwrite: Bool = false) throws {
        try checkExportable(sheet, path: path)
        try WorkbookFile.write(to: path, overwrite: overwrite, { book in try write(sheet, into: book) },
                               describe: { exportError($0, path: path, sheet: sheet) })
    }

    /// `export`, with the workbook left in its temporary file, neither synced nor in place: the
    /// caller commits it — `FileOutput.GroupCommit.commitWritten`, one sync of the disk for many
    /// workbooks — reporting a failure as `commitError` says, or discards it.
    public func exportUncommitted(_ sheet: EvaluationSheet, to path: String, overwrite: Bool = false) throws -> AtomicOutput {
        try checkExportable(sheet, path: path)
        return try WorkbookFile.writeUncommitted(to: path, overwrite: overwrite, { book in try write(sheet, into: book) },
                                                 describe: { exportError($0, path: path, sheet: sheet) })
    }

    /// The error to report when the commit of a workbook from `exportUncommitted` fails: the one
    /// `export` throws then.
    public static func commitError(_ error: OutputError, of output: AtomicOutput) -> any Error {
        WorkbookFile.commitError(error, of: output)
    }

    /// The template and the sheet checked: what export refuses before it writes anything.
    private func checkExportable(_ sheet: EvaluationSheet, path: String) throws {
        try template.validate(file: "テンプレート \(template.name)")
        let violations = sheet.invariantViolations()
        guard violations.isEmpty else {
            throw WorkbookExportError(file: path, problems: violations.map { v in
                .init(id: "export.invariant", path: v.path, field: FieldNames.name(v.path, in: sheet, template: template),
                      message: v.message)
            })
        }
        if let (field, message) = sheet.lastYear?.layoutProblem(sheet, template.labels) {
            throw WorkbookExportError(file: path, problems: [
                .init(id: "export.last-year", path: field, field: FieldNames.name(field, in: sheet, template: template), message: message),
            ])
        }
    }

    private func exportError(_ error: any Error, path: String, sheet: EvaluationSheet) -> (any Error)? {
        switch error {
        case let e as CanvasWriteError:
            let field = e.field.map { FieldNames.name($0, in: sheet, template: template) }
            return WorkbookExportError(file: path, problems: [
                .init(id: "export.cell", path: e.field, field: field, place: e.place, message: e.error.message, writeError: e.error),
            ])
        default:
            return nil
        }
    }

    func write(_ s: EvaluationSheet, into book: XLSXWorkbookWriter) throws {
        let t = template
        let styles = WorkbookStyles(t)
        let sections: [(WorkbookTemplate.Sheet, (EvaluationSheet, SheetCanvas, WorkbookTemplate) throws -> Void, Int)] = [
            (t.sheets.basic, BasicInformationSheet.write, 2),
            (t.sheets.directions, DirectionsSheet.write, 2),
            (t.sheets.projects, ProjectsSheet.write, ProjectsSheet.headerRow),
            (t.sheets.indicators, IndicatorsSheet.write, IndicatorsSheet.headerRow),
            (t.sheets.evaluation, EvaluationSectionSheet.write, EvaluationSectionSheet.headerRow),
            (t.sheets.environment, EnvironmentSheet.write, EnvironmentSheet.headerRow),
            (t.sheets.challenges, ChallengesSheet.write, 1),
        ]
        // The page header and footer are the same on every sheet of the workbook.
        let header = t.print.header.isEmpty ? nil : HeaderText.fill(t.print.header, s)
        let footer = t.print.footer.isEmpty ? nil : HeaderText.fill(t.print.footer, s)
        var canvases: [SheetCanvas] = []
        for (spec, writeSection, repeatUntil) in sections {
            let canvas = SheetCanvas(writer: try book.addSheet(named: spec.name), spec: spec, styles: styles,
                                     fontSize: t.font.size)
            let width = max(spec.columnWidths.count, columnsUsed(spec, s))
            canvas.usedColumns = width
            try canvas.text(title(spec, s), at: .at(0, 0), span: width, style: styles.title)
            canvas.setHeight(0, t.font.titleSize * 2)
            try canvas.text(DerivedText.policyHeading(s), at: .at(1, 0), span: width, style: styles.note)
            try writeSection(s, canvas, t)
            try canvas.finish()
            try canvas.at(.at(0, 0)) {
                try printSetup(canvas, header: header, footer: footer, repeatUntil: repeatUntil)
                try canvas.writer.protect(options: XLSXProtectionOptions(
                    formatColumns: true, formatRows: true, insertRows: true, deleteRows: true))
            }
            canvases.append(canvas)
        }
        try canvases[0].writer.activate()
        for canvas in canvases {
            for (name, range) in canvas.names { try book.defineName(name, refersTo: "=" + canvas.reference(range)) }
        }
        try book.setCustomProperty(WorkbookProperty.schemaVersion, int: EvaluationSheet.currentSchemaVersion)
        try book.setCustomProperty(WorkbookProperty.policyCode, string: s.policy.code)
        try book.setCustomProperty(WorkbookProperty.fiscalYear, int: s.fiscalYear)
        try book.setCustomProperty(WorkbookProperty.toolVersion, string: toolVersion)
        try book.setCustomProperty(WorkbookProperty.template, string: t.name)
        try book.setCustomProperty(WorkbookProperty.templateDigest, string: t.digest)
        let property = { (text: String) in DerivedText.clipped(DerivedText.line(text), to: 255) }
        try book.setDocumentProperties(
            title: property("施策評価シート \(s.policy.code) \(s.policy.name)"),
            subject: "\(FiscalYearText.japanese(s.fiscalYear)) 施策評価シート",
            author: s.organization.section.isEmpty ? nil : property(s.organization.section),
            company: "清瀬市", comments: "EvalSheet \(toolVersion)")
    }

    /// Columns a sheet really uses (money and year columns follow the model).
    private func columnsUsed(_ spec: WorkbookTemplate.Sheet, _ s: EvaluationSheet) -> Int {
        if spec == template.sheets.projects { return ProjectsLayout(s).lastColumn + 1 }
        if spec == template.sheets.indicators { return IndicatorsSheet.firstYearColumn + s.indicators.years.count }
        return spec.columnWidths.count
    }

    private func title(_ spec: WorkbookTemplate.Sheet, _ s: EvaluationSheet) -> String {
        spec.title.replacingIfPresent("{fiscalYear}", with: FiscalYearText.japanese(s.fiscalYear))
    }

    private func printSetup(_ canvas: SheetCanvas, header: String?, footer: String?, repeatUntil: Int) throws {
        let p = template.print, w = canvas.writer, m = p.marginsCm
        try w.setPaper(WorkbookTemplate.paperSize(p.paper) ?? .a4)
        try w.setOrientation(canvas.spec.orientation == "landscape" ? .landscape : .portrait)
        try w.fitToPages(width: 1, height: 0)
        try w.repeatRows(first: 0, last: repeatUntil)
        try w.setMargins(XLSXMargins(left: m.left / 2.54, right: m.right / 2.54, top: m.top / 2.54,
                                     bottom: m.bottom / 2.54, header: m.header / 2.54, footer: m.footer / 2.54))
        if let header { try w.setHeader(header) }
        if let footer { try w.setFooter(footer) }
        try w.centerHorizontally()
    }
}

/// The page header and footer: the template's text with the policy filled in, fitted to Excel's
/// 255 characters by shortening the policy name (the name is whole in its cell).
enum HeaderText {
    static let limit = FormTemplate.headerFooterLimit

    /// `{code}`, `{name}` and `{fiscalYear}` replaced. A value's `&` becomes `＆` (a doubled `&&`
    /// followed by `G` would read as libxlsxwriter's picture code) and its control characters spaces.
    static func fill(_ format: String, _ s: EvaluationSheet) -> String {
        let value = { (v: String) in DerivedText.line(v).replacingIfPresent("&", with: "＆") }
        func filled(_ name: String) -> String {  // the name last: its own text is never taken for a placeholder
            format.replacingIfPresent("{code}", with: value(s.policy.code))
                .replacingIfPresent("{fiscalYear}", with: FiscalYearText.japanese(s.fiscalYear))
                .replacingIfPresent("{name}", with: name)
        }
        let name = value(s.policy.name)
        let full = filled(name)
        guard full.utf16.count > limit else { return full }
        // The longest prefix of the name (plus …) that fits; the template itself fits (checked on load).
        var low = 0, high = name.count
        let characters = Array(name)
        while low < high {
            let mid = (low + high + 1) / 2
            if filled(String(characters[..<mid]) + "…").utf16.count <= limit { low = mid } else { high = mid - 1 }
        }
        return filled(String(characters[..<low]) + "…")
    }
}
