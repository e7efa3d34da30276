import Foundation
import Testing
@testable import XLSXReader

/// Builds a tokenizer over a string (or raw bytes).
func tokenizer(_ text: String, maxDepth: Int = 256) throws(XLSXReadError) -> XMLTokenizer {
    try tokenizer(bytes: Array(text.utf8), maxDepth: maxDepth)
}

func tokenizer(bytes: [UInt8], maxDepth: Int = 256) throws(XLSXReadError) -> XMLTokenizer {
    let base = malloc(max(bytes.count, 1))!.assumingMemoryBound(to: UInt8.self)
    bytes.withUnsafeBufferPointer { if $0.count > 0 { base.update(from: $0.baseAddress!, count: $0.count) } }
    return try XMLTokenizer.make(PartBytes(base: base, count: bytes.count),
                                 source: PartSource(file: "t.xlsx", part: "p.xml"), maxDepth: maxDepth)
}

/// A compact trace of every event: `<ns:local a=v>`, `</local>`, `"text"`.
func trace(_ text: String) throws(XLSXReadError) -> [String] {
    var xml = try tokenizer(text)
    var out: [String] = []
    while true {
        switch try xml.next() {
        case .startElement:
            var s = "<\(xml.elementNamespace):\(String(decoding: xml.localName, as: UTF8.self))"
            for i in 0..<xml.attributeCount {
                let a = xml.attribute(at: i)
                s += " \(a.namespace)=\(xml.attributeString(i))"
            }
            out.append(s + (xml.isEmptyElement ? "/>" : ">"))
        case .endElement:
            out.append("</\(String(decoding: xml.localName, as: UTF8.self))>")
        case .text:
            var bytes: [UInt8] = []
            xml.appendText(to: &bytes)
            out.append("\"" + String(decoding: bytes, as: UTF8.self) + "\"")
        case .endOfDocument:
            return out
        }
    }
}

/// The error a document raises when tokenized to the end.
func tokenizeError(_ text: String, maxDepth: Int = 256) -> XLSXReadError? {
    do {
        var xml = try tokenizer(text, maxDepth: maxDepth)
        while try xml.next() != .endOfDocument {}
        return nil
    } catch {
        return error
    }
}

func tokenizeError(bytes: [UInt8]) -> XLSXReadError? {
    do {
        var xml = try tokenizer(bytes: bytes)
        while try xml.next() != .endOfDocument {}
        return nil
    } catch {
        return error
    }
}

