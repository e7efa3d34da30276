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

    @Flag(name: .long, help: .init(HelpText.force))
    var force = false

    @OptionGroup var form: FormOptions

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.guarded(failure: ExitStatus.failed) {
            let report = Reporter(global: global)
            let tpl = try form.loadTemplate()
            let expansion = SheetSource.expand(files)
            guard let inputs = report.inputs(expansion, named: files) else { throw ExitCode(ExitStatus.failed) }
            let conversion = PolicyConversion(
                directory: try OutputDirectory(output), fileExtension: "xlsx", overwrite: force,
                skipExisting: false, template: tpl) { sheet, path, overwrite in
                    try SheetOutput.write(sheet, as: .xlsx, to: path, overwrite: overwrite, template: tpl)
                }
            let ok = Conversions.run(inputs, conversion, jobs: form.workers, report: report)
            if !ok || !expansion.missing.isEmpty { throw ExitCode(ExitStatus.failed) }
        }
    }
}
