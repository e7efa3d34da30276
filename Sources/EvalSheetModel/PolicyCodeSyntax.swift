/// What a policy code (施策コード) may look like. The code names each policy's output file
/// (`511.xlsx`), so it is checked before any use: data never becomes a path.
///
/// The pattern admits what cities use — `511`, `05010201`, `011-01`, `5110001` — and never a path
/// separator, `..`, a leading dot, whitespace or a control character:
/// 1 to 32 ASCII letters, digits, `-` and `_`, starting with a letter or a digit — and not a name
/// Windows reserves for a device (`CON`, `NUL`, `COM1` …, in any case), since the outputs are
/// often written to a city's Windows file server.
public enum PolicyCodeSyntax {
    /// The longest code accepted.
    public static let maximumLength = 32

    /// The pattern as the README states it.
    public static let pattern = "[0-9A-Za-z][0-9A-Za-z_-]{0,31}"

    /// Whether `code` matches `pattern`.
    public static func isValid(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard (1...maximumLength).contains(bytes.count), isAlphanumeric(bytes[0]) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
            && !windowsDeviceNames.contains(code.uppercased())
    }

    /// The names Windows reserves for devices, whatever the extension (`CON.xlsx` cannot be created).
    public static let windowsDeviceNames: Set<String> = Set(["CON", "PRN", "AUX", "NUL"]
        + (1...9).map { "COM\($0)" } + (1...9).map { "LPT\($0)" })

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
    }

    /// Why a code is refused, in the words the user reads (the code itself is shown escaped, so a
    /// newline or a NUL in it is visible).
    public static func problem(_ code: String) -> LocalizedMessage {
        let shown = visible(code)
        return LocalizedMessage(
            ja: "施策コード「\(shown)」は使えません(半角英数字・-・_ の 1〜\(maximumLength) 文字で、英数字で始めてください。CON などの Windows の予約名は使えません)",
            en: "the policy code \"\(shown)\" is not allowed (1–\(maximumLength) ASCII letters, digits, - or _, starting with a letter or digit; not a Windows device name such as CON)")
    }

    /// The text with control and invisible characters shown as `\n`, `\t`, `\0`, `\u{…}` (for messages).
    public static func visible(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            default:
                if isInvisible(scalar) {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Characters a reader of a message cannot see or tell from a space: controls, format characters
    /// (zero-width space U+200B, BOM U+FEFF, bidi controls), line/paragraph separators and every
    /// space but the ASCII and the ideographic one (U+00A0 no-break space, U+2002…U+200A).
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
            return true
        case .spaceSeparator:
            return scalar != " " && scalar != "\u{3000}"
        default:
            return false
        }
    }
}
