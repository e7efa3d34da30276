import Foundation
import Testing
import EvalSheetModel
import EvalSheetText
import TestSupport

/// Inputs found by `scripts/fuzz-text-reader.sh` (Tests/Fixtures/text-fuzz/, also seeds of its
/// corpus): each must keep the "nothing lost" oracle, and each test asserts what the model holds.
@Suite struct FuzzRegressionTests {
    private static let folder = RepositoryPaths.fixtures.appendingPathComponent("text-fuzz")

    /// The one sheet of a fixture, read without failures (its bytes beside it for the oracle).
    private static func readSheet(_ name: String, policy: String) throws -> (data: Data, loaded: LoadedSheet) {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        let (sheets, failures) = TextFormReader.readEach(data, file: name)
        #expect(failures.isEmpty)
        #expect(sheets.count == 1)
        let loaded = try #require(sheets.first)
        #expect(loaded.sheet.policy.code == policy)
        return (data, loaded)
    }

    /// A §7 課題 line whose fifth cell (after an empty one) holds only U+0011 U+0000: not a space,
    /// so the cell is text of the challenge, joined to it with one space as any further cell is —
    /// kept in the model (the JSON escapes it, the workbook writes it as `_x0011_`), not warned about.
    @Test func aCellOfControlCharactersAfterAChallengeIsKeptInTheChallenge() throws {
        let (data, loaded) = try Self.readSheet("nul-and-control-character-cell-after-a-challenge.txt", policy: "531")
        let challenge = try #require(loaded.sheet.challenges.last)
        #expect(challenge.number == 4)
        #expect(challenge.challenge == "清瀬市のまちづくりの方向性に沿った事業所の誘致や事業創出により税収増加につなげる必要がある。 \u{11}\u{0}")
        #expect(!loaded.notes.contains { $0.location.hasSuffix(":86") })
        #expect(NothingLostOracle.check(data, file: "input.txt") == [])
    }

    /// A §7 現在の取組状況 line whose fourth cell holds U+0001 and seven NULs: kept as the end of the
    /// current state, after one space.
    @Test func aCellOfNULsAfterACurrentStateIsKeptInIt() throws {
        let (data, loaded) = try Self.readSheet("nul-characters-cell-after-a-current-state.txt", policy: "511")
        let sheet = loaded.sheet
        let challenge = try #require(sheet.challenges.first)
        #expect(challenge.number == 1)
        #expect(challenge.current.hasPrefix("芝小、三小、八小、十小、清明小校区ではPTA等にも情報発信し、"))
        #expect(challenge.current.hasSuffix("七小では学校が呼びかけ保護者層や地域住民と連携をとっている。 \u{1}" + String(repeating: "\u{0}", count: 7)))
        #expect(!loaded.notes.contains { $0.location.hasSuffix(":68") })
        // The text form writes it back and reads the same value.
        let again = try TextFormReader.read(Data(TextFormWriter.write(sheet).utf8), file: "again.txt")
        #expect(again.map(\.sheet) == [sheet])
        #expect(NothingLostOracle.check(data, file: "input.txt") == [])
    }

    /// Every fixture of the folder keeps the oracle.
    @Test func everyFuzzFixtureKeepsTheOracle() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count >= 2)
        for name in names {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
            #expect(NothingLostOracle.check(data, file: "input.txt") == [], "\(name)")
        }
    }
}
