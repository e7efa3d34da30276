#!/bin/sh
# Reproduces the defects found attacking issue 9 with the built binary. Each block prints what
# happens; the comment says what should. Usage: Tests/Fixtures/attack/repro.sh [BIN]
set -u
here=$(cd "$(dirname "$0")" && pwd)
B=${1:-$here/../../../.build/debug/evalsheet}
S=$here/../../../samples/kiyose-2019
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
cd "$here"
say() { printf '\n== %s\n' "$*"; }

say "D1 policy code 'findings' + batch --to json --force: the policy's JSON is replaced by findings.json (should: refuse the code or the name, nothing overwritten)"
"$B" batch policy-code-named-findings.txt -o "$W/d1" --to json --force --quiet >/dev/null 2>&1; echo "rc=$?"
head -c 60 "$W/d1/findings.json"; echo; ls "$W/d1"

say "D1b policy code 'index' + batch --force: the policy workbook index.xlsx is replaced by the year index"
"$B" batch policy-code-named-index.txt -o "$W/d1b" --force --quiet >/dev/null 2>&1; echo "rc=$?"
"$B" import "$W/d1b/index.xlsx" >/dev/null; echo "import of the policy's workbook rc=$?"

say "D2 two <v> in one numeric cell: read as 24509999 (concatenated), exit 0 (should: error at F5)"
"$B" import money-cell-two-values.xlsx 2>/dev/null | grep -m1 -A1 '"amounts"'; echo "rc=$?"

say "D3 money cell with a date format (shows 2019/01/01) read as 43,466 千円 without a warning on F5"
"$B" import money-cell-date-format.xlsx 2>&1 >/dev/null | grep -c "F5"; "$B" import money-cell-date-format.xlsx 2>/dev/null | grep -m1 -A1 '"amounts"'

say "D4 repeated indicator year header 令和4年度 twice: accepted, years [..., 2022, 2022], validate silent (should: error naming line 33)"
"$B" validate indicator-year-header-repeated.txt; echo "rc=$?"

say "D5 blank 単位 label: the unit '%' becomes the description, exit 0, no warning (should: warn at line 35)"
"$B" import indicator-unit-label-blank.txt 2>&1 | grep -m2 '"description"\|"unit"'

say "D6 --to text turns TAB/LF/CR into spaces and drops outer spaces, exit 0, no message (should: error or warning naming the field)"
for f in text-with-tab.json text-with-newline.json text-with-outer-spaces.json; do
  "$B" import "$f" --to text > "$W/t.txt" 2> "$W/t.err"; echo "$f rc=$? messages=$(wc -l < "$W/t.err")"
  "$B" import "$W/t.txt" 2>/dev/null | python3 -c 'import json,sys; print("  evaluation.reason now", repr(json.load(sys.stdin)["evaluation"]["reason"]))'
done

say "D7 printed numbers normalised silently: -0 -> 0, 001 -> 1 (exit 0, no warning)"
"$B" import indicator-target-minus-zero.txt 2>&1 | grep -m1 -A3 '"targets"' | tail -1
"$B" import indicator-target-leading-zeros.txt 2>&1 | grep -m1 -A3 '"targets"' | tail -1

say "D8 diff of two folders where one lacks a policy: 'エラー' on stderr, then 変更はありません and exit 0"
mkdir -p "$W/a" "$W/b"; "$B" export "$S/511.txt" "$S/512.txt" -o "$W/a" --quiet; cp "$W/a/511.xlsx" "$W/b/"
"$B" diff "$W/a" "$W/b"; echo "rc=$?"

say "D9 a batch output folder is not a valid input: findings.json read as sheets (hundreds of errors), exit 2"
"$B" batch "$S/kiyose-2019.txt" -o "$W/y" --quiet >/dev/null 2>&1
"$B" validate "$W/y" > "$W/v.txt" 2>&1; echo "rc=$? lines=$(wc -l < "$W/v.txt")"; tail -n 1 "$W/v.txt"

say "D10 English inside Japanese messages (reader detail, strerror)"
"$B" import numeric-cell-not-a-number.xlsx 2>&1 >/dev/null | head -n 1
mkdir -p "$W/dd/511.json"; "$B" import "$S/511.txt" -o "$W/dd" --force 2>&1 | head -n 1

say "D11 folder inputs silently skip .xls/.xlsm/no-extension files and subfolders; an empty folder is 'no problems', exit 0"
mkdir -p "$W/in/sub" "$W/empty"; cp "$S/511.txt" "$W/in/"; cp "$S/512.txt" "$W/in/sub/"; cp "$W/a/512.xlsx" "$W/in/513.xls"
"$B" validate "$W/in" | tail -n 1; "$B" validate "$W/empty"; echo "rc=$?"

say "D12 index.xlsx: a duplicate that was not written gets its own row and its findings are added to the written policy's counts"
mkdir -p "$W/dup"; cp "$W/a/511.xlsx" "$W/dup/511.xlsx"; cp "$W/a/511.xlsx" "$W/dup/x511.xlsx"
"$B" batch "$W/dup" -o "$W/dupo" --quiet >/dev/null 2>&1
python3 -c "
from python_calamine import CalamineWorkbook
for r in CalamineWorkbook.from_path('$W/dupo/index.xlsx').get_sheet_by_name('施策一覧').to_python()[3:]: print(r[0], 'errors', r[-3], 'warnings', r[-2], 'link', repr(r[-1]))"

say "D13 export --template with another endMarker, then import (no --template there): a 9th external factor '以上' appears, exit 0"
python3 -c "
import json; t=json.load(open('$here/../../../templates/kiyose-default.json')); t['endMarker']='以上'; json.dump(t,open('$W/tpl.json','w'),ensure_ascii=False)"
"$B" export "$S/511.txt" --template "$W/tpl.json" -o "$W/tp" --quiet
"$B" import "$W/tp/511.xlsx" 2>/dev/null | python3 -c 'import json,sys; e=json.load(sys.stdin)["environment"]; print(len(e), "factors, last:", e[-1]["category"])'
