import Testing
import TestSupport
@testable import EvalSheetCLI
import EvalSheet

/// Wrong arguments are told in Japanese like every other message (English with `--lang en`, as
/// swift-argument-parser writes them), with the option names, the usage line and a pointer to
/// `--help`, and end with exit 64 (the README's "引数の誤り"). Whole standard errors are compared.
@Suite("Argument errors speak Japanese (end to end)")
struct ArgumentErrorTests {
    static let importUsage = "evalsheet import <files> ... [--output <output>] [--to <to>] [--force] [--template <template>] [--jobs <jobs>] [--lang <lang>] [--quiet]"
    static let exportUsage = "evalsheet export <files> ... [--output <output>] [--force] [--template <template>] [--jobs <jobs>] [--lang <lang>] [--quiet]"
    static let batchUsage = "evalsheet batch <input> --output <output> [--to <to>] [--force] [--no-validate] [--strict] [--template <template>] [--jobs <jobs>] [--lang <lang>] [--quiet]"
    static let diffUsage = "evalsheet diff <old> <new> [--format <format>] [--template <template>] [--jobs <jobs>] [--lang <lang>] [--quiet]"
    static let validateUsage = "evalsheet validate <inputs> ... [--format <format>] [--template <template>] [--jobs <jobs>] [--lang <lang>] [--quiet]"
    static let rolloverUsage = "evalsheet rollover <files> ... --to-year <to-year> --output <output> [--to <to>] [--by-department] [--indicator-years <indicator-years>] [--force] [--template <template>] [--jobs <jobs>] [--lang <lang>] [--quiet]"

    /// The Japanese tail of every argument error: the usage line and where to read more.
    static func ja(_ lines: [String], usage: String, command: String) -> String {
        (lines + ["使い方: " + usage, "  詳しい使い方は「\(command) --help」で表示されます。"]).joined(separator: "\n") + "\n"
    }

    static let japanese: [(args: [String], stderr: String)] = [
        (["batch", "somewhere"], ja(["エラー: 必要な引数 '--output <output>' が指定されていません", "説明: --output <output>  出力フォルダ。"],
                                    usage: batchUsage, command: "evalsheet batch")),
        (["import"], ja(["エラー: 必要な引数 '<files> ...' が指定されていません", "説明: <files>  入力ファイルまたはフォルダ(.txt / .json / .xlsx)。"],
                        usage: importUsage, command: "evalsheet import")),
        (["import", "--bogus", "x"], ja(["エラー: '--bogus' というオプションはありません。'--jobs' のことですか?"], usage: importUsage, command: "evalsheet import")),
        (["import", "x.txt", "-z"], ja(["エラー: '-z' というオプションはありません"], usage: importUsage, command: "evalsheet import")),
        (["import", "x.txt", "-qj"], ja(["エラー: '-qj' というオプションはありません。'--to' のことですか?", "   または: '-qj' の '-j <jobs>' に値がありません"],
                                        usage: importUsage, command: "evalsheet import")),
        (["export", "x.txt", "--jobs", "abc"], ja(["エラー: '--jobs <jobs>' の値 'abc' は正しくありません", "説明: --jobs <jobs>  並列に処理する数(既定: CPUのコア数)。"],
                                                  usage: exportUsage, command: "evalsheet export")),
        (["validate", "x", "--lang", "fr"], ja(["エラー: '--lang <lang>' の値 'fr' は正しくありません。'ja'、'en' のいずれかを指定してください", "説明: --lang <lang>  メッセージの言語。"],
                                               usage: validateUsage, command: "evalsheet validate")),
        (["import", "x.txt", "--to", "pdf"], ja(["エラー: '--to <to>' の値 'pdf' は正しくありません。'json'、'text' のいずれかを指定してください", "説明: --to <to>  出力の形式。"],
                                                usage: importUsage, command: "evalsheet import")),
        (["import", "x.txt", "-o"], ja(["エラー: '-o <output>' の値がありません", "説明: -o <output>  出力フォルダ(施策ごとに1ファイル)。"],
                                       usage: importUsage, command: "evalsheet import")),
        (["import", "x.txt", "--force=yes"], ja(["エラー: '--force' は値をとりませんが、'yes' が指定されました"], usage: importUsage, command: "evalsheet import")),
        (["diff", "a", "b", "c"], ja(["エラー: 余分な引数 'c' があります"], usage: diffUsage, command: "evalsheet diff")),
        (["diff", "a", "b", "c", "d"], ja(["エラー: 余分な引数が 2 個あります: 'c', 'd'"], usage: diffUsage, command: "evalsheet diff")),
        (["frobnicate"], ja(["エラー: 'frobnicate' というコマンドはありません"], usage: "evalsheet <subcommand>", command: "evalsheet")),
        (["import", "---x", "a"], ja(["エラー: '---x' はオプションの形になっていません"], usage: "evalsheet <subcommand>", command: "evalsheet")),
        // The commands' own checks were already Japanese; now their label is too.
        (["rollover", "x", "-o", "y", "--to-year", "0"], ja(["エラー: --to-year は 1900〜2999 の西暦で指定してください(例: 2020)"], usage: rolloverUsage, command: "evalsheet rollover")),
        (["import", "x.txt", "--jobs", "0"], ja(["エラー: --jobs は 1 以上にしてください"], usage: importUsage, command: "evalsheet import")),
        (["import", "x.txt", "-o", ""], ja(["エラー: -o/--output に空の名前は指定できません"], usage: importUsage, command: "evalsheet import")),
        (["rollover", "x", "-o", "", "--to-year", "2020"], ja(["エラー: -o/--output に空の名前は指定できません"], usage: rolloverUsage, command: "evalsheet rollover")),
    ]

