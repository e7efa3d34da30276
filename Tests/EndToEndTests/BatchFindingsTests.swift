import Foundation
import Testing
import EvalSheetModel
import EvalSheetValidation
import TestSupport
import EvalSheet
@testable import EvalSheetCLI

/// A batch's findings spooled to a scratch file and read back file by file: the same findings, in
/// the same order, as sorting the whole list; findings.json and the report from them byte for byte.
@Suite("batch findings spooled")
struct BatchFindingsTests {
    /// The real year's findings (rules and the year's rules) with every kind of place, in the order
    /// a batch gathers them: reader and sheet findings file by file, then the year's.
    static func gathered() -> [Finding] {
        let sheets = RealYear.loaded
        var found = sheets.flatMap { Validator.validate([$0], sheetRules: Validator.sheetRules, yearRules: []) }
        found += Validator.validate(sheets, sheetRules: [], yearRules: Validator.yearRules)
        let odd: [EvalSheetModel.SourceLocation?] = [nil, .line(12), .cell(sheet: "3 構成事業", cell: "F7"), .jsonPointer("/projects/rows/1"),
                                      .cell(sheet: "O'Brien", cell: "$A$1")]
        for (i, place) in odd.enumerated() {
            found.append(Finding(ruleID: "xlsx.note\(i)", severity: i % 2 == 0 ? .warning : .info,
                                 message: .init(ja: "注記 \(i) \u{1} \"引用\"", en: "note \(i)"), policy: i == 0 ? "" : "511",
                                 path: i == 1 ? .project(2, .amount(1)) : nil, file: i < 3 ? "b.txt" : "a.xlsx", place: place))
        }
        return found
    }

    static func spooled(_ findings: [Finding], in directory: String) -> BatchFindings {
        let spool = BatchFindings(directory: directory)
        // In uneven pieces, as files' results come.
        var start = 0, size = 1
        while start < findings.count {
            let end = min(start + size, findings.count)
            spool.add(Array(findings[start..<end]))
            (start, size) = (end, size % 7 + 1)
        }
        return spool
    }

    @Test("a finding's bytes give it back, field by field and place")
    func bytesRoundTrip() {
        let all = Self.gathered()
        var bytes: [UInt8] = []
        for f in all { FindingBytes.append(f, to: &bytes) }
        let back = FindingBytes.decode(bytes)
        #expect(back == all)
        #expect(back.map(\.place) == all.map(\.place))
        #expect(back.map(\.location) == all.map(\.location))
        // Cut short: what can be read, and no more.
        #expect(FindingBytes.decode(Array(bytes.dropLast())).count == all.count - 1)
        #expect(FindingBytes.decode([]).isEmpty)
    }

    @Test("read back file by file: the whole list sorted, with its counts", arguments: [true, false])
    func readBackInReportOrder(onDisk: Bool) {
        let all = Self.gathered()
        let directory = onDisk ? RepositoryPaths.temporaryDirectory("batch-findings").path : "/nonexistent/evalsheet/spool"
        let spool = Self.spooled(all, in: directory)
        var sorted = all
        Findings.sortInReportOrder(&sorted)
        let back = Array(spool.files())
        #expect(back.flatMap { $0 } == sorted)
        #expect(back.flatMap { $0 }.map(\.place) == sorted.map(\.place))
        #expect(back.allSatisfy { group in group.allSatisfy { $0.file == group[0].file } })
        #expect(Array(spool.files()).flatMap { $0 } == sorted, "read twice")
        #expect(spool.count == all.count)
        #expect(spool.hasErrors == Findings.hasErrors(all))
        for policy in Set(all.map(\.policy)) {
            let mine = all.filter { $0.policy == policy }
            #expect(spool.counts[policy]?.errors == mine.filter { $0.severity == .error }.count)
            #expect(spool.counts[policy]?.warnings == mine.filter { $0.severity == .warning }.count)
        }
        // findings.json and the report from the files are those of the whole sorted list.
        #expect(Array(FindingsFile.chunks(groups: spool.files(), groupSize: 5)).flatMap { $0 } == Array(Findings.renderJSONData(sorted)))
        var report = Findings.TextReport(language: .en)
        let pieces = spool.files().map { report.file($0) }.joined() + report.ending()
        #expect(pieces == Findings.renderText(sorted, language: .en))
    }

