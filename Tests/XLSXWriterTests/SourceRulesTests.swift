import Foundation
import Testing
@testable import XLSXWriter

/// Rules about the module's own source that the design depends on.
@Suite("Source rules")
struct SourceRulesTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/XLSXWriter")

    static func files() throws -> [(name: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }.sorted()
            .map { ($0, try String(contentsOf: sources.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test func onlyLibXlsxWriterDotSwiftTouchesTheCLibrary() throws {
        let files = try Self.files()
        #expect(files.count >= 8)
        let cSymbol = try Regex(#"\b(lxw_|LXW_|worksheet_|workbook_|format_set_|chart_)\w*"#)
        for (name, text) in files where name != "LibXlsxWriter.swift" {
            #expect(!text.contains("import CXlsxWriter"), "\(name) imports the C module")
            // Code only: comments may name the C functions they explain.
            let code = text.components(separatedBy: "\n")
                .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? line }
            for (index, line) in code.enumerated() {
                #expect(line.firstMatch(of: cSymbol) == nil, "\(name):\(index + 1) uses a C symbol: \(line)")
            }
        }
    }

    @Test func onlyLibZipRewriteDotSwiftTouchesLibzip() throws {
        let zipSymbol = try Regex(#"\b(zip_|ZIP_)\w*"#)
        for (name, text) in try Self.files() where name != "LibZipRewrite.swift" {
            #expect(!text.contains("import CZip"), "\(name) imports libzip")
            let code = text.components(separatedBy: "\n")
                .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? line }
            for (index, line) in code.enumerated() {
                #expect(line.firstMatch(of: zipSymbol) == nil, "\(name):\(index + 1) uses a libzip symbol: \(line)")
            }
        }
    }

    @Test func theGuardsMatchTheLibraryVersion() {
        // The guards are tuned to libxlsxwriter 1.1.4's defects; a new version needs a review
        // of LibXlsxWriterGuards.swift (several limits were fixed in 1.1.6 and 1.1.8).
        #expect(LXWLibrary.headerVersion == "1.1.4")
        #expect(LXWLibrary.runtimeVersionID == 114)
    }

    @Test func neverCallsSetlocale() throws {
        for (name, text) in try Self.files() {
            #expect(!text.contains("setlocale("), "\(name) calls setlocale")
        }
    }

    @Test func everyPublicDeclarationHasADocComment() throws {
        for (name, text) in try Self.files() {
            let lines = text.components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("public "), !trimmed.hasPrefix("public var description") else { continue }
                var previous = index - 1
                while previous >= 0, lines[previous].trimmingCharacters(in: .whitespaces).hasPrefix("@") {
                    previous -= 1
                }
                let above = previous >= 0 ? lines[previous].trimmingCharacters(in: .whitespaces) : ""
                #expect(above.hasPrefix("///"),
                        "\(name):\(index + 1) has no doc comment: \(trimmed)")
            }
        }
    }
}
