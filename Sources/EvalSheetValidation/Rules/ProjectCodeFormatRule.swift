import EvalSheetModel
import EvalSheetForm

/// `projects.code-format` (error): a project's No. is exactly 10 ASCII digits (`0102010801`).
public struct ProjectCodeFormatRule: SheetRule {
    public let id = "projects.code-format", severity = Severity.error

    public init() {}

    /// Whether a code has the form's shape: 10 ASCII digits.
    public static func isWellFormed(_ code: String) -> Bool {
        code.utf8.count == 10 && code.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        sheet.projects.rows.enumerated().compactMap { i, p in
            guard !Self.isWellFormed(p.code) else { return nil }
            return RuleHit(.project(i, .code),
                ja: "事業番号「\(p.code.quotedInMessage())」が半角数字10桁ではありません(\(template.labels.projectName): \(p.name.quotedInMessage()))",
                en: "project number \"\(p.code.quotedInMessage())\" is not 10 ASCII digits (project \(p.name.quotedInMessage()))")
        }
    }
}
