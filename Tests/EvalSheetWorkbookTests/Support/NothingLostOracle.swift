// The "nothing lost" oracle for workbooks, shared by the seeded mutation test and the libFuzzer
// harness over the importer (scripts/fuzz/FuzzWorkbookImporter.swift compiles this file).
// Public API only; no Testing import.

import Foundation
import EvalSheetModel
import EvalSheetWorkbook
import XLSX
import XLSXReader

/// Whenever a workbook imports, (1) every non-empty cell of its seven section sheets is in the
/// model — the model's value at a path the source map places in that cell agrees with the cell —
/// or is the template's own text, or is named by a warning; and (2) export → import of the result
/// gives the same model, with nothing to report. The checks re-derive what a cell means
/// independently of the importer (loosely: by value, not by printed form).
enum NothingLostOracle {
    /// Every way `loaded` (imported from `bytes`) breaks the oracle; empty when it holds.
    static func violations(bytes: [UInt8], loaded: LoadedSheet, template: WorkbookTemplate = .standard,
                           scratch: String) -> [String] {
        cellViolations(bytes: bytes, loaded: loaded, template: template)
            + roundTripViolations(loaded.sheet, template: template, scratch: scratch)
    }

    /// Part (1): the non-empty cells that are neither in the model, nor template text, nor warned about.
    static func cellViolations(bytes: [UInt8], loaded: LoadedSheet, template: WorkbookTemplate = .standard) -> [String] {
        var out: [String] = []
        let model = loaded.sheet
        let document: XLSXDocument
        do {
            document = try XLSXDocument(bytes: bytes, name: "oracle.xlsx")
        } catch {
            return ["the workbook imported but does not reopen: \(error)"]
        }
        // Cells the model says it read, by sheet and A1.
        var paths: [String: [String: [FieldPath]]] = [:]
        for (path, location) in loaded.sourceMap.locations {
            if case .cell(let sheet, let a1) = location { paths[sheet, default: [:]][a1, default: []].append(path) }
        }
        // Cells named by a warning.
        var warned: Set<String> = []
        let prefix = loaded.sourceMap.file + " "
        for note in loaded.notes where note.location.hasPrefix(prefix) {
            warned.insert(unquotedPlace(String(note.location.dropFirst(prefix.count))))
        }
        let fixed = templateTexts(template, model)
        let sections = (1...7).compactMap { k -> String? in
            if case .cell(let sheet, _)? = loaded.sourceMap.sections[k] { return sheet }
            return nil
        }
        if sections.count != 7 { out.append("the source map names \(sections.count) section sheets, not 7") }
        for name in sections {
            let worksheet: XLSXWorksheet
            do {
                guard let ws = try document.worksheet(named: name) else {
                    out.append("section sheet \(name) is not in the workbook")
                    continue
                }
                worksheet = ws
            } catch {
                out.append("section sheet \(name) does not reopen: \(error)")
                continue
            }
            for cell in worksheet.cells where holdsContent(cell) {
                let a1 = cell.reference.description
                if warned.contains("\(name)!\(a1)") { continue }
                if case .string(let s) = cell.value, fixed.contains(s.labelKey()) { continue }
                let candidates = paths[name]?[a1] ?? []
                if candidates.contains(where: { agrees($0, cell, model) }) { continue }
                out.append("\(name)!\(a1) holds \(describe(cell)) but is neither in the model\(candidates.isEmpty ? "" : " (paths \(candidates.map(\.jsonPointer)) disagree)") nor named by a warning")
            }
        }
        return out
    }

