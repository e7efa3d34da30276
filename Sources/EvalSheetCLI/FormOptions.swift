import ArgumentParser
import EvalSheet

/// The options every command that reads or writes sheets shares: the form's template and the number
/// of workers.
struct FormOptions: ParsableArguments {
    @Option(name: .long, help: .init(HelpText.template))
    var template: String?

    @Option(name: .shortAndLong, help: .init(HelpText.jobs))
    var jobs: Int?

    /// The template named by `--template`, or the embedded default.
    func loadTemplate() throws -> WorkbookTemplate { try template.map(WorkbookTemplate.load) ?? .standard }

    /// The number of workers: `--jobs`, or the machine's cores.
    var workers: Int { jobs ?? WorkerPool.defaultJobs }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError(HelpText.pick("--jobs は 1 以上にしてください", "--jobs must be at least 1")) }
    }
}

/// The options of a command that writes files: whether to overwrite, and the form's options.
struct WriteOptions: ParsableArguments {
    @Flag(name: .long, help: .init(HelpText.force))
    var force = false

    @OptionGroup var form: FormOptions
}
