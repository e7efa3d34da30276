/// An argument error of swift-argument-parser (exit 64) told in Japanese: its message, the option's
/// help line, the usage line and the pointer to `--help`. ArgumentParser gives its errors as English
/// text only, so its texts (Usage/UsageGenerator.swift, MessageInfo.swift of 1.5–1.8) are matched
/// piece by piece; a piece not recognised is kept as ArgumentParser wrote it, so nothing is lost.
enum UsageErrorText {
    /// The Japanese form of ArgumentParser's full error text `full`, whose message is `message`
    /// (`message(for:)`); `full` unchanged when it is not laid out as ArgumentParser lays it out.
    static func japanese(full: String, message: String) -> String {
        let head = "Error: " + message
        guard full.hasPrefix(head) else { return full }
        let rest = full.dropFirst(head.count)
        guard rest.isEmpty || rest.hasPrefix("\n") else { return full }
        let after = rest.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        // At the root (usage "evalsheet <subcommand>") a word taken for an extra argument is a command name.
        let atRoot = after.contains { $0.hasPrefix("Usage: ") && $0.hasSuffix(" <subcommand>") }
        let text = (atRoot ? unknownCommand(message) : nil) ?? Self.message(message) ?? message
        return (["エラー: " + text] + after.map(usageLine)).joined(separator: "\n")
    }

    /// "Unexpected argument 'frobnicate'" said of the root command: no command has that name.
    static func unknownCommand(_ text: String) -> String? {
        text.wholeMatch(of: #/Unexpected argument '(.*)'/#.dotMatchesNewlines()).map { "'\($0.1)' というコマンドはありません" }
    }

    /// A line after the message: the option's help, the usage, or the pointer to `--help`.
    static func usageLine(_ line: Substring) -> String {
        if line.hasPrefix("Help:  ") { return "説明: " + line.dropFirst("Help:  ".count) }
        if line.hasPrefix("Usage: ") { return "使い方: " + line.dropFirst("Usage: ".count) }
        if let m = line.wholeMatch(of: #/  See '(.+)' for more information\./#) { return "  詳しい使い方は「\(m.1)」で表示されます。" }
        return String(line)
    }

    /// ArgumentParser's message in Japanese, with its option names and values as they were; nil
    /// when it is none of ArgumentParser's messages (one of the commands' own, already in Japanese,
    /// or a text this table does not know).
    static func message(_ text: String) -> String? {
        if let m = text.wholeMatch(of: #/Missing expected argument '(.+)'/#.dotMatchesNewlines()) { return "必要な引数 '\(m.1)' が指定されていません" }
        if let m = text.wholeMatch(of: #/Missing one of: (.+)/#) { return "次のいずれかを指定してください: \(m.1)" }
        if let m = text.wholeMatch(of: #/(Unknown option '.+?'(?:\. Did you mean '.+'\?)?)\n   or: Missing value for '(.+)' in '(.+)'/#),
           let unknown = unknownOption(String(m.1)) {
            return unknown + "\n   または: '\(m.3)' の '\(m.2)' に値がありません"
        }
        if let unknown = unknownOption(text) { return unknown }
        if let m = text.wholeMatch(of: #/Missing value for '(.+)'/#.dotMatchesNewlines()) { return "'\(m.1)' の値がありません" }
        if let m = text.wholeMatch(of: #/The option '(.+?)' does not take any value, but '(.*)' was specified\./#.dotMatchesNewlines()) {
            return "'\(m.1)' は値をとりませんが、'\(m.2)' が指定されました"
        }
        if let m = text.wholeMatch(of: #/Unexpected argument '(.*)'/#.dotMatchesNewlines()) { return "余分な引数 '\(m.1)' があります" }
        if let m = text.wholeMatch(of: #/(\d+) unexpected arguments: (.+)/#.dotMatchesNewlines()) { return "余分な引数が \(m.1) 個あります: \(m.2)" }
        if let invalid = invalidValue(text) { return invalid }
        if let m = text.wholeMatch(of: #/Value to be set with (.+) had already been set with (.+)/#),
           let duplicate = flag(String(m.1)), let previous = flag(String(m.2)) {
            return "\(duplicate) で指定する値は、既に \(previous) で指定されています"
        }
        if let m = text.wholeMatch(of: #/Invalid option: (.+)/#) { return "'\(m.1)' はオプションの形になっていません" }
        if text == "Missing required subcommand." { return "コマンドを指定してください" }
        if let m = text.wholeMatch(of: #/Command '(.+)' is not a parent of the current command\./#) {
            return "'\(m.1)' はこのコマンドの親コマンドではありません"
        }
        return nil
    }

    /// "Unknown option '--bogus'", with ". Did you mean '--jobs'?" when ArgumentParser has a suggestion.
    static func unknownOption(_ text: String) -> String? {
        if let m = text.wholeMatch(of: #/Unknown option '(.+?)'\. Did you mean '(.+)'\?/#.dotMatchesNewlines()) {
            return "'\(m.1)' というオプションはありません。'\(m.2)' のことですか?"
        }
        if let m = text.wholeMatch(of: #/Unknown option '(.+)'/#.dotMatchesNewlines()) { return "'\(m.1)' というオプションはありません" }
        return nil
    }

    /// "The value 'abc' is invalid for '--jobs <jobs>'", then nothing, the value's own error after
    /// ": ", or the values allowed (". Please provide one of 'ja' and 'en'." or a bulleted list).
    static func invalidValue(_ text: String) -> String? {
        guard let m = text.wholeMatch(of: #/The value '(.*)' is invalid(?: for '((?:-{1,2}[\w-]+ )?<[\w-]+>|-{1,2}[\w-]+)'|\.)(.*)/#.dotMatchesNewlines())
        else { return nil }
        let head = m.2.map { "'\($0)' の値 '\(m.1)' は正しくありません" } ?? "値 '\(m.1)' は正しくありません"
        let tail = m.3
        if tail.isEmpty { return head }
        if tail.hasPrefix(": ") { return head + tail }
        if let list = tail.wholeMatch(of: #/\. Please provide one of the following:(\n  - .*)/#.dotMatchesNewlines()) {
            return head + "。次のいずれかを指定してください:" + list.1
        }
        if let list = tail.wholeMatch(of: #/\. Please provide one of (.+)\./#), let values = allowedValues(String(list.1)) {
            return head + "。" + values.map { "'\($0)'" }.joined(separator: "、") + " のいずれかを指定してください"
        }
        return nil
    }

    /// The values of "'a' and 'b'" or "'a', 'b' or 'c'"; nil unless joining them back gives the text.
    static func allowedValues(_ text: String) -> [String]? {
        let values = text.matches(of: #/'([^']*)'/#).map { String($0.1) }
        let quoted = values.map { "'\($0)'" }
        let english = quoted.count <= 2 ? quoted.joined(separator: " and ")
                                        : quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
        return values.count >= 2 && english == text ? values : nil
    }

    /// "flag '--force'" → "'--force'"; "flag 'q' in '-qq'" → "'-qq' の 'q'".
    static func flag(_ text: String) -> String? {
        if let m = text.wholeMatch(of: #/flag '(.)' in '(.+)'/#) { return "'\(m.2)' の '\(m.1)'" }
        if let m = text.wholeMatch(of: #/flag '(.+)'/#) { return "'\(m.1)'" }
        return nil
    }
}
