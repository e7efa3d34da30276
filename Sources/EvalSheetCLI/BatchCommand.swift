import ArgumentParser
import Foundation
import EvalSheet
import EvalSheetModel
import EvalSheetJSON
import EvalSheetText
import EvalSheetWorkbook
import EvalSheetValidation
import FileOutput
import XLSXWriter

/// `evalsheet batch`: a whole year in one command — convert every sheet in parallel, validate the
/// year, and write an index workbook.
struct BatchCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "batch", abstract: HelpText.batchAbstract, discussion: HelpText.batchDiscussion)
    }

    enum Target: String, ExpressibleByArgument, CaseIterable { case xlsx, json, text }

    @Argument(help: .init(HelpText.batchInput))
    var input: String

    @Option(name: .shortAndLong, help: .init(HelpText.batchOutput))
    var output: String

    @Option(name: .long, help: .init(HelpText.batchTo))
    var to: Target = .xlsx

    @Flag(name: .long, help: .init(HelpText.batchForce))
    var force = false

    @Flag(name: .long, help: .init(HelpText.batchNoValidate))
    var noValidate = false

    @Flag(name: .long, help: .init(HelpText.batchStrict))
    var strict = false

    @OptionGroup var form: FormOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws { try OutputDirectory.validateName(output) }

    func run() throws {
        try global.guarded(failure: ExitStatus.failed) {
            // What the folder held and is not read goes into the findings (report and findings.json).
            let start = try CommandStart([input], global: global, form: form, reportingPassedOver: false)
            let (tpl, expansion) = (start.template, start.expansion)
            guard let inputs = start.files, expansion.missing.isEmpty else {
                if start.files != nil { start.report.notes(expansion.passedOver) }  // no findings to report them with
                throw ExitCode(ExitStatus.failed)
            }
            if PolicyConversion.sameFile(input, output) {
                throw CLIError(.init(ja: "出力フォルダ \(output) が入力と同じです。別の出力フォルダを指定してください(出力を次の入力として読まないため)",
                                     en: "the output directory \(output) is the input itself; give another one (so outputs are never read back as inputs)"))
            }
            let directory = try OutputDirectory(output)
            let target = to, format: SheetFormat = to == .xlsx ? .xlsx : to == .json ? .json : .text
            var conversion = PolicyConversion.writing(format, into: directory, overwrite: force, skipExisting: true,
                                                      template: tpl, reservedNames: YearOutputs.names)
            // Synced to the disk in groups before each is moved into place, each input's result taken
            // (progress, findings, index) once its outputs are in place or have failed, in input order.
            let grouped = BatchConverter.groupedOutputs(format, into: directory, template: tpl)
            conversion.grouped = grouped
            let converter = BatchConverter(conversion: conversion, validate: !noValidate, workbookLinks: target == .xlsx)
            let progress = ProgressDisplay(total: inputs.count, quiet: global.quiet, language: global.lang)
            let gathered = BatchYear(digests: converter.digests, validate: !noValidate, directory: directory.path, expected: inputs.count)
            gathered.findings.add(start.expansion.passedOver.map { Finding(readerNote: $0, policy: "") })
            let waiting = SettlingResults()
            grouped.reportSettled { outcome in
                let r = waiting.settle(outcome)
                let written = r.outcome.written
                progress.finished(r.file, ok: r.errors.isEmpty, detail: written.isEmpty ? "" : "→ " + written.joined(separator: ", "))
                gathered.take(r)
            }
            WorkerPool.forEachIndexedInOrder(inputs, jobs: form.workers, consume: { (_: Int, r: BatchConverter.FileResult) in
                waiting.append(r)
                grouped.finished(r.outcome)
            }) { (turn: Int, file: String) in converter.convert(file, turn: turn) }
            _ = grouped.finish()
            let tally = gathered.finish()
            // What the workers freed goes back to the system before the index is built on the main thread.
            XLSXProcessTuning.releaseFreedMemory()
            let findings = gathered.findings
            var summaries = gathered.takeSummaries()
            summaries.sortByCode()  // the index's order
            summaries.setCounts { findings.counts[$0] ?? (0, 0) }
            let yearOutputs = YearOutputs(directory: directory, overwrite: force)
            yearOutputs.write(index: summaries, template: tpl, findings: noValidate ? nil : findings)
            BatchReport.print(tally: tally, findings: findings, yearOutputs: yearOutputs,
                              validated: !noValidate, global: global)
            let failed = !tally.errors.isEmpty || !yearOutputs.errors.isEmpty || findings.lost != nil
            if failed || (strict && findings.hasErrors) { throw ExitCode(ExitStatus.failed) }
        }
    }
}

