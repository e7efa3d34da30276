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
        Reads the city's text form or JSON (files or directories; a file may hold many policies) and
        writes <DIR>/<施策コード>.xlsx for each: one worksheet per section, labels protected, input
        cells unlocked, dropdowns, live totals. Existing files are kept unless --force.

        例 / Examples:
          evalsheet export samples/kiyose-2019/kiyose-2019.txt -o out/xlsx
          evalsheet export out/json -o out/xlsx --force
          evalsheet export 511.txt -o out --template my-layout.json
        """)

    @Argument(help: "Input files or directories (.txt, .json).")
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
        let report = Reporter(global: global)
        let exporter: WorkbookExporter
        do {
            exporter = WorkbookExporter(template: try template.map(WorkbookTemplate.load) ?? .standard,
                                        toolVersion: EvalSheetVersion.current)
        } catch {
            report.error(error)
            throw ExitCode(1)
        }
        let inputs = try SheetSource.expand(files)
        try AtomicFile.createDirectory(output)
        let (output, force) = (self.output, self.force)
        let ok = PerPolicyConversion.run(inputs, jobs: jobs, report: report, template: exporter.template) { loaded in
            let path = (output as NSString).appendingPathComponent("\(loaded.sheet.policy.code).xlsx")
            try AtomicFile.refuseExisting(path, overwrite: force)
            try exporter.export(loaded.sheet, to: path, overwrite: force)
            return path
        }
        if !ok { throw ExitCode(1) }
    }
}
