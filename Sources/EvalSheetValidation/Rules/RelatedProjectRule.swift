import EvalSheetModel
import EvalSheetForm

/// `challenges.related-project-unknown` (warning): each §7 関連する事務事業名 is the name of a
/// §3 project of some sheet of the same year (all sheets validated together; spaces ignored).
/// One hit per unknown name, with the closest known name as a hint.
public struct RelatedProjectRule: YearRule {
    public let id = "challenges.related-project-unknown", severity = Severity.warning
    public let reads: SheetParts = [.projects, .relatedProjects]

    public init() {}

    public func check(_ sheets: [EvaluationSheet], template: FormTemplate) -> [YearRuleHit] {
        checkByStreaming(sheets, template: template)
    }

    public func stream() -> any YearRuleStream { Stream() }

    /// The project names of the sheets added, and each related project name not among them when it came.
    private struct Stream: YearRuleStream {
        /// One name of each spelling (spaces ignored), in order of first appearance.
        var names: [String] = []
        var known: Set<String> = []
        var unknown: [(index: Int, challenge: Int, number: Int, k: Int, name: String, fiscalYear: Int)] = []

        mutating func add(_ sheet: EvaluationSheet, index: Int) {
            for p in sheet.projects.rows where known.insert(p.name.withoutSpaces()).inserted {
                names.append(p.name)
            }
            for (i, challenge) in sheet.challenges.enumerated() {
                for (k, name) in challenge.relatedProjects.enumerated()
                where !name.trimmedSpaces().isEmpty && !known.contains(name.withoutSpaces()) {
                    unknown.append((index, i, challenge.number, k, name, sheet.fiscalYear))
                }
            }
        }

        /// What a message says: the same name, spelled byte for byte the same (a canonically equal
        /// spelling is quoted as it is spelled), challenge number and year give the same message.
        private struct MessageKey: Hashable {
            var name: ExactText
            var number: Int
            var fiscalYear: Int
        }

        func hits(template: FormTemplate) -> [YearRuleHit] {
            // Policies that repeat a related name get one message, made once and shared.
            var messages: [MessageKey: LocalizedMessage] = [:]
            func message(_ key: MessageKey) -> LocalizedMessage {
                if let m = messages[key] { return m }
                let hint = SimilarName.nearest(to: key.name.text, in: names)
                let number = CircledNumber.text(key.number)
                let m = LocalizedMessage(
                    ja: "課題\(number) の\(template.labels.relatedProjects)「\(key.name.text.quotedInMessage())」が、\(Wording.year(key.fiscalYear))のどの施策の\(template.sectionName(3))にもありません"
                        + (hint.map { "(似た名前: \($0.quotedInMessage()))" } ?? ""),
                    en: "challenge \(number): related project \"\(key.name.text.quotedInMessage())\" is not a project (§3) of any policy of \(Wording.yearEN(key.fiscalYear))"
                        + (hint.map { " (similar: \($0.quotedInMessage()))" } ?? ""))
                messages[key] = m
                return m
            }
            // A name unknown when its sheet came may be a project of a later sheet.
            return unknown.filter { !known.contains($0.name.withoutSpaces()) }.map { u in
                (u.index, RuleHit(path: .challenge(u.challenge, .relatedProject(u.k)),
                                  message: message(MessageKey(name: ExactText(u.name), number: u.number, fiscalYear: u.fiscalYear))))
            }
        }
    }
}
