import Testing
@testable import EvalSheetWorkbook

@Suite struct MemoTests {
    @Test func madeOncePerKey() {
        let memo = Memo<Int>()
        var calls = 0
        #expect(memo.value("a") { calls += 1; return 1 } == 1)
        #expect(memo.value("a") { calls += 1; return 2 } == 1)
        #expect(memo.value("b") { calls += 1; return 3 } == 3)
        #expect(calls == 2)
    }

    /// "が" precomposed and decomposed are equal Strings (one Dictionary key), but a value made from
    /// one spelling is never handed out for the other.
    @Test func canonicallyEquivalentSpellingsAreNotShared() {
        let composed = "\u{304C}", decomposed = "\u{304B}\u{3099}"
        #expect(composed == decomposed)
        let memo = Memo<[UInt8]>()
        #expect(memo.value(composed) { Array(composed.utf8) } == [0xE3, 0x81, 0x8C])
        #expect(memo.value(decomposed) { Array(decomposed.utf8) } == [0xE3, 0x81, 0x8B, 0xE3, 0x82, 0x99])
        #expect(memo.value(composed) { [] } == [0xE3, 0x81, 0x8C])
        #expect(memo.value(decomposed) { [] } == [0xE3, 0x81, 0x8B, 0xE3, 0x82, 0x99])
    }

    /// Keys are hashed and compared by their bytes: Japanese keys of every length, and keys that are
    /// prefixes of one another, each keep their own value.
    @Test func keysAreTheirBytes() {
        let memo = Memo<String>(limit: 4096)
        let keys = ["", "a", "ab", "令和", "令和元年度", "令和元年度決算", "0.0\"(※)\"", "0.0\"(※)\";", String(repeating: "施策", count: 40)]
        for key in keys { #expect(memo.value(key) { key } == key) }
        for key in keys { #expect(memo.value(key) { "made again" } == key) }
        #expect(SpelledKey("令和") == SpelledKey("令和"))
        #expect(SpelledKey("\u{304C}") != SpelledKey("\u{304B}\u{3099}"))
    }

    @Test func startsOverAtItsLimit() {
        let memo = Memo<Int>(limit: 2)
        _ = memo.value("a") { 1 }
        _ = memo.value("b") { 2 }
        _ = memo.value("c") { 3 }  // the table is full: emptied, then "c" kept
        #expect(memo.value("a") { 10 } == 10)
        #expect(memo.value("c") { 30 } == 3)
    }

    /// Many keys through a small memo (full again and again, slots taken): every answer is the
    /// function's for that key.
    @Test func manyKeysThroughASmallMemo() {
        let memo = Memo<String>(limit: 16)
        for k in 0..<5_000 {
            let key = "施策\((k &* 7919) % 701)"
            #expect(memo.value(key) { "made " + key } == "made " + key)
        }
    }
}
