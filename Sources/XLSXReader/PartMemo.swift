#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// What a part parses to, kept for the very same bytes: every workbook a template exports has the
// same styles part and the same relationships, and parsing them again for each is most of opening.

/// The last few parts' parsed values, each with the inflated bytes it was parsed from, the nesting
/// limit it was parsed within and a key naming what else the value depends on (the source part of
/// relationships). A value is handed out only for byte-identical input under the same limit and key:
/// parsing is a pure function of those, so the value is the one parsing again would give. Only
/// successful parses are kept (an error names its file, and is made again each time). Shared by
/// the workers (behind a lock).
final class PartMemo<Value>: @unchecked Sendable {
    private struct Entry {
        var bytes: [UInt8]
        var maxDepth: Int
        var key: String
        var value: Value
    }

    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var entries: [Entry] = []
    /// How many parts are kept (the oldest goes first).
    private let capacity: Int
    /// Parts larger than this are never kept (nor compared).
    static var maxBytes: Int { 1 << 16 }

    init(capacity: Int = 4) {
        self.capacity = capacity
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The value kept for these bytes, limit and key, if any.
    func value(for bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, key: String) -> Value? {
        guard bytes.count <= Self.maxBytes else { return nil }
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        for entry in entries where entry.maxDepth == maxDepth && entry.bytes.count == bytes.count
            && entry.key.utf8.elementsEqual(key.utf8) {
            let same = entry.bytes.withUnsafeBufferPointer { kept in
                kept.count == 0 || memcmp(kept.baseAddress!, bytes.baseAddress!, kept.count) == 0
            }
            if same { return entry.value }
        }
        return nil
    }

    /// Keeps a value parsed from these bytes (dropping the oldest when full).
    func keep(_ value: Value, for bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, key: String) {
        guard bytes.count <= Self.maxBytes else { return }
        let entry = Entry(bytes: Array(bytes), maxDepth: maxDepth, key: key, value: value)
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if entries.count >= capacity { entries.removeFirst() }
        entries.append(entry)
    }
}

extension ZipArchive {
    /// The part parsed by `parse` — or, when the part's inflated bytes are those of a part parsed
    /// before (with the same limits and `key`), the value that parse gave. The part is always read
    /// (inflated and charged to the archive's budget), as without the memo.
    func parse<Value>(_ partName: String, memo: PartMemo<Value>, key: String = "",
                      _ parse: (inout XMLTokenizer) throws(XLSXReadError) -> Value) throws(XLSXReadError) -> Value {
        let bytes = try read(partName)
        let depth = limits.maxXMLDepth
        if let known = memo.value(for: bytes.buffer, maxDepth: depth, key: key) { return known }
        var xml = try XMLTokenizer.make(bytes, source: PartSource(file: fileName, part: storedName(partName) ?? partName),
                                        maxDepth: depth)
        let value = try parse(&xml)
        memo.keep(value, for: bytes.buffer, maxDepth: depth, key: key)
        return value
    }
}
