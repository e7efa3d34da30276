import ArgumentParser
import Foundation
import EvalSheetModel
import EvalSheetWorkbook

/// `evalsheet export`: one workbook per policy, in the city's layout, made for editing in Excel.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "施策ごとに Excel ブック(.xlsx)を書き出します(様式の各節を1シートずつ)。",
        discussion: """
        Reads the city's text form, JSON or workbooks (.txt, .json, .xlsx — files or directories; a text or JSON file may hold many policies) and writes <DIR>/<施策コード>.xlsx for each: one worksheet per section, labels protected, input cells unlocked, dropdowns, live totals. Existing files are kept unless --force. A file that cannot be read is reported with its place and nothing is written for it; the other files are still converted.

        Exit status: 0 all written, 1 an input could not be read or a workbook not written, 64 wrong arguments.

        例 / Examples:
          evalsheet export samples/kiyose-2019/kiyose-2019.txt -o out/xlsx
          evalsheet export out/json -o out/xlsx --force
          evalsheet export 511.txt -o out --template my-layout.json
        """)

    @Argument(help: "Input files or directories (.txt, .json, .xlsx).")
    var files: [String]

    @Option(name: .shortAndLong, help: "Output directory (default: the current directory).")
    var output: String = "."

    @Option(name: .long, help: "A layout template (JSON); default: the built-in Kiyose layout.")
    var template: String?

    @Flag(name: .long, help: "Overwrite existing workbooks.")
    var force = false

    @Option(name: .shortAndLong, help: "Parallel workers (default: the number of cores).")
    var jobs: Int = WorkerPool.defaultJobs

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.guarded(failure: ExitStatus.failed) {
            let report = Reporter(global: global)
            let tpl = try template.map(WorkbookTemplate.load) ?? .standard
            let exporter = WorkbookExporter(template: tpl, toolVersion: EvalSheetVersion.current)
            let (inputs, missing) = SheetSource.expand(files)
            missing.forEach(report.error)
            let conversion = PolicyConversion(
                directory: try OutputDirectory(output), fileExtension: "xlsx", overwrite: force,
                skipExisting: false, template: tpl) { sheet, path, overwrite in
                    try exporter.export(sheet, to: path, overwrite: overwrite)
                }
            let ok = Conversions.run(inputs, conversion, jobs: jobs, report: report)
            if !ok || !missing.isEmpty { throw ExitCode(ExitStatus.failed) }
        }
    }
}
