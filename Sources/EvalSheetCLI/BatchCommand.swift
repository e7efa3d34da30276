import ArgumentParser
import Foundation
import EvalSheetModel
import EvalSheetText
import EvalSheetWorkbook
import EvalSheetValidation

/// `evalsheet batch`: a whole year in one command — convert every sheet in parallel, validate the
/// year, and write an index workbook.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "1年度分のシートをまとめて変換・検証し、一覧ブック index.xlsx を作ります。",
        discussion: """
        INPUT is a directory of sheets (any mix of .txt, .json, .xlsx) or a file holding many sheets.
        Every policy is converted in parallel into DIR (one file each, written atomically); a bad input
        never stops the others. The year is then validated as a whole (including the rules across
        policies) and DIR/index.xlsx lists every policy with its totals, rating, latest achievement
        rates, findings and a link to its workbook. Findings are also saved as DIR/findings.json.

        Exit status: 0 all converted (validation errors are reported but do not fail the run unless
        --strict), 1 some input failed.

        例 / Examples:
          evalsheet batch samples/kiyose-2019/kiyose-2019.txt -o out/2019
          evalsheet batch returned/ -o out/2019 --to json --jobs 4
          evalsheet batch returned/ -o out/2019 --force --no-validate
        """)

    enum Target: String, ExpressibleByArgument, CaseIterable { case xlsx, json, text }

    @Argument(help: "A directory of sheets, or a file holding many.")
    var input: String

    @Option(name: .shortAndLong, help: "Output directory.")
    var output: String

    @Option(name: .long, help: "Output format: xlsx (default), json or text.")
    var to: Target = .xlsx

    @Option(name: .shortAndLong, help: "Parallel workers (default: the number of cores).")
    var jobs: Int = WorkerPool.defaultJobs

    @Flag(name: .long, help: "Overwrite existing outputs (without it they are kept and reported as skipped).")
    var force = false

    @Flag(name: .long, help: "Skip validation.")
    var noValidate = false

    @Flag(name: .long, help: "Exit 1 when validation finds errors.")
    var strict = false

    @Option(name: .long, help: "A layout template (JSON) for the workbooks.")
    var template: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let report = Reporter(global: global)
        let tpl: WorkbookTemplate
        do { tpl = try template.map(WorkbookTemplate.load) ?? .standard } catch { report.error(error); throw ExitCode(1) }
        let inputs = try SheetSource.expand([input])
        try AtomicFile.createDirectory(output)
        let converter = BatchConverter(outputDirectory: output, target: to, force: force, validate: !noValidate,
                                       exporter: WorkbookExporter(template: tpl, toolVersion: EvalSheetVersion.current),
                                       template: tpl)
        let progress = ProgressDisplay(total: inputs.count, quiet: global.quiet)
        let results = WorkerPool.map(inputs, jobs: jobs, completed: { (_: Int, r: BatchConverter.FileResult) in
            progress.finished(r.file, ok: r.errors.isEmpty, detail: r.outputs.isEmpty ? "" : "→ " + r.outputs.joined(separator: ", "))
        }) { (file: String) in converter.convert(file) }

        // The year as a whole: cross-policy rules over compact copies of the sheets.
        var findings = results.flatMap(\.findings)
        if !noValidate {
            findings += Validator.validate(results.flatMap(\.digests), sheetRules: [], yearRules: Validator.yearRules)
            findings = Findings.merged(findings)
        }
        let summaries = results.flatMap(\.summaries).map { s -> PolicySummary in
            var s = s
            let mine = findings.filter { $0.policy == s.code }
            s.errors = mine.filter { $0.severity == .error }.count
            s.warnings = mine.filter { $0.severity == .warning }.count
            return s
        }
        let indexPath = (output as NSString).appendingPathComponent("index.xlsx")
        let findingsPath = (output as NSString).appendingPathComponent("findings.json")
        var failed = results.filter { !$0.errors.isEmpty }
        do {
            try YearIndexWriter(template: tpl).write(summaries, to: indexPath, overwrite: true)
            if !noValidate { try AtomicFile.write(Data(Findings.renderJSON(findings).utf8), to: findingsPath, overwrite: true) }
        } catch {
            failed.append(.init(file: indexPath, errors: [error]))
        }
        BatchReport.print(results: results, failed: failed, findings: findings, skipped: results.flatMap(\.skipped),
                          index: indexPath, validated: !noValidate, global: global)
        if !failed.isEmpty || (strict && Findings.hasErrors(findings)) { throw ExitCode(1) }
    }
}
