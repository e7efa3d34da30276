import EvalSheetCLI
EvalSheetCommand.main()
