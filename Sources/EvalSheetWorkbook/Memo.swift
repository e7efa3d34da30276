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
    private var values: [SpelledKey: Value] = [:]
    private let limit: Int

    init(limit: Int = 256) { self.limit = limit }

    /// The value for `key`, made by `make` the first time (outside the lock).
    func value(_ key: String, _ make: () -> Value) -> Value {
        let spelled = SpelledKey(key)
        lock.lock()
        let known = values[spelled]
        lock.unlock()
        if let known { return known }
        let made = make()
        lock.lock()
        if values.count >= limit { values.removeAll(keepingCapacity: true) }
        values[spelled] = made
        lock.unlock()
        return made
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

/// A memo's key: a String hashed and compared by its UTF-8 bytes. (A String key is hashed by
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
