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
        Checks totals, achievement rates, codes, ratings, references and — over all the given sheets
        together — consistency between policies (the same project must have the same name, section
        and amounts everywhere). Any mix of .txt, .json and .xlsx files and directories.

        Exit status: 0 no errors (warnings allowed), 1 errors found, 2 an input could not be read.

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
        let report = Reporter(global: global)
        let (loaded, failures) = try SheetLoading.loadAll(inputs, jobs: jobs, report: report)
        let findings = Validator.validate(loaded)
        switch format {
        case .text: print(Findings.renderText(findings, language: global.lang), terminator: "")
        case .json: print(Findings.renderJSON(findings), terminator: "")
        }
        if failures > 0 { throw ExitCode(2) }
        if Findings.hasErrors(findings) { throw ExitCode(1) }
    }
}

/// Reading many inputs in parallel, reporting each unreadable one and going on.
enum SheetLoading {
    /// Every sheet of every input (in input order) and the number of inputs that could not be read.
    static func loadAll(_ inputs: [String], jobs: Int, report: Reporter) throws -> ([LoadedSheet], Int) {
        let files = try SheetSource.expand(inputs)
        let results = WorkerPool.map(files, jobs: jobs) { (file: String) -> LoadResult in
            do { return LoadResult(sheets: try SheetSource.load(file)) } catch { return LoadResult(error: error) }
        }
        var sheets: [LoadedSheet] = []
        var failures = 0
        for r in results {
            if let e = r.error { report.error(e); failures += 1 }
            report.notes(r.sheets.flatMap(\.notes))
            sheets += r.sheets
        }
        return (sheets, failures)
    }

    struct LoadResult: @unchecked Sendable {
        var sheets: [LoadedSheet] = []
        var error: (any Error)?
    }
}
