import Foundation
import Testing
import TestSupport
@testable import StrictJSON

/// The fast paths of the strict JSON parser and writer against their definitions: the UTF-8 check
/// (`String(validating:)`), the eight-byte scan for quotes, backslashes and control bytes (a byte
/// at a time), integers (`String(n)`) and the number literals that need no check against a double.
@Suite("StrictJSON: fast paths give what their definitions give")
struct StrictJSONFastPathTests {
    static func validatedUTF8(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { JSONParser.validatedUTF8($0) }
    }

    func expectSameValidation(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fast = Self.validatedUTF8(bytes)
        let slow = String(validating: bytes, as: UTF8.self)
        #expect(fast == slow && fast.map { Array($0.utf8) == bytes } ?? true, "\(bytes)", sourceLocation: sourceLocation)
    }

    @Test("UTF-8: every sequence of one and two bytes, the three- and four-byte edges, random bytes")
    func utf8Validation() {
        expectSameValidation([])
        for a in 0...255 {
            expectSameValidation([UInt8(a)])
            for b in 0...255 { expectSameValidation([UInt8(a), UInt8(b)]) }
        }
        let leads: [UInt8] = [0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xC0, 0xC1, 0xC2, 0xDF]
        let continuations: [UInt8] = [0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0]
        for lead in leads {
            for c1 in continuations {
                for c2 in continuations {
                    expectSameValidation([lead, c1, c2])
                    expectSameValidation([0x41, lead, c1, c2, 0x42])
                    for c3 in continuations { expectSameValidation([lead, c1, c2, c3]) }
                }
            }
        }
        // The replacement character itself, text in Japanese, and truncated sequences of it.
        let text = Array("施策の評価 — 達成率 94.8%(※) \u{FFFD} 😀".utf8)
        for end in 0...text.count { expectSameValidation(Array(text[..<end])) }
        var rng = SeededGenerator(seed: 78)
        for _ in 0..<20_000 {
            var bytes = Array(text[..<Int.random(in: 0...text.count, using: &rng)])
            for _ in 0..<Int.random(in: 0...3, using: &rng) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            expectSameValidation(bytes)
        }
    }

    static func firstSpecialByteByBytes(_ bytes: [UInt8], from start: Int) -> Int {
        bytes[start...].firstIndex { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 } ?? bytes.count
    }

