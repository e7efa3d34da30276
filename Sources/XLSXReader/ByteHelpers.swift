// Small byte-level helpers shared by the XML tokenizer and the part parsers.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bit n set for the bytes n < 64 that are XML white space (tab, LF, CR, space).
let xmlSpaceMask: UInt64 = 1 << 0x20 | 1 << 0x0A | 1 << 0x09 | 1 << 0x0D

/// Bit n set for the bytes n < 64 that end a name: white space and `/ > = < " '`.
let nameEndMask: UInt64 = xmlSpaceMask | 1 << 0x2F | 1 << 0x3E | 1 << 0x3D | 1 << 0x3C | 1 << 0x22 | 1 << 0x27

/// Bit n set for the bytes n < 64 that make an attribute value need attention: `<`, `&`, tab, LF, CR.
let attributeSpecialMask: UInt64 = 1 << 0x3C | 1 << 0x26 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0D

/// Bit n set for the bytes n < 64 that text scanning stops at: `<`, `&`, CR.
let textSpecialMask: UInt64 = 1 << 0x3C | 1 << 0x26 | 1 << 0x0D

/// The index of the first byte below 0x40 in `p[from..<to]`, or `to`. Every byte a scan of text or
/// of an attribute value stops at (`<`, `&`, the quotes, tab, CR, LF) is below 0x40; after a byte of
/// 0x80 or above (text in Japanese) the bytes are passed eight at a time while none is below 0x40
/// (a byte is below 0x40 when its top two bits are clear: in `w | w << 1` the top bit of each byte
/// is the two or'ed); ASCII is passed byte by byte, as it always was.
@inline(__always)
func firstByteBelow0x40(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
    var i = from
    let raw = UnsafeRawPointer(p)
    while i < to {
        let b = p[i]
        if b < 0x40 { return i }
        i &+= 1
        guard b >= 0x80 else { continue }
        while i &+ 8 <= to {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if (w | w << 1) & 0x8080_8080_8080_8080 != 0x8080_8080_8080_8080 { break }
            i &+= 8
        }
    }
    return to
}

/// True when `b` < 64 and its bit is set in `mask`.
@inline(__always)
func inMask(_ b: UInt8, _ mask: UInt64) -> Bool {
    b < 64 && (mask >> UInt64(b)) & 1 != 0
}

@inline(__always)
func isXMLSpace(_ b: UInt8) -> Bool {
    inMask(b, xmlSpaceMask)
}

/// True when `count` bytes at `p` equal the literal.
@inline(__always)
func bytesEqual(_ p: UnsafePointer<UInt8>, _ count: Int, _ literal: StaticString) -> Bool {
    count == literal.utf8CodeUnitCount && memcmp(p, literal.utf8Start, count) == 0
}

/// True when the `literal.utf8CodeUnitCount` bytes at `p` equal a short literal (a name of a few
/// letters: compared in place, without a call to `memcmp`).
@inline(__always)
func bytesEqualShort(_ p: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
    let l = literal.utf8Start
    for k in 0..<literal.utf8CodeUnitCount where p[k] != l[k] { return false }
    return true
}

/// True when the buffer equals the literal.
@inline(__always)
func bytesEqual(_ buffer: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
    guard buffer.count == literal.utf8CodeUnitCount else { return false }
    guard let base = buffer.baseAddress else { return literal.utf8CodeUnitCount == 0 }
    return memcmp(base, literal.utf8Start, buffer.count) == 0
}

/// Index of the first `byte` in `p[from..<to]`, or `to`.
@inline(__always)
func findByte(_ byte: UInt8, _ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
    guard from < to, let hit = memchr(p + from, Int32(byte), to - from) else { return to }
    return p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
}

