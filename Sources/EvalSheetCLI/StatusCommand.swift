import ArgumentParser
import Foundation
import EvalSheet
import EvalSheetModel
import EvalSheetCycle
import EvalSheetWorkbook

/// `evalsheet status`: which of the sheets sent have come back, and in what state.
struct StatusCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "status", abstract: HelpText.statusAbstract, discussion: HelpText.statusDiscussion)
    }

    @Argument(help: .init(HelpText.statusSent))
    var sent: String

    @Argument(help: .init(HelpText.statusReturned))
    var returned: String

    @Option(name: .shortAndLong, help: .init(HelpText.statusOutput))
    var output: String?

    @Option(name: .long, help: .init(HelpText.reportFormat))
    var format: ValidateCommand.Format = .text

    @OptionGroup var writing: WriteOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws { try OutputDirectory.validateName(output) }

    func run() throws {
        try global.guarded(failure: ExitStatus.unusable) {
            let report = Reporter(global: global)
            let tpl = try writing.form.loadTemplate()
            let jobs = writing.form.workers
            let sentSheets = try readSent(template: tpl, jobs: jobs, report: report)
            let back = try readReturned(template: tpl, jobs: jobs, report: report)
            let status = CollectionStatus(sent: sentSheets, returned: back)
            report.notes(status.notes)
            for change in status.formChanges {
                Reporter.printError("\(change.location): \(global.lang == .en ? "error" : "エラー"): \(change.message.text(global.lang))")
            }
            let year = sentSheets.first?.sheet.fiscalYear ?? 0
            let view = StatusReport(status: status, fiscalYear: year, language: global.lang, template: tpl)
            // A report that could not be printed is reported after the workbook is written.
            let printed = Result { try StandardStreams.print(format == .text ? view.text() : view.json()) }
            if let output {
                let parent = (output as NSString).deletingLastPathComponent
                let directory = try OutputDirectory(parent.isEmpty ? "." : parent)
                let path = try directory.file((output as NSString).lastPathComponent)
                // --force replaces an earlier status workbook, never anything else (a sheet sent or returned).
                if writing.force, FileManager.default.fileExists(atPath: path), !StatusWorkbookWriter.isStatusWorkbook(path) {
                    report.error(CLIError(.init(
                        ja: "\(path) は回収状況のブックではないため、--force でも上書きしません(別の出力ファイル名を指定してください)",
                        en: "\(path) is not a status workbook, so it is not replaced even with --force (give another output name)")))
                    throw ExitCode(ExitStatus.failed)
                }
                do {
                    try StatusWorkbookWriter(template: tpl).write(view.workbook(linksFrom: directory.path), to: path, overwrite: writing.force)
                } catch {
                    report.error(error)
                    throw ExitCode(ExitStatus.failed)
                }
                report.progress(ja: "\(path) を書き出しました", en: "wrote \(path)")
            }
            try printed.get()
            if !status.isComplete { throw ExitCode(ExitStatus.failed) }
        }
    }

    /// The sheets sent: every file under SENT must be read, and each policy sent once — otherwise
    /// the status could not be told, and nothing is reported but the problems (exit 2).
    private func readSent(template: WorkbookTemplate, jobs: Int, report: Reporter) throws -> [LoadedSheet] {
        let walk = FolderWalk.files([sent])
        var failures: [any Error] = walk.missing
        var notes = walk.passedOver
        let files = walk.files.filter { file in
            guard SheetSource.kind(of: file) != nil else {
                notes.append(ReaderNote(id: "input.passed-over", message: .init(
                    ja: "対応していない形式のため読み飛ばしました(.txt / .json / .xlsx)", en: "passed over: not a supported file type (.txt / .json / .xlsx)"),
                    file: file, location: file))
                return false
            }
            if let note = Self.ownStatusWorkbook(file) {
                notes.append(note)
                return false
            }
            return true
        }
        let reads = WorkerPool.map(files, jobs: jobs) { (file: String) in SheetSource.read(file, template: template) }
        var sheets: [LoadedSheet] = []
        for r in reads {
            failures += r.failures
            notes += [r.skipped].compactMap { $0 } + r.sheets.flatMap(\.notes)
            sheets += r.sheets
        }
        for code in YearDiff.duplicateCodes(sheets) {
            let places = sheets.filter { $0.sheet.policy.code == code }.map { $0.sourceMap.describe(.policyCode) }
            failures.append(CLIError(.init(ja: "送付したシートに施策 \(code) が2つ以上あります(\(places.joined(separator: "、")))",
                                           en: "policy \(code) was sent more than once (\(places.joined(separator: ", ")))")))
        }
        if sheets.isEmpty, failures.isEmpty { failures.append(SheetSource.nothingToRead([sent])) }
        let years = Set(sheets.map(\.sheet.fiscalYear))
        if years.count > 1 {
            failures.append(CLIError(.init(
                ja: "送付したシートの年度がそろっていません(\(years.sorted().map(FiscalYearText.japanese).joined(separator: "、")))",
                en: "the sheets sent are for different years (\(years.sorted().map(String.init).joined(separator: ", ")))")))
        }
        report.notes(notes)
        guard failures.isEmpty else {
            failures.forEach(report.error)
            throw ExitCode(ExitStatus.unusable)
        }
        return sheets
    }

    /// A note when `file` is a status workbook this command wrote: it is not a sheet, sent or returned.
    static func ownStatusWorkbook(_ file: String) -> ReaderNote? {
        guard SheetSource.kind(of: file) == .xlsx, StatusWorkbookWriter.isStatusWorkbook(file) else { return nil }
        return ReaderNote(id: "input.year-output", message: .init(
            ja: "status が書いた回収状況のブックのため、シートとしては読みません",
            en: "a status workbook written by status: not read as a sheet"), file: file, location: file)
    }

    /// Every file under RETURNED, as read: a file the tool wrote itself (a status workbook, a year's
    /// index or findings) is passed over with a note; anything else that is not a sheet — or that
    /// the walk passed over (a link, a folder too deep, a hidden sheet) — is a stray.
    private func readReturned(template: WorkbookTemplate, jobs: Int, report: Reporter) throws -> [CollectionStatus.Returned] {
        let walk = FolderWalk.files([returned])
        if !walk.missing.isEmpty {
            walk.missing.forEach(report.error)
            throw ExitCode(ExitStatus.unusable)
        }
        var notes = walk.passedOver
        let results = WorkerPool.map(walk.files, jobs: jobs) { (file: String) -> (CollectionStatus.Returned?, ReaderNote?) in
            guard let kind = SheetSource.kind(of: file) else {
                return (.init(file: file, sheets: [], problems: InputFileError.unsupported(file).problems), nil)
            }
            if kind == .xlsx, let note = Self.ownStatusWorkbook(file) { return (nil, note) }
            let read = SheetSource.read(file, template: template)
            if let skipped = read.skipped { return (nil, skipped) }
            return (.init(file: file, sheets: read.sheets, problems: read.failures.flatMap(\.problems)), nil)
        }
        notes += results.compactMap(\.1)
        report.notes(notes)
        // What the walk did not enter or follow (a symbolic link, a folder nested too deep, a hidden
        // sheet) may be a returned sheet: it is a stray of the status too, not only a warning.
        let notRead = walk.passedOver.map { CollectionStatus.Returned(file: $0.file, sheets: [], problems: [$0]) }
        return results.compactMap(\.0) + notRead
    }
}