@Suite struct XMLTokenizerTests {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    @Test func elementsAttributesAndText() throws {
        #expect(try trace("<?xml version=\"1.0\"?>\n<a x='1' y=\"2\"><b/>t<c>u</c></a>\n<!-- end -->") == [
            "<none:a none=1 none=2>", "<none:b/>", "</b>", "\"t\"", "<none:c>", "\"u\"", "</c>", "</a>",
        ])
    }

    @Test func entitiesCDATAAndLineEnds() throws {
        #expect(try trace("<a v=\"&lt;&amp;&#x41;&#66;&quot;&apos;&gt;\">x&amp;y&#x1F600;<![CDATA[<&>]]>\r\nz\rw</a>") == [
            "<none:a none=<&AB\"'>>", "\"x&y😀\"", "\"<&>\"", "\"\nz\nw\"", "</a>",
        ])
        // Attribute values normalize tab/LF/CR to spaces; character references survive.
        #expect(try trace("<a v=\"1\t2\n3\r\n4&#10;5\"/>") == ["<none:a none=1 2 3 4\n5/>", "</a>"])
    }

    @Test func namespacesResolveByURIWithScoping() throws {
        let strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
        let doc = """
        <x:a xmlns:x="\(main)" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships">\
        <x:b r:id="1" xml:space="preserve"/><c/><d xmlns="\(strict)"><e/></d><f/>\
        <x:g xmlns:x="urn:other"/><h xmlns="\(main)"><i xmlns=""/></h></x:a>
        """
        #expect(try trace(doc) == [
            "<spreadsheetML:a>", "<spreadsheetML:b officeRelationships=1 xml=preserve/>", "</b>",
            "<none:c/>", "</c>", "<spreadsheetML:d>", "<spreadsheetML:e/>", "</e>", "</d>", "<none:f/>", "</f>",
            "<other:g/>", "</g>", "<spreadsheetML:h>", "<none:i/>", "</i>", "</h>", "</a>",
        ])
    }

    /// The prefix cache must not survive a redeclaration or the end of its scope.
    @Test func prefixRedeclaredInNestedScope() throws {
        let doc = "<x:a xmlns:x=\"\(main)\"><x:b/><c xmlns:x=\"urn:other\"><x:d/><x:d/></c><x:e/><x:e/></x:a>"
        #expect(try trace(doc) == [
            "<spreadsheetML:a>", "<spreadsheetML:b/>", "</b>", "<none:c>", "<other:d/>", "</d>", "<other:d/>", "</d>",
            "</c>", "<spreadsheetML:e/>", "</e>", "<spreadsheetML:e/>", "</e>", "</a>",
        ])
        #expect(tokenizeError("<a><x:b xmlns:x=\"u\"/><x:c/></a>")?.detail == "undeclared namespace prefix 'x'")
    }

    @Test func attributePrefixDeclaredAfterUseOnSameElement() throws {
        #expect(try trace("<a r:id=\"5\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/>")
                == ["<none:a officeRelationships=5/>", "</a>"])
    }

    @Test(arguments: [
        ("<a><b></a>", "mismatched end tag </a>, expected </b>"),
        ("<a>", "unexpected end of XML inside <a>"),
        ("<a", "unexpected end of XML (truncated part?)"),
        ("<a b='1></a>", "'<' inside an attribute value"),
        ("<a b='1", "unexpected end of XML (truncated part?)"),
        ("<a b=1/>", "attribute value must be quoted"),
        ("<a b/>", "expected '=' after attribute name"),
        ("<a b='<'/>", "'<' inside an attribute value"),
        ("<a>&foo;</a>", "bad entity reference '&foo;'"),
        ("<a>&#0;</a>", "bad entity reference '&#0;'"),
        ("<a>&#xD800;</a>", "bad entity reference '&#xD800;'"),
        ("<a>&#x110000;</a>", "bad entity reference '&#x110000;'"),
        ("<a>&#xFFFE;</a>", "bad entity reference '&#xFFFE;'"),
        ("<a>&#12a;</a>", "bad entity reference '&#12a;'"),
        ("<a>& b</a>", "bad entity reference '& b'"),
        ("<a>&amp</a>", "bad entity reference '&amp'"),
        ("<a v='&unknown;'/>", "bad entity reference '&unknown;'"),
        ("</a>", "end tag </a> without a start tag"),
        ("<a/><b/>", "a second root element"),
        ("text<a/>", "text outside the root element"),
        ("<a/>text", "text outside the root element"),
        ("", "no root element"),
        ("<!-- only a comment -->", "no root element"),
        ("<a><!-- open comment</a>", "unexpected end of XML (truncated part?)"),
        ("<a><![CDATA[open</a>", "unexpected end of XML (truncated part?)"),
        ("<x:a/>", "undeclared namespace prefix 'x'"),
        ("<a :b='1'/>", "empty namespace prefix"),
        ("<a:/>", "empty local name"),
        ("<a b:='1'/>", "empty local name"),
        ("<a xmlns:='u'/>", "empty namespace prefix"),
        ("<a><!ELEMENT a ANY></a>", "unexpected markup declaration"),
        ("<a/ >", "expected '>' after '/'"),
        ("< a/>", "expected a name"),
    ])
    func malformedDocumentsFailWithOffset(_ text: String, _ detail: String) throws {
        let error = try #require(tokenizeError(text))
        #expect(error.kind == .malformedXML)
        #expect(error.detail == detail)
        #expect(error.part == "p.xml")
        #expect(error.offset != nil)
        #expect(error.description.hasPrefix("t.xlsx: p.xml: byte "))
    }

    @Test func doctypeIsRefusedWhereverItAppears() throws {
        for text in ["<!DOCTYPE a><a/>", "<?xml version='1.0'?><!doctype a [<!ENTITY x 'y'>]><a>&x;</a>",
                     "<a><!DOCTYPE b></a>"] {
            let error = try #require(tokenizeError(text))
            #expect(error.kind == .doctypeNotAllowed, "\(text)")
        }
    }

    @Test func depthIsCapped() throws {
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        #expect(tokenizeError(deep)?.kind == .nestingTooDeep(limit: 256))
        #expect(tokenizeError(deep, maxDepth: 300) == nil)
        #expect(tokenizeError(deep, maxDepth: 299)?.kind == .nestingTooDeep(limit: 299))
    }

    @Test func encodingChecks() throws {
        #expect(tokenizeError(bytes: Array("<a>".utf8) + [0xC0, 0x80] + Array("</a>".utf8))?.kind == .invalidEncoding)  // overlong
        #expect(tokenizeError(bytes: Array("<a>".utf8) + [0xED, 0xA0, 0x80] + Array("</a>".utf8))?.kind == .invalidEncoding)  // surrogate
        #expect(tokenizeError(bytes: Array("<a>".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array("</a>".utf8))?.offset == 3)
        #expect(tokenizeError(bytes: Array("<a>".utf8) + [0xE3, 0x81] )?.kind == .invalidEncoding)  // truncated sequence
        #expect(tokenizeError(bytes: [0xEF, 0xBB, 0xBF] + Array("<a>é</a>".utf8)) == nil)  // UTF-8 BOM
        var utf16 = [UInt8]([0xFF, 0xFE])
        for unit in "<a>日本</a>".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        var xml = try tokenizer(bytes: utf16)
        #expect(try xml.next() == .startElement)
        #expect(try xml.readText() == "日本")
        #expect(tokenizeError(bytes: [0xFF, 0xFE, 0x3C])?.kind == .invalidEncoding)  // odd length
        #expect(tokenizeError(bytes: [0xFF, 0xFE, 0x00, 0xD8, 0x3C, 0x00])?.kind == .invalidEncoding)  // lone surrogate
    }

    @Test func longTextUsesTheSlowScanCorrectly() throws {
        let long = String(repeating: "x", count: 100)
        #expect(try trace("<a>\(long)&amp;\(long)</a>") == ["<none:a>", "\"\(long)&\(long)\"", "</a>"])
        #expect(try trace("<a>\(long)\r\n</a>") == ["<none:a>", "\"\(long)\n\"", "</a>"])
        #expect(tokenizeError("<a>\(long)&bad;</a>")?.kind == .malformedXML)
    }

    @Test func skipElementAndReadText() throws {
        var xml = try tokenizer("<r><skip><deep><er/>text</deep></skip><t>a<i>ignored</i>b</t></r>")
        #expect(try xml.next() == .startElement)
        #expect(try xml.next() == .startElement)
        try xml.skipElement()
        #expect(try xml.next() == .startElement)
        #expect(xml.isElement(.none, "t"))
        #expect(try xml.readText() == "ab")
        #expect(try xml.next() == .endElement)
        #expect(xml.depth == 0)
        #expect(try xml.next() == .endOfDocument)
    }
}

