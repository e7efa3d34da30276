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
        try global.converting(files, form: writing.form) { start, inputs in
            let directory = try OutputDirectory(output)
            let conversion = PolicyConversion.writing(.xlsx, into: directory, overwrite: writing.force, template: start.template)
            let ok = Conversions.run(inputs, conversion, jobs: writing.form.workers, report: start.report)
            if !ok || !start.expansion.missing.isEmpty { throw ExitCode(ExitStatus.failed) }
        }
    }
}
