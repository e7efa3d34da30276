import Foundation
import Testing
import EvalSheetModel
import EvalSheetText
import TestSupport

/// A small deterministic random generator (SplitMix64), so every run mutates the same way.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476C_E5E4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The ways a careless or hostile edit changes a text-form file.
enum TextMutation: CaseIterable {
    case duplicateLine, deleteLine, swapAdjacentLines, swapAnyLines, moveLine
    case editLabel, editCell, copyCellElsewhere, insertTab, deleteTab
    case flipByte, truncate, blankCell, insertLineFromOtherSheet

    /// Characters a typist (or a mangled export) puts where they do not belong.
    static let pool: [String] = ["名", "前", "の", "X", " ", "\u{3000}", "1", "①", "※", ",", ".", "—", "(", ")",
                                 "%", "0", "9", "維持", "良好", "\t", "対象", "年度", "令和", "単位"]

    /// Applies the mutation to the lines (each a list of cells) or the bytes.
    static func apply(_ m: TextMutation, to text: String, others: [String], rng: inout SplitMix64) -> Data {
        var lines = text.components(separatedBy: "\n")
        func anyLine() -> Int { Int.random(in: 0..<lines.count, using: &rng) }
        func nonEmptyLine() -> Int? {
            let candidates = lines.indices.filter { !lines[$0].trimmingCharacters(in: .whitespaces).isEmpty }
            return candidates.randomElement(using: &rng)
        }
        func cells(_ i: Int) -> [String] { lines[i].components(separatedBy: "\t") }
        func filledCell(_ i: Int) -> Int? {
            let c = cells(i)
            return c.indices.filter { !c[$0].isEmpty }.randomElement(using: &rng)
        }
        switch m {
        case .duplicateLine:
            let i = anyLine()
            lines.insert(lines[i], at: Bool.random(using: &rng) ? i + 1 : anyLine())
        case .deleteLine:
            if let i = nonEmptyLine() { lines.remove(at: i) }
        case .swapAdjacentLines:
            let i = anyLine()
            if i + 1 < lines.count { lines.swapAt(i, i + 1) }
        case .swapAnyLines:
            lines.swapAt(anyLine(), anyLine())
        case .moveLine:
            let line = lines.remove(at: anyLine())
            lines.insert(line, at: Int.random(in: 0...lines.count, using: &rng))
        case .editLabel, .editCell:
            guard let i = nonEmptyLine(), let c = filledCell(i) else { break }
            var row = cells(i)
            var chars = Array(row[c])
            let op = Int.random(in: 0..<3, using: &rng)
            let at = Int.random(in: 0...chars.count, using: &rng)
            let insert = Array(pool.randomElement(using: &rng)!)
            if op == 0 || chars.isEmpty {
                chars.insert(contentsOf: insert, at: m == .editLabel ? min(at, chars.count) : chars.count)
            } else if op == 1 {
                chars.remove(at: min(at, chars.count - 1))
            } else {
                chars.replaceSubrange(min(at, chars.count - 1)...min(at, chars.count - 1), with: insert)
            }
            row[c] = String(chars)
            lines[i] = row.joined(separator: "\t")
        case .copyCellElsewhere:
            guard let from = nonEmptyLine(), let fc = filledCell(from), let to = nonEmptyLine() else { break }
            var row = cells(to)
            let c = Int.random(in: 0..<(row.count + 1), using: &rng)
            if c < row.count { row[c] = cells(from)[fc] } else { row.append(cells(from)[fc]) }
            lines[to] = row.joined(separator: "\t")
        case .insertTab:
            let i = anyLine()
            var chars = Array(lines[i])
            chars.insert("\t", at: Int.random(in: 0...chars.count, using: &rng))
            lines[i] = String(chars)
        case .deleteTab:
            guard let i = nonEmptyLine() else { break }
            var chars = Array(lines[i])
            if let t = chars.indices.filter({ chars[$0] == "\t" }).randomElement(using: &rng) { chars.remove(at: t) }
            lines[i] = String(chars)
        case .blankCell:
            guard let i = nonEmptyLine(), let c = filledCell(i) else { break }
            var row = cells(i)
            row[c] = ""
            lines[i] = row.joined(separator: "\t")
        case .insertLineFromOtherSheet:
            guard let other = others.randomElement(using: &rng) else { break }
            let source = other.components(separatedBy: "\n")
            lines.insert(source.randomElement(using: &rng)!, at: anyLine())
        case .flipByte:
            var bytes = [UInt8](lines.joined(separator: "\n").utf8)
            guard !bytes.isEmpty else { break }
            let i = Int.random(in: 0..<bytes.count, using: &rng)
            bytes[i] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
            return Data(bytes)
        case .truncate:
            let bytes = [UInt8](lines.joined(separator: "\n").utf8)
            return Data(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
        }
        return Data(lines.joined(separator: "\n").utf8)
    }
}

@Suite("Seeded mutations of the real year (nothing lost)")
struct MutationTests {
    static let sheets: [String] = RepositoryPaths.policyCodes.map {
        try! String(contentsOf: RepositoryPaths.sampleYear.appendingPathComponent("\($0).txt"), encoding: .utf8)
    }

    /// Cases per seed block; 8 blocks run in parallel.
    static let casesPerBlock = 50

    @Test("every accepted mutation keeps every cell and round-trips", arguments: 0..<8)
    func mutations(_ block: Int) throws {
        var rng = SplitMix64(seed: 0x5EED_0009 &+ UInt64(block))
        var accepted = 0, refused = 0
        for n in 0..<Self.casesPerBlock {
            // Mostly one sheet; sometimes two sheets in one file, so that per-sheet failures are exercised.
            var base = Self.sheets.randomElement(using: &rng)!
            if n % 5 == 0 { base += "\n" + Self.sheets.randomElement(using: &rng)! }
            var data = Data(base.utf8)
            var applied: [TextMutation] = []
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let m = TextMutation.allCases.randomElement(using: &rng)!
                applied.append(m)
                data = TextMutation.apply(m, to: String(decoding: data, as: UTF8.self), others: Self.sheets, rng: &rng)
            }
            let failures = NothingLostOracle.check(data, file: "mutated.txt")
            #expect(failures.isEmpty, "block \(block) case \(n) \(applied): \(failures.prefix(5))")
            if TextFormReader.readEach(data, file: "m.txt").failures.isEmpty { accepted += 1 } else { refused += 1 }
        }
        // Both outcomes occur, so the oracle is exercised on accepted inputs, not only on refusals.
        #expect(accepted > 0 && refused > 0, "accepted \(accepted), refused \(refused)")
    }

    @Test("the unmutated year satisfies the oracle")
    func realYear() {
        #expect(NothingLostOracle.check(Data(RealYear.text.utf8), file: "kiyose-2019.txt") == [])
        for (k, s) in Self.sheets.enumerated() {
            #expect(NothingLostOracle.check(Data(s.utf8), file: "\(RepositoryPaths.policyCodes[k]).txt") == [])
        }
    }
}

