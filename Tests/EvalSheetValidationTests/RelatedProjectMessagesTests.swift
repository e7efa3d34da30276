import Testing
import EvalSheetModel
import EvalSheetValidation
import TestSupport

/// `challenges.related-project-unknown` makes one message per name, number and year and shares it
/// between the policies that repeat the name; a canonically equal name spelled otherwise (NFD) is
/// quoted as that policy spelled it.
@Suite("Related project messages")
struct RelatedProjectMessagesTests {
    @Test("repeats share one message; an NFD spelling is quoted as spelled")
    func messages() throws {
        let base = RealYear.sheet("511")
        let nfc = "未知のド事業", nfd = "未知のト\u{3099}事業"
        #expect(nfc == nfd)  // canonically equal
        var sheets: [EvaluationSheet] = []
        for (n, name) in [nfc, nfc, nfd, nfc].enumerated() {
            var s = base
            s.policy.code = "90\(n)"
            s.challenges = [try #require(base.challenges.first)]
            s.challenges[0].relatedProjects = [name]
            sheets.append(s)
        }
        let hits = RelatedProjectRule().check(sheets, template: .standard)
        #expect(hits.map(\.sheetIndex) == [0, 1, 2, 3])
        let ja = hits.map(\.hit.message.ja)
        #expect(ja[0] == ja[1] && ja[0] == ja[3])
        #expect(ja[0].unicodeScalars.elementsEqual(ja[1].unicodeScalars))
        #expect(ja[0].contains("「\(nfc)」") && ja[0].utf8.elementsEqual(ja[3].utf8))
        #expect(ja[2].unicodeScalars.contains("\u{3099}"))
        #expect(!ja[0].unicodeScalars.contains("\u{3099}"))
        #expect(hits.map(\.hit.path) == Array(repeating: .challenge(0, .relatedProject(0)), count: 4))
    }
}
