import EvalSheetCLI
import FileOutput
import XLSXWriter

// The one place the process is tuned, and only the tool's process: an interrupted run (Ctrl-C,
// kill) removes its temporary files, and the allocator keeps the memory zlib frees between the
// parts of each workbook (see XLSXProcessTuning).
TemporaryFiles.shared.removeOnSignals()
XLSXProcessTuning.keepFreedMemoryForWorkbooks()
EvalSheetCommand.main()
