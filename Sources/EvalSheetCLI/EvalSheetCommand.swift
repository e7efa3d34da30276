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
            var command = try parseAsRoot()
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
}
