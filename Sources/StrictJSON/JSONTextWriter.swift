/// A small, fast writer of pretty-printed JSON (two-space indent, `key: value`, Foundation's
/// layout), used for the model's JSON form (Foundation's JSONEncoder spent a quarter of an import's
/// time). Keys are written in the order given; give them sorted for sorted output.
public struct JSONTextWriter {
    /// The text written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
    /// Where the text is written: memory appended to by pointer (an Array's `append` checks that the
    /// array is unique and has room on every call: a third of the writer's time). `owner` frees it;
    /// a copy of the writer shares it until either writes, which then copies it first (`writable()`).
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private var owner: Allocation
    private var depth = 0
    /// Whether the innermost open object or array has a member or element already (a comma is due).
    private var hasItems = false
    /// `hasItems` of each enclosing object or array, outermost first.
    private var enclosingHasItems: [Bool] = []

    public init() {
        capacity = 32_768
        base = .allocate(capacity: capacity)
        owner = Allocation(base)
    }

    // `object` and `array` are inlinable so that a caller's closures and element type are
    // specialised in place (unspecialised, every array went through its generic metadata).

    @inlinable
    public mutating func object(_ body: (inout JSONTextWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    @inlinable
    public mutating func array<T>(_ items: [T], _ element: (inout JSONTextWriter, T) -> Void) {
        guard !items.isEmpty else { emptyArray(); return }
        open(UInt8(ascii: "["))
        for item in items {
            element(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    /// A key inside an object; the value follows. Keys must be given in sorted order.
    public mutating func key(_ k: String) {
        writable()
        separate()
        string(k, separated: false)
        append(UInt8(ascii: ":"), UInt8(ascii: " "))
        pendingValue = true
    }

    /// `key(_:)` of a key written in the code: a literal with no character JSON escapes (`"`, `\`,
    /// a control character; checked in debug builds), copied as it is with its quotes and `: `.
    public mutating func key(literal k: StaticString) {
        writable()
        separate()
        k.withUTF8Buffer { name in
            assert(JSONByteScan.firstSpecialByte(in: name, from: 0) == name.count, "a key literal JSON escapes: \(k)")
            reserve(name.count + 4)
            base[count] = UInt8(ascii: "\"")
            if let source = name.baseAddress { (base + count + 1).update(from: source, count: name.count) }
            count += 1 + name.count
            base[count] = UInt8(ascii: "\"")
            base[count + 1] = UInt8(ascii: ":")
            base[count + 2] = UInt8(ascii: " ")
            count += 3
        }
        pendingValue = true
    }

    public mutating func string(_ s: String) { writable(); string(s, separated: true) }

    /// An integer in decimal, as `String(n)` prints it, digit by digit without a String.
    public mutating func int(_ n: Int) {
        writable()
        separate()
        if n < 0 { append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        guard magnitude >= 10 else { append(UInt8(ascii: "0") + UInt8(magnitude)); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: UInt.max has 20 digits
        withUnsafeMutableBytes(of: &digits) { buffer in
            var k = buffer.count
            while magnitude > 0 {
                k -= 1
                buffer[k] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            append(UnsafeRawBufferPointer(rebasing: buffer[k...]))
        }
    }

    public mutating func bool(_ b: Bool) {
        writable()
        separate()
        append(b ? "true" : "false")
    }

    public mutating func null() {
        writable()
        separate()
        append("null")
    }

    public mutating func optional(_ s: String?) { if let s { string(s) } else { null() } }
    public mutating func optional(_ n: Int?) { if let n { int(n) } else { null() } }

    // MARK: - Layout

    private var pendingValue = false

    @usableFromInline
    mutating func emptyArray() {
        writable()
        separate()
        append(UInt8(ascii: "["), UInt8(ascii: "]"))
    }

    private mutating func separate() {
        if pendingValue { pendingValue = false; return }
        guard depth > 0 else { return }
        if hasItems { append(UInt8(ascii: ",")) }
        hasItems = true
        newline()
    }

    @usableFromInline
    mutating func open(_ bracket: UInt8) {
        writable()
        separate()
        append(bracket)
        depth += 1
        enclosingHasItems.append(hasItems)
        hasItems = false
    }

    @usableFromInline
    mutating func close(_ bracket: UInt8) {
        writable()
        depth -= 1
        let hadItems = hasItems
        hasItems = enclosingHasItems.popLast() ?? false
        if hadItems { newline() }
        append(bracket)
        if depth > 0 { hasItems = true }
    }

    /// A line end and the indent of `depth`.
    private mutating func newline() {
        appendLineEnd(indent: 2 * depth)
    }

    /// Makes the memory this writer's own: copied first when a copy of the writer shares it.
    @inline(__always)
    private mutating func writable() {
        if !isKnownUniquelyReferenced(&owner) { moveTo(capacity: capacity) }
    }

    /// Moves the text to new memory of `capacity` bytes (the old is freed once no writer shares it).
    private mutating func moveTo(capacity newCapacity: Int) {
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base = newBase
        capacity = newCapacity
        owner = Allocation(newBase)
    }

    /// Room for `n` more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if capacity - count < n { moveTo(capacity: max(count + n, 2 * capacity)) }
    }

    @inline(__always)
    private mutating func append(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    @inline(__always)
    private mutating func append(_ a: UInt8, _ b: UInt8) {
        reserve(2)
        base[count] = a
        base[count + 1] = b
        count += 2
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    private mutating func append(_ word: StaticString) {
        append(UnsafeRawBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }

    /// A line end and `indent` spaces.
    private mutating func appendLineEnd(indent: Int) {
        reserve(1 + indent)
        base[count] = 0x0A
        var k = count + 1
        let end = k + indent
        while k < end { base[k] = UInt8(ascii: " "); k += 1 }
        count = end
    }

    private mutating func string(_ s: String, separated: Bool) {
        if separated { separate() }
        append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { u in
            // Most strings need no escape: copied whole.
            if JSONByteScan.firstSpecialByte(in: u, from: 0) == u.count {
                append(UnsafeRawBufferPointer(u))
                return
            }
            for b in u {
                switch b {
                case UInt8(ascii: "\""): append(0x5C, 0x22)
                case UInt8(ascii: "\\"): append(0x5C, 0x5C)
                case 0x0A: append(0x5C, UInt8(ascii: "n"))
                case 0x0D: append(0x5C, UInt8(ascii: "r"))
                case 0x09: append(0x5C, UInt8(ascii: "t"))
                case 0x00..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    append(0x5C, UInt8(ascii: "u"))
                    append(0x30, 0x30)
                    append(hex[Int(b >> 4)], hex[Int(b & 0xF)])
                default: append(b)
                }
            }
        }
        append(UInt8(ascii: "\""))
    }
}

/// The memory a `JSONTextWriter` writes into, freed with the last writer that shares it.
private final class Allocation {
    let base: UnsafeMutablePointer<UInt8>
    init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }
    deinit { base.deallocate() }
}