    @Test(arguments: japanese.indices)
    func japaneseByDefault(_ index: Int) throws {
        let c = Self.japanese[index]
        let r = try EvalsheetBinary.run(c.args)
        #expect(r.status == 64, "\(c.args)")
        #expect(r.stdout == "", "\(c.args)")
        #expect(r.stderr == c.stderr, "\(c.args)")
    }

    static let english: [(args: [String], stderr: String)] = [
        (["batch", "somewhere", "--lang", "en"], """
            Error: Missing expected argument '--output <output>'
            Help:  --output <output>  Output directory.
            Usage: \(batchUsage)
              See 'evalsheet batch --help' for more information.

            """),
        (["import", "--bogus", "x", "--lang=en"], """
            Error: Unknown option '--bogus'. Did you mean '--jobs'?
            Usage: \(importUsage)
              See 'evalsheet import --help' for more information.

            """),
        // --lang before the command reaches the command.
        (["--lang", "en", "export", "x.txt", "--jobs", "abc"], """
            Error: The value 'abc' is invalid for '--jobs <jobs>'
            Help:  --jobs <jobs>  Parallel workers (default: the number of cores).
            Usage: \(exportUsage)
              See 'evalsheet export --help' for more information.

            """),
        (["export", "x.txt", "--jobs", "abc", "--lang", "en"], """
            Error: The value 'abc' is invalid for '--jobs <jobs>'
            Help:  --jobs <jobs>  Parallel workers (default: the number of cores).
            Usage: \(exportUsage)
              See 'evalsheet export --help' for more information.

            """),
        (["diff", "a", "b", "c", "d", "--lang", "en"], """
            Error: 2 unexpected arguments: 'c', 'd'
            Usage: \(diffUsage)
              See 'evalsheet diff --help' for more information.

            """),
    ]

    @Test(arguments: english.indices)
    func englishWithLangEn(_ index: Int) throws {
        let c = Self.english[index]
        let r = try EvalsheetBinary.run(c.args)
        #expect(r.status == 64, "\(c.args)")
        #expect(r.stderr == c.stderr, "\(c.args)")
    }

