import ArgumentParser
import Foundation
import EvalSheet
import EvalSheetModel
import EvalSheetWorkbook

/// `evalsheet export`: one workbook per policy, in the city's layout, made for editing in Excel.
struct ExportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "export", abstract: HelpText.exportAbstract, discussion: HelpText.exportDiscussion)
    }

    @Argument(help: .init(HelpText.inputs))
    var files: [String]

    @Option(name: .shortAndLong, help: .init(HelpText.exportOutput))
    var output: String = "."

    @OptionGroup var writing: WriteOptions

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.guarded(failure: ExitStatus.failed) {
            let start = try CommandStart(files, global: global, form: writing.form)
            let (report, tpl, expansion, inputs) = (start.report, start.template, start.expansion, try start.inputs())
            let conversion = PolicyConversion(
                directory: try OutputDirectory(output), fileExtension: "xlsx", overwrite: writing.force,
                skipExisting: false, template: tpl) { sheet, path, overwrite in
                    try SheetOutput.write(sheet, as: .xlsx, to: path, overwrite: overwrite, template: tpl)
                }
            let ok = Conversions.run(inputs, conversion, jobs: writing.form.workers, report: report)
            if !ok || !expansion.missing.isEmpty { throw ExitCode(ExitStatus.failed) }
        }
    }
}
