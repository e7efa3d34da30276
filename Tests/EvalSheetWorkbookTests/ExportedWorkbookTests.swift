import Foundation
import Testing
import EvalSheetModel
import EvalSheetWorkbook
import TestSupport

/// The nine real policies exported once, then read by independent readers (openpyxl,
/// python-calamine, LibreOffice) and compared with the models.
enum ExportedYear {
    static let directory: URL = {
        let dir = RepositoryPaths.temporaryDirectory("export")
        let exporter = WorkbookExporter(toolVersion: "test")
        for sheet in RealYear.sheets {
            try! exporter.export(sheet, to: dir.appendingPathComponent("\(sheet.policy.code).xlsx").path)
        }
        return dir
    }()

    static func path(_ code: String) -> String { directory.appendingPathComponent("\(code).xlsx").path }

    /// openpyxl + calamine's view of every workbook, keyed by policy code.
    static let dumps: Result<[String: WorkbookDump], any Error> = Result {
        let raw = try WorkbookDump.load(RepositoryPaths.policyCodes.map(path))
        return Dictionary(uniqueKeysWithValues: RepositoryPaths.policyCodes.map { ($0, raw[path($0)]!) })
    }

    static func dump(_ code: String) throws -> WorkbookDump { try dumps.get()[code]! }
}

@Suite("Exported workbooks read by openpyxl and python-calamine")
struct ExportedWorkbookTests {
    let template = WorkbookTemplate.standard

    @Test("seven section sheets (plus the hidden dropdown list sheet)", arguments: RepositoryPaths.policyCodes)
    func sheets(_ code: String) throws {
        let d = try ExportedYear.dump(code)
        #expect(d.sheets == template.sheets.all.map(\.name) + ["_lists"])
        #expect(d.states["_lists"] == "hidden")
        #expect(template.sheets.all.allSatisfy { d.states[$0.name] == "visible" })
        #expect(template.sheets.all.allSatisfy { d.fonts[$0.name] == ["游ゴシック"] })
        #expect(d.calamine["1 基本情報"]?[0][0] == .string("1. 基本情報"))
        #expect(d.calamine["5 評価"]?[0][0] == .string("5. 評価(令和元年度実績に対する)"))
    }

    @Test("each named scalar cell holds the model's value, unlocked", arguments: RepositoryPaths.policyCodes)
    func scalars(_ code: String) throws {
        let d = try ExportedYear.dump(code), s = RealYear.sheet(code), o = s.organization
        let expected: [String: String] = [
            "ES_FiscalYear": "令和元年度", "ES_PolicyCode": s.policy.code, "ES_PolicyName": s.policy.name,
            "ES_VisionCode": s.vision.code, "ES_VisionName": s.vision.name,
            "ES_GoalCode": s.goal.code, "ES_GoalName": s.goal.name,
            "ES_Department": o.department, "ES_Section": o.section, "ES_Subsection": o.subsection,
            "ES_Person": o.person, "ES_Title": o.title, "ES_Extension": o.phoneExtension,
            "ES_FutureVision": s.futureVision, "ES_Rating": s.evaluation.rating.rawValue,
            "ES_Reason": s.evaluation.reason,
        ]
        for (name, value) in expected {
            let cell = try #require(d.names[name], "missing defined name \(name)")
            #expect(cell.value == .string(value), "\(name)")
            #expect(cell.locked == false, "\(name) must be an input cell")
        }
        #expect(d.names["ES_PolicyCode"]?.format == "@")
        let footnote = try #require(d.names["ES_IndicatorFootnote"])
        #expect((footnote.value ?? .null) == (s.indicators.footnote.map { .string($0) } ?? .null))
        #expect(d.props["EvalSheetPolicyCode"] == .string(code))
        #expect(d.props["EvalSheetFiscalYear"] == .number(2019))
        #expect(d.props["EvalSheetSchemaVersion"] == .number(1))
        #expect(d.props["EvalSheetToolVersion"] == .string("test"))
    }

    @Test("§3 rows, amounts and live totals with cached values", arguments: RepositoryPaths.policyCodes)
    func projects(_ code: String) throws {
        let d = try ExportedYear.dump(code), p = RealYear.sheet(code).projects
        let table = try #require(d.names["ES_Projects"]?.rows)
        #expect(table.first == ["No.", "事務事業名", "実行計画", "施策の方向性", "担当課", "平成30年度決算", "令和元年度決算", "令和2年度予算"].map(JSONValue.string))
        #expect(table.count == p.rows.count + 2)
        for (row, project) in zip(table.dropFirst(), p.rows) {
            #expect(row[0] == .string(project.code))
            #expect(row[1] == .string(project.name))
            #expect(row[2] == (project.inExecutionPlan ? .string("対象") : .null))
            #expect(row[3] == .string(project.directionsText))
            #expect(row[4] == .string(project.section))
            #expect(Array(row[5...]) == project.amounts.map { $0.map { .number(Double($0)) } ?? .null })
        }
        let totals = try #require(d.names["ES_ProjectTotals"])
        #expect(totals.rows?.first == p.totals.map { .number(Double($0!)) })
        let first = p.rows.isEmpty ? 0 : 4, last = 4 + p.rows.count
        #expect(totals.formulas?.first == ["F", "G", "H"].map { "=SUM(\($0)\(first):\($0)\(last))" })
        // calamine sees the same amounts.
        let cal = try #require(d.calamine["3 構成事業"])
        let calRow = try #require(cal.first { $0.first == .string(p.rows[0].code) })
        #expect(Array(calRow[5...7]) == p.rows[0].amounts.map { $0.map { .number(Double($0)) } ?? .string("") })
    }

