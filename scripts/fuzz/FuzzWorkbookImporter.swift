// libFuzzer entry point for the workbook importer (built by scripts/fuzz-workbook-importer.sh with
// Tests/EvalSheetWorkbookTests/Support/NothingLostOracle.swift and StoredZip.swift).
//
// Input modes:
//  - starting with "M": cell-level edits of one of the nine exported workbooks (the mutation test's
//    edits, Tests/EvalSheetWorkbookTests/Support/WorkbookMutations.swift), every choice taken from
//    the following bytes — so the fuzzer explores edits that keep the XML well formed;
//  - starting with "PK": the bytes are a whole .xlsx;
//  - anything else: split at NUL bytes into the parts of an exported workbook — worksheets 1…8,
//    shared strings, styles, workbook.xml — packed into a stored zip around the export's fixed
//    skeleton (content types and relationships), so the fuzzer edits cells, labels and numbers
//    without fighting CRCs.
//
// A crash is any trap (an arithmetic overflow, an out-of-range index), an ASan report, or a broken
// oracle: an import that succeeds while a non-empty cell is neither in the model nor named by a
// warning, or whose export → import changes the model; an error whose problems do not name the file.

import Foundation
import EvalSheetModel
import EvalSheetWorkbook
import XLSXReader

private let limits = XLSXReadLimits(maxPartBytes: 4 << 20, maxTotalBytes: 16 << 20, maxEntries: 2_000, maxCellsPerSheet: 200_000)
private let importer = WorkbookImporter(limits: limits)
private let scratch: String = {
    var template = Array("/tmp/fuzz-workbook-importer-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
}()

private let rt = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
private let contentTypes = Array("""
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>
""".utf8)
private let rootRels = Array("""
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(rt)/officeDocument" Target="xl/workbook.xml"/></Relationships>
""".utf8)
private let workbookRels = Array(("""
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
""" + (1...8).map { "<Relationship Id=\"rId\($0)\" Type=\"\(rt)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>" }.joined()
    + "<Relationship Id=\"rId10\" Type=\"\(rt)/styles\" Target=\"styles.xml\"/>"
    + "<Relationship Id=\"rId11\" Type=\"\(rt)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>").utf8)

private func package(fromParts input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    let chunks = input.split(separator: 0, maxSplits: 10, omittingEmptySubsequences: false).map { Array($0) }
    var entries: [(name: String, bytes: [UInt8])] = [
        ("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRels), ("xl/_rels/workbook.xml.rels", workbookRels),
    ]
    let names = (1...8).map { "xl/worksheets/sheet\($0).xml" } + ["xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"]
    for (name, chunk) in zip(names, chunks) { entries.append((name, chunk)) }
    return StoredZip.make(entries)
}

/// How many inputs imported (and so went through the oracle) and how many were refused; printed at exit.
nonisolated(unsafe) private var imported = 0
nonisolated(unsafe) private var refused = 0
private let reportAtExit: Void = {
    atexit { print("== importer: \(imported) imported (oracle checked), \(refused) refused") }
}()

/// With EVALSHEET_FUZZ_DUMP=path, each input's workbook is also written there (to turn a
/// reproducer into a fixture: run the harness on the artifact alone).
private let dumpPath = ProcessInfo.processInfo.environment["EVALSHEET_FUZZ_DUMP"]

private func check(_ bytes: [UInt8]) {
    _ = reportAtExit
    if let dumpPath { _ = FileManager.default.createFile(atPath: dumpPath, contents: Data(bytes)) }
    let loaded: LoadedSheet
    do {
        loaded = try importer.read(bytes: bytes, displayName: "fuzz.xlsx")
        imported += 1
    } catch {
        refused += 1
        for p in error.problems where p.file != "fuzz.xlsx" || !(p.location == "fuzz.xlsx" || p.location.hasPrefix("fuzz.xlsx ")) {
            fatalError("a problem does not name the file: \(p.location): \(p.message.en)")
        }
        return
    }
    let violations = NothingLostOracle.violations(bytes: bytes, loaded: loaded, scratch: scratch)
    if !violations.isEmpty {
        fatalError("nothing-lost oracle: \(violations.joined(separator: "\n"))")
    }
}

/// The exported workbooks the "M" mode edits (the directory in EVALSHEET_FUZZ_BASES).
private let bases: [MutableWorkbook] = {
    guard let dir = ProcessInfo.processInfo.environment["EVALSHEET_FUZZ_BASES"],
          let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
    return names.filter { $0.hasSuffix(".xlsx") }.sorted().compactMap { name in
        (try? XLSXPackage.parts(path: dir + "/" + name)).map { MutableWorkbook(parts: $0) }
    }
}()

/// Choices read from the fuzzer's bytes, eight at a time; past their end, a SplitMix stream seeded
/// by them (never a constant, which could make `random(in:)` retry forever).
private struct ByteChoices: RandomNumberGenerator {
    var bytes: ArraySlice<UInt8>
    var tail: SeededGenerator

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        tail = SeededGenerator(seed: bytes.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 })
    }

    mutating func next() -> UInt64 {
        guard bytes.count >= 8 else { return tail.next() }
        let word = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        bytes = bytes.dropFirst(8)
        return word
    }
}

private func edited(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    guard !bases.isEmpty else { return nil }
    var choices = ByteChoices(ArraySlice(input.dropFirst()))
    var book = bases[Int.random(in: 0..<bases.count, using: &choices)]
    for _ in 0..<Int.random(in: 1...4, using: &choices) {
        _ = Mutation.allCases.randomElement(using: &choices)!.apply(to: &book, &choices)
    }
    return book.bytes()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbookImporter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    if size >= 1 && input[0] == UInt8(ascii: "M") {
        if let bytes = edited(input) { check(bytes) }
    } else if size >= 2 && input[0] == 0x50 && input[1] == 0x4B {
        check(Array(input))
    } else {
        check(package(fromParts: input))
    }
    return 0
}
