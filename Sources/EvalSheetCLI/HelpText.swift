import Foundation
import EvalSheetModel

/// Every text of `--help`, in Japanese and English. Help is shown in Japanese unless the command
/// line asks for English (`--lang en`), like every other message of the tool.
enum HelpText {
    /// The language help is shown in: English when the arguments contain `--lang en` (or `--lang=en`).
    static let language: Language = {
        let args = CommandLine.arguments
        for (i, a) in args.enumerated() {
            if a == "--lang=en" || (a == "--lang" && i + 1 < args.count && args[i + 1] == "en") { return .en }
        }
        return .ja
    }()

    static func pick(_ ja: String, _ en: String) -> String { language == .en ? en : ja }


    // MARK: - Shared

    static var inputs: String { pick("入力ファイルまたはフォルダ(.txt / .json / .xlsx)。", "Input files or directories (.txt, .json, .xlsx).") }
    static var force: String { pick("既存のファイルを上書きします。", "Overwrite existing outputs.") }
    static var jobs: String { pick("並列に処理する数(既定: CPUのコア数)。", "Parallel workers (default: the number of cores).") }
    static var lang: String { pick("メッセージの言語。", "Language of messages.") }
    static var quiet: String { pick("エラー以外は表示しません。", "Print nothing but errors.") }
    static var template: String { pick("ブックの様式(JSON)。既定は組み込みの清瀬市の様式です。", "A layout template (JSON); default: the built-in Kiyose layout.") }
    static var readTemplate: String { pick("ブックを書き出したときの様式(JSON)。既定は組み込みの清瀬市の様式です。",
                                           "The layout template (JSON) the workbooks were written with; default: the built-in Kiyose layout.") }
    static var reportFormat: String { pick("出力の形式。", "Output format.") }

    // MARK: - evalsheet

    static var mainAbstract: String { pick("施策評価シートを テキスト形式・JSON・Excel の間で変換し、検証します。",
                                           "Converts Kiyose City's policy evaluation sheets (施策評価シート) and validates them.") }
    static var mainDiscussion: String { pick("""
        清瀬市の施策評価シートを、市のテキスト形式(.txt)・JSON・Excelブック(.xlsx)の間で相互に変換します。
        合計・達成率・コード・評価などを検証し、誤りを場所付きで示します。
        各コマンドの使い方は「evalsheet help コマンド名」で表示されます。
        英語で表示するには --lang en を付けてください。

        例:
          evalsheet batch samples/kiyose-2019/kiyose-2019.txt -o out/2019
          evalsheet import samples/kiyose-2019/511.txt --to text
        """, """
        Converts Kiyose City's policy evaluation sheets between the city's text form (.txt), JSON and Excel workbooks (.xlsx), and validates totals, achievement rates, codes and ratings. See 'evalsheet help <subcommand>' for each command.

        Examples:
          evalsheet batch samples/kiyose-2019/kiyose-2019.txt -o out/2019
          evalsheet import samples/kiyose-2019/511.txt --to text
        """) }

    // MARK: - import

    static var importAbstract: String { pick("シートを読み込み、施策ごとに JSON(またはテキスト形式)で書き出します。",
                                             "Reads sheets and writes one JSON (or text-form) file per policy.") }
    static var importDiscussion: String { pick("""
        市のテキスト形式(.txt)・JSON(.json)・Excelブック(.xlsx)のファイルまたはフォルダを読み込みます。
        テキストとJSONは1ファイルに複数の施策を含められます。
        施策ごとに「施策コード.json」(--to text なら .txt)を -o のフォルダに書き出します。
        施策が1件で -o がなければ、結果を標準出力に書きます。
        既存のファイルは、--force を付けない限り上書きしません。
        読めないファイルは場所を示して報告し、そのファイルについては何も書き出しません。ほかのファイルは変換を続けます。

        終了コード: 0=すべて変換、1=読めない入力または書き出せない出力があった、64=引数の誤り。

        例:
          evalsheet import samples/kiyose-2019/kiyose-2019.txt -o out/json
          evalsheet import samples/kiyose-2019/511.txt
          evalsheet import 返ってきた/511.xlsx -o out/json
          evalsheet import out/json/511.json --to text > 511.txt
        """, """
        Reads the city's text form (.txt), JSON (.json) or workbooks (.xlsx) — files or directories; a text or JSON file may hold many policies — and writes one file per policy, named <policy code>.json (or .txt), into the directory given with -o. With a single policy and no -o, the result goes to standard output. Existing files are kept unless --force. A file that cannot be read is reported with its place and nothing is written for it; the other files are still converted.

        Exit status: 0 all converted, 1 an input could not be read or an output not written, 64 wrong arguments.

        Examples:
          evalsheet import samples/kiyose-2019/kiyose-2019.txt -o out/json
          evalsheet import samples/kiyose-2019/511.txt
          evalsheet import returned/511.xlsx -o out/json
          evalsheet import out/json/511.json --to text > 511.txt
        """) }
    static var importOutput: String { pick("出力フォルダ(施策ごとに1ファイル)。", "Output directory (one file per policy).") }
    static var importTo: String { pick("出力の形式。", "Output format.") }

