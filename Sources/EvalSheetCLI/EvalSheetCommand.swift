import Foundation
import ArgumentParser
import EvalSheet

/// The `evalsheet` command: converts, checks and compares Kiyose City's 施策評価シート.
public struct EvalSheetCommand: ParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "evalsheet", abstract: HelpText.mainAbstract, discussion: HelpText.mainDiscussion,
            version: EvalSheetVersion.current,
            subcommands: [ImportCommand.self, ExportCommand.self, ValidateCommand.self, DiffCommand.self, BatchCommand.self,
                          RolloverCommand.self, StatusCommand.self])
    }

    public init() {}

    /// Runs the command the arguments name, as ArgumentParser's `main()` does, except that an
    /// argument error (exit 64) and ArgumentParser's words in help are told in Japanese
    /// (`UsageErrorText`, `HelpScaffoldingText`) unless the arguments ask for English (`--lang en`,
    /// looked for in the raw arguments: parsing may have stopped before it).
    public static func main() {
        do {
            var command = try parseAsRoot(Self.languageMoved(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let full = fullMessage(for: error)
            if HelpText.language == .ja, exitCode(for: error) == .success, !full.isEmpty {
                // Help (or the version): ArgumentParser's headings in Japanese, the rest as it is.
                _ = StandardStreams.out(Data((HelpScaffoldingText.japanese(full) + "\n").utf8))
                Foundation.exit(ExitCode.success.rawValue)
            }
            guard HelpText.language == .ja, exitCode(for: error) == .validationFailure, !full.isEmpty else { exit(withError: error) }
            StandardStreams.err(Data((UsageErrorText.japanese(full: full, message: message(for: error)) + "\n").utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
    }

    /// The arguments with `--lang X` moved to where ArgumentParser takes it: given before the
    /// command (`evalsheet --lang en batch …`, as the top-level help's advice may be read) it goes
    /// after the command's name; `help COMMAND --lang X` becomes `COMMAND --help --lang X` (the
    /// `help` command takes no options). Anything else is left as it is.
    static func languageMoved(_ args: [String]) -> [String] {
        func isLang(_ a: String) -> Bool { a == "--lang" || a.hasPrefix("--lang=") }
        func takeLang(_ args: inout [String], at i: Int) -> [String] {
            if args[i] == "--lang" {
                guard i + 1 < args.count else { return [] }
                let taken = Array(args[i...(i + 1)])
                args.removeSubrange(i...(i + 1))
                return taken
            }
            return [args.remove(at: i)]
        }
        var args = args
        var lang: [String] = []
        if let first = args.first, isLang(first) { lang = takeLang(&args, at: 0) }
        if args.first == "help" {
            let i = args.firstIndex(where: isLang)
            if let i { lang += takeLang(&args, at: i) }
            guard !lang.isEmpty || i != nil else { return args }
            if let command = args.dropFirst().first, !command.hasPrefix("-"), command != "help" { return [command, "--help"] + lang }
            return ["--help"]
        }
        guard !lang.isEmpty else { return args }
        guard let command = args.first, !command.hasPrefix("-") else { return args.isEmpty ? ["--help"] : args }
        return [command] + lang + args.dropFirst()
    }
}
