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
