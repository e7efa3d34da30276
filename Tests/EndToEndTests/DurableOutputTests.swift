import Foundation
import Testing
import TestSupport

/// Every output appears only once its data are on the disk: traced with strace(1), each link or
/// rename of one of our temporaries onto its final name comes after a sync that covers it — an
/// `fsync` of a descriptor opened on that temporary, or a `syncfs` after it was written — for every
/// command that writes files (export's workbooks in groups, rollover's and batch's one by one, the
/// year's index and findings, the status workbook, import's JSON in groups).
@Suite("outputs synced before they appear (strace)", .serialized)
struct DurableOutputTests {
    /// One system call of the trace: when it was entered, its name, arguments and result.
    struct Call {
        var time: Double
        var name: String
        var arguments: String
        var result: String
    }

    /// The calls of `arguments` run under `strace -ff` (one file per thread, merged by time).
    static func trace(_ arguments: [String], in dir: URL) throws -> (status: Int32, calls: [Call]) {
        let prefix = dir.appendingPathComponent("trace").path
        let r = try ProcessRunner.run("/usr/bin/strace", [
            "-ff", "-ttt", "-qq", "-o", prefix,
            "-e", "trace=open,openat,fsync,fdatasync,syncfs,link,linkat,rename,renameat,renameat2",
            EvalsheetBinary.path,
        ] + arguments, currentDirectory: RepositoryPaths.root)
        var calls: [Call] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasPrefix("trace.") {
            let text = try String(contentsOfFile: dir.appendingPathComponent(name).path, encoding: .utf8)
            for line in text.split(separator: "\n") {
                // 1733284000.123456 openat(AT_FDCWD, "out/.511.xlsx.tmp-…", O_RDONLY|…) = 9
                // (strace pads short calls: `syncfs(8)             = 0`)
                guard let space = line.firstIndex(of: " "), let time = Double(line[..<space]),
                      let open = line.firstIndex(of: "("), let equals = line.range(of: " = ", options: .backwards),
                      let close = line[..<equals.lowerBound].lastIndex(of: ")"), open < close else { continue }
                calls.append(Call(time: time, name: String(line[line.index(after: space)..<open]),
                                  arguments: String(line[line.index(after: open)..<close]),
                                  result: String(line[equals.upperBound...])))
            }
        }
        return (r.status, calls.sorted { $0.time < $1.time })
    }

    /// The quoted paths of a call's arguments.
    static func paths(_ arguments: String) -> [String] {
        arguments.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The final names our temporaries were linked or renamed to before any sync covered them.
    static func unsyncedOutputs(_ calls: [Call]) -> (outputs: [String], unsynced: [String]) {
        var written: [String: Double] = [:]   // temporary → when it was last opened for writing
        var synced: Set<String> = []
        var descriptors: [String: String] = [:]  // fd → temporary
        var outputs: [String] = [], unsynced: [String] = []
        for c in calls {
            switch c.name {
            case "open", "openat":
                guard let path = paths(c.arguments).first, path.contains(".tmp-"), let fd = Int(c.result.prefix { $0.isNumber }) else { continue }
                descriptors["\(fd)"] = path
                if c.arguments.contains("O_WRONLY") || c.arguments.contains("O_RDWR") {
                    written[path] = c.time
                    synced.remove(path)
                }
            case "fsync", "fdatasync":
                let fd = c.arguments.trimmingCharacters(in: .whitespaces)
                if c.result.hasPrefix("0"), let path = descriptors[fd] { synced.insert(path) }
            case "syncfs":
                if c.result.hasPrefix("0") { for (path, time) in written where time < c.time { synced.insert(path) } }
            case "link", "linkat", "rename", "renameat", "renameat2":
                let p = paths(c.arguments)
                guard p.count == 2, p[0].contains(".tmp-"), !p[1].contains(".tmp-"), c.result.hasPrefix("0") else { continue }
                outputs.append(p[1])
                if !synced.contains(p[0]) { unsynced.append(p[1]) }
            default:
                break
            }
        }
        return (outputs, unsynced)
    }

    @Test("export, rollover, batch, status and import: every output synced before it appears")
    func everyCommandSyncsBeforeLinking() throws {
        let dir = RepositoryPaths.temporaryDirectory("durable")
        defer { try? FileManager.default.removeItem(at: dir) }
        // (name, arguments, outputs expected, exit status: status is 1, the sheets sent being blank)
        let runs: [(String, [String], Int, Int32)] = [
            ("export", ["export", "samples/kiyose-2019/kiyose-2019.txt", "-o", dir.appendingPathComponent("export").path, "-q"], 9, 0),
            ("rollover", ["rollover", "samples/kiyose-2019/kiyose-2019.txt", "--to-year", "2020",
                          "-o", dir.appendingPathComponent("sent").path, "-q"], 9, 0),
            ("batch", ["batch", "samples/kiyose-2019/kiyose-2019.txt", "-o", dir.appendingPathComponent("batch").path, "-q"], 11, 0),
            ("status", ["status", dir.appendingPathComponent("sent").path, dir.appendingPathComponent("sent").path,
                        "-o", dir.appendingPathComponent("status.xlsx").path, "-q"], 1, 1),
            ("import", ["import", dir.appendingPathComponent("export").path, "-o", dir.appendingPathComponent("json").path, "-q"], 9, 0),
        ]
        for (name, arguments, expected, status) in runs {
            let traces = dir.appendingPathComponent("trace-\(name)")
            try FileManager.default.createDirectory(at: traces, withIntermediateDirectories: true)
            let traced = try Self.trace(arguments, in: traces)
            #expect(traced.status == status, "\(name)")
            let (outputs, unsynced) = Self.unsyncedOutputs(traced.calls)
            #expect(outputs.count == expected, "\(name): \(outputs)")
            #expect(unsynced.isEmpty, "\(name): linked before their data were synced: \(unsynced)")
        }
    }
}
