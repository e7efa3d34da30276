import Foundation
import EvalSheetModel

/// Writes files so that a reader never sees half of one: write to a temporary file in the same
/// directory, then rename over the target.
enum AtomicFile {
    /// Refuses to replace an existing output unless asked to.
    static func refuseExisting(_ path: String, overwrite: Bool) throws {
        if !overwrite, FileManager.default.fileExists(atPath: path) {
            throw CLIError(.init(ja: "\(path) は既にあります(上書きするには --force)",
                                 en: "\(path) exists (use --force to overwrite)"))
        }
    }

    static func write(_ data: Data, to path: String, overwrite: Bool) throws {
        let fm = FileManager.default
        try refuseExisting(path, overwrite: overwrite)
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try data.write(to: temp)
            if rename(temp.path, path) != 0 { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? fm.removeItem(at: temp)
            throw CLIError(.init(ja: "\(path) に書き込めません", en: "cannot write \(path)"))
        }
    }

    static func createDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CLIError(.init(ja: "フォルダ \(path) を作れません", en: "cannot create the directory \(path)"))
        }
    }
}
