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
}