    /// Part (2): export → import of the model is identical, with nothing to report.
    static func roundTripViolations(_ model: EvaluationSheet, template: WorkbookTemplate = .standard, scratch: String) -> [String] {
        var out: [String] = []
        let path = scratch + "/oracle-\(UInt32.random(in: 0...UInt32.max)).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            try WorkbookExporter(template: template, toolVersion: "oracle").export(model, to: path, overwrite: true)
            let again = try WorkbookImporter(template: template).read(path: path, displayName: "again.xlsx")
            if again.sheet != model { out.append("export → import changes the model: \(firstDifference(model, again.sheet))") }
            if !again.notes.isEmpty { out.append("export → import reports \(again.notes.map { "\($0.id) \($0.location)" })") }
        } catch {
            out.append("export → import fails: \(error)")
        }
        return out
    }

    // MARK: - What a cell holds

    static func holdsContent(_ cell: XLSXCell) -> Bool {
        if cell.hasFormula { return true }
        switch cell.value {
        case .empty: return false
        case .string(let s): return !s.trimmedSpaces().isEmpty
        default: return true
        }
    }

    static func describe(_ cell: XLSXCell) -> String {
        switch cell.value {
        case .string(let s): return "\"\(PolicyCodeSyntax.visible(String(s.prefix(60))))\""
        case .number(let d, let raw): return "the number \(raw) (\(d))"
        case .bool(let b): return "\(b)"
        case .error(let e): return "the error \(e)"
        case .date(let d): return "the date \(d)"
        case .empty: return "a formula =\(cell.formula ?? "") without a saved result"
        }
    }

    /// `'3 構成事業'!F7` → `3 構成事業!F7` (the key the oracle looks cells up by).
    static func unquotedPlace(_ place: String) -> String {
        guard place.hasPrefix("'"), let bang = place.range(of: "'!", options: .backwards) else { return place }
        let name = place[place.index(after: place.startIndex)..<bang.lowerBound].replacingOccurrences(of: "''", with: "'")
        return name + "!" + place[bang.upperBound...]
    }

    /// The label keys of every text the template writes: labels, titles, legend, end marker, unit
    /// note, the §7 heading for the model's year, and the policy line of every sheet.
    static func templateTexts(_ t: WorkbookTemplate, _ s: EvaluationSheet) -> Set<String> {
        var texts: [String] = t.legend + [t.endMarker, t.labels.future(from: s.futureActionsFromYear),
                                          "施策 \(s.policy.code) \(s.policy.name)"]
        texts += t.sheets.all.map { $0.title.replacingOccurrences(of: "{fiscalYear}", with: FiscalYearText.japanese(s.fiscalYear)) }
        if let data = try? JSONEncoder().encode(t.labels),
           let labels = try? JSONSerialization.jsonObject(with: data) as? [String: String] {
            texts += labels.values
        }
        return Set(texts.map { $0.labelKey() })
    }

    // MARK: - Whether the model holds what the cell holds

    static func text(_ cell: XLSXCell) -> String {
        switch cell.value {
        case .string(let s): return s
        case .number(let d, _): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e), .date(let e): return e
        case .empty: return ""
        }
    }

    /// A number cell agrees with a text when the text reads as (nearly) the same number.
    static func sameNumber(_ cell: XLSXCell, _ text: String) -> Bool {
        guard case .number(let d, _) = cell.value, let v = Double(text.trimmingCharacters(in: .whitespaces)) else { return false }
        return v == d || abs(v - d) <= 1e-12 * max(1, abs(d))
    }

    static func agreesText(_ cell: XLSXCell, _ model: String?) -> Bool {
        let model = model ?? ""
        if case .number = cell.value { return sameNumber(cell, model) }
        return text(cell) == model || (text(cell).trimmedSpaces().isEmpty && model.trimmedSpaces().isEmpty)
    }

    static func agreesCode(_ cell: XLSXCell, _ model: String) -> Bool {
        if case .number = cell.value { return sameNumber(cell, model) }
        return text(cell).trimmedSpaces() == model[...]
    }

    static func ordinal(_ cell: XLSXCell) -> Int? {
        let s = PrintedNumber.foldFullWidth(String(text(cell).trimmedSpaces()))
        if let n = CircledNumber.parse(s) { return n }
        let inner = s.hasPrefix("(") && s.hasSuffix(")") ? String(s.dropFirst().dropLast()) : s
        return Int(inner.trimmingCharacters(in: .whitespaces))
    }

    static func agreesAmount(_ cell: XLSXCell, _ model: Int?) -> Bool {
        switch cell.value {
        case .number(let d, _): return model.map { Double($0) == d } ?? false
        case .string(let s):
            let digits = PrintedNumber.foldFullWidth(String(s.trimmedSpaces())).replacingOccurrences(of: ",", with: "")
            return digits.isEmpty ? model == nil : Int(digits) == model
        case .empty: return model == nil
        default: return false
        }
    }

    static func agreesIndicator(_ cell: XLSXCell, _ model: IndicatorValue) -> Bool {
        switch cell.value {
        case .empty: return model == .blank
        case .string(let s): return IndicatorValue(parsing: s) == model
        case .number(let d, _):
            guard case .number(let n) = model else { return false }
            let shown = n.percent ? d * 100 : d
            let value = NSDecimalNumber(decimal: n.value).doubleValue
            let tolerance = 0.5 * pow(10, -Double(n.fractionDigits)) * (1 + 1e-9) + 1e-9 * abs(value)
            return abs(shown - value) <= tolerance
        default: return false
        }
    }

    static func agrees(_ path: FieldPath, _ cell: XLSXCell, _ s: EvaluationSheet) -> Bool {
        let o = s.organization
        switch path {
        case .fiscalYear: return FiscalYearText.parse(text(cell)) == s.fiscalYear
        case .policyCode: return agreesCode(cell, s.policy.code)
        case .policyName: return agreesText(cell, s.policy.name)
        case .visionCode: return agreesCode(cell, s.vision.code)
        case .visionName: return agreesText(cell, s.vision.name)
        case .goalCode: return agreesCode(cell, s.goal.code)
        case .goalName: return agreesText(cell, s.goal.name)
        case .department: return agreesText(cell, o.department)
        case .section: return agreesText(cell, o.section)
        case .subsection: return agreesText(cell, o.subsection)
        case .person: return agreesText(cell, o.person)
        case .title: return agreesText(cell, o.title)
        case .phoneExtension: return agreesCode(cell, o.phoneExtension)
        case .relatedSection(let i): return i < o.relatedSections.count && agreesText(cell, o.relatedSections[i])
        case .futureVision: return agreesText(cell, s.futureVision)
        case .direction(let i, let f):
            guard i < s.directions.count else { return false }
            return f == .text ? agreesText(cell, s.directions[i].text) : (Int(text(cell).trimmingCharacters(in: .whitespaces)) == s.directions[i].number
                                                                          || ordinal(cell) == s.directions[i].number)
        case .moneyColumn(let c): return c < s.projects.columns.count && MoneyColumn(label: text(cell)) == s.projects.columns[c]
        case .project(let i, let f):
            guard i < s.projects.rows.count else { return false }
            let p = s.projects.rows[i]
            switch f {
            case .code: return agreesCode(cell, p.code) || (sameNumber(cell, p.code))
            case .name: return agreesText(cell, p.name)
            case .section: return agreesText(cell, p.section)
            case .executionPlan: return (text(cell).labelKey() == Project.executionPlanMark) == p.inExecutionPlan
                && (p.inExecutionPlan || text(cell).trimmedSpaces().isEmpty)
            case .directions:
                let t = text(cell)
                return t.trimmedSpaces().isEmpty ? p.directions.isEmpty : Project.parseDirections(t) == p.directions
            case .amount(let c): return c < p.amounts.count && agreesAmount(cell, p.amounts[c])
            }
        case .projectTotal(let c):
            guard c < s.projects.totals.count, case .number(let d, _) = cell.value else { return false }
            return s.projects.totals[c].map { Double($0) == d } ?? false
        case .indicatorYear(let c): return c < s.indicators.years.count && FiscalYearText.parse(text(cell)) == s.indicators.years[c]
        case .indicator(let i, let f):
            guard i < s.indicators.items.count else { return false }
            let item = s.indicators.items[i]
            switch f {
            case .number: return ordinal(cell) == item.number
            case .name: return agreesText(cell, item.name)
            case .description: return agreesText(cell, item.description)
            case .unit: return agreesText(cell, item.unit)
            case .method: return agreesText(cell, item.method)
            case .direction:
                let l = WorkbookTemplate.standard.labels
                return text(cell).trimmingCharacters(in: .whitespaces) == (item.direction == .lowerIsBetter ? l.lowerIsBetter : l.higherIsBetter)
            case .target(let k): return k < item.targets.count && agreesIndicator(cell, item.targets[k])
            case .actual(let k): return k < item.actuals.count && agreesIndicator(cell, item.actuals[k])
            case .rate(let k): return k < item.rates.count && agreesIndicator(cell, item.rates[k])
            }
        case .indicatorFootnote: return agreesText(cell, s.indicators.footnote)
        case .rating:
            if case .number = cell.value { return sameNumber(cell, s.evaluation.rating.rawValue) }
            return text(cell).trimmedSpaces() == s.evaluation.rating.rawValue[...]
        case .ratingReason: return agreesText(cell, s.evaluation.reason)
        case .factor(let i, let f):
            guard i < s.environment.count else { return false }
            let factor = s.environment[i]
            switch f {
            case .category:
                if case .number = cell.value { return sameNumber(cell, factor.category) }
                return text(cell).filter { $0 != " " && $0 != "\u{3000}" } == factor.category
            case .status: return agreesText(cell, factor.status)
            case .reason: return agreesText(cell, factor.reason)
            case .assessments:
                let t = text(cell)
                return t.trimmedSpaces().isEmpty ? factor.assessments.isEmpty : Assessment.parseList(t) == factor.assessments
            }
        case .challenge(let i, let f):
            guard i < s.challenges.count else { return false }
            let c = s.challenges[i]
            switch f {
            case .number: return ordinal(cell) == c.number
            case .challenge: return agreesText(cell, c.challenge)
            case .current: return agreesText(cell, c.current)
            case .future: return agreesText(cell, c.future)
            case .relatedProject(let k): return k < c.relatedProjects.count && agreesText(cell, c.relatedProjects[k])
            }
        case .futureActionsFromYear: return false
        case .lastYearBudget(let k):
            guard let a = s.lastYear?.budgetAmounts[safe: k] else { return false }
            return cell.value.numberValue.map { Int(exactly: $0) == a.amount } ?? (a.amount == nil)
        case .lastYearRating: return text(cell).trimmedSpaces() == (s.lastYear?.rating.rawValue ?? "")[...]
        case .lastYearReason: return agreesText(cell, s.lastYear?.reason)
        }
    }

    /// A short description of the first difference between two models.
    static func firstDifference(_ a: EvaluationSheet, _ b: EvaluationSheet) -> String {
        let pairs: [(String, String, String)] = [
            ("basic", "\(a.fiscalYear) \(a.policy) \(a.vision) \(a.goal) \(a.organization)", "\(b.fiscalYear) \(b.policy) \(b.vision) \(b.goal) \(b.organization)"),
            ("directions", "\(a.futureVision) \(a.directions)", "\(b.futureVision) \(b.directions)"),
            ("projects", "\(a.projects)", "\(b.projects)"),
            ("indicators", "\(a.indicators)", "\(b.indicators)"),
            ("evaluation", "\(a.evaluation)", "\(b.evaluation)"),
            ("environment", "\(a.environment)", "\(b.environment)"),
            ("challenges", "\(a.challenges) \(a.futureActionsFromYear)", "\(b.challenges) \(b.futureActionsFromYear)"),
        ]
        for (what, x, y) in pairs where x != y { return "\(what): \(x.prefix(400)) → \(y.prefix(400))" }
        return "(no visible difference)"
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
