import EvalSheetCLI
import FileOutput

// The one place the process is tuned: an interrupted run (Ctrl-C, kill) removes its temporary files.
TemporaryFiles.shared.removeOnSignals()
EvalSheetCommand.main()
