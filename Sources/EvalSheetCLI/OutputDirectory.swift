import Foundation
import ArgumentParser
import EvalSheetModel
import FileOutput

/// The directory a command writes into: created when missing, swept of the temporaries a killed
/// run left there, and the one place output names are made from policy codes — a code that is not
/// a plain file name never reaches the file system.
struct OutputDirectory: Sendable {
    let path: String

    /// An argument error (exit 64) when `-o` names nothing: `-o ''` (a variable left empty in a script).
    static func validateName(_ path: String?) throws {
        guard let path, path.isEmpty else { return }
        throw ValidationError(HelpText.pick("-o/--output に空の名前は指定できません", "-o/--output must not be empty"))
    }

    /// Creates the directory if needed and removes stale temporaries of ours from it.
    init(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw CLIError(.init(ja: "\(path) はフォルダではありません", en: "\(path) is not a directory"))
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CLIError(.init(ja: "フォルダ \(path) を作れません", en: "cannot create the directory \(path)"))
        }
        self.path = path
        StaleTemporaries.sweep(path)
    }

    /// A folder inside this one named from data (a department's folder): the name must be a plain
    /// file name, and an existing entry of that name must be a real folder — never a symbolic link,
    /// which could point anywhere.
    func subfolder(_ name: String) throws -> OutputDirectory {
        let path = try OutputName.path(name, in: self.path)
        if let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType, type == .typeSymbolicLink {
            throw CLIError(.init(ja: "\(path) はシンボリックリンクのため書き出しません(出力フォルダの外を指すおそれがあるため)",
                                 en: "\(path) is a symbolic link: nothing is written through it (it could point outside the output directory)"))
        }
        return try OutputDirectory(path)
    }

    /// `DIR/<code>.<ext>` for a policy; the code must match `PolicyCodeSyntax` (readers refuse others,
    /// this refuses them again) and the name must be a plain file name.
    func policyFile(_ code: String, extension ext: String) throws -> String {
        guard PolicyCodeSyntax.isValid(code) else { throw CLIError(PolicyCodeSyntax.problem(code)) }
        return try OutputName.path("\(code).\(ext)", in: path)
    }

    /// `DIR/<name>` for a fixed name such as `index.xlsx`.
    func file(_ name: String) throws -> String { try OutputName.path(name, in: path) }

    /// Writes `bytes` to `path` atomically; without `overwrite` an existing file is never replaced.
    static func write(_ bytes: some Collection<UInt8>, to path: String, overwrite: Bool) throws {
        try AtomicOutput.write(bytes, to: path, overwrite: overwrite)
    }
}
