import Foundation
import EvalSheet
import EvalSheetModel
import EvalSheetWorkbook
import FileOutput
import XLSXWriter

/// What happened to one policy of an input: written to `output`, skipped because the output exists,
/// or failed with `error`.
struct PolicyOutcome: @unchecked Sendable {
    var code: String
    var output: String?
    var skipped = false
    /// The policy's code was already taken in this run: it is reported, and not counted in the year.
    var duplicate = false
    var error: (any Error)?
    /// The output is queued in a group (`GroupedOutputs`) and not in place yet: its result comes later.
    var ticket: Int?

    /// Records why the output was not written; batch keeps an output another run wrote first and
    /// reports it as skipped, as on a re-run.
    mutating func failed(_ error: any Error, skipExisting: Bool) {
        if skipExisting, let path = PolicyConversion.existingOutput(error) {
            output = path
            skipped = true
        } else {
            self.error = error
        }
    }
}

/// What happened to one input file: its reader notes, the problems that kept it (or some of its
/// sheets) from being read, and each policy it held.
struct FileOutcome: @unchecked Sendable {
    var file: String
    var notes: [ReaderNote] = []
    var readFailures: [any SheetReadError] = []
    var policies: [PolicyOutcome] = []
    /// Why the input was not read as sheets at all, when it is a file this tool wrote (a year
    /// index, findings.json); also the first of `notes`.
    var passedOver: ReaderNote?

    /// Every error of this input: unreadable sheets first, then policies that could not be written.
    var errors: [any Error] { readFailures + policies.compactMap(\.error) }
    var written: [String] { policies.compactMap { $0.skipped || $0.error != nil ? nil : $0.output } }
    var skipped: [String] { policies.compactMap { $0.skipped ? $0.output : nil } }
}

/// The shape `import`, `export` and `batch` share: read an input, then for each policy claim its
/// code (a code twice in one run is an error, never an overwrite), name its output after the code,
/// and write it atomically. Whatever fails — reading, a policy's output — fails for that input or
/// that policy only; the run goes on.
struct PolicyConversion: Sendable {
    let directory: OutputDirectory
    let fileExtension: String
    let overwrite: Bool
    /// Batch keeps an existing output and reports it as skipped; import and export report an error.
    let skipExisting: Bool
    let template: WorkbookTemplate
    /// Output names the command keeps for its own files (batch: index.xlsx, findings.json).
    var reservedNames: Set<String> = []
    let write: @Sendable (LoadedSheet, _ path: String, _ overwrite: Bool) throws -> Void
    /// The codes taken in this run; conversions that write into several folders share one.
    var claims = CodeClaims()
    /// Threads that read the sheets of one text file (set when there are fewer inputs than workers).
    var sheetJobs = 1
    /// Warn, per policy, of what the output format does not carry (rollover says it once instead).
    var notesWhatIsNotCarried = true
    /// When set (import), outputs are rendered and committed in groups instead of by `write`.
    var grouped: GroupedOutputs?

    /// Converts every policy of `file`; `each` is called for each policy read (written, skipped or
    /// failed), and its results are returned beside the outcome.
    /// With `turn` (the input's place among the run's inputs), its codes are claimed only after
    /// every earlier input's (`CodeClaims.turns`), so which of two inputs with one code is written
    /// does not depend on timing.
    func convert<Extra>(_ file: String, turn: Int? = nil, each: (LoadedSheet, PolicyOutcome) -> Extra) -> (FileOutcome, [Extra]) {
        defer { if let turn { claims.turns.finish(turn); claims.converted.finish(turn) } }
        var outcome = FileOutcome(file: file)
        var extras: [Extra] = []
        // An input that may be an output of this run is read as with one worker: after every earlier
        // input has handed over its outputs and they are in place (else what it reads would depend
        // on which worker was faster).
        grouped?.beforeReading(file) { if let turn { claims.converted.wait(for: turn) } }
        func take(_ loaded: LoadedSheet, last: Bool) {
            outcome.notes += loaded.notes
            let notCarried = notesWhatIsNotCarried ? notCarried(loaded) : []
            // Kept only when the output is written: with such notes the output is rendered here, so
            // that whether it could be is known now; without, it may be rendered on a writer thread.
            let policy = convertOne(loaded, from: file, turn: turn, lastOfTurn: last, renderLater: notCarried.isEmpty)
            if policy.error == nil, !policy.skipped { outcome.notes += notCarried }
            outcome.policies.append(policy)
            extras.append(each(loaded, policy))
        }
        // Each policy is converted as it is read (a text file is never held whole), one sheet behind
        // the reader: so the last is known as the last, and the next input may claim its codes
        // while this input's last output is still being written.
        var held: LoadedSheet?
        let read = SheetSource.read(file, template: template, jobs: sheetJobs) { loaded in
            if let previous = held { take(previous, last: false) }
            held = loaded
        }
        if let last = held { take(last, last: true) }
        outcome.notes = [read.skipped].compactMap { $0 } + outcome.notes
        outcome.passedOver = read.skipped
        outcome.readFailures = read.failures
        return (outcome, extras)
    }

    func convert(_ file: String, turn: Int? = nil) -> FileOutcome { convert(file, turn: turn) { _, _ in () }.0 }

