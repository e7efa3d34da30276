import ArgumentParser
import Foundation
import EvalSheet
import EvalSheetModel
import EvalSheetCycle
import EvalSheetWorkbook
import EvalSheetForm
import FileOutput

/// `evalsheet rollover`: next year's sheets from this year's — the forms the planning division sends
/// the departments each spring — one file per policy, optionally in one folder per 担当課.
struct RolloverCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "rollover", abstract: HelpText.rolloverAbstract, discussion: HelpText.rolloverDiscussion)
    }

    enum Target: String, ExpressibleByArgument, CaseIterable { case xlsx, json, text }

    @Argument(help: .init(HelpText.inputs))
    var files: [String]

    @Option(name: .customLong("to-year"), help: .init(HelpText.rolloverToYear))
    var toYear: Int

    @Option(name: .shortAndLong, help: .init(HelpText.rolloverOutput))
    var output: String

    @Option(name: .long, help: .init(HelpText.rolloverTo))
    var to: Target = .xlsx

    @Flag(name: .customLong("by-department"), help: .init(HelpText.rolloverByDepartment))
    var byDepartment = false

    @Option(name: .customLong("indicator-years"), help: .init(HelpText.rolloverIndicatorYears))
    var indicatorYears: Rollover.IndicatorYearRule = .planTargets

    @OptionGroup var writing: WriteOptions

    @OptionGroup var global: GlobalOptions

    /// The folder of the policies whose 担当課 is blank or has nothing usable in a folder name:
    /// `担当課なし` (the form's name for 担当課, and なし).
    static func fallbackFolder(_ template: FormTemplate) -> String {
        FolderName.safe(template.labels.section + "なし", fallback: "_")
    }

    func validate() throws {
        try OutputDirectory.validateName(output)
        let range = EvaluationSheet.fiscalYearRange
        guard range.contains(toYear) else {
            throw ValidationError(HelpText.pick("--to-year は \(range.lowerBound)〜\(range.upperBound) の西暦で指定してください(例: 2020)",
                                                "--to-year must be a year from \(range.lowerBound) to \(range.upperBound) (e.g. 2020)"))
        }
    }

    func run() throws {
        try global.converting(files, form: writing.form) { start, inputs in
            let (report, tpl, expansion) = (start.report, start.template, start.expansion)
            let root = try OutputDirectory(output)
            let jobs = writing.form.workers
            let (year, rule) = (toYear, indicatorYears)
            let rolled = WorkerPool.map(inputs, jobs: jobs) { (file: String) in
                RolledFile(SheetSource.read(file, template: tpl), to: year, rule: rule)
            }
            if to == .text, rolled.contains(where: { $0.sheets.contains { $0.sheet != nil } }) {
                report.notes([ReaderNote(id: "rollover.text-reference", message: .init(
                    ja: "テキスト形式には前年度の参考(予算・\(tpl.labels.ratingName)・\(tpl.labels.reasonHeader))を書き出せません。参考も送るには --to xlsx か --to json を使ってください",
                    en: "the text form cannot carry last year's reference (budget, rating, reason); use --to xlsx or --to json to send it too"),
                    file: output, location: output)])
            }
            let writer = try self.writer(template: tpl)
            let claims = CodeClaims(), (to, force) = (self.to, writing.force)
            func conversion(_ directory: OutputDirectory) -> PolicyConversion {
                PolicyConversion(directory: directory, fileExtension: to == .text ? "txt" : to.rawValue, overwrite: force, skipExisting: false,
                                 template: tpl, write: writer, claims: claims, notesWhatIsNotCarried: false)
            }
            let folders = byDepartment ? departmentFolders(rolled, root: root, template: tpl, report: report) : [:]
            let targets = byDepartment
                ? OutputTargets.byDepartment(folders.mapValues { $0.map { conversion($0.directory) } })
                : OutputTargets.flat(conversion(root))
            let outcomes = WorkerPool.mapIndexed(rolled, jobs: jobs, completed: { (_: Int, outcome: FileOutcome) in
                report.notes(outcome.notes)
                for path in outcome.written { report.progress(ja: "\(path) を書き出しました", en: "wrote \(path)") }
                outcome.errors.forEach(report.error)
            }) { (turn: Int, file: RolledFile) in
                defer { claims.turns.finish(turn) }
                return file.write { loaded, last in targets.convert(loaded, from: file.file, turn: turn, lastOfTurn: last) }
            }
            // A department folder made by this run and left empty (its policies failed) is removed again.
            for case .success(let folder) in folders.values where folder.created {
                if (try? FileManager.default.contentsOfDirectory(atPath: folder.directory.path))?.isEmpty == true {
                    try? FileManager.default.removeItem(atPath: folder.directory.path)
                }
            }
            let written = outcomes.map(\.written.count).reduce(0, +), failed = outcomes.map(\.errors.count).reduce(0, +)
            report.progress(ja: "\(FiscalYearText.japanese(year))へ繰り越し: 書き出し \(written)、失敗 \(failed)",
                            en: "rolled over to FY\(year): written \(written), failed \(failed)")
            if failed > 0 || !expansion.missing.isEmpty { throw ExitCode(ExitStatus.failed) }
        }
    }

    /// How one rolled-over policy is written, by `--to`.
    private func writer(template: WorkbookTemplate) throws -> @Sendable (LoadedSheet, String, Bool) throws -> Void {
        switch to {
        case .xlsx:
            let exporter = WorkbookExporter(template: template, toolVersion: EvalSheetVersion.current)
            return { sheet, path, overwrite in try exporter.export(sheet.sheet, to: path, overwrite: overwrite) }
        case .json, .text:
            let target: ImportCommand.Target = to == .json ? .json : .text
            return { sheet, path, overwrite in
                try OutputDirectory.write(try ImportCommand.render(sheet, target, template: template), to: path, overwrite: overwrite)
            }
        }
    }

    /// The 担当課 a policy is filed under.
    static func department(_ sheet: EvaluationSheet) -> String { sheet.organization.section.precomposedStringWithCanonicalMapping }

    /// A department's folder, and whether this run made it.
    struct DepartmentFolder {
        var directory: OutputDirectory
        var created: Bool
    }

    /// One folder per 担当課, named safely (`FolderNames`), chosen in the order of the names so the
    /// result does not depend on the order of the inputs. A folder that cannot be made fails its
    /// policies only; two names that would share a folder, and the fallback folder, are reported.
    private func departmentFolders(_ files: [RolledFile], root: OutputDirectory, template: FormTemplate, report: Reporter)
        -> [String: Result<DepartmentFolder, any Error>] {
        let sheets = files.flatMap { $0.sheets.compactMap(\.sheet) }
        var names = FolderNames(fallback: Self.fallbackFolder(template))
        var result: [String: Result<DepartmentFolder, any Error>] = [:]
        for department in Set(sheets.map { Self.department($0.sheet) }).sorted() {
            let choice = names.folder(for: department)
            let path = (root.path as NSString).appendingPathComponent(choice.name)
            if let other = choice.collidedWith {
                report.notes([ReaderNote(id: "rollover.folder-collision", message: .init(
                    ja: "\(template.labels.section)「\(Self.visible(department))」のフォルダ名が\(template.labels.section)「\(Self.visible(other))」と同じになるため、\(choice.name) に書き出します",
                    en: "the folder of department \"\(Self.visible(department))\" would be that of \"\(Self.visible(other))\": written to \(choice.name)"),
                    file: path, location: path)])
            }
            if FolderName.safe(department, fallback: "").isEmpty {
                let codes = sheets.filter { Self.department($0.sheet) == department }.map(\.sheet.policy.code)
                report.notes([ReaderNote(id: "rollover.no-department", message: .init(
                    ja: "施策 \(codes.joined(separator: "、")) は\(template.labels.section)「\(Self.visible(department))」をフォルダ名にできないため、\(choice.name) に書き出します",
                    en: "policies \(codes.joined(separator: ", ")): department \"\(Self.visible(department))\" cannot name a folder; written to \(choice.name)"),
                    file: path, location: path)])
            }
            let existed = FileManager.default.fileExists(atPath: path)
            result[department] = Result { DepartmentFolder(directory: try root.subfolder(choice.name), created: !existed) }
        }
        return result
    }

    /// A name as it can be shown on one line: control characters as `\u{…}`.
    static func visible(_ s: String) -> String {
        String(s.unicodeScalars.map { u in
            u.properties.generalCategory == .control || u.properties.generalCategory == .format
                ? "\\u{\(String(u.value, radix: 16, uppercase: true))}" : String(u)
        }.joined())
    }
}

