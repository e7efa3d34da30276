import ArgumentParser
import Foundation
import EvalSheetModel
import EvalSheetText

/// `evalsheet import`: reads sheets and writes one JSON (or text-form) file per policy.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "シートを読み込み、施策ごとに JSON(またはテキスト形式)で書き出します。",
        discussion: """
        Reads the city's text form (.txt) or JSON (.json) — a file may hold many policies — and
        writes one file per policy, named <施策コード>.json (or .txt), into the directory given
        with -o. With a single policy and no -o, the result goes to standard output.

        例 / Examples:
          evalsheet import samples/kiyose-2019/kiyose-2019.txt -o out/json
          evalsheet import samples/kiyose-2019/511.txt
          evalsheet import out/json/511.json --to text > 511.txt
        """)

    enum Target: String, ExpressibleByArgument, CaseIterable { case json, text }

    @Argument(help: "Input files or directories (.txt, .json).")
    var files: [String]

    @Option(name: .shortAndLong, help: "Output directory (one file per policy).")
    var output: String?

    @Option(name: .long, help: "Output format: json (default) or text.")
    var to: Target = .json

    @Flag(name: .long, help: "Overwrite existing output files.")
    var force = false

    @Option(name: .shortAndLong, help: "Parallel workers with -o (default: the number of cores).")
    var jobs: Int = WorkerPool.defaultJobs

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let report = Reporter(global: global)
        let inputs = try SheetSource.expand(files)
        if let dir = output {
            try AtomicFile.createDirectory(dir)
            let (to, force) = (self.to, self.force)
            let ok = PerPolicyConversion.run(inputs, jobs: jobs, report: report) { loaded in
                let path = (dir as NSString).appendingPathComponent("\(loaded.sheet.policy.code).\(to == .json ? "json" : "txt")")
                try AtomicFile.write(try Self.render(loaded, to), to: path, overwrite: force)
                return path
            }
            if !ok { throw ExitCode(1) }
            return
        }
        var sheets: [LoadedSheet] = []
        var failures = 0
        for file in inputs {
            do {
                let loaded = try SheetSource.load(file)
                report.notes(loaded.flatMap(\.notes))
                sheets += loaded
            } catch {
                report.error(error)
                failures += 1
            }
        }
        if sheets.count == 1 {
            FileHandle.standardOutput.write(try Self.render(sheets[0], to))
        } else if !sheets.isEmpty {
            report.error(CLIError(.init(ja: "施策が \(sheets.count) 件あります。-o でフォルダを指定してください",
                                        en: "\(sheets.count) policies: give an output directory with -o")))
            failures += 1
        }
        if failures > 0 { throw ExitCode(1) }
    }

    static func render(_ loaded: LoadedSheet, _ to: Target) throws -> Data {
        switch to {
        case .json: return try EvaluationSheetJSON.encode(loaded.sheet)
        case .text: return Data(TextFormWriter.write(loaded.sheet).utf8)
        }
    }
}
