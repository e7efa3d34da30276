#!/usr/bin/env bash
# make bench: EvalSheet against its peers on the real year (9 policies) and a synthetic year
# (BENCH_COUNT policies, default 1,000: the real ones repeated with new codes). Prints wall time,
# peak memory (max RSS) and ratios. A script, not a test: numbers depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${BENCH_COUNT:-1000}
BIN=.build/release/evalsheet
W=${BENCH_DIR:-$(mktemp -d /tmp/evalsheet-bench.XXXX)}
mkdir -p "$W"
echo "work directory: $W (count: $COUNT)"

swift build -c release --product evalsheet >/dev/null

# Inputs: the real year as JSON, the synthetic year, and the plan the Python peers replay.
$BIN import samples/kiyose-2019/kiyose-2019.txt -o "$W/real-json" --force --quiet
python3 bench/make_synthetic_year.py "$W/real-json" "$COUNT" "$W/year-json" >/dev/null
python3 bench/make_synthetic_year.py "$W/real-json" 100 "$W/year-json-100" >/dev/null
$BIN export samples/kiyose-2019/kiyose-2019.txt -o "$W/plan-src" --force --quiet
python3 bench/extract_plan.py "$W/plan.json" "$W"/plan-src/*.xlsx >/dev/null

declare -A WALL RSS
measure() {  # measure KEY command...
  local key=$1; shift
  rm -rf "$W/out-$key"
  /usr/bin/time -f "%e %M" -o "$W/time-$key" "$@" >/dev/null 2>"$W/err-$key" || { cat "$W/err-$key"; exit 1; }
  read -r WALL[$key] RSS[$key] < "$W/time-$key"
}

echo "== export"
measure ours-9       $BIN export samples/kiyose-2019/kiyose-2019.txt -o "$W/out-ours-9" --quiet
measure ours-N       $BIN export "$W/year-json" -o "$W/out-ours-N" --quiet
measure ours1-9      $BIN export samples/kiyose-2019/kiyose-2019.txt -o "$W/out-ours1-9" --quiet --jobs 1
measure ours1-N      $BIN export "$W/year-json" -o "$W/out-ours1-N" --quiet --jobs 1
measure xlsxwriter-9 python3 bench/write_xlsxwriter.py "$W/plan.json" 9 "$W/out-xlsxwriter-9"
measure xlsxwriter-N python3 bench/write_xlsxwriter.py "$W/plan.json" "$COUNT" "$W/out-xlsxwriter-N"
measure openpyxl-9   python3 bench/write_openpyxl.py "$W/plan.json" 9 "$W/out-openpyxl-9"
measure openpyxl-N   python3 bench/write_openpyxl.py "$W/plan.json" "$COUNT" "$W/out-openpyxl-N"

row() { printf "%-28s %10s s %10s MB   %s\n" "$1" "$2" "$(awk "BEGIN{printf \"%.1f\", $3/1024}")" "${4:-}"; }
ratio() { awk "BEGIN{printf \"%.1f×\", $1/$2}"; }
printf "%-28s %12s %13s   %s\n" "export" "wall" "peak RSS" "ours is faster by"
for n in 9 N; do
  label=$([ $n = 9 ] && echo 9 || echo "$COUNT")
  row "evalsheet ($label)" "${WALL[ours-$n]}" "${RSS[ours-$n]}"
  row "XlsxWriter ($label)" "${WALL[xlsxwriter-$n]}" "${RSS[xlsxwriter-$n]}" "$(ratio "${WALL[xlsxwriter-$n]}" "${WALL[ours-$n]}")"
  row "openpyxl ($label)" "${WALL[openpyxl-$n]}" "${RSS[openpyxl-$n]}" "$(ratio "${WALL[openpyxl-$n]}" "${WALL[ours-$n]}")"
done
echo "evalsheet peak memory, 9 → $COUNT policies: $(awk "BEGIN{printf \"%.1f → %.1f MB\", ${RSS[ours-9]}/1024, ${RSS[ours-N]}/1024}")"
echo "(evalsheet with --jobs 1: 9 in ${WALL[ours1-9]:-?} s, $COUNT in ${WALL[ours1-N]:-?} s)"

echo
echo "== import (the workbooks evalsheet exported above)"
measure imp-ours-9      $BIN import "$W/out-ours-9" -o "$W/out-imp-ours-9" --quiet
measure imp-ours-N      $BIN import "$W/out-ours-N" -o "$W/out-imp-ours-N" --quiet
measure imp-ours1-N     $BIN import "$W/out-ours-N" -o "$W/out-imp-ours1-N" --quiet --jobs 1
measure imp-calamine-9  python3 bench/read_calamine.py "$W/out-ours-9"
measure imp-calamine-N  python3 bench/read_calamine.py "$W/out-ours-N"
measure imp-openpyxl-9  python3 bench/read_openpyxl.py "$W/out-ours-9"
measure imp-openpyxl-N  python3 bench/read_openpyxl.py "$W/out-ours-N"
measure imp-unzip-9     bench/unzip_floor.sh "$W/out-ours-9"
measure imp-unzip-N     bench/unzip_floor.sh "$W/out-ours-N"
# The reader layer alone (open + read every sheet, like calamine), best of 5 in one process.
scripts/build-xlsx-reader-standalone.sh "$W/reader-build" -O >/dev/null 2>&1
swiftc -O -parse-as-library -I "$W/reader-build" -I Sources/CZip bench/BenchXLSXReader.swift \
  -L "$W/reader-build" -lXLSXReader -lXLSX -lzip -o "$W/reader-build/bench-reader" 2>/dev/null
reader_9=$("$W/reader-build/bench-reader" "$W"/out-ours-9/*.xlsx | sed -E 's/.*: ([0-9.]+) ms.*/\1/')
reader_N=$("$W/reader-build/bench-reader" "$W"/out-ours-N/*.xlsx | sed -E 's/.*: ([0-9.]+) ms.*/\1/')
printf "%-28s %12s %13s   %s\n" "import" "wall" "peak RSS" "relative to evalsheet"
for n in 9 N; do
  label=$([ $n = 9 ] && echo 9 || echo "$COUNT")
  row "evalsheet ($label)" "${WALL[imp-ours-$n]}" "${RSS[imp-ours-$n]}"
  row "python-calamine ($label)" "${WALL[imp-calamine-$n]}" "${RSS[imp-calamine-$n]}" "$(ratio "${WALL[imp-calamine-$n]}" "${WALL[imp-ours-$n]}") slower than ours"
  row "openpyxl ($label)" "${WALL[imp-openpyxl-$n]}" "${RSS[imp-openpyxl-$n]}" "$(ratio "${WALL[imp-openpyxl-$n]}" "${WALL[imp-ours-$n]}") slower than ours"
  row "unzip -p floor ($label)" "${WALL[imp-unzip-$n]}" "${RSS[imp-unzip-$n]}" "ours is $(ratio "${WALL[imp-ours-$n]}" "${WALL[imp-unzip-$n]}") the floor"
done
row "evalsheet --jobs 1 ($COUNT)" "${WALL[imp-ours1-N]}" "${RSS[imp-ours1-N]}" "$(ratio "${WALL[imp-calamine-N]}" "${WALL[imp-ours1-N]}") vs calamine, $(ratio "${WALL[imp-openpyxl-N]}" "${WALL[imp-ours1-N]}") vs openpyxl"
echo "reader layer alone, every sheet of every workbook (best of 5, in-process):"
echo "  9: $reader_9 ms;  $COUNT: $reader_N ms  →  calamine $(awk "BEGIN{printf \"%.1f×\", ${WALL[imp-calamine-N]}*1000/$reader_N}") slower, openpyxl $(awk "BEGIN{printf \"%.1f×\", ${WALL[imp-openpyxl-N]}*1000/$reader_N}") slower, ours takes $(awk "BEGIN{printf \"%.2f×\", $reader_N/(${WALL[imp-unzip-N]}*1000)}") the time of the unzip -p loop"

echo
echo "== batch ($COUNT policies: convert to xlsx, validate the year, write the index)"
measure batch-1  $BIN batch "$W/year-json" -o "$W/out-batch-1" --quiet --jobs 1
measure batch-2  $BIN batch "$W/year-json" -o "$W/out-batch-2" --quiet --jobs 2
measure batch-h  $BIN batch "$W/year-json-100" -o "$W/out-batch-h" --quiet --jobs 2
printf "%-28s %12s %13s   %s\n" "batch" "wall" "peak RSS" ""
row "batch --jobs 1 ($COUNT)" "${WALL[batch-1]}" "${RSS[batch-1]}"
row "batch --jobs 2 ($COUNT)" "${WALL[batch-2]}" "${RSS[batch-2]}" "speed-up $(ratio "${WALL[batch-1]}" "${WALL[batch-2]}")"
row "batch --jobs 2 (100)" "${WALL[batch-h]}" "${RSS[batch-h]}" "peak memory 100 → $COUNT policies: $(awk "BEGIN{printf \"%.1f → %.1f MB\", ${RSS[batch-h]}/1024, ${RSS[batch-2]}/1024}")"
row "openpyxl, same year ($COUNT)" "${WALL[openpyxl-N]}" "${RSS[openpyxl-N]}" "batch --jobs 2 is $(ratio "${WALL[openpyxl-N]}" "${WALL[batch-2]}") faster"