/// Where rolled-over policies are written: all into the output directory, or each into its
/// department's folder (a folder that could not be made fails its policies only).
enum OutputTargets: @unchecked Sendable {
    case flat(PolicyConversion)
    case byDepartment([String: Result<PolicyConversion, any Error>])

    func convert(_ loaded: LoadedSheet, from file: String, turn: Int, lastOfTurn: Bool) -> PolicyOutcome {
        switch self {
        case .flat(let c): return c.convertOne(loaded, from: file, turn: turn, lastOfTurn: lastOfTurn)
        case .byDepartment(let folders):
            switch folders[RolloverCommand.department(loaded.sheet)] {
            case .success(let c)?: return c.convertOne(loaded, from: file, turn: turn, lastOfTurn: lastOfTurn)
            case .failure(let e)?: return PolicyOutcome(code: loaded.sheet.policy.code, error: e)
            case nil: return PolicyOutcome(code: loaded.sheet.policy.code, error: CLIError(.init(
                ja: "\(FormTemplate.standard.labels.section)のフォルダがありません", en: "no folder for the department")))
            }
        }
    }
}

/// One input read and each of its policies rolled over (or the reason it could not be).
struct RolledFile: @unchecked Sendable {
    struct Policy {
        var code: String
        var sheet: LoadedSheet?
        var error: (any Error)?
    }

