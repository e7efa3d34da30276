import Foundation

/// Output names already taken in this run: a second policy with the same code is an error,
/// never a silent overwrite of the first.
final class CodeClaims: @unchecked Sendable {
    /// The order the run's inputs claim in.
    let turns = ClaimTurns()
    /// The inputs converted to the end (every output handed over): an input that may be one of this
    /// run's outputs is read only once every earlier input is (`PolicyConversion.convert`).
    let converted = ClaimTurns()
    private let lock = NSLock()
    private var owners: [String: String] = [:]

    /// Claims the output name of `code`; codes that differ only in case claim one name too (they are
    /// one file on a case-insensitive disk).
    /// `label` is the form's name for the code (施策コード in the default template).
    func claim(_ code: String, by file: String, at place: String? = nil, label: String) throws {
        lock.lock(); defer { lock.unlock() }
        let key = code.lowercased()
        let here = place ?? file
        if let first = owners[key] {
            throw CLIError(.init(ja: "\(label) \(code) が複数あります(\(first) と \(here))。2つ目は書き出していません",
                                 en: "policy \(code) appears more than once (\(first) and \(here)); the second was not written"))
        }
        owners[key] = here
    }
}

/// The order in which a run's inputs claim their codes: input n claims once inputs 0…n−1 have all
/// finished, so that of two inputs with one policy code the earlier is written and the later is
/// the duplicate, whichever worker read faster. Inputs are read and written side by side as before:
/// an input waits only at its first claim, and only for earlier inputs whose last code is not
/// claimed yet (an input's turn ends at its last claim, before that output is written).
final class ClaimTurns: @unchecked Sendable {
    private let condition = NSCondition()
    /// Every turn below this one is finished.
    private var open = 0
    /// Finished turns at or above `open`.
    private var finishedAhead: Set<Int> = []

    /// Returns once every turn before `turn` is finished.
    func wait(for turn: Int) {
        condition.lock(); defer { condition.unlock() }
        while open < turn { condition.wait() }
    }

    /// Marks `turn` finished (it will claim nothing more); every turn must be finished, once or more.
    func finish(_ turn: Int) {
        condition.lock(); defer { condition.unlock() }
        guard turn >= open else { return }
        finishedAhead.insert(turn)
        while finishedAhead.remove(open) != nil { open += 1 }
        condition.broadcast()
    }
}
