import Foundation
import Testing
import TestSupport

/// The README's **Library** section shows the example program `make test` builds and runs, word for
/// word, so the documented code cannot drift from code that compiles.
@Suite("The README's library example is the program make test runs")
struct LibraryExampleTests {
    @Test func readmeShowsTheExampleVerbatim() throws {
        let readme = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        let example = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("Examples/ConvertValidateDiff/main.swift"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Library\n"))
        #expect(readme[section.upperBound...].contains("```swift\n" + example + "```\n"))
        #expect(example.contains("import EvalSheet\n"))
    }
}
