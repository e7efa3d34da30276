import Foundation
import Testing
import EvalSheetModel
import EvalSheetWorkbook
import TestSupport

/// LibreOffice opens, prints and shows the exported workbooks as the city's users would see them.
@Suite("Exported workbooks in LibreOffice", .serialized)
struct LibreOfficeExportTests {
    @Test("all nine convert to PDF, one page per section")
    func pdf() throws {
        let out = RepositoryPaths.temporaryDirectory("pdf")
        defer { try? FileManager.default.removeItem(at: out) }
        try LibreOffice.convert(RepositoryPaths.policyCodes.map(ExportedYear.path), to: "pdf", outdir: out)
        for code in RepositoryPaths.policyCodes {
            let pdf = try Data(contentsOf: out.appendingPathComponent("\(code).pdf"))
            #expect(pdf.starts(with: Array("%PDF".utf8)))
            let pdfinfo = try #require(ProcessRunner.which("pdfinfo"), "poppler-utils missing: run `make test`")
            let info = try ProcessRunner.run(pdfinfo, [out.appendingPathComponent("\(code).pdf").path]).stdout
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
            #expect(pages == 7, "\(code).pdf")
        }
    }

    @Test("one policy's pages render to PNG")
    func png() throws {
        let out = RepositoryPaths.temporaryDirectory("png")
        defer { try? FileManager.default.removeItem(at: out) }
        try LibreOffice.convert([ExportedYear.path("531")], to: "pdf", outdir: out)
        let pdftoppm = try #require(ProcessRunner.which("pdftoppm"), "poppler-utils missing: run `make test`")
        let r = try ProcessRunner.run(pdftoppm, ["-png", "-r", "40", out.appendingPathComponent("531.pdf").path,
                                                 out.appendingPathComponent("page").path])
        #expect(r.status == 0)
        let pngs = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".png") }.sorted()
        #expect(pngs.count == 7)
        for png in pngs {
            let data = try Data(contentsOf: out.appendingPathComponent(png))
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(data.count > 5_000, "\(png) looks empty")
        }
    }

    @Test("every indicator cell and amount shows exactly the printed text of the sheet")
    func shownText() throws {
        let out = RepositoryPaths.temporaryDirectory("csv")
        defer { try? FileManager.default.removeItem(at: out) }
        let shown = try LibreOffice.shownText(RepositoryPaths.policyCodes.map(ExportedYear.path), outdir: out)
        for code in RepositoryPaths.policyCodes {
            let s = RealYear.sheet(code)
            let sheet4 = try #require(shown["\(code)-4 まちづくり指標"])
            for (i, item) in s.indicators.items.enumerated() {
                for (r, values) in [item.targets, item.actuals, item.rates].enumerated() {
                    let row = sheet4[3 + 3 * i + r]
                    #expect(Array(row[6..<11]) == values.map(\.text), "\(code) indicator \(item.number) row \(r)")
                }
            }
            let sheet3 = try #require(shown["\(code)-3 構成事業"])
            for (k, p) in s.projects.rows.enumerated() {
                #expect(Array(sheet3[4 + k][5..<8]) == p.amounts.map { $0.map { PrintedNumber(value: Decimal($0), fractionDigits: 0, grouped: true).text } ?? "" })
            }
            let totals = sheet3[4 + s.projects.rows.count]
            #expect(Array(totals[5..<8]) == s.projects.totals.map { PrintedNumber(value: Decimal($0!), fractionDigits: 0, grouped: true).text })
        }
    }
}
