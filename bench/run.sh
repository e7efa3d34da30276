#!/usr/bin/env bash
# make bench: EvalSheet against its peers on the real year (9 policies) and synthetic years (the
# real ones repeated with new codes). Prints wall time, peak memory (max RSS), and at the end every
# ratio of issue 12 with its target, whether it is met, and the previous figures (bench/previous.txt).
# A script, not a test: numbers depend on the machine. Ratios are measured side by side in one run.
#
# Sizes (environment):
#   BENCH_COUNT=1000          policies of the export / import / batch year
#   BENCH_JSON_COUNT=2000     policies read and written again as JSON
#   BENCH_TEXT_SIZES="20MB 100MB"   large text-form year files (or policy counts: "2000")
#   BENCH_BATCH_COUNTS="100 1000 10000"   batch peak memory at these sizes
#   BENCH_SECTIONS="export import json text batch"   which parts to run
#   BENCH_QUICK=1             a short run: 100 / 200 / "2MB 6MB" / "100 300", no openpyxl
#   BENCH_OPENPYXL=0          leave out the openpyxl peer (the slowest part of a run)
#   BENCH_SAVE=1              write the new figures to bench/previous.txt afterwards
#   BENCH_DIR=…               work directory (default a new one under /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${BENCH_QUICK:-}" = 1 ]; then
  : "${BENCH_COUNT:=100}" "${BENCH_JSON_COUNT:=200}" "${BENCH_TEXT_SIZES:=2MB 6MB}" "${BENCH_BATCH_COUNTS:=100 300}" "${BENCH_OPENPYXL:=0}"
fi
COUNT=${BENCH_COUNT:-1000}
JSON_COUNT=${BENCH_JSON_COUNT:-2000}
TEXT_SIZES=${BENCH_TEXT_SIZES:-20MB 100MB}
BATCH_COUNTS=${BENCH_BATCH_COUNTS:-100 1000 10000}
SECTIONS=${BENCH_SECTIONS:-export import json text batch}
BIN=.build/release/evalsheet
W=${BENCH_DIR:-$(mktemp -d /tmp/evalsheet-bench.XXXX)}
mkdir -p "$W"
echo "work directory: $W (count: $COUNT; json: $JSON_COUNT; text: $TEXT_SIZES; batch: $BATCH_COUNTS)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
has() { [[ " $SECTIONS " == *" $1 "* ]]; }

swift build -c release --product evalsheet >/dev/null

