import Testing
@testable import XLSXReader

/// Shared strings made once for the same bytes (`SharedStringCache`): what it hands out is, byte for
/// byte, the String `String(decoding:as:)` makes of the bytes — kept or not, full or not, whatever
/// the bytes and however many share a hash slot.
@Suite struct SharedStringCacheTests {
    private func string(_ cache: SharedStringCache, _ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { cache.string($0) }
    }

    /// The definition: the String of the bytes, repaired as `String(decoding:as:)` repairs.
    private func made(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    private func expectSame(_ got: String, _ bytes: [UInt8], _ note: String = "") {
        #expect(Array(got.utf8) == Array(made(bytes).utf8), "\(bytes) \(note)")
    }

    @Test func textsAreThoseOfTheirBytes() {
        let cache = SharedStringCache(capacity: 8)
        let texts = ["施策コード", "評価対象年度", "5110000", "", "a", "ト\u{3099}", "\u{30C9}", "x\r\ny", "施策コード "]
        for _ in 0..<3 {
            for text in texts { expectSame(string(cache, Array(text.utf8)), Array(text.utf8)) }
        }
        // Canonically equivalent texts are different bytes, so different texts.
        #expect(Array(string(cache, Array("ト\u{3099}".utf8)).utf8) == Array("ト\u{3099}".utf8))
        #expect(Array(string(cache, Array("\u{30C9}".utf8)).utf8) == Array("\u{30C9}".utf8))
    }

    /// Random bytes (valid and invalid UTF-8, short and beyond `maxBytes`, many alike), through a
    /// small cache that fills: every answer is the definition's.
    @Test func manyRandomTextsThroughASmallCache() {
        var rng = SplitMix(seed: 12)
        let alphabet: [[UInt8]] = [[0x61], [0x62], [0x20], [0xE6, 0x96, 0xBD], [0xE7, 0xAD, 0x96], [0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80],
                                   [0x80], [0xFF], [0xE3], [0x00], [0x0D]]
        let cache = SharedStringCache(capacity: 64)
        var seen: [[UInt8]] = []
        for round in 0..<20_000 {
            var bytes: [UInt8]
            if !seen.isEmpty, rng.next() % 3 == 0 {
                bytes = seen[Int(rng.next() % UInt64(seen.count))]
            } else {
                let length = rng.next() % 10 == 0 ? Int(rng.next() % 300) : Int(rng.next() % 24)
                bytes = []
                while bytes.count < length { bytes += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
                if seen.count < 500 { seen.append(bytes) }
            }
            expectSame(string(cache, bytes), bytes, "round \(round)")
        }
    }

    /// Texts whose hashes all fall in one run of slots: each is still its own text.
    @Test func textsSharingSlotsStayApart() {
        let cache = SharedStringCache(capacity: 1)
        for k in 0..<100 {
            let bytes = Array("label \(k % 7)".utf8)
            expectSame(string(cache, bytes), bytes)
        }
    }

    @Test func equalBytesHashEqually() {
        let a: [UInt8] = Array("評価対象年度 (参考)".utf8)
        let b = a
        let ha = a.withUnsafeBufferPointer { SharedStringCache.hash($0.baseAddress!, $0.count) }
        let hb = b.withUnsafeBufferPointer { SharedStringCache.hash($0.baseAddress!, $0.count) }
        #expect(ha == hb)
    }
}

/// A small deterministic generator (SplitMix64), so that a failure can be replayed.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
