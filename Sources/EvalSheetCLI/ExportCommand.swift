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
        Reads the city's text form or JSON (a file may hold many policies) and writes
        <DIR>/<施策コード>.xlsx for each: one worksheet per section, labels protected, input cells
        unlocked, dropdowns, live totals. Existing files are kept unless --force.

        例 / Examples:
          evalsheet export samples/kiyose-2019/kiyose-2019.txt -o out/xlsx
          evalsheet export out/json/511.json -o out/xlsx --force
          evalsheet export 511.txt -o out --template my-layout.json
        """)

    @Argument(help: "Input files (.txt, .json).")
    var files: [String]

    @Option(name: .shortAndLong, help: "Output directory (default: the current directory).")
    var output: String = "."

    @Option(name: .long, help: "A layout template (JSON); default: the built-in Kiyose layout.")
    var template: String?

    @Flag(name: .long, help: "Overwrite existing workbooks.")
    var force = false

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
        try AtomicFile.createDirectory(output)
        var failures = 0
        var seen: Set<String> = []
        for file in files {
            let sheets: [LoadedSheet]
            do {
                sheets = try SheetSource.load(file)
                report.notes(sheets.flatMap(\.notes))
            } catch {
                report.error(error)
                failures += 1
                continue
            }
            for loaded in sheets {
                let code = loaded.sheet.policy.code
                let path = (output as NSString).appendingPathComponent("\(code).xlsx")
                do {
                    guard seen.insert(code).inserted else {
                        throw CLIError(.init(ja: "施策コード \(code) が複数あります(\(file))",
                                             en: "policy \(code) appears more than once (\(file))"))
                    }
                    try exporter.export(loaded.sheet, to: path, overwrite: force)
                    report.progress(ja: "\(path) を書き出しました", en: "wrote \(path)")
                } catch {
                    report.error(error)
                    failures += 1
                }
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
