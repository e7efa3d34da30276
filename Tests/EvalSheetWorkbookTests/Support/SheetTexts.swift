import Foundation
import EvalSheetModel

extension EvaluationSheet {
    /// Every text value by its path (`forEachText`).
    var texts: [FieldPath: String] {
        var out: [FieldPath: String] = [:]
        forEachText { out[$0] = $1 }
        return out
    }

    /// The sheet with the text at `path` replaced; nil for texts derived from other values
    /// (the factor's assessments are written from their codes).
    func setting(_ path: FieldPath, to text: String) -> EvaluationSheet? {
        var s = self
        switch path {
        case .policyCode: s.policy.code = text
        case .policyName: s.policy.name = text
        case .visionCode: s.vision.code = text
        case .visionName: s.vision.name = text
        case .goalCode: s.goal.code = text
        case .goalName: s.goal.name = text
        case .department: s.organization.department = text
        case .section: s.organization.section = text
        case .subsection: s.organization.subsection = text
        case .person: s.organization.person = text
        case .title: s.organization.title = text
        case .phoneExtension: s.organization.phoneExtension = text
        case .relatedSection(let i): s.organization.relatedSections[i] = text
        case .futureVision: s.futureVision = text
        case .direction(let i, .text): s.directions[i].text = text
        case .project(let i, .code): s.projects.rows[i].code = text
        case .project(let i, .name): s.projects.rows[i].name = text
        case .project(let i, .section): s.projects.rows[i].section = text
        case .indicator(let i, .name): s.indicators.items[i].name = text
        case .indicator(let i, .description): s.indicators.items[i].description = text
        case .indicator(let i, .unit): s.indicators.items[i].unit = text
        case .indicator(let i, .method): s.indicators.items[i].method = text
        case .indicatorFootnote: s.indicators.footnote = text
        case .rating: s.evaluation.rating = Rating(rawValue: text)
        case .ratingReason: s.evaluation.reason = text
        case .factor(let i, .category): s.environment[i].category = text
        case .factor(let i, .status): s.environment[i].status = text
        case .factor(let i, .reason): s.environment[i].reason = text
        case .challenge(let i, .challenge): s.challenges[i].challenge = text
        case .challenge(let i, .relatedProject(let k)): s.challenges[i].relatedProjects[k] = text
        case .challenge(let i, .current): s.challenges[i].current = text
        case .challenge(let i, .future): s.challenges[i].future = text
        default: return nil
        }
        return s
    }
}

/// Texts exactly `length` UTF-16 units long (Excel's count) that hold what an XLSX writer must
/// escape — literal `_xHHHH_` sequences, control characters, NUL, U+FFFE, an astral character —
/// each starting with `tag` so that a value landing in the wrong field is seen. No spaces (the
/// factor category is compared without them), no CR unless asked; U+FFFE/U+FFFF unless not
/// (python-calamine leaves their escapes undecoded).
enum HardText {
    static func make(_ tag: String, length: Int = EvaluationSheet.maximumTextLength, carriageReturns: Bool = false,
                     nonCharacters: Bool = true) -> String {
        var s = "[\(tag)]評価理由の説明。\t_x0041_と_x005F_x0042_と_x000D_と_xABCD\u{1}、𠮷野\n\u{0}\u{1F}"
        if nonCharacters { s += "\u{FFFE}\u{FFFF}" }
        if carriageReturns { s += "改行CRLF\r\n単独CR\r_x0041\r" }
        let filler = "清瀬市の施策を評価する長い文章です。"
        var units = s.utf16.count
        let step = filler.utf16.count
        if units + step <= length {
            let repeats = (length - units) / step
            s += String(repeating: filler, count: repeats)
            units += repeats * step
        }
        return s + String(repeating: "終", count: max(0, length - units))
    }
}
