import Foundation
import Testing

/// A JSON value as printed by the Python helpers.
enum JSON: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSON].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSON].self)) }
    }

    subscript(key: String) -> JSON {
        if case .object(let object) = self { return object[key] ?? .null }
        return .null
    }

    subscript(index: Int) -> JSON {
        if case .array(let array) = self, array.indices.contains(index) { return array[index] }
        return .null
    }

    var string: String? { if case .string(let v) = self { return v }; return nil }
    var number: Double? { if case .number(let v) = self { return v }; return nil }
    var int: Int? { number.map { Int($0) } }
    var bool: Bool? { if case .bool(let v) = self { return v }; return nil }
    var array: [JSON] { if case .array(let v) = self { return v }; return [] }
    var object: [String: JSON] { if case .object(let v) = self { return v }; return [:] }
    var isNull: Bool { self == .null }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let v): return String(v)
        case .number(let v): return String(v)
        case .string(let v): return "\"\(v)\""
        case .array(let v): return "[" + v.map(\.description).joined(separator: ", ") + "]"
        case .object(let v):
            return "{" + v.keys.sorted().map { "\"\($0)\": \(v[$0]!)" }.joined(separator: ", ") + "}"
        }
    }
}

struct ToolFailure: Error, CustomStringConvertible {
    let description: String
}

/// The folder of the Python helper scripts, found next to this file.
let pythonHelpers = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("python")

/// Runs a program found on PATH; returns (status, stdout, stderr). Throws if it cannot start.
/// Output goes through files, not pipes (reading a pipe can trap on EINTR in Foundation).
func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil)
    throws -> (status: Int32, stdout: Data, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    if let environment { process.environment = environment }
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)")
    let outURL = base.appendingPathExtension("out")
    let errURL = base.appendingPathExtension("err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    process.standardOutput = outHandle
    process.standardError = errHandle
    do {
        try process.run()
    } catch {
        try? outHandle.close()
        try? errHandle.close()
        throw ToolFailure(description: "could not start \(executable): \(error)")
    }
    process.waitUntilExit()
    try? outHandle.close()
    try? errHandle.close()
    let stdoutData = (try? Data(contentsOf: outURL)) ?? Data()
    let stderrText = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
    return (process.terminationStatus, stdoutData, stderrText)
}

/// Reads `path` with openpyxl through `python/read_workbook.py` and returns its JSON.
/// Fails (never skips) when python3 or openpyxl is missing.
func readWithOpenpyxl(_ path: String) throws -> JSON {
    let script = pythonHelpers.appendingPathComponent("read_workbook.py").path
    let result = try run("python3", [script, path])
    guard result.status == 0 else {
        throw ToolFailure(description: """
            python3 + openpyxl could not read \(path) (exit \(result.status)). \
            These tests need python3 with openpyxl installed (pip install openpyxl).
            \(result.stderr)
            """)
    }
    do {
        return try JSONDecoder().decode(JSON.self, from: result.stdout)
    } catch {
        throw ToolFailure(description: "read_workbook.py printed no valid JSON: \(error)\n\(result.stderr)")
    }
}

/// A fresh empty directory for one test.
func makeTemporaryDirectory(_ function: String = #function) throws -> URL {
    let name = "xlsxw-" + function.filter { $0.isLetter || $0.isNumber } + "-" + UUID().uuidString.prefix(8)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func directoryContents(_ url: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
}

extension JSON {
    /// The sheet named `name` in a workbook dump.
    func sheet(_ name: String) -> JSON {
        self["sheets"].array.first { $0["name"].string == name } ?? .null
    }

    /// The cell at `coordinate` in a sheet dump.
    func cell(_ coordinate: String) -> JSON { self["cells"][coordinate] }
}
