#!/usr/bin/env bash
# Fuzzes the JSON reader with libFuzzer + AddressSanitizer, checking its oracle on every input
# (scripts/fuzz/FuzzJSONReader.swift: no crash, write → read identical, never laxer than
# JSONSerialization).
#
#   scripts/fuzz-json-reader.sh [SECONDS=60] [WORKDIR=.build/fuzz-json-reader]
#
# Seeds the corpus with the real year as JSON (one file per policy and one array), every fixture of
# Tests/Fixtures/json-malformed/ and Tests/Fixtures/json-fuzz/; exit status 1 when a crash, oracle
# failure, leak, timeout or out-of-memory was found (reproducers in WORKDIR/artifacts).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_BUDGET="${1:-60}"
WORK="${2:-$ROOT/.build/fuzz-json-reader}"
BUILD="$WORK/build"
CORPUS="$WORK/corpus"
ARTIFACTS="$WORK/artifacts"
mkdir -p "$BUILD" "$CORPUS" "$ARTIFACTS"

FLAGS=(-O -g -sanitize=fuzzer,address)
echo "== building (swiftc ${FLAGS[*]})"
"$ROOT/scripts/build-text-reader-standalone.sh" "$BUILD" "${FLAGS[@]}" 2>&1 | grep -v "ld.gold: warning" || true
swiftc -parse-as-library "${FLAGS[@]}" -I "$BUILD" "$ROOT/scripts/fuzz/FuzzJSONReader.swift" \
    -L "$BUILD" -lEvalSheetJSON -lStrictJSON -lEvalSheetModel -o "$BUILD/fuzz-json-reader" 2>&1 | grep -v "ld.gold: warning" || true
test -x "$BUILD/fuzz-json-reader"

echo "== seeding $CORPUS"
(cd "$ROOT" && swift build --product evalsheet -q 2>/dev/null) || true
SEEDS="$WORK/seeds"; rm -rf "$SEEDS"; mkdir -p "$SEEDS"
"$ROOT/.build/debug/evalsheet" import "$ROOT/samples/kiyose-2019/kiyose-2019.txt" -o "$SEEDS" -q --force || true
python3 - "$ROOT" "$SEEDS" "$CORPUS" "$WORK/json.dict" <<'PY'
import hashlib, json, os, sys
root, seeds, corpus, dict_path = sys.argv[1:5]
def save(data):
    with open(os.path.join(corpus, "seed-" + hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)
year = []
for name in sorted(os.listdir(seeds)):
    data = open(os.path.join(seeds, name), "rb").read()
    save(data)
    year.append(json.loads(data))
save(json.dumps(year[:3], ensure_ascii=False).encode())
for sub in ("json-malformed", "json-fuzz"):
    d = os.path.join(root, "Tests/Fixtures", sub)
    if os.path.isdir(d):
        for name in sorted(os.listdir(d)):
            save(open(os.path.join(d, name), "rb").read()[:200_000])
keys = set()
def walk(v):
    if isinstance(v, dict):
        for k, x in v.items(): keys.add(k); walk(x)
    elif isinstance(v, list):
        for x in v: walk(x)
walk(year)
def entry(text):
    out = ""
    for b in text.encode("utf-8"):
        c = chr(b)
        out += "\\\\" if c == "\\" else '\\"' if c == '"' else c if 32 <= b < 127 else "\\x%02X" % b
    return '"' + out + '"'
with open(dict_path, "w") as f:
    for i, k in enumerate(sorted(keys)):
        f.write("k%d=%s\n" % (i, entry('"' + k + '"')))
    for i, t in enumerate(["null", "true", "false", "1e400", '"\\ud800"', '"\\u0000"', "[]", "{}", "-0", "2019", '"\u2014"']):
        f.write("t%d=%s\n" % (i, entry(t)))
PY
echo "   $(ls "$CORPUS" | wc -l) inputs in corpus"

. "$ROOT/scripts/fuzz/run-libfuzzer.sh"
run_libfuzzer fuzz-json-reader "$WORK/json.dict" 262144 10 2048
