import ArgumentParser

/// The `evalsheet` command: converts, checks and compares Kiyose City's 施策評価シート.
public struct EvalSheetCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "evalsheet",
        abstract: "施策評価シートを テキスト形式・JSON・Excel の間で変換し、検証します。",
        discussion: """
        Converts Kiyose City's policy evaluation sheets between the city's text form, JSON and
        Excel workbooks, and validates them.

        例 / Examples:
          evalsheet import samples/kiyose-2019/kiyose-2019.txt -o out/json
          evalsheet import samples/kiyose-2019/511.txt --to text
        """,
        version: EvalSheetVersion.current,
        subcommands: [ImportCommand.self, ExportCommand.self, ValidateCommand.self, DiffCommand.self, BatchCommand.self]
    )

    public init() {}
}

/// The tool's version, written into every exported workbook.
public enum EvalSheetVersion {
    public static let current = "0.1.0"
}
