import Foundation
import Testing
import EvalSheetModel
import EvalSheetWorkbook
import TestSupport

/// The form's wording lives in the template only: no string literal in `Sources/` holds a label
/// of the default template (outside the embedded copy of the template itself; comments aside).
@Suite("Form labels are not written out in Sources/")
struct FormLiteralTests {
    /// Every label the default template has: sheet names and titles, field labels, the legend, the
    /// end marker, the text form's variants and the index's headings; the parts of a text around
    /// its `{placeholders}`, each of at least two characters.
    static let labels: Set<String> = {
        let t = FormTemplate.standard
        var texts = t.sheets.all.flatMap { [$0.name, $0.title] } + t.legend + [t.endMarker]
        texts += Mirror(reflecting: t.labels).children.compactMap { $0.value as? String }
        let v = t.textForm.labelVariants
        texts += v.department + v.section + v.subsection + t.textForm.criterionVariants
        // The index's sheet names, titles and headings; not its count and link columns (エラー, 警告,
        // ブック, 開く), which are the tool's own words for a severity or a file, nor the footer codes.
        let x = t.index
        let index = [x.listSheet, x.goalSheet, x.listTitle, x.goalTitle, x.goal, x.goalName, x.rating, x.policyCount,
                     x.total, x.latestRate, x.sum, x.chartTitle, x.chartValueAxis]
        func parts(_ text: String) -> [String] {
            text.replacing(/\{[A-Za-z]+\}/, with: "\u{0}").split(separator: "\u{0}").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        // A two-character part of a heading (指標 in 指標{number} …) is an ordinary word, not a label.
        return Set(texts.flatMap(parts).filter { $0.count >= 2 } + index.flatMap(parts).filter { $0.count >= 3 })
    }()

    /// A literal names a label when it holds a label of three or more characters, or is a
    /// two-character label (名称, 単位, 状況 …) on its own or quoted (「単位」): those words are
    /// also ordinary words of messages (千円単位, 市民ニーズの状況).
    static func labels(in literal: String) -> [String] {
        labels.filter { l in
            l.count >= 3 ? literal.contains(l) : literal == l || literal.contains("「\(l)」") || literal.contains("\\\"\(l)\\\"")
        }.sorted()
    }

    /// The string literals of a Swift source line, comments removed (`//` outside a literal).
    static func literals(_ line: Substring) -> [String] {
        var out: [String] = [], current = "", inString = false, escaped = false
        var previous: Character = " "
        for c in line {
            if inString {
                if escaped { escaped = false; current.append(c); continue }
                if c == "\\" { escaped = true; current.append(c); continue }
                if c == "\"" { inString = false; out.append(current); current = ""; continue }
                current.append(c)
            } else {
                if c == "/" && previous == "/" { break }
                if c == "\"" { inString = true }
                previous = c
            }
        }
        return out
    }

    /// (file relative to Sources/, label) for every literal that names a label.
    static func findings() throws -> [String] {
        let sources = RepositoryPaths.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasSuffix("EvalSheetForm/DefaultTemplate+Embedded.swift") }.sorted()
        var out: [String] = []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let code = line.drop { $0 == " " }
                if code.hasPrefix("//") { continue }
                for literal in literals(line) {
                    for label in labels(in: literal) { out.append("\(file): \(label)") }
                }
            }
        }
        return Array(Set(out)).sorted()
    }

    /// Literals still outside the modules that take their wording from the template — the model's
    /// own message for the code's syntax (which the JSON reader, with no template, gives too) — left to their modules' owners. Each must
    /// still be there (so the list only shrinks); nothing else may appear.
    static let knownElsewhere: Set<String> = [
        "EvalSheetModel/PolicyCodeSyntax.swift: 施策コード",
        // The template checker's example of the default wording in its message (asserted by TemplateTests).
        "EvalSheetForm/FormTemplate+Checks.swift: 以降の取組",
    ]

    @Test("no string literal in Sources/ holds a label of the default template, except the listed ones of other modules")
    func noLabelLiterals() throws {
        #expect(Self.labels.contains("評価の向き") && Self.labels.contains("3 構成事業") && Self.labels.contains("施策一覧"))
        let found = Set(try Self.findings())
        #expect(found.subtracting(Self.knownElsewhere).sorted() == [])
        #expect(Self.knownElsewhere.subtracting(found).sorted() == [], "fixed: remove them from knownElsewhere")
    }

    @Test("the scanner finds a label in a literal, and ignores comments and ordinary words")
    func scanner() {
        #expect(Self.literals(#"let a = "評価の向き", b = "x\"y" // "達成率""#) == ["評価の向き", #"x\"y"#])
        #expect(Self.labels(in: "評価の向きは") == ["評価の向き"])
        #expect(Self.labels(in: "千円単位の整数") == [])
        #expect(Self.labels(in: "「単位」がありません") == ["単位"])
    }
}