    var file: String
    var notes: [ReaderNote]
    var readFailures: [any SheetReadError]
    var sheets: [Policy]

    init(_ read: InputRead, to year: Int, rule: Rollover.IndicatorYearRule) {
        file = read.file
        notes = [read.skipped].compactMap { $0 } + read.sheets.flatMap(\.notes)
        readFailures = read.failures
        sheets = read.sheets.map { loaded in
            do {
                let next = try Rollover.nextYear(of: loaded.sheet, to: year, indicatorYears: rule)
                return Policy(code: loaded.sheet.policy.code, sheet: LoadedSheet(sheet: next, sourceMap: loaded.sourceMap))
            } catch let error as Rollover.RolloverError {
                let place = loaded.sourceMap.describe(.fiscalYear)
                return Policy(code: loaded.sheet.policy.code, error: CLIError(.init(
                    ja: "\(place): \(error.message.ja)", en: "\(place): \(error.message.en)")))
            } catch {
                return Policy(code: loaded.sheet.policy.code, error: error)
            }
        }
    }

    /// Writes every rolled-over policy with `convert` (told whether it is the last one written); a
    /// policy that could not be rolled over is reported as failed, and never stops the others.
    func write(_ convert: (LoadedSheet, _ last: Bool) -> PolicyOutcome) -> FileOutcome {
        var outcome = FileOutcome(file: file, notes: notes, readFailures: readFailures)
        let last = sheets.lastIndex { $0.sheet != nil }
        for (i, p) in sheets.enumerated() {
            if let loaded = p.sheet { outcome.policies.append(convert(loaded, i == last)) } else { outcome.policies.append(PolicyOutcome(code: p.code, error: p.error)) }
        }
        return outcome
    }
}

extension Rollover.IndicatorYearRule: ExpressibleByArgument {}