    /// Help goes to stdout with exit 0, ArgumentParser's headings and words in Japanese (English
    /// with --lang en); the version is printed as it is.
    @Test func helpSpeaksJapanese() throws {
        let r = try EvalsheetBinary.run(["import", "--help"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout.contains("\n使い方: " + Self.importUsage + "\n"))
        for english in ["OVERVIEW", "USAGE", "ARGUMENTS", "OPTIONS", "Show help information.", "Show the version.", "default:", "values:"] {
            #expect(!r.stdout.contains(english), "\(english)")
        }
        let en = try EvalsheetBinary.run(["import", "--help", "--lang", "en"])
        #expect(en.stdout.contains("\nUSAGE: " + Self.importUsage + "\n") && en.stdout.contains("Show help information."))
        let root = try EvalsheetBinary.run(["help"])
        #expect(root.status == 0 && root.stdout.contains("\nコマンド:\n") && root.stdout.hasSuffix("  各コマンドの詳しい使い方は「evalsheet help コマンド名」で表示されます。\n"))
        let version = try EvalsheetBinary.run(["--version"])
        #expect(version.status == 0 && version.stdout == EvalSheetVersion.current + "\n")
    }

    /// `--lang` given before the command, or to `help COMMAND`, reaches the command.
    @Test func languageBeforeTheCommand() throws {
        #expect(EvalSheetCommand.languageMoved(["--lang", "en", "batch", "in", "-o", "out"]) == ["batch", "--lang", "en", "in", "-o", "out"])
        #expect(EvalSheetCommand.languageMoved(["--lang=en", "validate", "x"]) == ["validate", "--lang=en", "x"])
        #expect(EvalSheetCommand.languageMoved(["help", "batch", "--lang", "en"]) == ["batch", "--help", "--lang", "en"])
        #expect(EvalSheetCommand.languageMoved(["--lang", "en"]) == ["--help"])
        #expect(EvalSheetCommand.languageMoved(["--lang", "en", "help", "status"]) == ["status", "--help", "--lang", "en"])
        #expect(EvalSheetCommand.languageMoved(["--lang", "en", "help"]) == ["--help"])
        #expect(EvalSheetCommand.languageMoved(["validate", "--lang", "en", "x"]) == ["validate", "--lang", "en", "x"])
        #expect(EvalSheetCommand.languageMoved(["help", "import"]) == ["help", "import"])
        let r = try EvalsheetBinary.run(["--lang", "en", "validate", "samples/kiyose-2019/511.txt"])
        #expect(r.status == 0 && r.stdout.hasSuffix("No problems found\n"), "\(r.stdout)\(r.stderr)")
    }

    /// ArgumentParser's words where its layout puts them, a wrapped "(values: …; default: …)" too;
    /// a line it does not know is kept.
    @Test func helpScaffoldingWordByWord() {
        #expect(HelpScaffoldingText.japanese("OVERVIEW: 変換します。\n\nUSAGE: evalsheet x\n\nARGUMENTS:\n  <files>  入力。\n\nOPTIONS:\n  --to <to>  形式。 (values: json, text; default: json)")
                == "概要: 変換します。\n\n使い方: evalsheet x\n\n引数:\n  <files>  入力。\n\nオプション:\n  --to <to>  形式。(値: json, text、既定: json)")
        #expect(HelpScaffoldingText.japanese("  --years <y>  決め方。 (values: plan, next; default:\n               plan)")
                == "  --years <y>  決め方。(値: plan, next、既定:\n               plan)")
        #expect(HelpScaffoldingText.japanese("  -o <o>  出力。 (default: .)\n  -h, --help  Show help information.")
                == "  -o <o>  出力。(既定: .)\n  -h, --help  この使い方を表示します。")
        #expect(HelpScaffoldingText.japanese("  Something ArgumentParser adds one day.") == "  Something ArgumentParser adds one day.")
    }

    /// Texts no command line of evalsheet reaches today, and the fallback: a text the table does
    /// not know keeps ArgumentParser's words (only the label is Japanese), so nothing is lost.
    @Test func textsWithoutACommandLineAndTheFallback() {
        #expect(UsageErrorText.message("Missing one of: '--a <a>', '--b <b>'") == "次のいずれかを指定してください: '--a <a>', '--b <b>'")
        #expect(UsageErrorText.message("Value to be set with flag '--json' had already been set with flag '--text'")
                == "'--json' で指定する値は、既に '--text' で指定されています")
        #expect(UsageErrorText.message("Value to be set with flag 'q' in '-qq' had already been set with flag '--quiet'")
                == "'-qq' の 'q' で指定する値は、既に '--quiet' で指定されています")
        #expect(UsageErrorText.message("The value 'x' is invalid for '--kind <kind>'. Please provide one of 'a', 'b' or 'c'.")
                == "'--kind <kind>' の値 'x' は正しくありません。'a'、'b'、'c' のいずれかを指定してください")
        #expect(UsageErrorText.message("The value 'x' is invalid for '--kind <kind>'. Please provide one of the following:\n  - a\n  - b")
                == "'--kind <kind>' の値 'x' は正しくありません。次のいずれかを指定してください:\n  - a\n  - b")
        #expect(UsageErrorText.message("The value 'x' is invalid for '<n>': not a number") == "'<n>' の値 'x' は正しくありません: not a number")
        #expect(UsageErrorText.message("Missing required subcommand.") == "コマンドを指定してください")
        // A list that does not join back as ArgumentParser joins it is not taken apart.
        #expect(UsageErrorText.message("The value 'x' is invalid for '--kind <kind>'. Please provide one of 'a' or 'b'.") == nil)
        #expect(UsageErrorText.message("Internal error. Invalid state while parsing command-line arguments.") == nil)
        let unknown = "Error: Something new\nUsage: evalsheet import <files> ...\n  See 'evalsheet import --help' for more information."
        #expect(UsageErrorText.japanese(full: unknown, message: "Something new")
                == "エラー: Something new\n使い方: evalsheet import <files> ...\n  詳しい使い方は「evalsheet import --help」で表示されます。")
        // Not laid out as ArgumentParser lays it out: kept whole.
        #expect(UsageErrorText.japanese(full: "Oops: x\nUsage: y", message: "x") == "Oops: x\nUsage: y")
    }
}
