import Foundation
import EvalSheetModel

/// Results of a pure function of a cell's text, kept across workbooks and shared by the workers:
/// what an import asks again for every workbook (a number format's kind, a defined name's area, a
/// template text with its placeholder filled in) is worked out once. A result is reused only for
/// the very same bytes: String keys compare by canonical equivalence, and a value made from one
/// spelling (a label keeping its bytes) must never be handed out for another. Holds at most
/// `limit` results (then starts over), so a stream of distinct keys cannot grow it.
final class Memo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    /// An open-addressed table of `slotCount` slots: each slot's hash (`bytesHash`, never 0; 0 for
    /// an empty slot), key and value. A key is looked for in at most `maxProbes` slots from its
    /// hash's. (Held in pointers rather than arrays: no exclusivity check on each slot read.)
    private let hashes: UnsafeMutablePointer<UInt64>
    private let keys: UnsafeMutablePointer<SpelledKey?>
    private let values: UnsafeMutablePointer<Value?>
    private let slotCount: Int
    private var count = 0
    private let limit: Int
    static var maxProbes: Int { 8 }

    init(limit: Int = 256) {
        self.limit = limit
        var slots = 16
        while slots < 2 * limit { slots *= 2 }
        slotCount = slots
        hashes = .allocate(capacity: slots)
        hashes.initialize(repeating: 0, count: slots)
        keys = .allocate(capacity: slots)
        keys.initialize(repeating: nil, count: slots)
        values = .allocate(capacity: slots)
        values.initialize(repeating: nil, count: slots)
    }

    deinit {
        keys.deinitialize(count: slotCount)
        keys.deallocate()
        values.deinitialize(count: slotCount)
        values.deallocate()
        hashes.deallocate()
    }

    /// The value for `key`, made by `make` the first time (outside the lock).
    func value(_ key: String, _ make: () -> Value) -> Value {
        let spelled = SpelledKey(key)
        let hash = Self.bytesHash(key) | 1
        lock.lock()
        if let slot = find(spelled, hash), let known = values[slot] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = make()
        lock.lock()
        if count >= limit {
            for i in 0..<slotCount { hashes[i] = 0; keys[i] = nil; values[i] = nil }
            count = 0
        }
        // No free slot near the key's (keys alike in hash): the value is simply not kept.
        if find(spelled, hash) == nil, let slot = freeSlot(hash) {
            hashes[slot] = hash
            keys[slot] = spelled
            values[slot] = made
            count += 1
        }
        lock.unlock()
        return made
    }

    /// The slot holding `key`, if any (under the lock).
    private func find(_ key: SpelledKey, _ hash: UInt64) -> Int? {
        let mask = slotCount - 1
        var i = Int(truncatingIfNeeded: hash >> 1) & mask
        for _ in 0..<Self.maxProbes {
            let kept = hashes[i]
            if kept == 0 { return nil }
            if kept == hash, let k = keys[i], Self.sameBytes(k.text, key.text) { return i }
            i = (i + 1) & mask
        }
        return nil
    }

    /// The first empty slot a key of this hash may take, if any (under the lock).
    private func freeSlot(_ hash: UInt64) -> Int? {
        let mask = slotCount - 1
        var i = Int(truncatingIfNeeded: hash >> 1) & mask
        for _ in 0..<Self.maxProbes {
            if hashes[i] == 0 { return i }
            i = (i + 1) & mask
        }
        return nil
    }

    /// A 64-bit hash of a string's UTF-8 bytes, eight at a time (equal bytes hash equally, all a
    /// lookup relies on: a match is always confirmed byte by byte).
    static func bytesHash(_ text: String) -> UInt64 {
        let hashed: UInt64? = text.utf8.withContiguousStorageIfAvailable { b in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: b.count)
            var i = 0
            let raw = UnsafeRawBufferPointer(b)
            while i + 8 <= b.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                i += 8
            }
            var tail: UInt64 = 0, shift: UInt64 = 0
            while i < b.count {
                tail |= UInt64(b[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
            return h ^ (h >> 29)
        }
        if let hashed { return hashed }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// Whether two strings are spelled with the same UTF-8 bytes (compared in place when both are
    /// stored contiguously, as native strings are).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let (ua, ub) = (a.utf8, b.utf8)
        guard ua.count == ub.count else { return false }
        let compared: Bool?? = ua.withContiguousStorageIfAvailable { pa in
            ub.withContiguousStorageIfAvailable { pb in
                pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0
            }
        }
        if let compared, let compared { return compared }
        return ua.elementsEqual(ub)
    }
}

/// A memo's key: a String compared (and, as a Hashable, hashed) by its UTF-8 bytes. (A String key is hashed by
/// canonical equivalence: every Japanese key was normalised to NFC to be hashed, and compared so
/// too.) Two spellings of one text are two keys, so a value is only handed out for its own bytes.
struct SpelledKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: SpelledKey, b: SpelledKey) -> Bool { Memo<Void>.sameBytes(a.text, b.text) }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            hasher.combine(text.utf8.count)
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }
}

/// What the sheet readers work out from a cell's text alone, once per distinct text.
enum TextMemos {
    /// `FiscalYearText.parse` of header and label texts (`令和3年度`).
    static let fiscalYears = Memo<Int?>(limit: 1024)

    static func fiscalYear(_ text: String) -> Int? { fiscalYears.value(text) { FiscalYearText.parse(text) } }
}
