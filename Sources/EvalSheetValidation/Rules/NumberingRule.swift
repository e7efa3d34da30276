import EvalSheetModel
import EvalSheetForm

/// `sheet.numbering` (error): the §2 施策の方向性, the §4 指標 (①②…) and the §7 課題 (①②…) are
/// numbered 1, 2, 3 … in printed order. One hit per item whose number is not its position.
public struct NumberingRule: SheetRule {
    public let id = "sheet.numbering", severity = Severity.error

    public init() {}

    public func check(_ sheet: EvaluationSheet, template: FormTemplate) -> [RuleHit] {
        var hits: [RuleHit] = []
        for (k, d) in sheet.directions.enumerated() where d.number != k + 1 {
            hits.append(RuleHit(.direction(k, .number),
                ja: "\(template.labels.directions)の番号が順番になっていません: \(k + 1)番目が \(d.number)",
                en: "directions are not numbered in order: number \(k + 1) is printed as \(d.number)"))
        }
        for (k, item) in sheet.indicators.items.enumerated() where item.number != k + 1 {
            hits.append(RuleHit(.indicator(k, .number),
                ja: "\(template.sectionName(4))の番号が順番になっていません: \(k + 1)番目が \(CircledNumber.text(item.number))",
                en: "indicators are not numbered in order: number \(k + 1) is printed as \(CircledNumber.text(item.number))"))
        }
        for (k, c) in sheet.challenges.enumerated() where c.number != k + 1 {
            hits.append(RuleHit(.challenge(k, .number),
                ja: "\(template.labels.challenge)の番号が順番になっていません: \(k + 1)番目が \(CircledNumber.text(c.number))",
                en: "challenges are not numbered in order: number \(k + 1) is printed as \(CircledNumber.text(c.number))"))
        }
        return hits
    }
}
