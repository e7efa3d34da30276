extension XMLTokenizer {
    /// After a `.startElement`, calls `body` at the start tag of each child element, in document
    /// order, and consumes everything up to and including the element's end tag: whatever of a
    /// child `body` leaves unread (its attributes read, its content not) is skipped, as are text
    /// and deeper elements. Returns at the end of the document when the element is never closed.
    mutating func forEachChild(_ body: (inout XMLTokenizer) throws(XLSXReadError) -> Void) throws(XLSXReadError) {
        try walkInside(descendants: false, plain: nil, body)
    }

    /// `forEachChild`, with the children's plain start tags `<local …>` taken straight from the bytes
    /// (`takePlainStartTag`: the same events `next()` would give, so the same calls and errors).
    mutating func forEachChild(takingPlain local: StaticString,
                               _ body: (inout XMLTokenizer) throws(XLSXReadError) -> Void) throws(XLSXReadError) {
        try walkInside(descendants: false, plain: local, body)
    }

    /// After a `.startElement`, calls `body` at the start tag of every element inside it, at any
    /// depth, in document order, and returns after the element's end tag. `body` may read or skip
    /// the element it is called at; what it leaves unread is walked into (its children are visited
    /// next). Returns at the end of the document when the element is never closed.
    mutating func forEachDescendant(_ body: (inout XMLTokenizer) throws(XLSXReadError) -> Void) throws(XLSXReadError) {
        try walkInside(descendants: true, plain: nil, body)
    }

    /// The one loop of both: `body` at each child (skipping what it leaves) or at every element inside.
    /// Plain end tags, and plain start tags named `plain`, are taken straight from the bytes (the
    /// events `next()` would give).
    private mutating func walkInside(descendants: Bool, plain: StaticString?,
                                     _ body: (inout XMLTokenizer) throws(XLSXReadError) -> Void) throws(XLSXReadError) {
        let parent = depth
        while true {
            let event: XMLEvent
            if let plain, takePlainStartTag(plain) {
                event = .startElement
            } else {
                event = takePlainEndTag() ? .endElement : try next()
            }
            switch event {
            case .startElement:
                guard descendants || depth == parent + 1 else { continue }
                try body(&self)
                while !descendants, depth > parent {
                    if try next() == .endOfDocument { return }
                }
            case .endElement:
                if depth < parent { return }
            case .text:
                continue
            case .endOfDocument:
                return
            }
        }
    }
}

extension XMLTokenizer {
    /// From the start of a part: calls `body` at the start tag of each child of the root element
    /// (see `forEachChild`), and reads to the end of the document.
    mutating func forEachTopLevelElement(_ body: (inout XMLTokenizer) throws(XLSXReadError) -> Void) throws(XLSXReadError) {
        while true {
            switch try next() {
            case .startElement:
                if depth == 1 { try forEachChild(body) }
            case .endOfDocument:
                return
            case .endElement, .text:
                continue
            }
        }
    }
}
