import EvalSheetModel
/// Estimates how many lines wrapped text needs in a cell of a given width, so rows get heights
/// that show all of it (neither Excel nor LibreOffice grows rows written by a program).
enum TextMetrics {
    /// Display width in column units: CJK and other wide characters count 2, others 1.
    static func displayWidth(_ s: some StringProtocol) -> Double {
        s.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1.1) }
    }

    static func isWide(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x2460...0x24FF, 0x2010...0x2027, 0x203B, 0x2190...0x21FF, 0x25A0...0x25FF:
            return true
        default:
            return false
        }
    }

    /// Lines needed for `text` in a cell `width` column units wide (at least 1): each paragraph
    /// (a line feed ends one; CR LF is one character, kept in its paragraph) takes its display
    /// width over the cell's, rounded up, and at least one line.
    ///
    /// One pass over the scalars, summing widths in the order `displayWidth` does, so the result
    /// is the one of splitting the text into paragraphs (`Character` "\n") and measuring each.
    static func lines(_ text: String, width: Double) -> Int {
        let capacity = max(4, width * 1.0 - 1.5)
        var total = 0
        var paragraph = 0.0
        var afterCR = false
        for u in text.unicodeScalars {
            if u.value == 0x0A, !afterCR {
                total += max(1, Int((paragraph / capacity).rounded(.up)))
                paragraph = 0
            } else {
                paragraph += isWide(u) ? 2 : 1.1
            }
            afterCR = u.value == 0x0D
        }
        return total + max(1, Int((paragraph / capacity).rounded(.up)))
    }

    /// Row height in points for the given number of lines at a font size.
    static func height(lines: Int, fontSize: Double) -> Double {
        let lineHeight = (fontSize * 1.45).rounded(.up)
        return Double(lines) * lineHeight + 5
    }
}

/// Text derived from the model for places that are not cells — the page header, document
/// properties, a link's tooltip — where a value must fit a short limit and hold no control
/// characters. The model's value itself is always written whole, in its cell.
enum DerivedText {
    /// The policy line under each sheet's title, `施策 <code> <name>` — the export writes it and the
    /// import recognises it with this one function (the name is whole in 1 基本情報; here it may be cut).
    static func policyHeading(_ s: EvaluationSheet) -> String {
        clipped("施策 \(s.policy.code) \(s.policy.name)", to: EvaluationSheet.maximumTextLength)
    }

    /// `text` cut to at most `limit` UTF-16 units (Excel's count), ending in `…` when cut.
    static func clipped(_ text: String, to limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var out = ""
        var units = 0
        for character in text {
            let n = character.utf16.count
            if units + n > limit - 1 { break }
            out.append(character)
            units += n
        }
        return out + "…"
    }

    /// One line: control characters (line breaks included) become spaces, U+FFFE/U+FFFF U+FFFD.
    static func line(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            switch u.value {
            case 0..<0x20, 0x7F: scalars.append(" ")
            case 0xFFFE, 0xFFFF: scalars.append("\u{FFFD}")
            default: scalars.append(u)
            }
        }
        return String(scalars)
    }
}
