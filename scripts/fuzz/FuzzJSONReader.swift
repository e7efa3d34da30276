// libFuzzer entry point for the JSON reader (built by scripts/fuzz-json-reader.sh).
//
// Every input is read with `EvaluationSheetJSON.decodeEach`. The oracle: reading never crashes or
// traps; every failure names at least one problem; every accepted sheet holds the model's
// invariants, writes back to JSON that reads again as the identical sheet with no note, and was
// accepted by Foundation's JSONSerialization too (our reader is the stricter one: a key twice, a
// number no double holds and deep nesting are refused only here). A broken promise aborts, so
// libFuzzer keeps the input as a crash artifact.

import Foundation
import EvalSheetModel
import EvalSheetJSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONReader(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let (sheets, failures) = EvaluationSheetJSON.decodeEach(data, file: "fuzz.json")
    var broken: [String] = []
    if failures.contains(where: { $0.problems.isEmpty }) { broken.append("a failure without a problem") }
    for loaded in sheets {
        let violations = loaded.sheet.invariantViolations()
        if !violations.isEmpty { broken.append("accepted with invariant violations: \(violations)") }
        guard let written = try? EvaluationSheetJSON.encode(loaded.sheet) else { broken.append("cannot write back"); continue }
        let again = EvaluationSheetJSON.decodeEach(written, file: "again.json")
        if again.sheets.map(\.sheet) != [loaded.sheet] || !again.failures.isEmpty {
            broken.append("write → read differs: \(again.failures.flatMap(\.problems).map(\.location))")
        }
        if again.sheets.first.map({ !$0.notes.isEmpty }) == true { broken.append("written JSON has unknown keys") }
    }
    if !sheets.isEmpty, (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) == nil {
        broken.append("accepted what JSONSerialization refuses")
    }
    if !broken.isEmpty {
        FileHandle.standardError.write(Data(("oracle failure:\n" + broken.prefix(10).joined(separator: "\n") + "\n").utf8))
        abort()
    }
    return 0
}
