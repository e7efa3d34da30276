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
            // A plain `<si>` (what every writer stores) is taken straight from the bytes, as `next()`
            // would have read it.
            let event = xml.takePlainStartTag("si") ? XMLEvent.startElement : try xml.next()
            switch event {
            case .startElement:
                if xml.depth == 1 { continue }
                guard xml.depth == 2, xml.isElement(.spreadsheetML, "si") else {
                    try xml.skipElement()
                    continue
                }
                buffer.removeAll(keepingCapacity: true)
                try readRichText(&xml, into: &buffer)
                // The same text in many workbooks (the template's labels) is made into a String once.
                strings.append(buffer.withUnsafeBufferPointer { SharedStringCache.shared.string($0) })
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
            // … and its end tag, as `forEachDescendant` would have read it (and then returned).
            if xml.takePlainEndTag() { return }
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
