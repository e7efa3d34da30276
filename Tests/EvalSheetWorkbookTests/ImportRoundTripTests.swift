import Foundation
import Testing
import EvalSheetModel
import EvalSheetWorkbook
import TestSupport

/// text → export → import gives the text's model, also after LibreOffice or openpyxl re-saved the workbook.
@Suite("Import round trips")
struct ImportRoundTripTests {
    let importer = WorkbookImporter()

    @Test("export → import is identical, with nothing to report", arguments: RepositoryPaths.policyCodes)
    func exportImport(_ code: String) throws {
        let loaded = try importer.read(path: ExportedYear.path(code), displayName: "\(code).xlsx")
        #expect(loaded.sheet == RealYear.sheet(code))
        #expect(loaded.notes.isEmpty)
    }

    @Test("re-saved by LibreOffice (committed fixture) is identical", arguments: RepositoryPaths.policyCodes)
    func resavedByLibreOffice(_ code: String) throws {
        let path = RepositoryPaths.fixtures.appendingPathComponent("xlsx-resaved/libreoffice/\(code).xlsx").path
        let loaded = try importer.read(path: path)
        #expect(loaded.sheet == RealYear.sheet(code))
        #expect(loaded.notes.isEmpty)
    }

    @Test("re-saved by openpyxl is identical; the totals' missing saved results are reported", arguments: RepositoryPaths.policyCodes)
    func resavedByOpenpyxl(_ code: String) throws {
        let path = RepositoryPaths.fixtures.appendingPathComponent("xlsx-resaved/openpyxl/\(code).xlsx").path
        let loaded = try importer.read(path: path, displayName: "\(code).xlsx")
        #expect(loaded.sheet == RealYear.sheet(code))
        let totalRow = 5 + RealYear.sheet(code).projects.rows.count
        #expect(loaded.notes.map(\.id) == Array(repeating: "xlsx.total-not-saved", count: 3))
        #expect(loaded.notes.map(\.location) == ["F", "G", "H"].map { "\(code).xlsx '3 構成事業'!\($0)\(totalRow)" })
    }

    @Test("live: re-saved by the LibreOffice on this machine, all nine identical")
    func liveLibreOffice() throws {
        let out = RepositoryPaths.temporaryDirectory("resave")
        defer { try? FileManager.default.removeItem(at: out) }
        try LibreOffice.convert(RepositoryPaths.policyCodes.map(ExportedYear.path), to: "xlsx", outdir: out)
        for code in RepositoryPaths.policyCodes {
            let loaded = try importer.read(path: out.appendingPathComponent("\(code).xlsx").path)
            #expect(loaded.sheet == RealYear.sheet(code), "\(code)")
            #expect(loaded.notes.isEmpty, "\(code): \(loaded.notes)")
        }
    }

    @Test("values remember their cell")
    func sourceCells() throws {
        let loaded = try importer.read(path: ExportedYear.path("511"), displayName: "511.xlsx")
        let map = loaded.sourceMap
        #expect(map.describe(.policyCode) == "511.xlsx '1 基本情報'!B4")
        #expect(map.describe(.project(2, .amount(1))) == "511.xlsx '3 構成事業'!G7")
        #expect(map.describe(.projectTotal(0)) == "511.xlsx '3 構成事業'!F11")
        #expect(map.describe(.indicator(0, .actual(1))) == "511.xlsx '4 まちづくり指標'!H5")
        #expect(map.describe(.rating) == "511.xlsx '5 評価'!B5")
        #expect(map.describe(.factor(7, .assessments)) == "511.xlsx '6 施策を取り巻く環境'!C11")
        #expect(map.describe(.challenge(2, .future)) == "511.xlsx '7 課題'!C14")
        #expect(map.describe(.relatedSection(2)) == "511.xlsx '1 基本情報'!D9")
    }
}
