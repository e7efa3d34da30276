import ArgumentParser
import Foundation
import EvalSheet
import EvalSheetModel
import EvalSheetValidation
import EvalSheetWorkbook

/// `evalsheet validate`: every problem of a year's sheets, with its place.
struct ValidateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "validate", abstract: HelpText.validateAbstract, discussion: HelpText.validateDiscussion)
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: .init(HelpText.inputs))
    var inputs: [String]

    @Option(name: .long, help: .init(HelpText.reportFormat))
    var format: Format = .text

    @OptionGroup var form: FormOptions

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.guarded(failure: ExitStatus.unusable) {
            let tpl = try form.loadTemplate()
            let inputs = SheetLoading.readAll(inputs, jobs: form.workers, template: tpl)
            let findings = Findings.merged(inputs.findings + Validator.validate(inputs.sheets, template: tpl))
            switch format {
            case .text: try StandardStreams.print(Findings.renderText(findings, language: global.lang, checkedFiles: inputs.files))
            case .json: try StandardStreams.print(Findings.renderJSON(findings))
            }
            if inputs.unreadable > 0 { throw ExitCode(ExitStatus.unusable) }
            if Findings.hasErrors(findings) { throw ExitCode(ExitStatus.failed) }
        }
    }
}
