// A worksheet cell as nearly every writer stores it, found straight in the bytes:
// `<c r="B7" s="3" t="s"><v>12</v></c>`, `<c r="B7" s="3"/>` or `<c r="B7"></c>`.

/// One plain cell found by `XMLTokenizer.plainCell`: its `r`, `s` and `t` values and its `<v>`
/// text, each in place in the part's bytes and plain (no entity, tab, CR or LF in a value; no `<`,
/// `&` or CR in the text), so each is what the general path would decode.
struct PlainCell {
    /// The part's bytes.
    let p: UnsafePointer<UInt8>
    // Where each value starts and ends; a start of -1 when the cell has none.
    var rStart = -1, rEnd = 0
    var sStart = -1, sEnd = 0
    var tStart = -1, tEnd = 0
    /// The text of `<v>`.
    var valueStart = -1, valueEnd = 0
    /// Just after the cell: its `</c>` (or `/>`).
    var end = 0

    @inline(__always)
    private func bytes(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8>? {
        start < 0 ? nil : UnsafeBufferPointer(start: p + start, count: end &- start)
    }

    var r: UnsafeBufferPointer<UInt8>? { bytes(rStart, rEnd) }
    var s: UnsafeBufferPointer<UInt8>? { bytes(sStart, sEnd) }
    var t: UnsafeBufferPointer<UInt8>? { bytes(tStart, tEnd) }
    /// The text of `<v>`, nil when the cell has none.
    var value: UnsafeBufferPointer<UInt8>? { bytes(valueStart, valueEnd) }
}

extension XMLTokenizer {
    /// The plain cell at `start` (`p[start]` is `<`): `<c`, one blank or more before each attribute,
    /// only `r`, `s` and `t`, each at most once, written `name="value"` or `name='value'` (no blank
    /// around `=`), then `>` or `/>` (blanks before them allowed); after `>`, `</c>` or
    /// `<v>text</v></c>` exactly. Nil for anything else, which the general path then reads.
    static func scanPlainCell(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> PlainCell? {
        guard start &+ 2 < end, p[start &+ 1] == UInt8(ascii: "c") else { return nil }
        var cell = PlainCell(p: p)
        let raw = UnsafeRawPointer(p)
        var i = start &+ 2
        while true {
            // What every writer stores: one space, the name, `="`, taken with one load.
            var b: UInt8
            var quote: UInt8
            if i &+ 4 <= end, case let w = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt32.self)),
               w & 0xFFFF_00FF == 0x223D_0020 {
                i &+= 1
                b = UInt8(truncatingIfNeeded: w &>> 8)
                quote = UInt8(ascii: "\"")
            } else {
                guard i < end else { return nil }
                b = p[i]
                if b == UInt8(ascii: ">") {
                    i &+= 1
                    break
                }
                if b == UInt8(ascii: "/") {
                    guard i &+ 1 < end, p[i &+ 1] == UInt8(ascii: ">") else { return nil }
                    cell.end = i &+ 2
                    return cell
                }
                // A blank (or more) before each attribute, and before the end of the tag.
                guard isXMLSpace(b) else { return nil }
                repeat {
                    i &+= 1
                    guard i < end else { return nil }
                    b = p[i]
                } while isXMLSpace(b)
                if b == UInt8(ascii: ">") || b == UInt8(ascii: "/") { continue }
                guard i &+ 2 < end, p[i &+ 1] == UInt8(ascii: "=") else { return nil }
                quote = p[i &+ 2]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            }
            // `i` is at the name.
            let valueStart = i &+ 3
            var k = valueStart
            while true {
                guard k < end else { return nil }
                let c = p[k]
                if c == quote { break }
                if c < 0x40 && (attributeSpecialMask >> UInt64(c)) & 1 != 0 { return nil }
                k &+= 1
            }
            switch b {
            case UInt8(ascii: "r"):
                guard cell.rStart < 0 else { return nil }
                cell.rStart = valueStart
                cell.rEnd = k
            case UInt8(ascii: "s"):
                guard cell.sStart < 0 else { return nil }
                cell.sStart = valueStart
                cell.sEnd = k
            case UInt8(ascii: "t"):
                guard cell.tStart < 0 else { return nil }
                cell.tStart = valueStart
                cell.tEnd = k
            default:
                return nil
            }
            i = k &+ 1
        }
        // `</c>`: a cell without a value.
        if i &+ 4 <= end, UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt32.self)) == 0x3E63_2F3C {
            cell.end = i &+ 4
            return cell
        }
        // `<v>text</v></c>`, the text as `takePlainTextElement` takes it.
        guard i &+ 3 < end, p[i] == UInt8(ascii: "<"), p[i &+ 1] == UInt8(ascii: "v"), p[i &+ 2] == UInt8(ascii: ">") else { return nil }
        let textStart = i &+ 3
        var k = textStart
        while true {
            k = firstByteBelow0x40(p, from: k, to: end)
            guard k < end, (textSpecialMask >> UInt64(p[k])) & 1 == 0 else { break }
            k &+= 1
        }
        // `</v></c>`, with one load.
        guard k &+ 8 <= end, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) == 0x3E63_2F3C_3E76_2F3C
        else { return nil }
        cell.valueStart = textStart
        cell.valueEnd = k
        cell.end = k &+ 8
        return cell
    }
}
