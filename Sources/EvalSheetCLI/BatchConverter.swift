import Foundation
import EvalSheetModel
import EvalSheetText
import EvalSheetWorkbook
import EvalSheetValidation

/// Converts one input file of a batch: reads it, writes each policy's output atomically, runs the
/// per-policy rules, and keeps only what the year needs afterwards (a summary row and a compact copy
/// for the cross-policy rules), so memory does not grow with the size of the year.
struct BatchConverter: Sendable {
    let outputDirectory: String
    let target: BatchCommand.Target
    let force: Bool
    let validate: Bool
    let exporter: WorkbookExporter
    let template: WorkbookTemplate
    let claims = CodeClaims()

    struct FileResult: @unchecked Sendable {
        var file: String
        var outputs: [String] = []
        var skipped: [String] = []
        var errors: [any Error] = []
        var notes: [ReaderNote] = []
        var findings: [Finding] = []
        var digests: [LoadedSheet] = []
        var summaries: [PolicySummary] = []
    }

    func convert(_ file: String) -> FileResult {
        var r = FileResult(file: file)
        let sheets: [LoadedSheet]
        do {
            sheets = try SheetSource.load(file, template: template)
        } catch {
            r.errors.append(error)
            return r
        }
        r.notes = sheets.flatMap(\.notes)
        for loaded in sheets {
            let code = loaded.sheet.policy.code
            let name = "\(code).\(target.rawValue == "text" ? "txt" : target.rawValue)"
            let path = (outputDirectory as NSString).appendingPathComponent(name)
            do {
                try claims.claim(code, by: file)
                if !force, FileManager.default.fileExists(atPath: path) {
                    r.skipped.append(path)
                } else {
                    try write(loaded.sheet, to: path)
                    r.outputs.append(path)
                }
            } catch {
                r.errors.append(error)
                continue
            }
            if validate {
                r.findings += Validator.validate([loaded], sheetRules: Validator.sheetRules, yearRules: [])
                r.digests.append(Self.digest(loaded))
            }
            r.summaries.append(PolicySummary(loaded.sheet, errors: 0, warnings: 0, workbook: target == .xlsx ? name : nil))
        }
        return r
    }

    private func write(_ sheet: EvaluationSheet, to path: String) throws {
        switch target {
        case .xlsx: try exporter.export(sheet, to: path, overwrite: true)
        case .json: try AtomicFile.write(try EvaluationSheetJSON.encode(sheet), to: path, overwrite: true)
        case .text: try AtomicFile.write(Data(TextFormWriter.write(sheet).utf8), to: path, overwrite: true)
        }
    }

    /// What the cross-policy rules read: projects, related-project names, codes — and where they are.
    static func digest(_ loaded: LoadedSheet) -> LoadedSheet {
        var s = loaded.sheet
        s.futureVision = ""
        s.evaluation.reason = ""
        s.environment = []
        s.indicators.items = []
        s.directions = []
        s.organization.relatedSections = []
        s.challenges = s.challenges.map { Challenge(number: $0.number, challenge: "", relatedProjects: $0.relatedProjects, current: "", future: "") }
        var map = loaded.sourceMap
        map.locations = map.locations.filter { path, _ in
            switch path {
            case .project, .challenge(_, .relatedProject), .policyCode: true
            default: false
            }
        }
        return LoadedSheet(sheet: s, sourceMap: map)
    }
}
