import Testing
import EvalSheetModel
import EvalSheetValidation
import TestSupport

/// A batch's digests share equal projects, challenges and texts between policies, but only byte for
/// byte: a policy whose project or related name is spelled in NFD gets its own spelling back, not
/// another policy's canonically equal NFC one (which, with several workers, depended on which came
/// first).
@Suite("Digests keep each policy's spelling")
struct DigestSpellingTests {
    @Test("NFC first, NFD second, and the other way round: each sheet reads back as spelled")
    func spellings() throws {
        let nfc = "ドア事業", nfd = "ト\u{3099}ア事業"
        #expect(nfc == nfd)
        let base = try #require(RealYear.loaded.first { !$0.sheet.projects.rows.isEmpty && !$0.sheet.challenges.isEmpty })
        func sheet(_ name: String, code: String) -> LoadedSheet {
            var l = base
            l.sheet.policy.code = code
            l.sheet.projects.rows[0].name = name
            l.sheet.projects.rows[0].section = name + "課"
            l.sheet.challenges[0].relatedProjects = [name]
            return l
        }
        for order in [[nfc, nfd], [nfd, nfc]] {
            let digests = YearRuleDigests()
            let made = order.enumerated().map { i, name in digests.digest(sheet(name, code: "90\(i)")) }
            for (digest, name) in zip(made, order) {
                let back = digests.sheet(digest).sheet
                #expect(back.projects.rows[0].name.utf8.elementsEqual(name.utf8))
                #expect(back.projects.rows[0].section.utf8.elementsEqual((name + "課").utf8))
                #expect(back.challenges[0].relatedProjects[0].utf8.elementsEqual(name.utf8))
            }
        }
    }
}
