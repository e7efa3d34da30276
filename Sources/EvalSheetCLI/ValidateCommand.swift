import ArgumentParser
import Foundation
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

    @Option(name: .shortAndLong, help: .init(HelpText.jobs))
    var jobs: Int?

    @Option(name: .long, help: .init(HelpText.readTemplate))
    var template: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.guarded(failure: ExitStatus.unusable) {
            let tpl = try template.map(WorkbookTemplate.load) ?? .standard
            let inputs = SheetLoading.readAll(inputs, jobs: jobs ?? WorkerPool.defaultJobs, template: tpl)
            let findings = Findings.merged(inputs.findings + Validator.validate(inputs.sheets, template: tpl))
            switch format {
            case .text: print(Findings.renderText(findings, language: global.lang), terminator: "")
            case .json: print(Findings.renderJSON(findings), terminator: "")
            }
            if inputs.unreadable > 0 { throw ExitCode(ExitStatus.unusable) }
            if Findings.hasErrors(findings) { throw ExitCode(ExitStatus.failed) }
        }
    }
}

/// Reading many inputs in parallel; an input that cannot be read is counted and becomes findings,
/// and every other input is still read.
enum SheetLoading {
    struct Inputs {
        /// Every sheet read, in input order.
        var sheets: [LoadedSheet] = []
        /// The readers' findings: an error per problem of what could not be read, a warning per note.
        var findings: [Finding] = []
        /// How many inputs (files, or sheets of a file) could not be read.
        var unreadable = 0
        /// The read problems themselves, for commands that print them as errors.
        var failures: [any SheetReadError] = []
        /// Inputs passed over (another file type, a subfolder, the tool's own year outputs).
        var notes: [ReaderNote] = []
    }

    static func readAll(_ paths: [String], jobs: Int, template: WorkbookTemplate = .standard) -> Inputs {
        let expansion = SheetSource.expand(paths)
        let reads = WorkerPool.map(expansion.files, jobs: jobs) { (file: String) in SheetSource.read(file, template: template) }
        var out = Inputs()
        out.failures = expansion.missing
        if expansion.files.isEmpty, expansion.missing.isEmpty {
            out.failures.append(InputFileError(file: paths.joined(separator: " "), id: "input.nothing",
                                               message: SheetSource.nothingToRead(paths).message))
        }
        var passedOver = expansion.passedOver
        for r in reads {
            out.sheets += r.sheets
            out.failures += r.failures
            if let note = r.skipped { passedOver.append(note) }
        }
        out.unreadable = out.failures.count
        out.notes = passedOver
        out.findings = out.failures.flatMap { Finding.unreadable($0) } + passedOver.map { Finding(readerNote: $0, policy: "") }
            + Finding.readerNotes(out.sheets)
        return out
    }
}