@Suite struct EscapeAndNumberTests {
    func decode(_ s: String) -> String {
        var bytes = Array(s.utf8)
        decodeOOXMLEscapes(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func ooxmlEscapes() {
        #expect(decode("a_x000D_b") == "a\rb")
        #expect(decode("_x0041__x0042_") == "AB")
        #expect(decode("_x005F_x000D_") == "_x000D_")
        #expect(decode("_xD83D__xDE00_") == "😀")
        #expect(decode("_xD83D_") == "\u{FFFD}")
        #expect(decode("_xZZZZ_ _x12_ _x0041") == "_xZZZZ_ _x12_ _x0041")
        #expect(decode("short") == "short")
    }

    func parse(_ s: String) -> Double? {
        Array(s.utf8).withUnsafeBufferPointer { parseCellNumber($0) }
    }

    @Test func numbersMatchTheStandardLibrary() {
        for text in ["0", "-0", "12345", "0.58", "0.57999999999999996", "-1.5e-07", "1.0E-3", "1E+308", "2.2250738585072014E-308",
                     "123456789012345678901234567890", "9007199254740993", "0.1", ".5", "5.", "+7", "1e22", "1e23",
                     "123.456e-5", "2.2250738585072014E-308", "45383.7569444444"] {
            #expect(parse(text) == Double(text), "\(text)")
        }
        for text in ["", "-", ".", "e5", "1e", "1e+", "0x1p3", "0X10", "inf", "-Infinity", "nan", "NaN", "1.2.3", "1e5e5",
                     "--1", "+-1", "1,5", "1 2", "1e1.5", "١٢"] {
            #expect(parse(text) == nil, "\(text)")
            #expect(Array(text.utf8).withUnsafeBufferPointer { parseCellNumberText($0) } == .notANumber, "\(text)")
        }
        // Numbers no cell holds are out of range — never infinity, never 0, never a subnormal.
        for text in ["1e999", "-1E+309", "1e-400", "-1.5e-400", "4.9E-324", "2e-320", "0.000001e-305",
                     "1" + String(repeating: "0", count: 400)] {
            #expect(parse(text) == nil, "\(text)")
            #expect(Array(text.utf8).withUnsafeBufferPointer { parseCellNumberText($0) } == .outOfRange, "\(text)")
        }
        // Zero written with an extreme exponent is still exactly zero.
        #expect(parse("0e-400") == 0)
        #expect(parse("0.000e+999") == 0)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let mantissa = UInt64.random(in: 0...(1 << 60), using: &generator) >> UInt64.random(in: 0...60, using: &generator)
            let exponent = Int.random(in: -30...30, using: &generator)
            var digits = String(mantissa)
            if Bool.random(using: &generator), digits.count > 1 {
                digits.insert(".", at: digits.index(digits.startIndex, offsetBy: Int.random(in: 1..<digits.count)))
            }
            let text = (Bool.random(using: &generator) ? "-" : "") + digits + (exponent == 0 ? "" : "e\(exponent)")
            #expect(parse(text) == Double(text), "\(text)")
        }
    }
}

@Suite struct TokenizerResourceTests {
    /// Prefix lookup is linear in the declarations in scope, so their number is capped.
    @Test func namespaceDeclarationsAreCapped() {
        let many = (0..<600).map { " xmlns:p\($0)=\"u\"" }.joined()
        let error = tokenizeError("<a\(many)><p0:b/></a>")
        #expect(error?.kind == .malformedXML)
        #expect(error?.detail == "more than 512 namespace declarations in scope")
        let fine = (0..<100).map { " xmlns:p\($0)=\"u\"" }.joined()
        #expect(tokenizeError("<a\(fine)><p0:b/></a>") == nil)
    }
}
