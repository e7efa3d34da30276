/// Where the deferred caches go in a chart part libxlsxwriter wrote: right after a `<c:f>` holding
/// a cache's formula, where the reference then ends (`</c:strRef>` for a string cache, `</c:numRef>`
/// for a number cache) — a reference with nothing between its formula and its end.
enum ChartCachePlaces {
    private static let open = Array("<c:f>".utf8), close = Array("</c:f>".utf8)
    private static let strEnd = Array("</c:strRef>".utf8), numEnd = Array("</c:numRef>".utf8)

    /// Each place (the offset after `</c:f>`) with the cache that goes there, in the part's order.
    static func find(_ caches: [XLSXDeferredChartCache], in xml: [UInt8]) -> [(at: Int, cache: Int)] {
        var places: [(at: Int, cache: Int)] = []
        var i = 0
        while let start = firstIndex(of: open, in: xml, from: i) {
            let formulaStart = start + open.count
            guard let end = firstIndex(of: close, in: xml, from: formulaStart) else { break }
            let after = end + close.count
            let formula = xml[formulaStart..<end]
            if let c = caches.firstIndex(where: { cache in
                cache.formula.elementsEqual(formula) && hasPrefix(cache.strings ? strEnd : numEnd, in: xml, at: after)
            }) {
                places.append((after, c))
            }
            i = after
        }
        return places
    }

    private static func hasPrefix(_ prefix: [UInt8], in xml: [UInt8], at: Int) -> Bool {
        at <= xml.count && xml.count - at >= prefix.count && xml[at..<(at + prefix.count)].elementsEqual(prefix)
    }

    private static func firstIndex(of needle: [UInt8], in xml: [UInt8], from: Int) -> Int? {
        guard from >= 0, needle.count > 0, xml.count >= needle.count else { return nil }
        var i = from
        while i <= xml.count - needle.count {
            if xml[i] == needle[0], hasPrefix(needle, in: xml, at: i) { return i }
            i += 1
        }
        return nil
    }
}