/// Index of the first occurrence of `literal` in `p[from..<to]`, or nil.
func findSequence(_ literal: StaticString, _ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
    let n = literal.utf8CodeUnitCount
    let first = literal.utf8Start.pointee
    var i = from
    while i + n <= to {
        let hit = findByte(first, p, from: i, to: to - n + 1)
        if hit > to - n { return nil }
        if memcmp(p + hit, literal.utf8Start, n) == 0 { return hit }
        i = hit + 1
    }
    return nil
}

/// A String from UTF-8 bytes already validated by `validateUTF8`.
@inline(__always)
func makeString(_ p: UnsafePointer<UInt8>, _ count: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
}

/// Parses an unsigned decimal integer with no sign, no spaces; nil on anything else or overflow
/// past `limit`.
@inline(__always)
func parseDecimal(_ buffer: UnsafeBufferPointer<UInt8>, limit: Int = Int.max / 16) -> Int? {
    guard !buffer.isEmpty else { return nil }
    var value = 0
    for b in buffer {
        let d = Int(b) &- 48
        guard d >= 0 && d <= 9 else { return nil }
        let (times10, o1) = value.multipliedReportingOverflow(by: 10)
        let (next, o2) = times10.addingReportingOverflow(d)
        guard !o1, !o2, next <= limit else { return nil }
        value = next
    }
    return value
}

/// Parses an optionally signed decimal integer (used for attributes such as `localSheetId`).
func parseSignedDecimal(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = buffer.first else { return nil }
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
        guard let magnitude = parseDecimal(UnsafeBufferPointer(rebasing: buffer.dropFirst())) else { return nil }
        return first == UInt8(ascii: "-") ? -magnitude : magnitude
    }
    return parseDecimal(buffer)
}

/// Trims XML white space from both ends.
@inline(__always)
func trimmed(_ buffer: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var lo = 0
    var hi = buffer.count
    while lo < hi && isXMLSpace(buffer[lo]) { lo += 1 }
    while hi > lo && isXMLSpace(buffer[hi - 1]) { hi -= 1 }
    return UnsafeBufferPointer(rebasing: buffer[lo..<hi])
}

/// Validates UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). Returns the offset of
/// the first bad byte, or nil when the whole buffer is valid.
func firstInvalidUTF8(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int? {
    var i = 0
    while i < count {
        let b0 = p[i]
        if b0 < 0x80 {
            // An ASCII byte: the run it starts is skipped 32, then eight bytes at a time (a run of
            // multi-byte characters never pays for these tests).
            i += 1
            while i + 32 <= count {
                let q = UnsafeRawPointer(p + i)
                let any = q.loadUnaligned(as: UInt64.self) | q.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | q.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | q.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if any & 0x8080_8080_8080_8080 != 0 { break }
                i += 32
            }
            while i + 8 <= count, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            continue
        }
        if b0 & 0xF0 == 0xE0 {  // three bytes (kana, kanji, full-width forms: tested first)
            guard i + 2 < count else { return i }
            let b1 = p[i + 1]
            let b2 = p[i + 2]
            guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return i }
            if b0 == 0xE0 && b1 < 0xA0 { return i }  // overlong
            if b0 == 0xED && b1 >= 0xA0 { return i }  // surrogate
            i += 3
        } else if b0 >= 0xC2 && b0 <= 0xDF {
            guard i + 1 < count, p[i + 1] & 0xC0 == 0x80 else { return i }
            i += 2
        } else if b0 >= 0xF0 && b0 <= 0xF4 {
            guard i + 3 < count else { return i }
            let b1 = p[i + 1]
            guard b1 & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 else { return i }
            if b0 == 0xF0 && b1 < 0x90 { return i }  // overlong
            if b0 == 0xF4 && b1 >= 0x90 { return i }  // above U+10FFFF
            i += 4
        } else {
            return i
        }
    }
    return nil
}

/// Appends the UTF-8 encoding of a scalar.
@inline(__always)
func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
        out.append(UInt8(scalar))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | (scalar >> 6)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | (scalar >> 12)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (scalar >> 18)))
        out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    }
}

@inline(__always)
func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
    default: return nil
    }
}
