import Foundation
import EvalSheetModel
import EvalSheetWorkbook

/// The shape `import` and `export` share: read each input on a worker, write one output per
/// policy, report notes, written files and errors as they happen, and go on past a bad file.
enum PerPolicyConversion {
    /// Returns true when every input and every output succeeded. `write` writes one policy and
    /// returns the path it wrote; a policy code seen twice in one run is an error, never an overwrite.
    static func run(_ inputs: [String], jobs: Int, report: Reporter, template: WorkbookTemplate = .standard,
                    write: @escaping @Sendable (LoadedSheet) throws -> String) -> Bool {
        let claims = CodeClaims()
        let outcomes = WorkerPool.map(inputs, jobs: jobs, completed: { (_: Int, outcome: FileOutcome) in
            report.notes(outcome.notes)
            for path in outcome.written { report.progress(ja: "\(path) を書き出しました", en: "wrote \(path)") }
            for e in outcome.errors { report.error(e) }
        }) { (file: String) -> FileOutcome in
            var outcome = FileOutcome()
            do {
                let sheets = try SheetSource.load(file, template: template)
                outcome.notes = sheets.flatMap(\.notes)
                for loaded in sheets {
                    do {
                        try claims.claim(loaded.sheet.policy.code, by: file)
                        outcome.written.append(try write(loaded))
                    } catch {
                        outcome.errors.append(error)
                    }
                }
            } catch {
                outcome.errors.append(error)
            }
            return outcome
        }
        return outcomes.allSatisfy { $0.errors.isEmpty }
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
