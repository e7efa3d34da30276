import Foundation
import Testing
import EvalSheetModel
import EvalSheetText
import EvalSheetValidation
import TestSupport

/// One edit of the real year's text: in line `line` (1-based), replace the only occurrence of
/// `old` by `new`; or, with `old == nil`, replace the whole line (which must be empty) by `new`.
/// Edits never add or remove lines, so every other line keeps its number.
struct LineEdit: Sendable, CustomStringConvertible {
    var line: Int
    var old: String?
    var new: String

    static func replace(_ line: Int, _ old: String, _ new: String) -> LineEdit { LineEdit(line: line, old: old, new: new) }
    static func fillEmptyLine(_ line: Int, _ text: String) -> LineEdit { LineEdit(line: line, old: nil, new: text) }
    static func clearLine(_ line: Int, _ text: String) -> LineEdit { LineEdit(line: line, old: text, new: "") }

    var description: String { "L\(line): \(old ?? "(empty)") → \(new)" }
}

/// The real year's text with edits applied, read back with the text reader so that every
/// location is a real line of the edited file.
enum EditedYear {
    static let file = "kiyose-2019.txt"

    struct EditError: Error, CustomStringConvertible {
        var description: String
    }

    /// The edited text. Fails when an edit does not find exactly what it expects.
    static func text(_ edits: [LineEdit]) throws -> String {
        var lines = RealYear.text.components(separatedBy: "\n")
        for e in edits {
            let i = e.line - 1
            guard lines.indices.contains(i) else { throw EditError(description: "no line \(e.line)") }
            if let old = e.old {
                let parts = lines[i].components(separatedBy: old)
                guard parts.count == 2 else {
                    throw EditError(description: "line \(e.line) holds \"\(old)\" \(parts.count - 1) times: \(lines[i])")
                }
                lines[i] = parts.joined(separator: e.new)
            } else {
                guard lines[i].isEmpty else { throw EditError(description: "line \(e.line) is not empty: \(lines[i])") }
                lines[i] = e.new
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The nine sheets read from the edited text.
    static func loaded(_ edits: [LineEdit]) throws -> [LoadedSheet] {
        try TextFormReader.read(Data(text(edits).utf8), file: file)
    }
}

/// What identifies a finding in these tests: rule, policy, path and location.
struct FindingKey: Hashable, Sendable, CustomStringConvertible, Comparable {
    var rule: String
    var policy: String
    var pointer: String
    var location: String

    init(_ rule: String, _ policy: String, _ path: FieldPath, _ location: String) {
        self.rule = rule
        self.policy = policy
        self.pointer = path.jsonPointer
        self.location = location
    }

    init(_ f: Finding) { self.init(f.ruleID, f.policy, f.path!, f.location) }

    var description: String { "\(rule) \(policy) \(pointer) @ \(location)" }

    static func < (a: FindingKey, b: FindingKey) -> Bool { a.description < b.description }
}

/// Multiset difference: the elements of `a` left after removing one copy of each element of `b`.
func subtracting(_ a: [FindingKey], _ b: [FindingKey]) -> [FindingKey] {
    var rest = b
    return a.filter { k in
        if let i = rest.firstIndex(of: k) {
            rest.remove(at: i)
            return false
        }
        return true
    }
}
