import Testing
import EvalSheetModel

/// The variable-length integers of the batch's compact copies read back exactly what was written,
/// at the edges of Int and of each byte length, and reading a cut run never traps.
@Suite("Compact integers")
struct CompactIntegersTests {
    static let edges: [Int] = [0, 1, -1, 63, -64, 64, -65, 127, 128, 255, 16_383, 16_384, -8_192, -8_193,
                               Int(Int32.max), Int(Int32.min), Int.max, Int.min, Int.max - 1, Int.min + 1]

    @Test("every signed value read back, alone and one after another")
    func signedRoundTrip() {
        var values = Self.edges
        var g = SystemRandomNumberGenerator()
        for _ in 0..<20_000 { values.append(Int.random(in: Int.min...Int.max, using: &g) >> Int.random(in: 0...63, using: &g)) }
        var bytes: [UInt8] = []
        for v in values { CompactIntegers.append(signed: v, to: &bytes) }
        var at = 0
        let read = values.map { _ in CompactIntegers.signed(bytes, at: &at) }
        #expect(read == values)
        #expect(at == bytes.count)
    }

    @Test("counts take one byte below 128, two below 16,384, ten for the largest")
    func countLengths() {
        for (n, length) in [(0, 1), (127, 1), (128, 2), (16_383, 2), (16_384, 3), (Int.max, 9)] {
            var bytes: [UInt8] = []
            CompactIntegers.append(count: n, to: &bytes)
            #expect(bytes.count == length, "\(n)")
            var at = 0
            #expect(CompactIntegers.count(bytes, at: &at) == n)
        }
        var bytes: [UInt8] = []
        CompactIntegers.append(signed: Int.min, to: &bytes)
        #expect(bytes.count == 10)
        #expect(bytes == [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
    }

    @Test("a cut or overlong run stops at its end without trapping")
    func cutRuns() {
        var at = 0
        #expect(CompactIntegers.unsigned([0x80, 0x80], at: &at) == 0)
        #expect(at == 2)
        at = 0
        #expect(CompactIntegers.unsigned([UInt8](repeating: 0xFF, count: 40) + [0x01], at: &at) == UInt64.max)
        #expect(at == 41)
        at = 5
        #expect(CompactIntegers.signed([0x01], at: &at) == 0)
        #expect(at == 5)
        at = -3
        #expect(CompactIntegers.count([0x01], at: &at) == 0)
    }
}
