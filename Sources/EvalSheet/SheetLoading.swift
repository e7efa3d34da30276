import Foundation
import EvalSheetModel
import EvalSheetValidation
import EvalSheetWorkbook

/// Reading many inputs in parallel; an input that cannot be read is counted and becomes findings,
/// and every other input is still read.
public enum SheetLoading {
    /// What reading the inputs gave.
    public struct Inputs {
        /// Every sheet read, in input order.
        public var sheets: [LoadedSheet] = []
        /// The readers' findings: an error per problem of what could not be read, a warning per note.
        public var findings: [Finding] = []
        /// How many files were found to read (the tool's own year outputs included).
        public var files = 0
        /// How many inputs (files, or sheets of a file) could not be read.
        public var unreadable = 0
        /// The read problems themselves, for commands that print them as errors.
        public var failures: [any SheetReadError] = []
        /// Inputs passed over (another file type, a subfolder, the tool's own year outputs).
        public var notes: [ReaderNote] = []
    }

    /// Reads every file the paths name (folders expanded) on `jobs` workers; never throws.
    public static func readAll(_ paths: [String], jobs: Int = WorkerPool.defaultJobs,
                               template: WorkbookTemplate = .standard) -> Inputs {
        let expansion = SheetSource.expand(paths)
        let perFile = WorkerPool.jobsPerItem(jobs, items: expansion.files.count)
        let reads = WorkerPool.map(expansion.files, jobs: jobs) { (file: String) in
            SheetSource.read(file, template: template, jobs: perFile)
        }
        var out = Inputs()
        out.failures = expansion.missing
        out.files = expansion.files.count + expansion.missing.count
        if expansion.files.isEmpty, expansion.missing.isEmpty {
            out.failures.append(SheetSource.nothingToRead(paths))
        }
        var passedOver = expansion.passedOver
        for r in reads {
            out.sheets += r.sheets
            out.failures += r.failures
            if let note = r.skipped { passedOver.append(note) }
        }
        out.unreadable = out.failures.count
        out.notes = passedOver
        out.findings = out.failures.flatMap { Finding.unreadable($0) } + passedOver.map { Finding(readerNote: $0, policy: "") }
            + Finding.readerNotes(out.sheets)
        return out
    }
}
