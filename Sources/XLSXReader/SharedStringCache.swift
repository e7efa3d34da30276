#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Texts made once for the same bytes: every workbook a template exports holds the same labels
// (施策コード, 評価対象年度 …), formulas and defined names, and making a String of them again —
// validating, allocating, copying, and later freeing it — is most of reading a shared-strings part.

/// Strings made from UTF-8 bytes, kept by those bytes so that the same bytes read again give the
/// String already made. A String is handed out only for byte-identical input, and a String made
/// from bytes is a function of the bytes alone, so it is the String `String(decoding:as:)` would
/// make again. Bounded: at most `capacity` texts of at most `maxBytes` bytes are kept (the first
/// ones seen; once full, texts are made as before), and a lookup compares with at most
/// `maxProbes` kept texts, so hostile input costs no more than a miss. Shared by the workers
/// (behind a lock).
final class SharedStringCache: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    /// Each slot's hash (`hash(_:_:)`, never 0), 0 for an empty slot; parallel to the slots below.
    private let hashes: UnsafeMutablePointer<UInt64>
    /// Each slot's text ("" in an empty slot).
    private let texts: UnsafeMutablePointer<String>
    /// Where each slot's bytes are in `arena`, and how many.
    private let offsets: UnsafeMutablePointer<Int>
    private let lengths: UnsafeMutablePointer<Int>
    /// The kept texts' bytes, one after another (room for `capacity` texts of `maxBytes`; pages
    /// are touched only as texts are kept).
    private let arena: UnsafeMutablePointer<UInt8>
    private var arenaUsed = 0
    private let slotCount: Int
    private var count = 0
    private let capacity: Int
    /// Texts longer than this are made each time (never kept nor compared).
    static let maxBytes = 256
    /// How many slots a lookup or an insertion looks at, at most.
    static let maxProbes = 8

    /// The cache shared strings, formulas and defined names are read through.
    static let shared = SharedStringCache()

    /// A cache of at most `capacity` texts (a power of two), in twice as many slots.
    init(capacity: Int = 1 << 12) {
        precondition(capacity > 0 && capacity & (capacity - 1) == 0, "capacity must be a power of two")
        self.capacity = capacity
        slotCount = capacity * 2
        hashes = .allocate(capacity: slotCount)
        hashes.initialize(repeating: 0, count: slotCount)
        texts = .allocate(capacity: slotCount)
        texts.initialize(repeating: "", count: slotCount)
        offsets = .allocate(capacity: slotCount)
        offsets.initialize(repeating: 0, count: slotCount)
        lengths = .allocate(capacity: slotCount)
        lengths.initialize(repeating: 0, count: slotCount)
        arena = .allocate(capacity: capacity * Self.maxBytes)
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        texts.deinitialize(count: slotCount)
        texts.deallocate()
        hashes.deallocate()
        offsets.deallocate()
        lengths.deallocate()
        arena.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The String of these bytes (valid UTF-8; invalid sequences are repaired as
    /// `String(decoding:as:)` repairs them): the one kept for the same bytes, else made (and kept
    /// while there is room).
    func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let n = bytes.count
        guard n <= Self.maxBytes, n > 0, let base = bytes.baseAddress else { return String(decoding: bytes, as: UTF8.self) }
        let hash = Self.hash(base, n) | 1
        let mask = slotCount &- 1
        var index = Int(truncatingIfNeeded: hash >> 1) & mask
        var free = -1
        pthread_mutex_lock(mutex)
        for _ in 0..<Self.maxProbes {
            let kept = hashes[index]
            if kept == 0 {
                free = index
                break
            }
            if kept == hash, lengths[index] == n, memcmp(arena + offsets[index], base, n) == 0 {
                let text = texts[index]
                pthread_mutex_unlock(mutex)
                return text
            }
            index = (index &+ 1) & mask
        }
        pthread_mutex_unlock(mutex)
        let made = String(decoding: bytes, as: UTF8.self)
        guard free >= 0 else { return made }
        pthread_mutex_lock(mutex)
        // Another worker may have filled the slot meanwhile: then this text is simply not kept.
        if count < capacity, hashes[free] == 0 {
            (arena + arenaUsed).update(from: base, count: n)
            offsets[free] = arenaUsed
            lengths[free] = n
            arenaUsed += n
            texts[free] = made
            hashes[free] = hash
            count += 1
        }
        pthread_mutex_unlock(mutex)
        return made
    }

    /// A 64-bit hash of the bytes (eight at a time; equal bytes hash equally, which is all a lookup
    /// relies on: a match is always confirmed byte by byte).
    static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i &+ 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i &+= 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < count {
            tail |= UInt64(p[i]) << shift
            shift &+= 8
            i &+= 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }
}
