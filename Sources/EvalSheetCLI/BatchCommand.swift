import ArgumentParser
import Foundation
import EvalSheet
import EvalSheetModel
import EvalSheetJSON
import EvalSheetText
import EvalSheetWorkbook
import EvalSheetValidation
import FileOutput

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

    func run() throws {
        try global.guarded(failure: ExitStatus.failed) {
            let start = try CommandStart([input], global: global, form: form)
            let (tpl, expansion) = (start.template, start.expansion)
            guard let inputs = start.files, expansion.missing.isEmpty else {
                throw ExitCode(ExitStatus.failed)
            }
            if PolicyConversion.sameFile(input, output) {
                throw CLIError(.init(ja: "出力フォルダ \(output) が入力と同じです。別の出力フォルダを指定してください(出力を次の入力として読まないため)",
                                     en: "the output directory \(output) is the input itself; give another one (so outputs are never read back as inputs)"))
            }
            let directory = try OutputDirectory(output)
            let target = to, format: SheetFormat = to == .xlsx ? .xlsx : to == .json ? .json : .text
            let conversion = PolicyConversion.writing(format, into: directory, overwrite: force, skipExisting: true,
                                                      template: tpl, reservedNames: YearOutputs.names)
            let converter = BatchConverter(conversion: conversion, validate: !noValidate, workbookLinks: target == .xlsx)
            let progress = ProgressDisplay(total: inputs.count, quiet: global.quiet, language: global.lang)
            var results = WorkerPool.mapIndexed(inputs, jobs: form.workers, completed: { (_: Int, r: BatchConverter.FileResult) in
                let written = r.outcome.written
                progress.finished(r.file, ok: r.errors.isEmpty, detail: written.isEmpty ? "" : "→ " + written.joined(separator: ", "))
            }) { (turn: Int, file: String) in converter.convert(file, turn: turn) }

            // What the year needs is moved out of the files' results, so that nothing is held twice
            // while the index is written; what the report needs of them is tallied, and they go.
            var findings: [Finding] = [], digests: [YearRuleDigest] = [], summaries: [PolicySummary] = []
            var tally = BatchTally()
            for i in results.indices {
                findings += results[i].findings
                digests += results[i].digests
                summaries += results[i].summaries
                tally.add(results[i].outcome)
                (results[i].findings, results[i].digests, results[i].summaries) = ([], [], [])
            }
            results = []
            // The year as a whole: cross-policy rules over compact copies of the sheets.
            if !noValidate {
                findings += Validator.validate(digests.map(converter.digests.sheet), sheetRules: [], yearRules: Validator.yearRules)
            }
            digests = []
            converter.digests.removeAll()
            Findings.sortInReportOrder(&findings)
            var counts: [String: (errors: Int, warnings: Int)] = [:]
            for f in findings {
                var c = counts[f.policy] ?? (0, 0)
                if f.severity == .error { c.errors += 1 } else if f.severity == .warning { c.warnings += 1 }
                counts[f.policy] = c
            }
            for i in summaries.indices {
                (summaries[i].errors, summaries[i].warnings) = counts[summaries[i].code] ?? (0, 0)
            }
            counts = [:]
            let yearOutputs = YearOutputs(directory: directory, overwrite: force)
            yearOutputs.write(index: summaries, template: tpl, findings: noValidate ? nil : findings)
            BatchReport.print(tally: tally, findings: findings, yearOutputs: yearOutputs,
                              validated: !noValidate, global: global)
            let failed = !tally.errors.isEmpty || !yearOutputs.errors.isEmpty
            if failed || (strict && Findings.hasErrors(findings)) { throw ExitCode(ExitStatus.failed) }
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

    func write(index summaries: [PolicySummary], template: WorkbookTemplate, findings: [Finding]?) {
        attempt(indexPath) { path in try YearIndexWriter(template: template).write(summaries, to: path, overwrite: overwrite) }
        if let findings {
            attempt((try? directory.file("findings.json")) ?? "findings.json") { path in
                try AtomicOutput.write(chunks: FindingsFile.chunks(findings), to: path, overwrite: overwrite)
            }
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

    static func chunks(_ findings: [Finding], groupSize: Int = groupSize) -> AnySequence<[UInt8]> {
        guard !findings.isEmpty else { return AnySequence([Array(Findings.renderJSONData([]))]) }
        let size = max(1, groupSize)
        // Each group renders as "[\n" + its elements + "\n]\n"; elements sit at the same depth
        // whatever the group, so the groups' elements joined by ",\n" are the whole array's.
        let opening = Array("[\n".utf8), closing = Array("\n]\n".utf8), separator = Array(",\n".utf8)
        return AnySequence(sequence(state: 0) { (start: inout Int) -> [UInt8]? in
            if start > findings.count { return nil }
            if start == findings.count {
                start &+= 1
                return closing
            }
            let end = min(start &+ size, findings.count)
            let text = Findings.renderJSONData(Array(findings[start..<end]))
            var piece = start == 0 ? opening : separator
            piece.append(contentsOf: text.dropFirst(opening.count).dropLast(closing.count))
            start = end
            return piece
        })
    }
}
