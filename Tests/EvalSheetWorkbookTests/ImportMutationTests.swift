import Foundation
import Testing
import EvalSheetModel
import EvalSheetWorkbook
import XLSXReader
import TestSupport

/// The "nothing lost" oracle, run as a seeded mutation test over the nine exported real-year
/// workbooks: each case applies one to three edits (a value edited, text in a number cell, a row
/// written twice or copied with the rows below shifted, a junk cell, a label changed, a value moved a
/// column, a cell or row deleted, a cell outside its row, a style that points nowhere, a formula
/// without its result) and imports the result from memory. Whenever the import succeeds, every
/// non-empty cell is in the model or named by a warning, and export → import of the model is
/// identical with nothing to report. Whenever it fails, every problem names the file and a place.
@Suite("Import mutation test (nothing lost)")
struct ImportMutationTests {
    /// Fixed, so that every run checks the same cases (EVALSHEET_MUTATION_SEED / _CASES explore others locally).
    static let seed: UInt64 = ProcessInfo.processInfo.environment["EVALSHEET_MUTATION_SEED"].flatMap { UInt64($0) } ?? 0x5EED_2019_0009
    static let cases = ProcessInfo.processInfo.environment["EVALSHEET_MUTATION_CASES"].flatMap { Int($0) } ?? 500

    static let bases: [MutableWorkbook] = RepositoryPaths.policyCodes.map { code in
        MutableWorkbook(parts: try! XLSXPackage.parts(path: ExportedYear.path(code)))
    }

    @Test("unmutated, the rebuilt workbooks pass the oracle with nothing to report")
    func baseline() throws {
        let scratch = RepositoryPaths.temporaryDirectory("oracle")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for (code, base) in zip(RepositoryPaths.policyCodes, Self.bases) {
            let bytes = base.bytes()
            let loaded = try WorkbookImporter().read(bytes: bytes, displayName: "\(code).xlsx")
            #expect(loaded.sheet == RealYear.sheet(code))
            #expect(loaded.notes.isEmpty, "\(loaded.notes)")
            #expect(NothingLostOracle.violations(bytes: bytes, loaded: loaded, scratch: scratch.path) == [])
        }
    }

    @Test("seeded mutations: nothing typed is lost, every problem is placed")
    func mutations() throws {
        let scratch = RepositoryPaths.temporaryDirectory("oracle")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var rng = SeededGenerator(seed: Self.seed)
        var imported = 0, refused = 0
        var ids: [String: Int] = [:]
        for n in 0..<Self.cases {
            let w = Int.random(in: 0..<Self.bases.count, using: &rng)
            var book = Self.bases[w]
            let count = Int.random(in: 1...3, using: &rng)
            var edits: [String] = []
            var kinds: [Mutation] = []
            for _ in 0..<count {
                let m = Mutation.allCases.randomElement(using: &rng)!
                kinds.append(m)
                edits.append(m.apply(to: &book, &rng))
            }
            let name = "case\(n)-\(RepositoryPaths.policyCodes[w]).xlsx"
            let bytes = book.bytes()
            do {
                let loaded = try WorkbookImporter().read(bytes: bytes, displayName: name)
                imported += 1
                for note in loaded.notes { ids[note.id, default: 0] += 1 }
                let violations = NothingLostOracle.violations(bytes: bytes, loaded: loaded, scratch: scratch.path)
                #expect(violations == [], "\(name): \(edits)")
                if kinds == [.cellOutsideItsRow] {
                    Issue.record("\(name): a cell outside its row was imported: \(edits)")
                }
            } catch {
                refused += 1
                for p in error.problems {
                    ids[p.id, default: 0] += 1
                    #expect(p.file == name)
                    #expect(p.location == name || p.location.hasPrefix(name + " "), "\(p.location)")
                    #expect(p.id.hasPrefix("xlsx."), "\(p.id)")
                    #expect(!p.message.ja.contains("Optional(") && !p.message.en.contains("Optional("), "\(p.message.en)")
                }
                if kinds == [.cellOutsideItsRow] {
                    #expect(error.problems.contains { $0.id == "xlsx.cell-outside-row" }, "\(name): \(edits): \(error.lines(.en))")
                }
            }
        }
        print("mutation test: \(Self.cases) cases, \(imported) imported (oracle checked), \(refused) refused; messages by id: \(ids.sorted { $0.key < $1.key })")
        #expect(imported + refused == Self.cases)
        #expect(imported >= Self.cases / 3, "the oracle must be exercised on many imports (\(imported))")
        #expect(refused >= Self.cases / 10, "the mutations must reach the errors too (\(refused))")
    }
}
