import EvalSheetModel

/// A §3 money cell as printed: blank (no figure), or a whole number of 千円 with optional ASCII
/// comma grouping (`2,450`), full-width digits tolerated. Never traps: digits are counted before
/// anything is converted, and every amount must lie within `Amount.range`.
enum AmountText {
    /// Why a cell is not an amount.
    enum Problem: Error, Equatable {
        case notANumber, notWhole, negative, beyondBound
    }

    /// nil for a blank cell; the amount; or why the text is none.
    static func parse(_ raw: some StringProtocol) -> Result<Int?, Problem> {
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
        guard digits.count <= String(Amount.maximum).count, let value = Int(digits.isEmpty ? "0" : String(digits)),
              Amount.isValid(value) else { return .failure(.beyondBound) }
        return .success(value)
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
