#!/usr/bin/env bash
# Fuzzes the text-form reader with libFuzzer + AddressSanitizer, checking the "nothing lost" oracle
# on every input.
#
#   scripts/fuzz-text-reader.sh [SECONDS=60] [WORKDIR=.build/fuzz-text-reader]
#
# Builds EvalSheetModel and EvalSheetText (scripts/build-text-reader-standalone.sh), the entry point
# scripts/fuzz/FuzzTextReader.swift and the oracle Tests/EvalSheetTextTests/NothingLostOracle.swift
# with `swiftc -sanitize=fuzzer,address`; seeds a corpus with the real sheets (each alone and in
# canonical form), every text fixture (the year-based ones split into sheets) and the regression
# fixtures of Tests/Fixtures/text-fuzz/; runs for SECONDS; prints executions and crashes. Exit
# status 1 when a crash, oracle failure, leak, timeout or out-of-memory was found (reproducers are
# left in WORKDIR/artifacts).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_BUDGET="${1:-60}"
WORK="${2:-$ROOT/.build/fuzz-text-reader}"
BUILD="$WORK/build"
CORPUS="$WORK/corpus"
ARTIFACTS="$WORK/artifacts"
mkdir -p "$BUILD" "$CORPUS" "$ARTIFACTS"

FLAGS=(-O -g -sanitize=fuzzer,address)
echo "== building (swiftc ${FLAGS[*]})"
"$ROOT/scripts/build-text-reader-standalone.sh" "$BUILD" "${FLAGS[@]}" 2>&1 | grep -v "ld.gold: warning" || true
swiftc -parse-as-library "${FLAGS[@]}" -I "$BUILD" \
    "$ROOT/scripts/fuzz/FuzzTextReader.swift" "$ROOT/Tests/EvalSheetTextTests/NothingLostOracle.swift" \
    -L "$BUILD" -lEvalSheetText -lEvalSheetJSON -lEvalSheetForm -lStrictJSON -lEvalSheetModel -o "$BUILD/fuzz-text-reader" 2>&1 | grep -v "ld.gold: warning" || true
test -x "$BUILD/fuzz-text-reader"

echo "== seeding $CORPUS"
python3 - "$ROOT" "$CORPUS" "$WORK/text.dict" <<'PY'
import hashlib, os, sys
root, corpus, dict_path = sys.argv[1], sys.argv[2], sys.argv[3]
def save(data):
    with open(os.path.join(corpus, "seed-" + hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)
def sheets(text):
    """Split a file at its 1. 基本情報 headings."""
    out, cur = [], []
    for line in text.split(b"\n"):
        if line.replace(b" ", b"").startswith("1.基本情報".encode()) and cur:
            out.append(b"\n".join(cur)); cur = []
        cur.append(line)
    out.append(b"\n".join(cur))
    return out
samples = os.path.join(root, "samples/kiyose-2019")
for name in sorted(os.listdir(samples)):
    data = open(os.path.join(samples, name), "rb").read()
    for part in sheets(data):
        save(part)
for sub in ("text-malformed", "text-fuzz"):
    d = os.path.join(root, "Tests/Fixtures", sub)
    if not os.path.isdir(d):
        continue
    for name in sorted(os.listdir(d)):
        data = open(os.path.join(d, name), "rb").read()
        for part in sheets(data) if len(data) > 30_000 else [data]:
            save(part[:60_000])
# The form's labels and punctuation, for the mutator.
words = ["1. 基本情報", "2. 施策の方向", "3. 構成事業の状況", "4. まちづくり指標", "5. 評価(令和元年度実績に対する)",
         "6. 施策を取り巻く環境", "7. 施策を進める上での課題", "評価対象年度 (令和元年度)", "施策コード", "施策名", "将来像",
         "まちづくりの基本目標", "担当部署", "担当課", "担当係", "担当者", "役職", "内線", "関係課", "10年後の姿", "施策の方向性",
         "(単位:千円)", "No.", "事務事業名", "実行計画", "対象", "平成30年度決算", "令和元年度決算", "令和2年度予算",
         "総事業費(施策の合計)", "指標情報", "名称", "説明", "単位", "抽出方法", "目標値", "実績値", "達成率", "(※)", "—",
         "①", "②", "⑳", "(21)", "評価基準", "評価※", "評価理由", "総合評価(成果、投入財源等を総合的に評価) ", "維持", "順調",
         "停滞", "<p>", "</p>", "外部要因", "状況", "外部要因に対する評価", "1. 施策遂行に役立つ・有利", "2. 施策遂行に不利",
         "3. 施策の必要性を高める", "関連する事務事業名", "現在の取組状況", "令和3年度以降の取組", "※", "\t", "\t\t", "\r\n",
         "\u3000", "999,999,999,999", "1,000,000,000,000", "9223372036854775807", "0.690", "94.8%", "1,2", "\ufeff"]
with open(dict_path, "w") as f:
    for w in words:
        f.write('"' + "".join("\\x%02X" % b for b in w.encode()) + '"\n')
PY
echo "   $(ls "$CORPUS" | wc -l) inputs in corpus"

. "$ROOT/scripts/fuzz/run-libfuzzer.sh"
run_libfuzzer fuzz-text-reader "$WORK/text.dict" 65536 20 2048
