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
        Reads the city's text form or JSON (files or directories; a file may hold many policies) and
        writes <DIR>/<施策コード>.xlsx for each: one worksheet per section, labels protected, input
        cells unlocked, dropdowns, live totals. Existing files are kept unless --force.

        例 / Examples:
          evalsheet export samples/kiyose-2019/kiyose-2019.txt -o out/xlsx
          evalsheet export out/json -o out/xlsx --force
          evalsheet export 511.txt -o out --template my-layout.json
        """)

    @Argument(help: "Input files or directories (.txt, .json).")
    var files: [String]

    @Option(name: .shortAndLong, help: "Output directory (default: the current directory).")
    var output: String = "."

    @Option(name: .long, help: "A layout template (JSON); default: the built-in Kiyose layout.")
    var template: String?

    @Flag(name: .long, help: "Overwrite existing workbooks.")
    var force = false

    @Option(name: .shortAndLong, help: "Parallel workers (default: the number of cores).")
    var jobs: Int = WorkerPool.defaultJobs

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
        let inputs = try SheetSource.expand(files)
        try AtomicFile.createDirectory(output)
        let claims = CodeClaims()
        let (output, force) = (self.output, self.force)
        let outcomes = WorkerPool.map(inputs, jobs: jobs, completed: { (_: Int, outcome: FileOutcome) in
            report.notes(outcome.notes)
            for path in outcome.written { report.progress(ja: "\(path) を書き出しました", en: "wrote \(path)") }
            for e in outcome.errors { report.error(e) }
        }) { (file: String) -> FileOutcome in
            var outcome = FileOutcome()
            do {
                let sheets = try SheetSource.load(file)
                outcome.notes = sheets.flatMap(\.notes)
                for loaded in sheets {
                    let code = loaded.sheet.policy.code
                    let path = (output as NSString).appendingPathComponent("\(code).xlsx")
                    do {
                        try claims.claim(code, by: file)
                        try AtomicFile.refuseExisting(path, overwrite: force)
                        try exporter.export(loaded.sheet, to: path, overwrite: force)
                        outcome.written.append(path)
                    } catch {
                        outcome.errors.append(error)
                    }
                }
            } catch {
                outcome.errors.append(error)
            }
            return outcome
        }
        if outcomes.contains(where: { !$0.errors.isEmpty }) { throw ExitCode(1) }
    }
}

/// What happened to one input file.
struct FileOutcome: @unchecked Sendable {
    var notes: [ReaderNote] = []
    var written: [String] = []
    var errors: [any Error] = []
}

/// Output names already taken in this run: a second policy with the same code is an error,
/// never a silent overwrite of the first.
final class CodeClaims: @unchecked Sendable {
    private let lock = NSLock()
    private var owners: [String: String] = [:]

    func claim(_ code: String, by file: String) throws {
        lock.lock(); defer { lock.unlock() }
        if let first = owners[code] {
            throw CLIError(.init(ja: "施策コード \(code) が複数あります(\(first) と \(file))",
                                 en: "policy \(code) appears more than once (\(first) and \(file))"))
        }
        owners[code] = file
    }
}
