import EvalSheetModel

/// §4 value cells typed exactly as the sheet prints them, told from their bytes: for these
/// `IndicatorValue.parsingReportingChanges` reports no change, so the value is not printed again
/// to be compared with the cell.
enum PlainIndicatorText {
    /// Whether a trimmed cell is ASCII `-`? integer (`.` digits)? `%`? with an integer part of one
    /// `0` or digits not starting with `0`, either without `,` or grouped by threes (`360,000`), at
    /// most 15 digits (10 after the point), and not a negative zero. False says only "not known".
    static func isPrintedAsWritten(_ text: String) -> Bool {
        var u = text.utf8.makeIterator()
        var b = u.next()
        var negative = false
        if b == UInt8(ascii: "-") { negative = true; b = u.next() }
        var whole = 0, group = 0, groups = 0, first: UInt8 = 0, nonzero = false
        while let c = b, c == UInt8(ascii: ",") || isDigit(c) {
            if c == UInt8(ascii: ",") {
                guard whole > 0, groups == 0 ? group <= 3 : group == 3 else { return false }
                groups += 1
                group = 0
            } else {
                if whole == 0 { first = c }
                whole += 1
                group += 1
                if c != UInt8(ascii: "0") { nonzero = true }
            }
            b = u.next()
        }
        guard whole > 0, groups == 0 || group == 3, whole == 1 || first != UInt8(ascii: "0") else { return false }
        var fraction = 0
        if b == UInt8(ascii: ".") {
            b = u.next()
            while let c = b, isDigit(c) {
                fraction += 1
                if c != UInt8(ascii: "0") { nonzero = true }
                b = u.next()
            }
            guard fraction > 0 else { return false }
        }
        if b == UInt8(ascii: "%") { b = u.next() }
        guard b == nil, whole + fraction <= 15, fraction <= 10 else { return false }
        return !negative || nonzero
    }

    /// The value of a cell that is blank or the dash exactly as the sheet prints it (`—`), which
    /// `IndicatorValue.parsingReportingChanges` reads without a change; nil for any other cell.
    static func asWritten(_ text: String) -> IndicatorValue? {
        if text.isEmpty { return .blank }
        if text.utf8.count == 3, text.utf8.elementsEqual(IndicatorValue.dash.utf8) { return .notApplicable }
        return nil
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
