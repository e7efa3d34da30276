// libFuzzer entry point for the text-form reader (built by scripts/fuzz-text-reader.sh together
// with Tests/EvalSheetTextTests/NothingLostOracle.swift).
//
// Every input is read with `TextFormReader.readEach` and checked by the "nothing lost" oracle:
// whenever a sheet is accepted, every non-empty cell of it is in the model or named by a warning,
// and text → model → text → model is identical. A broken promise aborts, so libFuzzer keeps the
// input as a crash artifact (then add it to Tests/Fixtures/text-fuzz/ as a regression fixture).

import Foundation
import EvalSheetModel
import EvalSheetText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextReader(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let failures = NothingLostOracle.check(data, file: "fuzz.txt")
    if !failures.isEmpty {
        FileHandle.standardError.write(Data(("oracle failure:\n" + failures.prefix(10).joined(separator: "\n") + "\n").utf8))
        abort()
    }
    return 0
}