    @Test("§2, §6, §7 tables and 関係課", arguments: RepositoryPaths.policyCodes)
    func tables(_ code: String) throws {
        let d = try ExportedYear.dump(code), s = RealYear.sheet(code)
        let related = try #require(d.names["ES_RelatedSections"]?.rows).dropLast().flatMap { $0.dropFirst() }.compactMap(\.string)
        #expect(related == s.organization.relatedSections)
        let directions = try #require(d.names["ES_Directions"]?.rows).dropLast()
        #expect(directions.map { $0[1] } == s.directions.map { .string(String($0.number)) })
        #expect(directions.map { $0[2] } == s.directions.map { .string($0.text) })
        let env = try #require(d.names["ES_Environment"]?.rows).dropFirst().dropLast()
        #expect(env.map { $0.map { $0.string ?? "" } } == s.environment.map { [$0.category, $0.status, $0.assessmentsText, $0.reason] })
        let ch = try #require(d.names["ES_Challenges"]?.rows).dropLast()
        #expect(ch.count == 4 * s.challenges.count)
        for (k, c) in s.challenges.enumerated() {
            let rows = Array(ch[(4 * k)..<(4 * k + 4)])
            #expect(rows[0][0] == .string(CircledNumber.text(c.number)))
            #expect(rows.map { $0[1] } == ["施策を進める上での課題", "関連する事務事業名", "現在の取組状況", "令和3年度以降の取組"].map(JSONValue.string))
            #expect(rows[0][2] == .string(c.challenge))
            #expect(rows[1].dropFirst(2).compactMap(\.string) == c.relatedProjects)
            #expect(rows[2][2] == .string(c.current))
            #expect(rows[3][2] == .string(c.future))
        }
    }

    @Test("§4 values are numbers with formats that print them as the sheet did", arguments: RepositoryPaths.policyCodes)
    func indicators(_ code: String) throws {
        let d = try ExportedYear.dump(code), ind = RealYear.sheet(code).indicators
        let named = try #require(d.names["ES_Indicators"])
        let rows = try #require(named.rows), formats = try #require(named.formats)
        #expect(rows[0].suffix(5) == ["平成30年度", "令和元年度", "令和2年度", "令和4年度", "令和7年度"].map(JSONValue.string))
        for (i, item) in ind.items.enumerated() {
            for (r, values) in [item.targets, item.actuals, item.rates].enumerated() {
                let row = 1 + 3 * i + r
                for (k, v) in values.enumerated() {
                    let cell = rows[row][6 + k]
                    switch v {
                    case .blank: #expect(cell == .null)
                    case .notApplicable: #expect(cell == .string("—"))
                    case .number(let n):
                        let expected = n.percent ? n.doubleValue / 100 : n.doubleValue
                        #expect(abs((cell.number ?? .nan) - expected) < 1e-9, "\(code) \(item.number) \(r) \(k)")
                        #expect(formats[row][6 + k] != "General")
                    }
                }
            }
            #expect(rows[3 + 3 * i][4] == .string(item.direction == .lowerIsBetter ? FormTemplate.standard.labels.lowerIsBetter : FormTemplate.standard.labels.higherIsBetter))
        }
    }

    @Test("exact number formats for the traps of the real data")
    func numberFormats() throws {
        func formats(_ code: String) throws -> [[String]] { try #require(try ExportedYear.dump(code).names["ES_Indicators"]?.formats) }
        #expect(try formats("531")[4][6] == "0.000")          // ② 財政力指数 0.690
        #expect(try formats("513")[4][6] == "#,##0")          // ② 360,000
        #expect(try formats("511")[2][7] == "0.0\"(※)\"")     // ① 令和元年度 実績 32.2(※)
        #expect(try formats("512")[3][6] == "0.0%")           // ① 達成率 94.8%
        #expect(try formats("522")[1][6] == "0")              // ① 目標値 8
    }

    @Test("validations, protection and print setup", arguments: RepositoryPaths.policyCodes)
    func editingAndPrinting(_ code: String) throws {
        let d = try ExportedYear.dump(code)
        #expect(d.validations["5 評価"]?.contains { $0.type == "list" && $0.formula1 == "\"順調,維持,停滞\"" } == true)
        #expect(d.validations["3 構成事業"]?.contains { $0.type == "whole" && $0.formula1 == "0" } == true)
        #expect(d.validations["3 構成事業"]?.contains { $0.type == "list" && $0.formula1 == "\"対象\"" } == true)
        #expect(d.validations["4 まちづくり指標"]?.contains { $0.type == "list" && $0.formula1 == "\"高いほど良い,低いほど良い\"" } == true)
        // The assessment combinations exceed 255 bytes: rerouted to the hidden list sheet, not written inline.
        #expect(d.validations["6 施策を取り巻く環境"]?.contains { $0.type == "list" && $0.formula1?.contains("_lists") == true } == true)
        for sheet in template.sheets.all.map(\.name) {
            let p = try #require(d.protection[sheet])
            #expect(p.sheet && p.insertRows && p.deleteRows && p.password == nil, "\(sheet)")
            let pr = try #require(d.print[sheet])
            #expect(pr.paperSize == 9)
            #expect(pr.fitToPage == true && pr.fitToHeight == 0)
            #expect(pr.titleRows != nil)
            #expect(pr.header?.contains("施策 \(code) ") == true)
        }
        #expect(d.print["3 構成事業"]?.orientation == "landscape")
    }
}