/// The files a batch writes for the whole year — `index.xlsx` and `findings.json` — created like every
/// other output: atomically, and never replacing an existing file unless --force (then it is kept and
/// reported as skipped).
final class YearOutputs {
    /// The names of the year's own files, which no policy's output may take.
    static let names: Set<String> = ["index.xlsx", "findings.json"]

    let directory: OutputDirectory
    let overwrite: Bool
    private(set) var written: [String] = []
    private(set) var skipped: [String] = []
    private(set) var errors: [any Error] = []

    init(directory: OutputDirectory, overwrite: Bool) {
        self.directory = directory
        self.overwrite = overwrite
    }

    var indexPath: String { (try? directory.file("index.xlsx")) ?? "index.xlsx" }

    func write(index summaries: PolicySummaryRows, template: WorkbookTemplate, findings: BatchFindings?) {
        attempt(indexPath) { path in try YearIndexWriter(template: template).write(summaries, to: path, overwrite: overwrite) }
        if let findings { write(findings: findings) }
    }

    /// Writes findings.json from the spooled findings — only if every one of them was read back.
    func write(findings: BatchFindings) {
        attempt((try? directory.file("findings.json")) ?? "findings.json") { path in
            let output = try AtomicOutput(path: path, overwrite: overwrite)
            try output.writeTemporary(chunks: FindingsFile.chunks(groups: findings.files()))
            // A findings.json short of findings would say the year has fewer problems than it has.
            if let lost = findings.lost {
                output.discard()
                throw CLIError(lost.message(notWritten: path))
            }
            try output.commit()
        }
    }

    private func attempt(_ path: String, _ body: (String) throws -> Void) {
        do {
            try body(path)
            written.append(path)
        } catch {
            if let existing = PolicyConversion.existingOutput(error) { skipped.append(existing) } else { errors.append(error) }
        }
    }
}

/// `findings.json` in pieces, byte for byte `Findings.renderJSONData` of all the findings: each
/// group of findings is rendered on its own and its array's brackets replaced, so that neither the
/// whole text nor the encoder's tree of every finding is held at once (they ran to several times
/// the file's size).
enum FindingsFile {
    /// How many findings are rendered at a time.
    static let groupSize = 128

    /// The chunks of the findings of `groups` one after the other (a group's findings are rendered
    /// at most `groupSize` at a time, and only when the sequence is walked).
    static func chunks(groups: AnySequence<[Finding]>, groupSize: Int = groupSize) -> AnySequence<[UInt8]> {
        let size = max(1, groupSize)
        // Each piece renders as "[\n" + its elements + "\n]\n"; elements sit at the same depth
        // whatever the piece, so the pieces' elements joined by ",\n" are the whole array's.
        let opening = Array("[\n".utf8), closing = Array("\n]\n".utf8), separator = Array(",\n".utf8)
        return AnySequence { () -> AnyIterator<[UInt8]> in
            let groupIterator = groups.makeIterator()
            var current: [Finding] = [], start = 0, any = false, done = false
            return AnyIterator { () -> [UInt8]? in
                if done { return nil }
                while start >= current.count {
                    guard let next = groupIterator.next() else {
                        done = true
                        return any ? closing : Array(Findings.renderJSONData([]))
                    }
                    (current, start) = (next, 0)
                }
                let end = min(start &+ size, current.count)
                let text = Findings.renderJSONData(Array(current[start..<end]))
                var piece = any ? separator : opening
                piece.append(contentsOf: text.dropFirst(opening.count).dropLast(closing.count))
                (start, any) = (end, true)
                return piece
            }
        }
    }
}

/// Batch's file results waiting for their outputs to be in place (`GroupedOutputs`), in input order:
/// each settled outcome is the oldest waiting result's.
final class SettlingResults: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [BatchConverter.FileResult] = []
    private var first = 0

    func append(_ result: BatchConverter.FileResult) { lock.withLock { waiting.append(result) } }

    /// The oldest waiting result, settled with `outcome` (its own, now final).
    func settle(_ outcome: FileOutcome) -> BatchConverter.FileResult {
        var r = lock.withLock {
            defer {
                first += 1
                if first > 64, first * 2 > waiting.count { waiting.removeFirst(first); first = 0 }
            }
            return waiting[first]
        }
        r.settle(outcome)
        return r
    }
}