    // MARK: - export

    static var exportAbstract: String { pick("施策ごとに Excel ブック(.xlsx)を書き出します(様式の各節を1シートずつ)。",
                                             "Writes one Excel workbook per policy, one worksheet per section of the form.") }
    static var exportDiscussion: String { pick("""
        テキスト形式・JSON・Excelブック(.txt/.json/.xlsx)のファイルまたはフォルダを読み込みます。
        施策ごとに「施策コード.xlsx」を -o のフォルダに書き出します。
        様式の各節を1シートにし、見出しは保護、入力欄は編集可、選択肢はドロップダウン、総事業費は自動計算です。
        既存のブックは、--force を付けない限り上書きしません。
        読めないファイルは場所を示して報告し、ほかのファイルは変換を続けます。

        終了コード: 0=すべて書き出し、1=読めない入力または書き出せないブックがあった、64=引数の誤り。

        例:
          evalsheet export samples/kiyose-2019/kiyose-2019.txt -o out/xlsx
          evalsheet export out/json -o out/xlsx --force
          evalsheet export 511.txt -o out --template 様式.json
        """, """
        Reads the city's text form, JSON or workbooks (.txt, .json, .xlsx — files or directories; a text or JSON file may hold many policies) and writes <DIR>/<policy code>.xlsx for each: one worksheet per section, labels protected, input cells unlocked, dropdowns, live totals. Existing files are kept unless --force. A file that cannot be read is reported with its place and nothing is written for it; the other files are still converted.

        Exit status: 0 all written, 1 an input could not be read or a workbook not written, 64 wrong arguments.

        Examples:
          evalsheet export samples/kiyose-2019/kiyose-2019.txt -o out/xlsx
          evalsheet export out/json -o out/xlsx --force
          evalsheet export 511.txt -o out --template my-layout.json
        """) }
    static var exportOutput: String { pick("出力フォルダ(既定: 現在のフォルダ)。", "Output directory (default: the current directory).") }

    // MARK: - validate

    static var validateAbstract: String { pick("シートを検証し、誤りと注意点を場所(ファイル:行 / シート!セル)付きで表示します。",
                                               "Validates sheets and lists errors and warnings with their places.") }
    static var validateDiscussion: String { pick("""
        合計・達成率・コード・評価・参照を検証します。
        与えたシート全体で、施策間の整合(同じ事業は名称・担当課・金額がどこでも同じか)も確かめます。
        .txt・.json・.xlsx のファイルとフォルダを混ぜて指定できます。
        読み込み時に気づいたこと(読み取れないセル、文字列で入力された数値、保存値の食い違う合計など)と、読めない入力も、場所付きの指摘として表示します。

        終了コード: 0=エラーなし(警告のみは可)、1=エラーあり、2=読めない入力があった(ほかの入力は検証します)、64=引数の誤り。

        例:
          evalsheet validate samples/kiyose-2019/kiyose-2019.txt
          evalsheet validate 返ってきた/ --format json > findings.json
          evalsheet validate 511.xlsx --lang en
        """, """
        Checks totals, achievement rates, codes, ratings, references and — over all the given sheets together — consistency between policies (the same project must have the same name, section and amounts everywhere). Any mix of .txt, .json and .xlsx files and directories. What the readers noticed (a stray cell, a number typed as text, a saved total that disagrees) and inputs that cannot be read are findings too, with their places.

        Exit status: 0 no errors (warnings allowed), 1 errors found, 2 an input could not be read (the others are still checked), 64 wrong arguments.

        Examples:
          evalsheet validate samples/kiyose-2019/kiyose-2019.txt
          evalsheet validate returned/ --format json > findings.json
          evalsheet validate 511.xlsx --lang en
        """) }

    // MARK: - diff

