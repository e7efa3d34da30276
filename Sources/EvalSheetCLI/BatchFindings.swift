import Foundation
import EvalSheetModel
import EvalSheetValidation
import FileOutput

/// A batch's findings, kept out of memory until the end: each file's findings as they come are
/// encoded (`FindingBytes`) into an unnamed scratch file beside the outputs (never in /tmp), with in
/// memory only where each file's findings lie and the counts the index and the report need. At
/// the end they are read back one file at a time, files in report order and each file's findings
/// sorted as `Findings.sortInReportOrder` sorts the whole list (by file first; the sort is stable,
/// so sorting each file's findings in the order they came gives the same order).
///
/// Without a scratch file (none could be made, or a write failed) the encoded findings stay in memory.
/// Each run of findings is counted and hashed when it is added and checked again when it is read
/// back: a run that cannot be read whole or reads back other bytes (the scratch file's disk failed,
/// or the file was cut or written over under us) is never passed over in silence nor taken as it is
/// — `lost` says how many findings are missing, and findings.json is not written.
final class BatchFindings {
    /// Where a run of findings of one file lies in the spool, how many findings it holds and the
    /// hash of its bytes.
    private struct Span {
        var file: String
        var start: Int
        var end: Int
        var count: Int
        var hash: UInt64
    }

    /// Findings that were added but could not be read back.
    struct ReadBackFailure: Error, Equatable {
        /// How many findings are missing from what was read back.
        var missing: Int
        /// How many findings there were in all.
        var total: Int

        /// The message when findings.json at `path` was therefore not written.
        func message(notWritten path: String) -> LocalizedMessage {
            .init(ja: "検査結果 \(total) 件のうち \(missing) 件を出力フォルダ内の一時ファイルから読み戻せなかったため、\(path) は書き出していません(ディスクを確認して、もう一度実行してください)",
                  en: "\(missing) of \(total) findings could not be read back from the scratch file in the output directory, so \(path) was not written (check the disk and run again)")
        }

        /// The message after a report that is therefore incomplete.
        var reportIncomplete: LocalizedMessage {
            .init(ja: "上の検査結果は不完全です: \(total) 件のうち \(missing) 件を出力フォルダ内の一時ファイルから読み戻せませんでした",
                  en: "the findings above are incomplete: \(missing) of \(total) could not be read back from the scratch file in the output directory")
        }
    }

    private var spool: ScratchSpool?
    /// The bytes not yet in the spool (all of them without a spool).
    private var pending: [UInt8] = []
    private var spooled = 0
    private var spans: [Span] = []
    /// How many findings there are.
    private(set) var count = 0
    /// Whether any finding is an error.
    private(set) var hasErrors = false
    /// The errors and warnings of each policy.
    private(set) var counts: [String: (errors: Int, warnings: Int)] = [:]
    /// What the last reading back (`files()`) could not read; nil when it read every finding.
    private(set) var lost: ReadBackFailure?
    private var missingInThisReading = 0

    /// Findings spooled to a scratch file in `directory` (the output directory).
    init(directory: String) {
        spool = ScratchSpool(directory: directory)
    }

    /// Adds findings, in the order of the whole list before sorting.
    func add(_ findings: [Finding]) {
        for f in findings { add(f) }
    }

    /// Adds one finding after those added before.
    func add(_ f: Finding) {
        let start = spooled &+ pending.count
        FindingBytes.append(f, to: &pending)
        let end = spooled &+ pending.count
        let added = pending[(start &- spooled)...]
        if let last = spans.last, last.end == start, last.file == f.file {
            spans[spans.count &- 1].end = end
            spans[spans.count &- 1].count &+= 1
            spans[spans.count &- 1].hash = FindingBytes.hash(added, from: last.hash)
        } else {
            spans.append(Span(file: f.file, start: start, end: end, count: 1, hash: FindingBytes.hash(added)))
        }
        count &+= 1
        if f.severity == .error { hasErrors = true }
        var c = counts[f.policy] ?? (0, 0)
        if f.severity == .error { c.errors &+= 1 } else if f.severity == .warning { c.warnings &+= 1 }
        counts[f.policy] = c
        if pending.count >= Self.flushSize { flush() }
    }

    /// How many bytes wait in memory before they go to the spool.
    private static let flushSize = 1 << 16

    /// Every file's findings in report order, one file at a time (each read back when it is reached).
    /// Once the sequence has ended, `lost` says whether every finding was read back.
    func files() -> AnySequence<[Finding]> {
        flush()
        lost = nil
        missingInThisReading = 0
        var byFile: [String: [Int]] = [:]
        var files: [String] = []
        for (i, span) in spans.enumerated() {
            if byFile[span.file] == nil { files.append(span.file) }
            byFile[span.file, default: []].append(i)
        }
        // Files in the order of the sort's first key (a stable sort keeps equal names as they came).
        var order = Array(files.indices)
        order.sort { files[$0] < files[$1] }
        return AnySequence(sequence(state: order.makeIterator()) { (next: inout IndexingIterator<[Int]>) -> [Finding]? in
            guard let f = next.next() else {
                if self.missingInThisReading > 0 { self.lost = ReadBackFailure(missing: self.missingInThisReading, total: self.count) }
                return nil
            }
            var findings: [Finding] = []
            for i in byFile[files[f]] ?? [] { findings += self.read(self.spans[i]) }
            Findings.sortInReportOrder(&findings)
            return findings
        })
    }

