import ArgumentParser
import EvalSheetModel

/// Options every command shares.
struct GlobalOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: .init(HelpText.lang))
    var lang: Language = .ja

    @Flag(name: .shortAndLong, help: .init(HelpText.quiet))
    var quiet = false

    /// Runs a command's body: an error it throws (other than an exit code) is reported plainly — one
    /// line per problem, with its place — and ends the command with `failure`.
    func guarded(failure: Int32, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as ExitCode {
            throw e
        } catch let e as CleanExit {
            throw e
        } catch {
            Reporter(global: self).error(error)
            throw ExitCode(failure)
        }
    }
}

/// The exit statuses of every command, as the README's table gives them.
enum ExitStatus {
    /// Everything asked for was done (validate: no errors; diff: no changes).
    static let ok: Int32 = 0
    /// import/export/batch: an input could not be read or an output not written; validate: errors
    /// found; diff: changes found.
    static let failed: Int32 = 1
    /// validate/diff: an input could not be read at all.
    static let unusable: Int32 = 2
}

extension Language: ExpressibleByArgument {}
