// `xl/sharedStrings.xml`: the table `t="s"` cells index into.

/// Reads the shared-string table. Rich-text runs are joined; phonetic runs (`<rPh>`, furigana)
/// and `<phoneticPr>` are skipped; `_xHHHH_` escapes are decoded; `<si/>` is "". The table is
/// grown as strings are read, never pre-sized from `count`/`uniqueCount`.
enum SharedStrings {
    static func parse(_ xml: inout XMLTokenizer) throws(XLSXReadError) -> [String] {
        var strings: [String] = []
        var buffer: [UInt8] = []
        buffer.reserveCapacity(256)
        while true {
            switch try xml.next() {
            case .startElement:
                if xml.depth == 1 { continue }
                guard xml.depth == 2, xml.isElement(.spreadsheetML, "si") else {
                    try xml.skipElement()
                    continue
                }
                buffer.removeAll(keepingCapacity: true)
                try readRichText(&xml, into: &buffer)
                strings.append(String(decoding: buffer, as: UTF8.self))
            case .endOfDocument:
                return strings
            default:
                continue
            }
        }
    }

    /// After the start of an `<si>` or `<is>`, appends the text of its `<t>` elements (directly
    /// or inside `<r>` runs), skipping `<rPh>`, and consumes the end tag. Decodes `_xHHHH_`.
    static func readRichText(_ xml: inout XMLTokenizer, into buffer: inout [UInt8]) throws(XLSXReadError) {
        // What nearly every string is, `<si><t>text</t></si>`: its `<t>` taken straight from the bytes.
        if let text = xml.takePlainTextElement(.spreadsheetML, "t") {
            let start = buffer.count
            buffer.append(contentsOf: text)
            decodeOOXMLEscapes(&buffer, from: start)
        }
        try xml.forEachDescendant { xml throws(XLSXReadError) in
            if xml.isElement(.spreadsheetML, "t") {
                // Each <t> is one ST_Xstring: decode it alone, so that runs split by a writer
                // never join into (or split) an escape.
                let start = buffer.count
                try xml.collectText(into: &buffer)
                decodeOOXMLEscapes(&buffer, from: start)
            } else if !xml.isElement(.spreadsheetML, "r") {  // a run: its <t> comes next
                try xml.skipElement()  // rPh, phoneticPr, rPr…
            }
        }
    }
}
