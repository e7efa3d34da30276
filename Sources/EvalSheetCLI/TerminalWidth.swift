extension String {
    /// The text without the spaces at its end.
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

/// Width of text in a terminal: East Asian wide and fullwidth characters take two cells, combining
/// marks none, everything else one.
enum TerminalWidth {
    static func of(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { total, u in
            switch u.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format, .control: return total
            default: return total + (isWide(u) ? 2 : 1)
            }
        }
    }

    /// East Asian Width W or F (the ranges Japanese text uses, and the rest of the CJK blocks).
    static func isWide(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