    /// The findings of one span; those that cannot be read are counted as missing.
    private func read(_ span: Span) -> [Finding] {
        let bytes: [UInt8]
        if let spool {
            bytes = spool.read(from: span.start, to: span.end) ?? []
        } else {
            bytes = span.start >= 0 && span.start <= span.end && span.end <= pending.count ? Array(pending[span.start..<span.end]) : []
        }
        guard bytes.count == span.end &- span.start, FindingBytes.hash(bytes[...]) == span.hash else {
            missingInThisReading &+= span.count
            return []
        }
        let findings = FindingBytes.decode(bytes)
        if findings.count != span.count { missingInThisReading &+= max(0, span.count &- findings.count) }
        return findings
    }

    /// Moves the pending bytes to the spool; if that fails, everything spooled comes back to memory.
    private func flush() {
        guard let spool, !pending.isEmpty else { return }
        if spool.write(pending) {
            spooled &+= pending.count
            pending.removeAll(keepingCapacity: pending.capacity <= 2 * Self.flushSize)
        } else if let back = spool.read(from: 0, to: spooled) {
            pending = back + pending
            spooled = 0
            self.spool = nil
        }
    }
}

/// An unnamed scratch file in a directory (`FileOutput.ScratchFile`): it lives on that disk (never in
/// /tmp), is gone when closed or when the process ends, and a signal never leaves it behind.
final class ScratchSpool {
    private let fd: Int32
    private var size = 0

    /// A scratch file in `directory`, or nil when none can be made there.
    init?(directory: String) {
        guard let fd = ScratchFile.create(in: directory, name: "evalsheet-findings") else { return nil }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Appends `bytes`; false when they were not all written (what was written before stays).
    func write(_ bytes: [UInt8]) -> Bool {
        let whole = bytes.withUnsafeBytes { ScratchFile.write(fd, $0, at: size) }
        if whole { size += bytes.count }
        return whole
    }

    /// The bytes from `start` to `end`; nil when they cannot be read.
    func read(from start: Int, to end: Int) -> [UInt8]? {
        guard start >= 0, start <= end, end <= size else { return nil }
        var bytes = [UInt8](repeating: 0, count: end - start)
        let whole = bytes.withUnsafeMutableBytes { ScratchFile.read(fd, into: $0, at: start) }
        return whole ? bytes : nil
    }
}

/// A finding as bytes, every field kept (its path as its JSON pointer, its typed place), and back:
/// `decode` of what `append` wrote gives findings equal field by field, place included.
enum FindingBytes {
    /// The 64-bit FNV-1a hash of `bytes`, continued from `seed` (a run's hash grows as it grows).
    static func hash(_ bytes: ArraySlice<UInt8>, from seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = seed
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    static func append(_ f: Finding, to out: inout [UInt8]) {
        func text(_ s: String) {
            integer(s.utf8.count)
            out.append(contentsOf: s.utf8)
        }
        func integer(_ n: Int) {
            withUnsafeBytes(of: Int64(n).littleEndian) { out.append(contentsOf: $0) }
        }
        text(f.ruleID)
        text(f.severity.rawValue)
        text(f.message.ja)
        text(f.message.en)
        text(f.policy)
        if let path = f.path { out.append(1); text(path.jsonPointer) } else { out.append(0) }
        text(f.file)
        text(f.location)
        switch f.place {
        case nil: out.append(0)
        case .line(let n)?: out.append(1); integer(n)
        case .cell(let sheet, let cell)?: out.append(2); text(sheet); text(cell)
        case .jsonPointer(let p)?: out.append(3); text(p)
        }
    }

    /// The findings `append` wrote into `bytes`, up to the first that cannot be read.
    static func decode(_ bytes: [UInt8]) -> [Finding] {
        var reader = Reader(bytes: bytes)
        var findings: [Finding] = []
        while !reader.atEnd, let f = reader.finding() { findings.append(f) }
        return findings
    }

    private struct Reader {
        let bytes: [UInt8]
        var at = 0

        var atEnd: Bool { at >= bytes.count }

        mutating func byte() -> UInt8? {
            guard at < bytes.count else { return nil }
            defer { at += 1 }
            return bytes[at]
        }

        mutating func integer() -> Int? {
            guard bytes.count - at >= 8 else { return nil }
            var v: UInt64 = 0
            for k in 0..<8 { v |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
            at += 8
            return Int(exactly: Int64(bitPattern: v))
        }

        mutating func text() -> String? {
            guard let n = integer(), n >= 0, n <= bytes.count - at else { return nil }
            defer { at += n }
            return String(decoding: bytes[at..<(at + n)], as: UTF8.self)
        }

        mutating func finding() -> Finding? {
            guard let ruleID = text(), let severity = text().flatMap(Severity.init(rawValue:)),
                  let ja = text(), let en = text(), let policy = text(), let hasPath = byte() else { return nil }
            var path: FieldPath?
            if hasPath == 1 {
                guard let pointer = text(), let p = FieldPath(jsonPointer: pointer) else { return nil }
                path = p
            }
            guard let file = text(), let location = text(), let tag = byte() else { return nil }
            var place: SourceLocation?
            switch tag {
            case 0: place = nil
            case 1: guard let n = integer() else { return nil }; place = .line(n)
            case 2: guard let sheet = text(), let cell = text() else { return nil }; place = .cell(sheet: sheet, cell: cell)
            case 3: guard let p = text() else { return nil }; place = .jsonPointer(p)
            default: return nil
            }
            return Finding(ruleID: ruleID, severity: severity, message: LocalizedMessage(ja: ja, en: en), policy: policy,
                           path: path, file: file, location: location, place: place)
        }
    }
}
