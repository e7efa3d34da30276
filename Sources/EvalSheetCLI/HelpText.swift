import Foundation
import EvalSheetModel
import EvalSheetForm
import EvalSheetValidation

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

    /// The default form's labels: help names the parts of the form as the form does.
    static let form = FormTemplate.standard.labels


    // MARK: - Shared

    static var inputs: String { pick("入力ファイルまたはフォルダ(.txt / .json / .xlsx)。", "Input files or directories (.txt, .json, .xlsx).") }
    static var force: String { pick("既存のファイルを上書きします。", "Overwrite existing outputs.") }
    static var jobs: String { pick("並列に処理する数(既定: CPUのコア数)。", "Parallel workers (default: the number of cores).") }
    static var lang: String { pick("メッセージの言語。", "Language of messages.") }
    static var quiet: String { pick("エラー以外は表示しません。", "Print nothing but errors.") }
    static var template: String { pick("様式(JSON)。書き出しと読み込みに使います(書き出しに使った様式を、読み込むときにも指定してください)。既定は組み込みの清瀬市の様式です。",
                                       "The form's template (JSON) to write and read with (read a workbook with the template it was written with); default: the built-in Kiyose form.") }
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
          evalsheet rollover out/2019 --to-year 2020 -o 送付/2020 --by-department
          evalsheet status 送付/2020 返ってきた/2020 -o 回収状況.xlsx
        """, """
        Converts Kiyose City's policy evaluation sheets between the city's text form (.txt), JSON and Excel workbooks (.xlsx), and validates totals, achievement rates, codes and ratings. See 'evalsheet help <subcommand>' for each command.

        Examples:
          evalsheet batch samples/kiyose-2019/kiyose-2019.txt -o out/2019
          evalsheet import samples/kiyose-2019/511.txt --to text
          evalsheet rollover out/2019 --to-year 2020 -o sent/2020 --by-department
          evalsheet status sent/2020 returned/2020 -o status.xlsx
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
        与えたシート全体で、施策間の整合(同じ事業は名称・\(form.section)・金額がどこでも同じか)も確かめます。
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

    // MARK: - rollover

    static var rolloverAbstract: String { pick("今年度のシートから次年度のシートを作ります(各課へ送る様式)。",
                                               "Makes next year's sheets from this year's (the forms sent to the departments).") }
    static var rolloverDiscussion: String { pick("""
        今年度の施策評価シート(.txt・.json・.xlsx のファイルまたはフォルダ)を読み、次年度のシートを施策ごとに -o のフォルダへ書き出します。
        評価対象年度と、それを含む見出しを1年進めます。
        事業費の列は1年ずつ進みます(令和元年度のシートなら 令和元年度決算・令和2年度決算・令和3年度予算)。
        今年度にある年度の決算は引き継ぎ、新しい年度の決算と予算は各課が記入する空欄にします。
        今年度の予算・\(form.ratingName)・\(form.reasonHeader)は、次年度の値にはせず、前年度の参考として残します(テキスト形式には書き出せません)。
        指標の年度は --indicator-years で選びます。
          plan(既定): 前年度・評価年度と、それより後の計画の目標年度(平成30・令和元・2・4・7 → 令和元・2・4・7)
          next: plan に評価年度の翌年度を加える(令和元・2・3・4・7。その目標は空欄)
        目標値はすべて引き継ぎ、評価年度以降の実績値と達成率は空欄にします。
        --by-department を付けると「フォルダ/\(form.section)/施策コード.xlsx」に書き出します。
        \(form.section)のフォルダ名は、どのOSでも使える名前にします(使えない文字は _、予約名には _ を付加)。
        \(form.section)が空欄またはフォルダ名にできない施策は「\(form.section)なし」フォルダに入れます。
        名前が重なる2つの課は同じフォルダにせず、後の課に「 (2)」を付けて報告します。
        シートは --to-year の前の年度のものに限ります。ほかの年度のシートは、その施策のエラーとして報告します。
        既存のファイルは、--force を付けない限り上書きしません。
        1つの施策が失敗しても、ほかの施策は書き出しを続けます。

        終了コード: 0=すべて書き出し、1=読めない入力・繰り越せない施策・書き出せない出力があった、64=引数の誤り。

        例:
          evalsheet rollover kiyose-2019.txt --to-year 2020 -o 送付/2020
          evalsheet rollover out/2019 --to-year 2020 -o 送付/2020 --by-department
          evalsheet rollover 2019 --to-year 2020 -o 送付 --to json --indicator-years next
        """, """
        Reads this year's sheets (.txt, .json, .xlsx — files or directories) and writes next year's sheet of each policy into the directory given with -o. The evaluation year, and every heading naming it, moves on by one. The money columns move on by one year (for a FY2019 sheet: 令和元年度決算, 令和2年度決算, 令和3年度予算): the settled amounts of a year this year's sheet has are carried, the new year's settled amounts and budget are blank for the department. This year's budget, rating and reason are kept as last year's reference, never as next year's values (the text form cannot carry them).

        The indicator years follow --indicator-years:
          plan (default): the previous and the new evaluation year, and the plan's target years after it (H30, R1, R2, R4, R7 → R1, R2, R4, R7)
          next: as plan, plus the year after the new evaluation year (R1, R2, R3, R4, R7; its target blank)
        Every target is carried; actuals and rates from the new evaluation year on are blank.

        With --by-department the files go to DIR/<\(form.section)>/<policy code>.xlsx. Folder names are made safe for every file system (forbidden characters become _, reserved names get a _); a policy whose \(form.section) is blank or unusable goes to the folder \(form.section)なし; two departments whose folder names would be the same never share a folder: the later gets " (2)", and it is reported. Every sheet must be for the year before --to-year; a sheet for another year is an error for that policy. Existing files are kept unless --force. One policy's failure never stops the others.

        Exit status: 0 all written, 1 an input could not be read, a policy not rolled over or an output not written, 64 wrong arguments.

        Examples:
          evalsheet rollover kiyose-2019.txt --to-year 2020 -o sent/2020
          evalsheet rollover out/2019 --to-year 2020 -o sent/2020 --by-department
          evalsheet rollover 2019 --to-year 2020 -o sent --indicator-years next
        """) }
    static var rolloverToYear: String { pick("次年度(西暦)。入力はその前の年度のシートに限ります。", "The next year (western calendar); every input must be for the year before.") }
    static var rolloverOutput: String { pick("出力フォルダ。", "Output directory.") }
    static var rolloverTo: String { pick("出力の形式。", "Output format.") }
    static var rolloverByDepartment: String { pick("\(form.section)ごとのフォルダに書き出します。", "Write one folder per department (\(form.section)).") }
    static var rolloverIndicatorYears: String { pick("指標の年度の決め方(plan / next)。", "How the indicator years move on (plan / next).") }

    // MARK: - status

    static var statusAbstract: String { pick("送付したシートと返ってきたシートを比べ、施策ごとの回収状況を表示します。",
                                             "Compares the sheets sent with those returned and shows where each policy stands.") }
    static var statusDiscussion: String { pick("""
        SENT は各課へ送付したシート(rollover の出力)、RETURNED は返ってきたファイルのフォルダです。
        返ってきたファイルは、名前や置き場所(サブフォルダを含む)にかかわらず施策コードで対応付けます。
        送付した施策ごとに、返却の有無、送付時から変わった項目の数、エラー・警告の数、まだ空欄の入力欄の数を表示します。
        状態は 未返却・重複・エラーあり・未記入あり・完了 のいずれかです。
        施策評価シートとして読めないファイル、送付していない施策、別の年度のシート、同じ施策の2つ目のファイルは、使わずに報告します。
        -o を付けると、回収状況のブック(課ごとに並べた1施策1行、返却ファイルへのリンク、数は数値、フィルタ付き)を書き出します。
        既存のブックは、--force を付けない限り上書きしません。

        終了コード: 0=すべて返却済みでエラーなし、1=未返却・エラー・未記入・対象外のファイルがある(またはブックを書き出せない)、2=送付したシートを読めない、64=引数の誤り。

        例:
          evalsheet status 送付/2020 返ってきた/2020
          evalsheet status 送付/2020 返ってきた/2020 -o 回収状況.xlsx
          evalsheet status 送付/2020 返ってきた/2020 --format json > status.json
        """, """
        SENT holds the sheets sent to the departments (rollover's output); RETURNED is the folder of what came back. Returned files are matched by policy code, whatever they are called and wherever they are under RETURNED (subfolders included). For every policy sent: returned or not, how many fields changed since it was sent, errors, warnings, and inputs still blank. States: not returned, returned twice, has errors, blanks to fill, complete. A file that cannot be read as a sheet, a policy that was not sent, a sheet for another year and a second copy of a policy are reported and never used. With -o, a status workbook is written: one row per policy grouped by department, links to the returned files, counts as numbers, with filters. An existing workbook is kept unless --force.

        Exit status: 0 everything returned with no errors, 1 something missing, wrong, blank or stray (or the workbook not written), 2 the sheets sent cannot be read, 64 wrong arguments.

        Examples:
          evalsheet status sent/2020 returned/2020
          evalsheet status sent/2020 returned/2020 -o status.xlsx
          evalsheet status sent/2020 returned/2020 --format json > status.json
        """) }
    static var statusSent: String { pick("送付したシート(ファイルまたはフォルダ)。", "The sheets sent (file or directory).") }
    static var statusReturned: String { pick("返ってきたファイルのフォルダ(サブフォルダも読みます)。", "The folder of returned files (subfolders included).") }
    static var statusOutput: String { pick("回収状況のブック(.xlsx)を書き出します。", "Write the status workbook (.xlsx) here.") }
}
