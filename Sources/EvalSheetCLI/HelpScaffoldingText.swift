/// ArgumentParser's own words in a help text (`--help`, `evalsheet help COMMAND`) told in
/// Japanese: the headings (OVERVIEW, USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS), the texts of
/// `--version` and `--help`, "(values: …; default: …)" and the pointer to `help <subcommand>`.
/// The commands' own texts are Japanese already (`HelpText`). A line it does not know is kept as
/// ArgumentParser wrote it, so nothing is lost; the columns keep their places (only headings and
/// the ends of lines change).
enum HelpScaffoldingText {
    static func japanese(_ help: String) -> String {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(line).joined(separator: "\n")
        // "(values: plan, next; default: plan)" after an option's text, which may wrap onto the next
        // line anywhere a space is: each word is replaced where it stands, the breaks kept.
        return lines
            .replacing(#/(\S) \(values:(\s)/#) { "\($0.1)(値:\($0.2)" }
            .replacing(#/;(\s+)default:(\s)/#) { "、\($0.1 == " " ? "" : $0.1)既定:\($0.2)" }
            .replacing(#/(\S) \(default:(\s)/#) { "\($0.1)(既定:\($0.2)" }
    }

    /// Headings: ArgumentParser's, each at the start of its line.
    static let headings: [(en: String, ja: String)] = [
        ("OVERVIEW: ", "概要: "), ("USAGE: ", "使い方: "), ("ARGUMENTS:", "引数:"), ("OPTIONS:", "オプション:"),
        ("SUBCOMMANDS:", "コマンド:"),
    ]

    static func line(_ text: Substring) -> String {
        var s = String(text)
        for h in headings where s.hasPrefix(h.en) {
            s = h.ja + s.dropFirst(h.en.count)
            break
        }
        if let m = s.wholeMatch(of: #/(\s*)See '(.+) help <subcommand>' for detailed help\./#) {
            return "\(m.1)各コマンドの詳しい使い方は「\(m.2) help コマンド名」で表示されます。"
        }
        if s.hasSuffix("Show the version.") { s = s.dropLast("Show the version.".count) + "バージョンを表示します。" }
        if s.hasSuffix("Show subcommand help information.") { s = s.dropLast("Show subcommand help information.".count) + "コマンドの使い方を表示します。" }
        if s.hasSuffix("Show help information.") { s = s.dropLast("Show help information.".count) + "この使い方を表示します。" }
        return s
    }
}
