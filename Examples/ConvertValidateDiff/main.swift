// Convert, validate and diff a year with the EvalSheet library (the README's **Library** example;
// `make test` builds and runs it). Usage: evalsheet-library-example YEAR.txt OUTPUT-DIR
import EvalSheet
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    print("usage: evalsheet-library-example YEAR.txt OUTPUT-DIR")
    exit(64)
}
let (input, output) = (arguments[1], arguments[2])

// 1. Read every sheet of the input (text form, JSON or workbooks; folders too). Never throws:
//    what cannot be read comes back as failures, each problem at its place.
let year = SheetLoading.readAll([input])
for failure in year.failures { failure.lines(.en).forEach { print("unreadable:", $0) } }

// 2. Validate the year: the readers' notes and every rule's findings, each at file:line or Sheet!Cell.
let findings = Findings.merged(year.findings + Validator.validate(year.sheets))
print(Findings.summary(findings, language: .en))

// 3. Write each policy as a workbook (atomically; an existing file is never replaced).
try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
for loaded in year.sheets {
    let path = output + "/" + loaded.sheet.policy.code + ".xlsx"
    try SheetOutput.write(loaded, as: .xlsx, to: path, overwrite: true)
}

// 4. Read the workbooks back and diff them against the text: nothing changed on the way.
let back = SheetLoading.readAll([output])
let diff = YearDiff(old: year.sheets, new: back.sheets)
print("\(year.sheets.count) policies written to \(output); round trip \(diff.isEmpty ? "identical" : "changed: \(diff.changes.count)")")
exit(diff.isEmpty && back.failures.isEmpty ? 0 : 1)