declare -A WALL RSS FIG
measure() {  # measure KEY command...
  local key=$1; shift
  rm -rf "$W/out-$key"
  /usr/bin/time -f "%e %M" -o "$W/time-$key" "$@" >/dev/null 2>"$W/err-$key" || { cat "$W/err-$key"; exit 1; }
  read -r WALL[$key] RSS[$key] < "$W/time-$key"
}
row() { printf "%-30s %10s s %10s MB   %s\n" "$1" "$2" "$(awk "BEGIN{printf \"%.1f\", $3/1024}")" "${4:-}"; }
ratio() { awk "BEGIN{printf \"%.1f×\", $1/$2}"; }
mb() { awk "BEGIN{printf \"%.1f\", $1/1024}"; }

# Inputs: the real year as JSON, the synthetic years, and the plan the Python peers replay.
$BIN import samples/kiyose-2019/kiyose-2019.txt -o "$W/real-json" --force --quiet
synth() { [ -d "$W/year-json-$1" ] || python3 bench/make_synthetic_year.py "$W/real-json" "$1" "$W/year-json-$1" >/dev/null; }
synth "$COUNT"; synth 100

# The text form and JSON in-process (no files written, no workers): a small tool on the libraries.
build_text_bench() {
  [ -x "$W/text-build/bench-text-json" ] && return
  scripts/build-text-reader-standalone.sh "$W/text-build" -O >/dev/null 2>&1
  swiftc -O -parse-as-library -I "$W/text-build" bench/BenchTextJSON.swift -L "$W/text-build" \
    -lEvalSheetText -lEvalSheetJSON -lEvalSheetForm -lStrictJSON -lEvalSheetModel -o "$W/text-build/bench-text-json" 2>/dev/null
}

if has export; then
  $BIN export samples/kiyose-2019/kiyose-2019.txt -o "$W/plan-src" --force --quiet
  python3 bench/extract_plan.py "$W/plan.json" "$W"/plan-src/*.xlsx >/dev/null
  echo "== export"
  measure ours-9       $BIN export samples/kiyose-2019/kiyose-2019.txt -o "$W/out-ours-9" --quiet
  measure ours-N       $BIN export "$W/year-json-$COUNT" -o "$W/out-ours-N" --quiet
  measure ours1-9      $BIN export samples/kiyose-2019/kiyose-2019.txt -o "$W/out-ours1-9" --quiet --jobs 1
  measure ours1-N      $BIN export "$W/year-json-$COUNT" -o "$W/out-ours1-N" --quiet --jobs 1
  measure ours2-N      $BIN export "$W/year-json-$COUNT" -o "$W/out-ours2-N" --quiet --jobs 2
  measure xlsxwriter-9 python3 bench/write_xlsxwriter.py "$W/plan.json" 9 "$W/out-xlsxwriter-9"
  measure xlsxwriter-N python3 bench/write_xlsxwriter.py "$W/plan.json" "$COUNT" "$W/out-xlsxwriter-N"
  if [ "${BENCH_OPENPYXL:-1}" != 0 ]; then
    measure openpyxl-9   python3 bench/write_openpyxl.py "$W/plan.json" 9 "$W/out-openpyxl-9"
    measure openpyxl-N   python3 bench/write_openpyxl.py "$W/plan.json" "$COUNT" "$W/out-openpyxl-N"
  fi
  printf "%-30s %12s %13s   %s\n" "export" "wall" "peak RSS" "ours is faster by"
  for n in 9 N; do
    label=$([ $n = 9 ] && echo 9 || echo "$COUNT")
    row "evalsheet ($label)" "${WALL[ours-$n]}" "${RSS[ours-$n]}"
    row "XlsxWriter ($label)" "${WALL[xlsxwriter-$n]}" "${RSS[xlsxwriter-$n]}" "$(ratio "${WALL[xlsxwriter-$n]}" "${WALL[ours-$n]}")"
    [ -n "${WALL[openpyxl-$n]:-}" ] && row "openpyxl ($label)" "${WALL[openpyxl-$n]}" "${RSS[openpyxl-$n]}" "$(ratio "${WALL[openpyxl-$n]}" "${WALL[ours-$n]}")"
  done
  row "evalsheet --jobs 1 ($COUNT)" "${WALL[ours1-N]}" "${RSS[ours1-N]}" "$(ratio "${WALL[xlsxwriter-N]}" "${WALL[ours1-N]}") XlsxWriter's speed"
  row "evalsheet --jobs 2 ($COUNT)" "${WALL[ours2-N]}" "${RSS[ours2-N]}" "$(ratio "${WALL[ours1-N]}" "${WALL[ours2-N]}") over --jobs 1"
  FIG[export_jobs1_vs_xlsxwriter]=$(awk "BEGIN{printf \"%.2f\", ${WALL[xlsxwriter-N]}/${WALL[ours1-N]}}")
  FIG[export_jobs2_vs_jobs1]=$(awk "BEGIN{printf \"%.2f\", ${WALL[ours1-N]}/${WALL[ours2-N]}}")
  echo
fi

if has import; then
  [ -d "$W/out-ours-N" ] || $BIN export "$W/year-json-$COUNT" -o "$W/out-ours-N" --quiet
  [ -d "$W/out-ours-9" ] || $BIN export samples/kiyose-2019/kiyose-2019.txt -o "$W/out-ours-9" --quiet
  echo "== import (workbooks evalsheet exported)"
  measure imp-ours-9      $BIN import "$W/out-ours-9" -o "$W/out-imp-ours-9" --quiet
  measure imp-ours-N      $BIN import "$W/out-ours-N" -o "$W/out-imp-ours-N" --quiet
  measure imp-ours1-N     $BIN import "$W/out-ours-N" -o "$W/out-imp-ours1-N" --quiet --jobs 1
  measure imp-calamine-9  python3 bench/read_calamine.py "$W/out-ours-9"
  measure imp-calamine-N  python3 bench/read_calamine.py "$W/out-ours-N"
  if [ "${BENCH_OPENPYXL:-1}" != 0 ]; then
    measure imp-openpyxl-9  python3 bench/read_openpyxl.py "$W/out-ours-9"
    measure imp-openpyxl-N  python3 bench/read_openpyxl.py "$W/out-ours-N"
  fi
  measure imp-unzip-9     bench/unzip_floor.sh "$W/out-ours-9"
  measure imp-unzip-N     bench/unzip_floor.sh "$W/out-ours-N"
  # The reader layer alone (open + read every sheet, like calamine), best of 5 in one process.
  scripts/build-xlsx-reader-standalone.sh "$W/reader-build" -O >/dev/null 2>&1
  swiftc -O -parse-as-library -I "$W/reader-build" -I Sources/CZip bench/BenchXLSXReader.swift \
    -L "$W/reader-build" -lXLSXReader -lXLSX -lzip -o "$W/reader-build/bench-reader" 2>/dev/null
  reader_9=$("$W/reader-build/bench-reader" "$W"/out-ours-9/*.xlsx | sed -E 's/.*: ([0-9.]+) ms.*/\1/')
  reader_N=$("$W/reader-build/bench-reader" "$W"/out-ours-N/*.xlsx | sed -E 's/.*: ([0-9.]+) ms.*/\1/')
  printf "%-30s %12s %13s   %s\n" "import" "wall" "peak RSS" "relative to evalsheet"
  for n in 9 N; do
    label=$([ $n = 9 ] && echo 9 || echo "$COUNT")
    row "evalsheet ($label)" "${WALL[imp-ours-$n]}" "${RSS[imp-ours-$n]}"
    row "python-calamine ($label)" "${WALL[imp-calamine-$n]}" "${RSS[imp-calamine-$n]}" "$(ratio "${WALL[imp-calamine-$n]}" "${WALL[imp-ours-$n]}") slower than ours"
    [ -n "${WALL[imp-openpyxl-$n]:-}" ] && row "openpyxl ($label)" "${WALL[imp-openpyxl-$n]}" "${RSS[imp-openpyxl-$n]}" "$(ratio "${WALL[imp-openpyxl-$n]}" "${WALL[imp-ours-$n]}") slower than ours"
    row "unzip -p floor ($label)" "${WALL[imp-unzip-$n]}" "${RSS[imp-unzip-$n]}" "ours is $(ratio "${WALL[imp-ours-$n]}" "${WALL[imp-unzip-$n]}") the floor"
  done
  row "evalsheet --jobs 1 ($COUNT)" "${WALL[imp-ours1-N]}" "${RSS[imp-ours1-N]}" "$(ratio "${WALL[imp-ours1-N]}" "${WALL[imp-calamine-N]}") calamine's time"
  echo "reader layer alone, every sheet of every workbook (best of 5, in-process):"
  echo "  9: $reader_9 ms;  $COUNT: $reader_N ms  →  calamine $(awk "BEGIN{printf \"%.1f×\", ${WALL[imp-calamine-N]}*1000/$reader_N}") slower, ours takes $(awk "BEGIN{printf \"%.2f×\", $reader_N/(${WALL[imp-unzip-N]}*1000)}") the time of the unzip -p loop"
  FIG[import_jobs1_over_calamine]=$(awk "BEGIN{printf \"%.2f\", ${WALL[imp-ours1-N]}/${WALL[imp-calamine-N]}}")
  FIG[reader_layer_vs_calamine]=$(awk "BEGIN{printf \"%.2f\", ${WALL[imp-calamine-N]}*1000/$reader_N}")
  echo
fi

if has json; then
  synth "$JSON_COUNT"
  build_text_bench
  echo "== JSON in and out ($JSON_COUNT policies: import DIR of .json -o json)"
  measure json1 $BIN import "$W/year-json-$JSON_COUNT" -o "$W/out-json1" --quiet --jobs 1
  measure json2 $BIN import "$W/year-json-$JSON_COUNT" -o "$W/out-json2" --quiet --jobs 2
  lib=$("$W/text-build/bench-text-json" json "$W/year-json-$JSON_COUNT" 3)
  printf "%-30s %12s %13s   %s\n" "json" "wall" "peak RSS" "a policy"
  row "import --jobs 1 ($JSON_COUNT)" "${WALL[json1]}" "${RSS[json1]}" "$(awk "BEGIN{printf \"%.3f ms\", ${WALL[json1]}*1000/$JSON_COUNT}")"
  row "import --jobs 2 ($JSON_COUNT)" "${WALL[json2]}" "${RSS[json2]}" "$(awk "BEGIN{printf \"%.3f ms\", ${WALL[json2]}*1000/$JSON_COUNT}")"
  echo "in-process decode + encode (no files): $lib"
  FIG[json_ms_per_policy]=$(awk "BEGIN{printf \"%.3f\", ${WALL[json1]}*1000/$JSON_COUNT}")
  FIG[json_lib_ms_per_policy]=$(echo "$lib" | sed -E 's/.*, ([0-9.]+) ms a policy/\1/')
  echo
fi

if has text; then
  build_text_bench
  echo "== text form (one large year file, import -o json)"
  printf "%-30s %12s %13s   %s\n" "text" "wall" "peak RSS" ""
  for size in $TEXT_SIZES; do
    f="$W/year-$size.txt"
    [ -f "$f" ] || python3 bench/make_synthetic_text_year.py samples/kiyose-2019/kiyose-2019.txt "$size" "$f" >/dev/null
    bytes=$(stat -c %s "$f")
    measure "text1-$size" $BIN import "$f" -o "$W/out-text1-$size" --quiet --jobs 1
    measure "text2-$size" $BIN import "$f" -o "$W/out-text2-$size" --quiet --jobs 2
    lib=$("$W/text-build/bench-text-json" text "$f" 2)
    row "import --jobs 1 ($size)" "${WALL[text1-$size]}" "${RSS[text1-$size]}" "$(awk "BEGIN{printf \"%.1f MB/s\", $bytes/1e6/${WALL[text1-$size]}}")"
    row "import --jobs 2 ($size)" "${WALL[text2-$size]}" "${RSS[text2-$size]}" "$(awk "BEGIN{printf \"%.1f MB/s, %.2f× over --jobs 1\", $bytes/1e6/${WALL[text2-$size]}, ${WALL[text1-$size]}/${WALL[text2-$size]}}")"
    echo "  reader alone, in-process: $lib"
    FIG[text_import_mb_s_$size]=$(awk "BEGIN{printf \"%.1f\", $bytes/1e6/${WALL[text1-$size]}}")
    FIG[text_reader_mb_s_$size]=$(echo "$lib" | sed -E 's/.* ([0-9.]+) MB\/s/\1/')
    FIG[text_peak_mb_$size]=$(mb "${RSS[text1-$size]}")
    FIG[text_jobs2_over_jobs1_$size]=$(awk "BEGIN{printf \"%.2f\", ${WALL[text1-$size]}/${WALL[text2-$size]}}")
    LAST_TEXT=$size; FIRST_TEXT=${FIRST_TEXT:-$size}
  done
  echo
fi

if has batch; then
  echo "== batch (convert to xlsx, validate the year, write the index; --jobs 2)"
  printf "%-30s %12s %13s   %s\n" "batch" "wall" "peak RSS" ""
  for n in $BATCH_COUNTS; do
    synth "$n"
    measure "batch-$n" $BIN batch "$W/year-json-$n" -o "$W/out-batch-$n" --quiet --jobs 2
    row "batch --jobs 2 ($n)" "${WALL[batch-$n]}" "${RSS[batch-$n]}"
    FIG[batch_peak_mb_$n]=$(mb "${RSS[batch-$n]}")
    FIRST_BATCH=${FIRST_BATCH:-$n}
  done
  echo
fi

# ---- The targets of issue 12, with the previous figures beside the new ones.
prev() { awk -v k="$1" '$1 == k { print $2 }' bench/previous.txt 2>/dev/null; }
check() {  # check KEY LABEL VALUE OP TARGET UNIT
  local key=$1 label=$2 value=$3 op=$4 target=$5 unit=$6 met
  met=$(awk "BEGIN{print ($value $op $target) ? \"met\" : \"NOT met\"}")
  printf "  %-46s %10s %-4s target %s %-8s %-8s (previous %s)\n" "$label" "$value" "$unit" "$op" "$target" "$met" "$(prev "$key" || true)"
}
echo "== targets (issue 12), measured side by side in this run"
[ -n "${FIG[import_jobs1_over_calamine]:-}" ] && check import_jobs1_over_calamine "import --jobs 1 time / python-calamine's" "${FIG[import_jobs1_over_calamine]}" "<=" 1.0 "×"
[ -n "${FIG[json_ms_per_policy]:-}" ] && check json_ms_per_policy "JSON in and out, ms a policy (--jobs 1)" "${FIG[json_ms_per_policy]}" "<=" 0.22 ms
if [ -n "${LAST_TEXT:-}" ]; then
  for size in $TEXT_SIZES; do
    check "text_import_mb_s_$size" "text form $size, import --jobs 1, MB/s" "${FIG[text_import_mb_s_$size]}" ">=" 50 "MB/s"
    check "text_reader_mb_s_$size" "text form $size, reader alone, MB/s" "${FIG[text_reader_mb_s_$size]}" ">=" 50 "MB/s"
  done
  growth=$(awk "BEGIN{printf \"%.1f\", ${FIG[text_peak_mb_$LAST_TEXT]} - ${FIG[text_peak_mb_$FIRST_TEXT]}}")
  FIG[text_peak_growth_mb]=$growth
  check text_peak_growth_mb "text peak memory $FIRST_TEXT → $LAST_TEXT, growth" "$growth" "<=" 10 MB
  check "text_jobs2_over_jobs1_$LAST_TEXT" "text form $LAST_TEXT, --jobs 2 over --jobs 1" "${FIG[text_jobs2_over_jobs1_$LAST_TEXT]}" ">=" 1.5 "×"
fi
if [ -n "${FIRST_BATCH:-}" ]; then
  for n in $BATCH_COUNTS; do
    [ "$n" = "$FIRST_BATCH" ] && continue
    limit=$([ "$n" -le 1000 ] && echo 3 || echo 10)
    g=$(awk "BEGIN{printf \"%.1f\", ${FIG[batch_peak_mb_$n]} - ${FIG[batch_peak_mb_$FIRST_BATCH]}}")
    FIG[batch_growth_mb_$n]=$g
    check "batch_growth_mb_$n" "batch peak memory $FIRST_BATCH → $n, growth" "$g" "<=" "$limit" MB
  done
fi
[ -n "${FIG[export_jobs1_vs_xlsxwriter]:-}" ] && check export_jobs1_vs_xlsxwriter "export --jobs 1 speed / XlsxWriter's" "${FIG[export_jobs1_vs_xlsxwriter]}" ">=" 5 "×"
[ -n "${FIG[export_jobs2_vs_jobs1]:-}" ] && check export_jobs2_vs_jobs1 "export --jobs 2 over --jobs 1" "${FIG[export_jobs2_vs_jobs1]}" ">=" 1.8 "×"

{
  echo "# bench/run.sh figures, $(date -u +%Y-%m-%d) commit $(git rev-parse --short HEAD), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
  for k in "${!FIG[@]}"; do echo "$k ${FIG[$k]}"; done | sort
} > "$W/figures.txt"
echo "figures: $W/figures.txt"
if [ "${BENCH_SAVE:-}" = 1 ]; then cp "$W/figures.txt" bench/previous.txt; echo "saved to bench/previous.txt"; fi
