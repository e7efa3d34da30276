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

    @Test func theGuardsAreChosenByTheLibraryVersion() {
        // The guards follow the version loaded: 1.1.4 (Debian 12) has every defect; a newer
        // library is accepted, with the guards for what it fixed dropped.
        #expect(LXWLibrary.runtimeVersionID >= 114, "libxlsxwriter older than 1.1.4 is not supported")
        #expect(LXWDefects.current == LXWDefects.forVersion(LXWLibrary.runtimeVersionID))
        #expect(LXWDefects.forVersion(114) == LXWDefects(passwordHash: true, emptyStrings: true))
        #expect(LXWDefects.forVersion(116) == LXWDefects(passwordHash: false, emptyStrings: true))
        #expect(LXWDefects.forVersion(120) == LXWDefects(passwordHash: false, emptyStrings: false))
        #expect(LXWLibrary.headerVersion.split(separator: ".").count == 3)
    }

    @Test func onlyTheToolsMainTunesTheProcess() throws {
        // The library leaves its host alone: allocator tuning and signal handling are opt-in, and
        // only the evalsheet executable's main opts in.
        let root = Self.sources.deletingLastPathComponent()
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 100)
        for name in files {
            let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
            for call in ["keepFreedMemoryForWorkbooks()", "removeOnSignals()", "mallopt(", "signal("] where text.contains(call) {
                let allowed = name == "evalsheet/main.swift" || (call != "keepFreedMemoryForWorkbooks()" && call != "removeOnSignals()"
                    && (name == "XLSXWriter/LibXlsxWriter.swift" || name == "FileOutput/Syscalls.swift"))
                    || (name == "XLSXWriter/LibXlsxWriter.swift" && call == "keepFreedMemoryForWorkbooks()")
                    || (name == "FileOutput/TemporaryFiles.swift" && call == "removeOnSignals()")
                #expect(allowed, "\(name) calls \(call)")
            }
        }
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
