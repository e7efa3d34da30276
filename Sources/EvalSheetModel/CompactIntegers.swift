/// Integers as variable-length bytes, for the compact copies a batch keeps in memory until the end
/// of the year (`PolicySummaryRows`, the year rules' shared projects): unsigned ones in 7-bit groups,
/// lowest first, the high bit set on every byte but the last (LEB128); signed ones zig-zag first
/// (0, -1, 1, -2 … as 0, 1, 2, 3 …), so every Int, `Int.min` too, is written without overflow.
/// Small numbers take one byte. Reading never traps: past the end it stops with what it read.
public enum CompactIntegers {
    /// Appends `n` as LEB128.
    public static func append(unsigned n: UInt64, to bytes: inout [UInt8]) {
        var n = n
        while n >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: n) | 0x80)
            n >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: n))
    }

    /// Appends a count or a number of a table (not negative) as LEB128.
    public static func append(count n: Int, to bytes: inout [UInt8]) {
        append(unsigned: UInt64(truncatingIfNeeded: n), to: &bytes)
    }

    /// Appends `n` zig-zag, then as LEB128.
    public static func append(signed n: Int, to bytes: inout [UInt8]) {
        let v = Int64(n)
        append(unsigned: UInt64(bitPattern: (v &<< 1) ^ (v >> 63)), to: &bytes)
    }

    /// The LEB128 number at `at`, which moves past it.
    public static func unsigned(_ bytes: [UInt8], at: inout Int) -> UInt64 {
        var n: UInt64 = 0, shift: UInt64 = 0
        while at >= 0, at < bytes.count {
            let b = bytes[at]
            at += 1
            if shift < 64 { n |= UInt64(b & 0x7F) << shift }
            if b < 0x80 { break }
            shift += 7
        }
        return n
    }

    /// The count or number of a table at `at` (what `append(count:)` wrote).
    public static func count(_ bytes: [UInt8], at: inout Int) -> Int {
        Int(truncatingIfNeeded: unsigned(bytes, at: &at))
    }

    /// The signed number at `at` (what `append(signed:)` wrote).
    public static func signed(_ bytes: [UInt8], at: inout Int) -> Int {
        let v = unsigned(bytes, at: &at)
        return Int(truncatingIfNeeded: Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }
}