    static var diffAbstract: String { pick("2つの版を比べ、変わった項目を1行ずつ(節・行・項目・旧→新・セル)表示します。",
                                           "Compares two versions and lists each changed field (section, row, field, old → new, cell).") }
    static var diffDiscussion: String { pick("""
        同じ施策の2つの版(.txt・.json・.xlsx のどれでも)、または2つのフォルダ(施策コードで対応付け)を比べます。
        変わった項目ごとに1行で、節・行(事業コード・指標番号・外部要因)・項目・旧→新と、ブックのセル番地を示します。

        終了コード: 0=変更なし、1=変更あり、2=読めない入力があった(または一方に同じ施策が2つある)、64=引数の誤り。

        例:
          evalsheet diff out/xlsx/511.xlsx 返ってきた/511.xlsx
          evalsheet diff out/json 返ってきた --format json
        """, """
        Compares two sources of the same policy — any of .txt, .json, .xlsx — or two directories (policies paired by policy code). One line per changed field, in section order, naming the section, the row (project code, indicator number, factor), the field, old → new, and the workbook cell where it applies.

        Exit status: 0 no changes, 1 changes found, 2 an input could not be read (or a policy appears twice on one side), 64 wrong arguments.

        Examples:
          evalsheet diff out/xlsx/511.xlsx returned/511.xlsx
          evalsheet diff out/json returned --format json
        """) }
    static var diffOld: String { pick("古い版(ファイルまたはフォルダ)。", "The old version (file or directory).") }
    static var diffNew: String { pick("新しい版(ファイルまたはフォルダ)。", "The new version (file or directory).") }

    // MARK: - batch

    static var batchAbstract: String { pick("1年度分のシートをまとめて変換・検証し、一覧ブック index.xlsx を作ります。",
                                            "Converts and validates a whole year and writes the index workbook index.xlsx.") }
    static var batchDiscussion: String { pick("""
        INPUT は施策評価シートのフォルダ(.txt・.json・.xlsx を混ぜて可)、または複数の施策を含むファイルです。
        施策ごとに並列で -o のフォルダに変換します(1施策1ファイル。書きかけのファイルは残しません)。
        読めない入力や施策があっても、ほかの施策は変換を続けます。
        そのあと年度全体を検証し(施策間の規則を含む)、index.xlsx に全施策の総事業費・評価・最新の達成率・指摘の数と、各ブックへのリンクを載せます。
        指摘(規則によるものと読み込み時のもの)は findings.json にも保存します。
        既にあるファイルは上書きせず「スキップ」と報告します(上書きするには --force)。
        再実行しても、同時に2つ動かしても、ファイルが置き換わることはありません。
        中断された実行の一時ファイルは、次の実行で削除します。

        終了コード: 0=すべて変換(検証のエラーは報告のみ。--strict なら1)、1=読めない入力または書き出せない出力があった、64=引数の誤り。

        例:
          evalsheet batch samples/kiyose-2019/kiyose-2019.txt -o out/2019
          evalsheet batch 返ってきた/ -o out/2019 --to json --jobs 4
          evalsheet batch 返ってきた/ -o out/2019 --force --no-validate
        """, """
        INPUT is a directory of sheets (any mix of .txt, .json, .xlsx) or a file holding many sheets. Every policy is converted in parallel into DIR (one file each, written atomically); a bad input or policy never stops the others. The year is then validated as a whole (including the rules across policies) and DIR/index.xlsx lists every policy with its totals, rating, latest achievement rates, findings and a link to its workbook. Findings — the rules' and the readers' — are also saved as DIR/findings.json. Outputs that exist are kept and reported as skipped unless --force, so a re-run (or a second run at the same time) never replaces a file; temporary files of an interrupted run are removed.

        Exit status: 0 all converted (validation errors are reported but do not fail the run unless --strict), 1 an input could not be read or an output not written, 64 wrong arguments.

        Examples:
          evalsheet batch samples/kiyose-2019/kiyose-2019.txt -o out/2019
          evalsheet batch returned/ -o out/2019 --to json --jobs 4
          evalsheet batch returned/ -o out/2019 --force --no-validate
        """) }
    static var batchInput: String { pick("シートのフォルダ、または複数の施策を含むファイル。", "A directory of sheets, or a file holding many.") }
    static var batchOutput: String { pick("出力フォルダ。", "Output directory.") }
    static var batchTo: String { pick("出力の形式。", "Output format.") }
    static var batchForce: String { pick("既存のファイルを上書きします(付けなければ残してスキップと報告)。",
                                         "Overwrite existing outputs (without it they are kept and reported as skipped).") }
    static var batchNoValidate: String { pick("検証を行いません。", "Skip validation.") }
    static var batchStrict: String { pick("検証でエラーがあれば終了コード 1 にします。", "Exit 1 when validation finds errors.") }
}
