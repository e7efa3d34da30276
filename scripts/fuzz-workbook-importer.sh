#!/usr/bin/env bash
# Fuzzes the workbook importer (EvalSheetWorkbook over XLSXReader) with libFuzzer + AddressSanitizer,
# checking the "nothing lost" oracle on every workbook that imports.
#
#   scripts/fuzz-workbook-importer.sh [SECONDS=60] [WORKDIR=.build/fuzz-workbook-importer]
#   EXPORTED_DIR=dir scripts/fuzz-workbook-importer.sh …   (seed from workbooks exported elsewhere)
#
# Builds XLSX, XLSXReader, EvalSheetModel, XLSXWriter and EvalSheetWorkbook as static libraries
# with `swiftc -sanitize=fuzzer,address`, links scripts/fuzz/FuzzWorkbookImporter.swift with the
# oracle and the mutation test's edits (Tests/EvalSheetWorkbookTests/Support/*.swift), seeds a
# corpus with the nine real-year workbooks freshly exported and the committed import fixtures
# (their parts joined by NUL bytes, the harness's part mode; small whole files too) and with edit
# scripts over the exported workbooks (the harness's "M" mode), runs for
# SECONDS, then prints executions and crashes. Exit status 1 when a crash, oracle failure, leak,
# timeout or out-of-memory was found (reproducers are left in WORKDIR/artifacts).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_BUDGET="${1:-60}"
WORK="${2:-$ROOT/.build/fuzz-workbook-importer}"
BUILD="$WORK/build"
CORPUS="$WORK/corpus"
ARTIFACTS="$WORK/artifacts"
mkdir -p "$BUILD" "$CORPUS" "$ARTIFACTS"

FLAGS=(-O -g -sanitize=fuzzer,address -enable-bare-slash-regex)
quiet() { grep -v "ld.gold: warning" || true; }
lib() {  # lib MODULE SOURCES…
    local module="$1"; shift
    swiftc -parse-as-library -wmo -module-name "$module" "${FLAGS[@]}" -I "$BUILD" -I "$ROOT/Sources/CZip" \
        -I "$ROOT/Sources/CXlsxWriter" -emit-library -static -emit-module -emit-module-path "$BUILD/$module.swiftmodule" \
        -o "$BUILD/lib$module.a" "$@" 2>&1 | quiet
}
echo "== building (swiftc ${FLAGS[*]})"
"$ROOT/scripts/build-xlsx-reader-standalone.sh" "$BUILD" "${FLAGS[@]}" 2>&1 | quiet
sources() { find "$ROOT/Sources/$1" -name "*.swift" | sort; }
for module in EvalSheetModel StrictJSON FileOutput XLSXWriter EvalSheetForm EvalSheetWorkbook; do
    # shellcheck disable=SC2046
    lib "$module" $(sources "$module")
done
swiftc -parse-as-library "${FLAGS[@]}" -I "$BUILD" -I "$ROOT/Sources/CZip" -I "$ROOT/Sources/CXlsxWriter" \
    "$ROOT/scripts/fuzz/FuzzWorkbookImporter.swift" \
    "$ROOT/Tests/EvalSheetWorkbookTests/Support/NothingLostOracle.swift" \
    "$ROOT/Tests/EvalSheetWorkbookTests/Support/StoredZip.swift" \
    "$ROOT/Tests/EvalSheetWorkbookTests/Support/WorkbookMutations.swift" \
    "$ROOT/Tests/TestSupport/SeededGenerator.swift" \
    -L "$BUILD" -lEvalSheetWorkbook -lEvalSheetForm -lStrictJSON -lXLSXWriter -lFileOutput -lXLSXReader -lEvalSheetModel -lXLSX \
    -lzip -lxlsxwriter -lz \
    -o "$BUILD/fuzz-workbook-importer" 2>&1 | quiet
test -x "$BUILD/fuzz-workbook-importer"

