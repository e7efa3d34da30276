import EvalSheetModel

/// A §3 money cell as printed: blank (no figure), or a whole number of 千円 with optional ASCII
/// comma grouping (`2,450`), full-width digits tolerated. Never traps: digits are counted before
/// anything is converted, and every amount must lie within `Amount.range`.
enum AmountText {
    /// Why a cell is not an amount.
    enum Problem: Error, Equatable {
        case notANumber, notWhole, negative, beyondBound
    }

    /// The digits of `Amount.maximum`: an amount with more significant digits is beyond the bound.
    private static let maximumDigits = String(Amount.maximum).count

    /// nil for a blank cell; the amount; or why the text is none.
    static func parse(_ raw: some StringProtocol) -> Result<Int?, Problem> {
        if let plain = parsePlainASCII(raw) { return plain }
        var s = Substring(PrintedNumber.foldFullWidth(String(raw.trimmedSpaces())))
        if s.isEmpty { return .success(nil) }
        var negative = false
        if let f = s.first, ["-", "−", "△", "▲"].contains(f) {
            negative = true
            s = s.dropFirst()
        }
        var fraction: Substring = ""
        if let dot = s.firstIndex(of: ".") {
            fraction = s[s.index(after: dot)...]
            s = s[..<dot]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigitCharacter) else { return .failure(.notANumber) }
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCIIDigitCharacter || $0 == "," }) else { return .failure(.notANumber) }
        if s.contains(",") {
            let groups = s.split(separator: ",", omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return .failure(.notANumber) }
        }
        if !fraction.isEmpty { return .failure(.notWhole) }
        if negative { return .failure(.negative) }
        let digits = s.filter { $0 != "," }.drop { $0 == "0" }
        guard digits.count <= maximumDigits, let value = Int(digits.isEmpty ? "0" : String(digits)),
              Amount.isValid(value) else { return .failure(.beyondBound) }
        return .success(value)
    }

    /// `parse` for a cell of ASCII digits and commas only (or blank), as nearly every cell is,
    /// with the same answers; nil for any other cell.
    private static func parsePlainASCII(_ raw: some StringProtocol) -> Result<Int?, Problem>? {
        let utf8 = raw.utf8
        if utf8.isEmpty { return .success(nil) }
        var value = 0, digits = 0, group = 0, groups = 0, firstGroup = 0
        for b in utf8 {
            if b == UInt8(ascii: ",") {
                if groups == 0 { firstGroup = group } else if group != 3 { return .failure(.notANumber) }
                groups += 1
                group = 0
            } else if b >= 0x30, b <= 0x39 {
                group += 1
                if digits > 0 || b != 0x30 {
                    digits += 1
                    // At most Amount.maximum's digits are added up, so this never overflows.
                    if digits <= maximumDigits { value = value * 10 + Int(b - 0x30) }
                }
            } else {
                return nil
            }
        }
        if groups > 0 {
            guard (1...3).contains(firstGroup), group == 3 else { return .failure(.notANumber) }
        }
        guard digits <= maximumDigits, Amount.isValid(value) else { return .failure(.beyondBound) }
        return .success(value)
    }

    /// Whether a cell that `parse` read as an amount is printed as the writer prints that amount
    /// (plain ASCII digits without a leading zero, grouped by commas or not): then no note is due.
    /// False means only "not known": the caller compares with the writer's text.
    static func isPrintedAsWritten(_ raw: String) -> Bool {
        let utf8 = raw.utf8
        guard let first = utf8.first, first != 0x30 || utf8.count == 1 else { return false }
        return utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ",") }
    }

    /// The message for a problem in cell `i` holding `raw`.
    static func message(_ problem: Problem, cell i: Int, raw: String) -> (ja: String, en: String) {
        let shown = Shown.text(raw)
        switch problem {
        case .beyondBound:
            return ("金額が上限 \(Amount.maximumText) 千円を超えています(\(CellName.ja(i))): \"\(shown)\"",
                    "the amount in \(CellName.en(i)) exceeds the bound of \(Amount.maximumText) thousand yen: \"\(shown)\"")
        case .negative:
            return ("金額が負の値です(\(CellName.ja(i))): \"\(shown)\"",
                    "the amount in \(CellName.en(i)) is negative: \"\(shown)\"")
        case .notWhole, .notANumber:
            return ("金額が 0 以上の整数ではありません(\(CellName.ja(i))): \"\(shown)\"",
                    "amount in \(CellName.en(i)) is not a whole number ≥ 0: \"\(shown)\"")
        }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }
}
