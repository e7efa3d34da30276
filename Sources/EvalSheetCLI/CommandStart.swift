import ArgumentParser
import EvalSheet

/// What every command that converts files does first: a reporter for its messages, the template,
/// and the files its inputs name — each missing input reported as an error and each entry passed
/// over as a warning; `files` is nil (with an error) when there is nothing to read.
struct CommandStart {
    let report: Reporter
    let template: WorkbookTemplate
    let expansion: SheetSource.Expansion
    let files: [String]?

    /// `reportingPassedOver`: false when the command reports the entries passed over with its
    /// findings instead (batch: in its report and findings.json), so they are not printed twice.
    init(_ paths: [String], global: GlobalOptions, form: FormOptions, reportingPassedOver: Bool = true) throws {
        report = Reporter(global: global)
        template = try form.loadTemplate()
        expansion = SheetSource.expand(paths)
        files = report.inputs(expansion, named: paths, reportingPassedOver: reportingPassedOver)
    }

    /// The files to read, or the exit for "nothing to read".
    func inputs() throws -> [String] {
        guard let files else { throw ExitCode(ExitStatus.failed) }
        return files
    }
}

extension GlobalOptions {
    /// The frame of a command that converts inputs (import, export, rollover): errors reported and
    /// mapped to `ExitStatus.failed` (see `guarded`), the start-up made once, and `body` given it
    /// with the files to read — or the exit for "nothing to read" before `body` runs.
    func converting(_ paths: [String], form: FormOptions, _ body: (CommandStart, _ inputs: [String]) throws -> Void) throws {
        try guarded(failure: ExitStatus.failed) {
            let start = try CommandStart(paths, global: self, form: form)
            try body(start, try start.inputs())
        }
    }
}