    /// What this conversion's output format leaves out of `loaded`, as warnings.
    private func notCarried(_ loaded: LoadedSheet) -> [ReaderNote] {
        guard let format = SheetFormat(rawValue: fileExtension) else { return [] }
        return SheetOutput.notCarried(loaded, as: format, template: template)
    }

    /// A conversion that writes each policy as `format` through `SheetOutput` (import, export, batch).
    static func writing(_ format: SheetFormat, into directory: OutputDirectory, overwrite: Bool, skipExisting: Bool = false,
                        template: WorkbookTemplate, reservedNames: Set<String> = []) -> PolicyConversion {
        PolicyConversion(directory: directory, fileExtension: format.fileExtension, overwrite: overwrite,
                         skipExisting: skipExisting, template: template, reservedNames: reservedNames) { sheet, path, overwrite in
            try SheetOutput.write(sheet, as: format, to: path, overwrite: overwrite, template: template)
        }
    }

    /// Names, claims and writes one policy already read (rollover writes sheets it made). With
    /// `renderLater` and grouped outputs, the output is rendered and written on a writer thread
    /// after the code is claimed here, in file order; its result comes with its ticket. With `turn`,
    /// the claim waits for every earlier input's claims (see `convert`); with `lastOfTurn` (the
    /// input's last policy) the turn ends once the code is claimed, before the output is written.
    func convertOne(_ loaded: LoadedSheet, from file: String, turn: Int? = nil, lastOfTurn: Bool = false,
                    renderLater: Bool = false) -> PolicyOutcome {
        let code = loaded.sheet.policy.code
        var outcome = PolicyOutcome(code: code)
        var turnToEnd = lastOfTurn ? turn : nil
        func endTurn() {
            if let t = turnToEnd { claims.turns.finish(t) }
            turnToEnd = nil
        }
        defer { endTurn() }
        do {
            let path = try directory.policyFile(code, extension: fileExtension)
            let name = (path as NSString).lastPathComponent
            if reservedNames.contains(name.lowercased()) {
                let label = template.labels.policyCode
                throw CLIError(.init(ja: "\(label)「\(code)」の出力 \(name) は年度の一覧に使う名前のため書き出せません(\(label)を確かめてください)",
                                     en: "the output \(name) of policy \(code) would take the name of the year's own file; check the policy code"))
            }
            outcome.output = path
            if let turn { claims.turns.wait(for: turn) }
            do {
                try claims.claim(code, by: file, at: loaded.sourceMap.describe(.policyCode), label: template.labels.policyCode)
            } catch {
                outcome.duplicate = true
                throw error
            }
            endTurn()
            if Self.sameFile(path, file) {
                throw CLIError(.init(ja: "出力 \(path) は入力と同じファイルです(入力を上書きしないよう、別の出力フォルダを指定してください)",
                                     en: "the output \(path) is the input itself (give another output directory so the input is not replaced)"))
            }
            if skipExisting, !overwrite, FileManager.default.fileExists(atPath: path) {
                outcome.skipped = true
                return outcome
            }
            do {
                if let grouped {
                    outcome.ticket = renderLater && grouped.rendersOnWriters ? grouped.queueLater(loaded, to: path, overwrite: overwrite)
                        : try grouped.queue(loaded, to: path, overwrite: overwrite)
                    return outcome
                }
                try write(loaded, path, overwrite)
            } catch let e as XLSXWriteError where Self.existingOutput(e) == nil {
                throw OutputFailure(path: path, underlying: e)
            }
        } catch {
            outcome.failed(error, skipExisting: skipExisting)
        }
        return outcome
    }

    /// Whether two paths name the same existing file (both resolved, symbolic links and all).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        // Nothing at `a`, named without `.`, `..` or `//`: resolving would give `a` itself, which
        // does not exist, so the answer is no without resolving either path (the usual case of an
        // output not written yet).
        if isLexicallyPlain(a), !AtomicOutput.exists(a) { return false }
        let (x, y) = (URL(fileURLWithPath: a).resolvingSymlinksInPath().path, URL(fileURLWithPath: b).resolvingSymlinksInPath().path)
        return x == y && FileManager.default.fileExists(atPath: x)
    }

    /// Whether `path` has no empty, `.` or `..` component (a leading `/` aside), so that standardizing
    /// it changes nothing.
    static func isLexicallyPlain(_ path: String) -> Bool {
        let components = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return !components.enumerated().contains { i, c in
            (c.isEmpty && !(i == 0 && components.count > 1)) || c.elementsEqual(".".utf8) || c.elementsEqual("..".utf8)
        }
    }

    /// The output an error says already exists, if that is what it says.
    static func existingOutput(_ error: any Error) -> String? {
        switch error {
        case OutputError.fileExists(let path): path
        case XLSXWriteError.fileExists(let path): path
        case let e as WorkbookExportError:
            if case .fileExists(let path)? = e.writeError { path } else { nil }
        default: nil
        }
    }
}

/// A workbook that could not be written, with the file it was for (the XLSX layer's own errors do
/// not always say which output they concern).
struct OutputFailure: EvalSheetError {
    var path: String
    var underlying: any Error

    func lines(_ language: Language) -> [String] {
        [(language == .ja ? "\(path) を書き出せません(何も残していません): " : "\(path) was not written (nothing was left behind): ")
            + ErrorText.lines(underlying, language).joined(separator: " / ")]
    }
}
