import ArgumentParser

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

/// The tool's version, written into every exported workbook.
public enum EvalSheetVersion {
    public static let current = "0.1.0"
}
