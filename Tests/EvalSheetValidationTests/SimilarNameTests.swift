import Testing
@testable import EvalSheetValidation

/// The "did you mean" suggestion of the rules that name a project or a section: the nearest name by
/// edit distance, close enough — and none for texts too long to be names (a hostile cell).
@Suite("Similar names")
struct SimilarNameTests {
    @Test("the nearest close name is suggested, ties to the first; none when nothing is close")
    func nearest() {
        let names = ["市民まつり事業", "市民協働推進事業", "コミュニティハウス事業"]
        #expect(SimilarName.nearest(to: "市民まつり事槃", in: names) == "市民まつり事業")
        #expect(SimilarName.nearest(to: "市民協働推進", in: names) == "市民協働推進事業")
        #expect(SimilarName.nearest(to: "学校支援本部事業", in: names) == nil)
        #expect(SimilarName.nearest(to: "市民まつり事業", in: names) == nil)  // itself is no suggestion
        #expect(SimilarName.nearest(to: "ab", in: ["ac", "ad"]) == "ac")
    }

    @Test("a name of thousands of combining marks gets no suggestion and is none (it took minutes)")
    func hostileNames() {
        let marks = "x" + String(repeating: "\u{301}", count: 30_000)
        #expect(SimilarName.nearest(to: marks, in: [marks + "y", "x", "市民まつり事業"]) == nil)
        #expect(SimilarName.nearest(to: "x\u{301}", in: [marks, "x\u{300}"]) == "x\u{300}")
        #expect(SimilarName.distance(Array("kitten"), Array("sitting")) == 3)
    }
}