echo "== seeding $CORPUS"
# The nine real workbooks, exported now (or taken from $EXPORTED_DIR when set).
EXPORTED="${EXPORTED_DIR:-$WORK/exported}"
if [ -z "${EXPORTED_DIR:-}" ]; then
    rm -rf "$EXPORTED"
    (cd "$ROOT" && swift build --product evalsheet >/dev/null && .build/debug/evalsheet export samples/kiyose-2019/kiyose-2019.txt -o "$EXPORTED" --quiet)
fi
python3 - "$EXPORTED" "$ROOT/Tests/Fixtures" "$CORPUS" <<'PY'
import glob, hashlib, os, sys, zipfile
exported, fixtures, corpus = sys.argv[1:4]
def save(data):
    with open(os.path.join(corpus, "seed-" + hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)
names = [f"xl/worksheets/sheet{i}.xml" for i in range(1, 9)] + ["xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"]
def parts_mode(path):
    try:
        z = zipfile.ZipFile(path)
        have = set(z.namelist())
        if not all(n in have for n in names[:7] + ["xl/workbook.xml"]):
            return
        save(b"\0".join(z.read(n).replace(b"\0", b" ") if n in have else b"" for n in names))
    except Exception:
        pass
for path in sorted(glob.glob(os.path.join(exported, "*.xlsx"))):
    parts_mode(path)
import random
rng = random.Random(2019)
for _ in range(64):  # edit mode: "M" and the bytes the edits are chosen from
    save(b"M" + bytes(rng.randrange(256) for _ in range(rng.choice([16, 48, 96]))))
for sub in ("xlsx-faults", "xlsx-domain", "xlsx-edited"):
    for path in sorted(glob.glob(os.path.join(fixtures, sub, "*.xlsx"))):
        parts_mode(path)
        data = open(path, "rb").read()
        if len(data) <= 120_000:
            save(data)
PY
echo "   $(ls "$CORPUS" | wc -l) inputs in corpus"
# The dictionary: the XML tokens of the reader's, plus every text of the layout template and the
# values the form accepts (numbers at and past the bound, dashes, choices), as UTF-8 escapes.
DICT="$WORK/workbook.dict"
python3 - "$ROOT/scripts/fuzz/xlsx.dict" "$ROOT/templates/kiyose-default.json" "$DICT" <<'PY'
import json, sys
base, template, out = sys.argv[1:4]
t = json.load(open(template))
texts = [v for v in t["labels"].values()] + t["legend"] + [t["endMarker"]] + [s["title"] for s in t["sheets"].values()]
texts += ["令和元年度", "令和2年度", "平成30年度決算", "令和2年度予算", "対象", "—", "①", "②", "⑳", "(21)", "高いほど良い",
          "低いほど良い", "1. 施策遂行に役立つ・有利 ", "2. 施策遂行に不利", "3. 施策の必要性を高める", "順調", "維持", "停滞",
          "999999999999", "1000000000000", "1E+30", "1E+200", "1e-12", "0.948", "33.0", "#,##0", "0.0%", '0.0"(※)"',
          "_x000D_", "_x005F_x000D_", "<f>SUM(F5:F10)</f>", ' s="999"', ' t="inlineStr"><is><t>']
def esc(s):
    return "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "".join(f"\\x{b:02X}" for b in c.encode()) for c in s)
with open(out, "w") as f:
    f.write(open(base).read())
    for s in dict.fromkeys(texts):
        f.write(f'"{esc(s)}"\n')
PY

# One known leak outside this code: libxlsxwriter 1.1.4's worksheet_data_validation_range keeps a
# lxw_strdup copy of a list formula (19 bytes per dropdown) that workbook_close never frees (seen
# with fast_unwind_on_malloc=0). The oracle exports every imported workbook, so allocations by
# lxw_strdup are suppressed (the shared library has no frame pointers: the stack stops there) —
# every other leak still fails.
SUPP="$WORK/lsan.supp"
echo "leak:lxw_strdup" > "$SUPP"

. "$ROOT/scripts/fuzz/run-libfuzzer.sh"
export EVALSHEET_FUZZ_BASES="$EXPORTED" LSAN_OPTIONS=suppressions="$SUPP":print_suppressions=0
run_libfuzzer fuzz-workbook-importer "$DICT" 262144 20 3072 '^== importer:'
