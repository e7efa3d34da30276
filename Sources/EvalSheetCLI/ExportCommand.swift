import ArgumentParser
import Foundation
import EvalSheet
import EvalSheetModel
import EvalSheetWorkbook
import FileOutput

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

    func validate() throws { try OutputDirectory.validateName(output) }

    func run() throws {
        try global.converting(files, form: writing.form) { start, inputs in
            let directory = try OutputDirectory(output)
            var conversion = PolicyConversion.writing(.xlsx, into: directory, overwrite: writing.force, template: start.template)
            // Each workbook written by its worker, then synced to the disk with others (one sync for
            // many files) before it is moved into place.
            let template = start.template
            conversion.grouped = GroupedOutputs(directory: directory.path, writers: nil, output: .written({ loaded, path, overwrite in
                try SheetOutput.workbookUncommitted(loaded, to: path, overwrite: overwrite, template: template)
            }, commitError: WorkbookExporter.commitError))
            let ok = Conversions.run(inputs, conversion, jobs: writing.form.workers, report: start.report)
            if !ok || !start.expansion.missing.isEmpty { throw ExitCode(ExitStatus.failed) }
        }
    }
}
