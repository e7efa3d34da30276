import ArgumentParser
import Foundation
import EvalSheet
import EvalSheetModel
import EvalSheetJSON
import EvalSheetText
import EvalSheetWorkbook

/// `evalsheet import`: reads sheets and writes one JSON (or text-form) file per policy.
struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "import", abstract: HelpText.importAbstract, discussion: HelpText.importDiscussion)
    }

    enum Target: String, ExpressibleByArgument, CaseIterable { case json, text }

    @Argument(help: .init(HelpText.inputs))
    var files: [String]

    @Option(name: .shortAndLong, help: .init(HelpText.importOutput))
    var output: String?

    @Option(name: .long, help: .init(HelpText.importTo))
    var to: Target = .json

    @OptionGroup var writing: WriteOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws { try OutputDirectory.validateName(output) }

    func run() throws {
        try global.converting(files, form: writing.form) { start, inputs in
            let (report, tpl, expansion) = (start.report, start.template, start.expansion)
            var ok = expansion.missing.isEmpty
            if let dir = output {
                let to = self.to
                let directory = try OutputDirectory(dir)
                var conversion = PolicyConversion.writing(to == .json ? .json : .text, into: directory,
                                                          overwrite: writing.force, template: tpl)
                // Many small files: synced in groups, not one by one (see GroupedOutputs).
                conversion.grouped = GroupedOutputs(directory: directory.path, writers: writing.form.workers) { sheet in
                    try Self.render(sheet, to, template: tpl)
                }
                ok = Conversions.run(inputs, conversion, jobs: writing.form.workers, report: report) && ok
            } else {
                ok = try writeToStandardOutput(inputs, template: tpl, report: report) && ok
            }
            if !ok { throw ExitCode(ExitStatus.failed) }
        }
    }

    /// Without -o: exactly one policy is printed; anything else is an error.
    private func writeToStandardOutput(_ inputs: [String], template: WorkbookTemplate, report: Reporter) throws -> Bool {
        var sheets: [LoadedSheet] = []
        var ok = true
        for file in inputs {
            let read = SheetSource.read(file, template: template)
            report.notes(read.sheets.flatMap(\.notes) + [read.skipped].compactMap { $0 })
            read.failures.forEach(report.error)
            ok = ok && read.failures.isEmpty
            sheets += read.sheets
        }
        if sheets.count == 1 {
            if !StandardStreams.out(Data(try Self.render(sheets[0], to, template: template))) {
                report.error(StandardStreams.notWritten(hint: .init(ja: "-o でフォルダを指定してください", en: "give an output directory with -o")))
                ok = false
            }
        } else if sheets.count > 1 {
            report.error(CLIError(.init(ja: "施策が \(sheets.count) 件あります。-o でフォルダを指定してください",
                                        en: "\(sheets.count) policies: give an output directory with -o")))
            ok = false
        }
        return ok
    }

    static func render(_ loaded: LoadedSheet, _ to: Target, template: WorkbookTemplate) throws -> [UInt8] {
        switch to {
        case .json: try SheetOutput.json(loaded)
        case .text: try SheetOutput.text(loaded, template: template)
        }
    }
}

/// Runs a conversion over inputs on workers, reporting each input's notes, written files and errors
/// in input order, as soon as it and the inputs before it are done (with grouped outputs: once its
/// outputs are in place); true
/// when every input and output succeeded.
enum Conversions {
    static func run(_ inputs: [String], _ conversion: PolicyConversion, jobs: Int, report: Reporter) -> Bool {
        var spread = conversion
        spread.sheetJobs = WorkerPool.jobsPerItem(jobs, items: inputs.count)
        let conversion = spread
        let show: @Sendable (FileOutcome) -> Void = { outcome in
            report.notes(outcome.notes)
            for path in outcome.written { report.progress(ja: "\(path) を書き出しました", en: "wrote \(path)") }
            outcome.errors.forEach(report.error)
        }
        guard let grouped = conversion.grouped else {
            let outcomes = WorkerPool.mapIndexed(inputs, jobs: jobs, completed: { (_: Int, outcome: FileOutcome) in show(outcome) }) {
                (turn: Int, file: String) in conversion.convert(file, turn: turn)
            }
            return outcomes.allSatisfy { $0.errors.isEmpty }
        }
        grouped.reportSettled(show)
        _ = WorkerPool.mapIndexed(inputs, jobs: jobs, completed: { (_: Int, outcome: FileOutcome) in grouped.finished(outcome) }) {
            (turn: Int, file: String) in conversion.convert(file, turn: turn)
        }
        return grouped.finish().allSatisfy { $0.errors.isEmpty }
    }
}
