import Foundation

/// The built `evalsheet` executable, for end-to-end tests that run it as a user would.
public enum EvalsheetBinary {
    /// Next to the test bundle (where SwiftPM puts products), else under .build/debug.
    public static let path: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [beside, beside.deletingLastPathComponent(), RepositoryPaths.root.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("evalsheet").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        fatalError("the evalsheet binary was not built (looked beside \(beside.path))")
    }()

    /// Runs `evalsheet` with the arguments, from the repository root.
    @discardableResult
    public static func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(path, arguments, currentDirectory: RepositoryPaths.root)
    }
}
