/// A small, fast writer of pretty-printed JSON (two-space indent, `key: value`, Foundation's
/// layout), used for the model's JSON form (Foundation's JSONEncoder spent a quarter of an import's
/// time). Keys are written in the order given; give them sorted for sorted output.
public struct JSONTextWriter {
    public private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the innermost open object or array has a member or element already (a comma is due).
    private var hasItems = false
    /// `hasItems` of each enclosing object or array, outermost first.
    private var enclosingHasItems: [Bool] = []

    public init() { bytes.reserveCapacity(32_768) }

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
        separate()
        string(k, separated: false)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        pendingValue = true
    }

    public mutating func string(_ s: String) { string(s, separated: true) }

    /// An integer in decimal, as `String(n)` prints it, digit by digit without a String.
    public mutating func int(_ n: Int) {
        separate()
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        guard magnitude >= 10 else { bytes.append(UInt8(ascii: "0") + UInt8(magnitude)); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: UInt.max has 20 digits
        withUnsafeMutableBytes(of: &digits) { buffer in
            var k = buffer.count
            while magnitude > 0 {
                k -= 1
                buffer[k] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            bytes.append(contentsOf: buffer[k...])
        }
    }

    public mutating func bool(_ b: Bool) {
        separate()
        bytes.append(contentsOf: (b ? "true" : "false").utf8)
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    public mutating func optional(_ s: String?) { if let s { string(s) } else { null() } }
    public mutating func optional(_ n: Int?) { if let n { int(n) } else { null() } }

    // MARK: - Layout

    private var pendingValue = false

    @usableFromInline
    mutating func emptyArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        bytes.append(UInt8(ascii: "]"))
    }

    @usableFromInline
    mutating func separate() {
        if pendingValue { pendingValue = false; return }
        guard depth > 0 else { return }
        if hasItems { bytes.append(UInt8(ascii: ",")) }
        hasItems = true
        newline()
    }

    @usableFromInline
    mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        depth += 1
        enclosingHasItems.append(hasItems)
        hasItems = false
    }

    @usableFromInline
    mutating func close(_ bracket: UInt8) {
        depth -= 1
        let hadItems = hasItems
        hasItems = enclosingHasItems.popLast() ?? false
        if hadItems { newline() }
        bytes.append(bracket)
        if depth > 0 { hasItems = true }
    }

    /// A line end and the indent of `depth`, copied from one run of spaces.
    private mutating func newline() {
        let indent = 2 * depth
        if indent < Self.lineEndAndSpaces.count {
            Self.lineEndAndSpaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[...indent])) }
        } else {
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
        }
    }

    /// A line end followed by the spaces of the deepest indent most texts need.
    private static let lineEndAndSpaces: [UInt8] = [0x0A] + [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private mutating func string(_ s: String, separated: Bool) {
        if separated { separate() }
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { u in
            // Most strings need no escape: copied whole.
            if JSONByteScan.firstSpecialByte(in: u, from: 0) == u.count {
                bytes.append(contentsOf: u)
                return
            }
            for b in u {
                switch b {
                case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
                case UInt8(ascii: "\\"): bytes += [0x5C, 0x5C]
                case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
                case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
                case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
                case 0x00..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
                default: bytes.append(b)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
