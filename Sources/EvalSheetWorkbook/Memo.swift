import Foundation

/// Results of a pure function of a string, kept across workbooks and shared by the workers: what an
/// import asks again for every workbook (a number format's kind, a template text with its
/// placeholder filled in) is worked out once. Holds at most `limit` results (then starts over),
/// so a stream of distinct keys cannot grow it.
final class Memo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]
    private let limit: Int

    init(limit: Int = 256) { self.limit = limit }

    /// The value for `key`, made by `make` the first time (outside the lock: `make` may use other memos).
    func value(_ key: String, _ make: () -> Value) -> Value {
        lock.lock()
        let known = values[key]
        lock.unlock()
        if let known { return known }
        let made = make()
        lock.lock()
        if values.count >= limit { values.removeAll(keepingCapacity: true) }
        values[key] = made
        lock.unlock()
        return made
    }
}