    @Test("byte scan: every byte value at every place of a run, runs of every length, random runs")
    func byteScan() {
        for length in 0...41 {
            for place in 0..<max(length, 1) {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    if place < length { bytes[place] = UInt8(value) }
                    for start in [0, length / 2] {
                        let fast = bytes.withUnsafeBufferPointer { JSONByteScan.firstSpecialByte(in: $0, from: start) }
                        #expect(fast == Self.firstSpecialByteByBytes(bytes, from: start), "\(bytes) from \(start)")
                    }
                }
            }
        }
        let alphabet: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xE3, 0xFF, 0x41]
        // Two special bytes in one run (the second must not hide the first: a borrow marks bytes above).
        for first in 0..<24 {
            for second in first..<24 {
                for (x, y) in [(0x00, 0x22), (0x1F, 0x5C), (0x22, 0x00), (0x5C, 0x1F), (0x21, 0x00), (0x00, 0x00)] as [(UInt8, UInt8)] {
                    var bytes = [UInt8](repeating: 0xE3, count: 24)
                    bytes[second] = y
                    bytes[first] = x
                    let fast = bytes.withUnsafeBufferPointer { JSONByteScan.firstSpecialByte(in: $0, from: 0) }
                    #expect(fast == Self.firstSpecialByteByBytes(bytes, from: 0), "\(bytes)")
                }
            }
        }
        var rng = SeededGenerator(seed: 90)
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                Bool.random(using: &rng) ? UInt8(ascii: "x") : alphabet.randomElement(using: &rng)!
            }
            let start = Int.random(in: 0...bytes.count, using: &rng)
            let fast = bytes.withUnsafeBufferPointer { JSONByteScan.firstSpecialByte(in: $0, from: start) }
            #expect(fast == Self.firstSpecialByteByBytes(bytes, from: start), "\(bytes) from \(start)")
        }
        for word in [UInt64(0), .max, 0x2222_2222_2222_2222, 0x5C5C_5C5C_5C5C_5C5C, 0x2020_2020_2020_2020, 0x2121_2121_2121_2121,
                     0x8080_8080_8080_8080, 0x1F20_2020_2020_2020, 0x2020_2020_2020_201F, 0x9F9F_9F9F_9F9F_9F9F, 0xDCDC_DCDC_DCDC_DCDC] {
            let bytes = withUnsafeBytes(of: word) { Array($0) }
            #expect(JSONByteScan.holdsSpecialByte(word) == bytes.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }, "\(word)")
        }
    }

    @Test("integers are written as String(n) writes them")
    func integers() {
        var values: [Int] = [0, 1, 9, 10, 11, 99, 100, 999_999_999_999, -1, -9, -10, -11, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var rng = SeededGenerator(seed: 91)
        for _ in 0..<20_000 { values.append(Int.random(in: Int.min...Int.max, using: &rng) >> Int.random(in: 0...62, using: &rng)) }
        for exponent in 0...18 {
            let p = Int(pow(10.0, Double(exponent)))
            values += [p, p - 1, p + 1, -p, -p + 1, -p - 1]
        }
        for n in values {
            var w = JSONTextWriter()
            w.int(n)
            #expect(String(decoding: w.bytes, as: UTF8.self) == String(n))
        }
    }

    /// A string as the writer writes it, byte by byte: `"`, `\\`, LF, CR and TAB as two-byte escapes,
    /// other control bytes as `\\u00xx`, every other byte as it is.
    static func escaped(_ s: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for b in s.utf8 {
            switch b {
            case 0x22: out += Array("\\\"".utf8)
            case 0x5C: out += Array("\\\\".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0..<0x20: out += Array("\\u00".utf8) + [Array("0123456789abcdef".utf8)[Int(b >> 4)], Array("0123456789abcdef".utf8)[Int(b & 0xF)]]
            default: out.append(b)
            }
        }
        return out + [0x22]
    }

    @Test("the writer: strings escaped as defined, layout of nested values, past its first buffer, and a copy writes on its own")
    func writerOutput() throws {
        var rng = SeededGenerator(seed: 12)
        let pieces = ["a", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}", "é", "施策", "😀", " ", "/", "~", ""]
        var strings = pieces
        for _ in 0..<2_000 {
            strings.append((0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined())
        }
        strings.append(String(repeating: "評価", count: 30_000))  // 180,000 bytes: more than the first buffer holds
        for s in strings {
            var w = JSONTextWriter()
            w.string(s)
            #expect(w.bytes == Self.escaped(s), "\(s.prefix(40).debugDescription)")
        }
        var w = JSONTextWriter()
        w.object { w in
            w.key("a"); w.array([1, -20, 300]) { w, n in w.int(n) }
            w.key("b"); w.array([Int]()) { w, n in w.int(n) }
            w.key("c"); w.object { w in w.key("d"); w.bool(true); w.key("e"); w.null(); w.key("f"); w.optional(nil as String?) }
            w.key("g"); w.object { _ in }
            w.key("h\"i"); w.string(String(repeating: "x", count: 70_000))
        }
        let expected = "{\n  \"a\": [\n    1,\n    -20,\n    300\n  ],\n  \"b\": [],\n  \"c\": {\n    \"d\": true,\n    \"e\": null,\n    \"f\": null\n  },\n  \"g\": {},\n  \"h\\\"i\": \"" + String(repeating: "x", count: 70_000) + "\"\n}"
        #expect(String(decoding: w.bytes, as: UTF8.self) == expected)
        var first = JSONTextWriter()
        first.object { w in
            w.key("a"); w.int(1)
            var copy = w
            copy.key("b"); copy.int(2)
            w.key("c"); w.int(3)
            #expect(String(decoding: copy.bytes, as: UTF8.self) == "{\n  \"a\": 1,\n  \"b\": 2")
        }
        #expect(String(decoding: first.bytes, as: UTF8.self) == "{\n  \"a\": 1,\n  \"c\": 3\n}")
        // A key written from a literal is written as the same key from a String.
        var literal = JSONTextWriter(), text = JSONTextWriter()
        literal.object { w in
            w.key(literal: "a"); w.int(1); w.key(literal: ""); w.null()
            w.key(literal: "futureActionsFromYear"); w.object { w in w.key(literal: "é施策"); w.string("x") }
        }
        text.object { w in
            w.key("a"); w.int(1); w.key(""); w.null()
            w.key("futureActionsFromYear"); w.object { w in w.key("é施策"); w.string("x") }
        }
        #expect(literal.bytes == text.bytes && literal.bytes.count == 78)
        // Deeper than the run of spaces the writer once copied its indent from.
        var deep = JSONTextWriter()
        func nest(_ w: inout JSONTextWriter, _ level: Int) {
            if level == 0 { w.int(0); return }
            w.array([level]) { w, l in nest(&w, l - 1) }
        }
        nest(&deep, 40)
        let lines = String(decoding: deep.bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 81 && lines[40] == Substring(String(repeating: " ", count: 80) + "0"))
    }

    @Test("number literals: those without an exponent up to 300 bytes read, longer ones checked against a double")
    func numberLiterals() throws {
        for digits in [1, 15, 16, 299, 300, 301, 308, 309, 310, 400] {
            for sign in ["", "-"] {
                let literal = sign + "9" + String(repeating: "9", count: digits - 1)
                let fits = (Double(literal) ?? .infinity).isFinite
                do {
                    let node = try JSONParser.parse(Array(literal.utf8))
                    guard case .number(let text) = node else { Issue.record("not a number: \(literal.prefix(20))"); continue }
                    #expect(fits && text == literal, "\(sign)\(digits) digits")
                } catch {
                    #expect(!fits && error.id == "json.number-range", "\(sign)\(digits) digits")
                }
                let withFraction = literal + ".5"
                let fractionFits = (Double(withFraction) ?? .infinity).isFinite
                #expect(((try? JSONParser.parse(Array(withFraction.utf8))) != nil) == fractionFits, "\(sign)\(digits) digits and .5")
            }
        }
    }
}