    @Test("a scratch file cut under the spool: the loss is counted, findings.json is not written")
    func scratchFileCut() throws {
        let all = Self.gathered()
        let directory = RepositoryPaths.temporaryDirectory("batch-findings-cut").path
        let spool = Self.spooled(all, in: directory)
        #expect(Array(spool.files()).flatMap { $0 } .count == all.count)
        #expect(spool.lost == nil)
        // Cut the unnamed scratch file by a byte, as a failing disk would, through its descriptor.
        let fd = try #require(Self.scratchFileDescriptor(in: directory))
        let size = lseek(fd, 0, SEEK_END)
        #expect(size > 0)
        #expect(ftruncate(fd, size - 1) == 0)
        let back = Array(spool.files()).flatMap { $0 }
        #expect(back.count > 0 && back.count < all.count, "the runs before the cut are still read")
        #expect(spool.lost == BatchFindings.ReadBackFailure(missing: all.count - back.count, total: all.count))
        let outputs = YearOutputs(directory: try OutputDirectory(directory), overwrite: false)
        outputs.write(findings: spool)
        #expect(!FileManager.default.fileExists(atPath: directory + "/findings.json"))
        #expect(outputs.written.isEmpty)
        let lines = outputs.errors.flatMap { ErrorText.lines($0, .ja) }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("\(all.count - back.count) 件を出力フォルダ内の一時ファイルから読み戻せなかったため") == true)
        #expect(lines.first?.contains("findings.json は書き出していません") == true)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains("findings.json") }
        #expect(leftovers.isEmpty, "no temporary left behind")
        // Intact, the same spool's findings.json is written.
        let whole = Self.spooled(all, in: directory)
        outputs.write(findings: whole)
        #expect(whole.lost == nil)
        #expect(FileManager.default.contents(atPath: directory + "/findings.json").map(Array.init)
                == Array(FindingsFile.chunks(groups: whole.files())).flatMap { $0 })
    }

    @Test("a scratch file written over in place at the same size: no other bytes are taken as findings")
    func scratchFileWrittenOver() throws {
        let all = Self.gathered()
        let directory = RepositoryPaths.temporaryDirectory("batch-findings-over").path
        let spool = Self.spooled(all, in: directory)
        #expect(Array(spool.files()).flatMap { $0 } == { var s = all; Findings.sortInReportOrder(&s); return s }())
        let fd = try #require(Self.scratchFileDescriptor(in: directory))
        let size = Int(lseek(fd, 0, SEEK_END))
        // A letter of a message changed, the length of everything kept: decoding alone would not see it.
        var bytes = [UInt8](repeating: 0, count: size)
        #expect(pread(fd, &bytes, size, 0) == size)
        let at = try #require(bytes.firstIndex(of: UInt8(ascii: "n")))
        bytes[at] = UInt8(ascii: "N")
        #expect(pwrite(fd, bytes, size, 0) == size)
        let back = Array(spool.files()).flatMap { $0 }
        #expect(back.count < all.count)
        #expect(Set(back).isSubset(of: Set(all)), "nothing read back that was not added")
        #expect(spool.lost?.missing == all.count - back.count)
    }

    /// The descriptor of the one unnamed findings scratch file this process holds in `directory`.
    static func scratchFileDescriptor(in directory: String) -> Int32? {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        let found = fds.compactMap(Int32.init).filter { fd in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)") else { return false }
            return target.hasPrefix(directory + "/.evalsheet-findings.") && target.hasSuffix("(deleted)")
        }
        return found.count == 1 ? found[0] : nil
    }

    @Test("findings.json from groups, empty ones among them, is the whole rendering")
    func chunksOfGroups() {
        let all = FindingsFileTests.findings(20), whole = Array(Findings.renderJSONData(all))
        let groups: [[Finding]] = [[], Array(all[0..<3]), [], Array(all[3..<20]), []]
        for size in [1, 4, 128] {
            #expect(Array(FindingsFile.chunks(groups: AnySequence(groups), groupSize: size)).flatMap { $0 } == whole)
        }
        #expect(Array(FindingsFile.chunks(groups: AnySequence([[], []]))).flatMap { $0 } == Array(Findings.renderJSONData([])))
    }

    @Test("text written in pieces is the whole trimmed of its newlines")
    func trimmedPieces() {
        let cases: [[String]] = [["a\n", "\nb\n", "c\n"], ["\n\r\n", "\u{2028}x", "\n\n", "y\n\u{85}"], ["\n"], [], ["", "z"],
                                 ["a\r", "\nb"], ["日本\n", "\n", "語\n\n"]]
        for pieces in cases {
            var written = ""
            var text = BatchReport.TrimmedText { written += $0 }
            for p in pieces { text.write(p) }
            #expect(written == pieces.joined().trimmingCharacters(in: .newlines), "\(pieces)")
        }
    }

    @Test("outputs are consumed in input order, each once", arguments: [1, 2, 3, 8])
    func forEachInOrder(jobs: Int) {
        let consumed = Box(), completed = Box()
        WorkerPool.forEachIndexedInOrder(Array(0..<200), jobs: jobs, completed: { i, _ in completed.append(i) },
                                         consume: { i, value in consumed.append(i); #expect(value == i * 3) }) { i, n in
            #expect(i == n, "the index passed beside its item")
            if n % 5 == 0 { usleep(200) }
            return n * 3
        }
        #expect(consumed.values == Array(0..<200))
        #expect(completed.values == Array(0..<200), "completed in input order too")
    }

    /// Values appended from the workers' calls (one call at a time).
    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Int] = []
        func append(_ v: Int) { lock.withLock { values.append(v) } }
    }
}
