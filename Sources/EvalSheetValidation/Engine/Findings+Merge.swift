import EvalSheetModel

extension Findings {
    /// Findings gathered in several passes (per policy in parallel, then across the year) in the
    /// report's order: by file, then section, then place in the source, then rule.
    public static func merged(_ findings: [Finding]) -> [Finding] {
        findings.sorted(by: reportOrder)
    }

    /// `merged`, in place: the same order without a second copy of the findings.
    public static func sortInReportOrder(_ findings: inout [Finding]) {
        findings.sort(by: reportOrder)
    }

    /// Whether `x` comes before `y` in the report: by file, then section, then place in the source, then rule.
    private static func reportOrder(_ x: Finding, _ y: Finding) -> Bool {
        if x.file != y.file { return x.file < y.file }
        if x.section != y.section { return x.section < y.section }
        let (lx, ly) = (place(x), place(y))
        if lx != ly { return SourceOrder.less(lx, ly) }
        let (px, py) = (SourceOrder.tokens(pointer: x.path?.jsonPointer ?? ""), SourceOrder.tokens(pointer: y.path?.jsonPointer ?? ""))
        if px != py { return SourceOrder.less(px, py) }
        return x.ruleID < y.ruleID
    }

    /// The sort key of a finding's place: from its typed place, or — for a finding decoded from JSON,
    /// which carries only the printed form — from its location (`file:27`, `file 'Sheet'!F7`, `file#/pointer`).
    private static func place(_ f: Finding) -> [SourceOrder.Token] {
        switch f.place {
        case .line(let n)?: return [.number(n)]
        case .jsonPointer(let p)?: return SourceOrder.tokens(pointer: p)
        case .cell(let sheet, let cell)?: return [.text(SourceLocation.sheetReference(sheet))] + SourceOrder.cellTokens(cell)
        case nil: break
        }
        let rest = f.location.dropFirst(f.file.count)
        if rest.hasPrefix(":"), let n = Int(rest.dropFirst()) { return [.number(n)] }
        if rest.hasPrefix("#") { return SourceOrder.tokens(pointer: String(rest.dropFirst())) }
        if rest.hasPrefix(" "), let bang = rest.lastIndex(of: "!") {
            return [.text(String(rest[rest.index(after: rest.startIndex)..<bang]))] + SourceOrder.cellTokens(String(rest[rest.index(after: bang)...]))
        }
        return [.text(String(rest))]
    }
}
