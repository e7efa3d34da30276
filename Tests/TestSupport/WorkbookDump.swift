import Foundation

/// What openpyxl and python-calamine read from exported workbooks (Tests/EvalSheetWorkbookTests/dump_workbooks.py),
/// decoded for assertions. Fails loudly when python3, openpyxl or python-calamine is missing:
/// `make test` installs them.
public struct WorkbookDump: Decodable, Sendable {
    public var sheets: [String]
    public var states: [String: String]
    public var names: [String: NamedRange]
    public var props: [String: JSONValue]
    public var validations: [String: [Validation]]
    public var protection: [String: Protection]
    public var print: [String: PrintSetup]
    public var calamine: [String: [[JSONValue]]]
    public var merges: [String: [String]]
    public var fonts: [String: [String]]

    public struct NamedRange: Decodable, Sendable {
        public var sheet: String
        public var ref: String
        public var value: JSONValue?
        public var format: String?
        public var locked: Bool?
        public var rows: [[JSONValue]]?
        public var formulas: [[String?]]?
        public var formats: [[String]]?
    }

    public struct Validation: Decodable, Sendable {
        public var type: String?
        public var formula1: String?
        public var sqref: String
    }

    public struct Protection: Decodable, Sendable {
        public var sheet: Bool
        public var insertRows: Bool
        public var deleteRows: Bool
        public var password: String?
    }

    public struct PrintSetup: Decodable, Sendable {
        public var paperSize: Int?
        public var orientation: String?
        public var fitToHeight: Int?
        public var fitToPage: Bool?
        public var titleRows: String?
        public var header: String?
        public var footer: String?
    }

    /// Runs the dump script over the workbooks; keyed by path.
    public static func load(_ paths: [String]) throws -> [String: WorkbookDump] {
        let script = RepositoryPaths.root.appendingPathComponent("Tests/EvalSheetWorkbookTests/dump_workbooks.py").path
        let r = try ProcessRunner.run("/usr/bin/env", ["python3", script] + paths)
        guard r.status == 0 else {
            throw DumpError(message: "dump_workbooks.py failed (is openpyxl/python-calamine installed? run `make test`): \(r.stderr)")
        }
        return try JSONDecoder().decode([String: WorkbookDump].self, from: Data(r.stdout.utf8))
    }

    public struct DumpError: Error, CustomStringConvertible {
        public var message: String
        public init(message: String) { self.message = message }
        public var description: String { message }
    }
}

/// A JSON scalar as Python printed it.
public enum JSONValue: Decodable, Sendable, Equatable, CustomStringConvertible {
    case string(String), number(Double), bool(Bool), null

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else { self = .string(try c.decode(String.self)) }
    }

    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var number: Double? { if case .number(let n) = self { n } else { nil } }

    public var description: String {
        switch self {
        case .string(let s): "\"\(s)\""
        case .number(let n): "\(n)"
        case .bool(let b): "\(b)"
        case .null: "null"
        }
    }
}
