import ArgumentParser
import Foundation
import EvalSheetModel
import EvalSheetValidation

/// `evalsheet validate`: every problem of a year's sheets, with its place.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "シートを検証し、誤りと注意点を場所(ファイル:行 / シート!セル)付きで表示します。",
        discussion: """
        Checks totals, achievement rates, codes, ratings, references and — over all the given sheets together — consistency between policies (the same project must have the same name, section and amounts everywhere). Any mix of .txt, .json and .xlsx files and directories. What the readers noticed (a stray cell, a number typed as text, a saved total that disagrees) and inputs that cannot be read are findings too, with their places.

        Exit status: 0 no errors (warnings allowed), 1 errors found, 2 an input could not be read (the others are still checked), 64 wrong arguments.

        例 / Examples:
          evalsheet validate samples/kiyose-2019/kiyose-2019.txt
          evalsheet validate returned/ --format json > findings.json
          evalsheet validate 511.xlsx --lang en
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Input files or directories (.txt, .json, .xlsx).")
    var inputs: [String]

    @Option(name: .long, help: "Output format: text (default) or json.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Parallel workers for reading (default: the number of cores).")
    var jobs: Int = WorkerPool.defaultJobs

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.guarded(failure: ExitStatus.unusable) {
            let inputs = SheetLoading.readAll(inputs, jobs: jobs)
            let findings = Findings.merged(inputs.findings + Validator.validate(inputs.sheets))
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
    }

    static func readAll(_ paths: [String], jobs: Int) -> Inputs {
        let (files, missing) = SheetSource.expand(paths)
        let reads = WorkerPool.map(files, jobs: jobs) { (file: String) in SheetSource.read(file) }
        var out = Inputs()
        out.failures = missing
        for r in reads {
            out.sheets += r.sheets
            out.failures += r.failures
        }
        out.unreadable = out.failures.count
        out.findings = out.failures.flatMap { Finding.unreadable($0) } + Finding.readerNotes(out.sheets)
        return out
    }
}
