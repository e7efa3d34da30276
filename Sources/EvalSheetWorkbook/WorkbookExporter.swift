import Foundation
import EvalSheetModel
import XLSX
import XLSXWriter

/// Writes one policy as an XLSX workbook in the city's layout: one worksheet per section, labels
/// locked and input cells unlocked, sheets protected without a password (rows may be inserted and
/// deleted), dropdowns and number validation, 総事業費 as live formulas, defined names and custom
/// properties for a safe import, A4 print setup with a header naming the policy.
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
    public func export(_ sheet: EvaluationSheet, to path: String, overwrite: Bool = false) throws {
        let book = try XLSXWorkbookWriter(path: path, overwrite: overwrite)
        do {
            try write(sheet, into: book)
            try book.finish()
        } catch {
            book.abandon()
            throw error
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
        var canvases: [SheetCanvas] = []
        for (spec, writeSection, repeatUntil) in sections {
            let canvas = SheetCanvas(writer: try book.addSheet(named: spec.name), spec: spec, styles: styles,
                                     fontSize: t.font.size)
            let width = max(spec.columnWidths.count, columnsUsed(spec, s))
            try canvas.text(title(spec, s), at: .at(0, 0), span: width, style: styles.title)
            canvas.setHeight(0, t.font.titleSize * 2)
            try canvas.text("施策 \(s.policy.code) \(s.policy.name)", at: .at(1, 0), span: width, style: styles.note)
            try writeSection(s, canvas, t)
            try canvas.finish()
            try printSetup(canvas, sheet: s, repeatUntil: repeatUntil)
            try canvas.writer.protect(options: XLSXProtectionOptions(
                formatColumns: true, formatRows: true, insertRows: true, deleteRows: true))
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
        try book.setDocumentProperties(
            title: "施策評価シート \(s.policy.code) \(s.policy.name)",
            subject: "\(FiscalYearText.japanese(s.fiscalYear)) 施策評価シート",
            author: s.organization.section.isEmpty ? nil : s.organization.section,
            company: "清瀬市", comments: "EvalSheet \(toolVersion)")
    }

    /// Columns a sheet really uses (money and year columns follow the model).
    private func columnsUsed(_ spec: WorkbookTemplate.Sheet, _ s: EvaluationSheet) -> Int {
        if spec == template.sheets.projects { return ProjectsSheet.fixedColumns + s.projects.columns.count }
        if spec == template.sheets.indicators { return IndicatorsSheet.firstYearColumn + s.indicators.years.count }
        return spec.columnWidths.count
    }

    private func title(_ spec: WorkbookTemplate.Sheet, _ s: EvaluationSheet) -> String {
        spec.title.replacingOccurrences(of: "{fiscalYear}", with: FiscalYearText.japanese(s.fiscalYear))
    }

    private func printSetup(_ canvas: SheetCanvas, sheet s: EvaluationSheet, repeatUntil: Int) throws {
        let p = template.print, w = canvas.writer, m = p.marginsCm
        try w.setPaper(p.paper.uppercased() == "A3" ? .a3 : .a4)
        try w.setOrientation(canvas.spec.orientation == "landscape" ? .landscape : .portrait)
        try w.fitToPages(width: 1, height: 0)
        try w.repeatRows(first: 0, last: repeatUntil)
        try w.setMargins(XLSXMargins(left: m.left / 2.54, right: m.right / 2.54, top: m.top / 2.54,
                                     bottom: m.bottom / 2.54, header: m.header / 2.54, footer: m.footer / 2.54))
        try w.setHeader(headerText(p.header, s))
        try w.setFooter(headerText(p.footer, s))
        try w.centerHorizontally()
    }

    /// The template's header/footer with the policy filled in (`&` in names doubled, as Excel requires).
    private func headerText(_ format: String, _ s: EvaluationSheet) -> String {
        let escape = { (v: String) in v.replacingOccurrences(of: "&", with: "&&") }
        var text = format.replacingOccurrences(of: "{code}", with: escape(s.policy.code))
            .replacingOccurrences(of: "{name}", with: escape(s.policy.name))
            .replacingOccurrences(of: "{fiscalYear}", with: FiscalYearText.japanese(s.fiscalYear))
        while text.count > 250, let last = text.lastIndex(of: " ") { text = String(text[..<last]) }
        return text
    }
}
