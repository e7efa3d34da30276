#!/usr/bin/env bash
# Behaviour unchanged by a speed change: runs the evalsheet of this tree and a reference build (main,
# or BASE_BIN) on the same inputs and compares everything they write, byte for byte:
#   - import -o json of the real year (the text file and the nine single-sheet files), of a
#     synthetic year of SYNTH policies (JSON in, JSON out), of a large text-form year file, and of
#     the year exported to workbooks (xlsx in, JSON out);
#   - import --to text of the real year;
#   - text files with CR LF / CR line ends, a BOM, bad UTF-8 at the end, only blanks, nothing, no
#     heading, text before the first sheet, and a CR LF split across the reader's 1 MB chunks;
#   - every message (stderr, --lang ja and en) and exit code for every fault fixture of
#     Tests/Fixtures (text-malformed, json-malformed, attack: each file alone), so places
#     (file:line, pointers, cells) and wording stay identical;
#   - batch of the real year (text, JSON, workbooks in; xlsx, json out; --strict, --no-validate,
#     --lang en), of the synthetic year, and of the malformed text fixtures: findings.json, every
#     message and exit code, and every workbook part by part (docProps/core.xml, which holds the
#     time of writing, left out);
#   - export of the real year, the synthetic year and the malformed fixtures (workbooks part by part,
#     every message and exit code).
#
#   bench/check_identical.sh [BASE_BIN]      (default: builds main's HEAD in /tmp/evalsheet-main)
# Env: SYNTH (1000), NEW_BIN (.build/release/evalsheet). Runs with several workers report their
# inputs in the order they finish, so their messages are compared as sorted lines.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SYNTH=${SYNTH:-1000}
NEW=${NEW_BIN:-$ROOT/.build/release/evalsheet}
BASE=${1:-${BASE_BIN:-}}
if [ -z "$BASE" ]; then
  src=/tmp/evalsheet-main
  rm -rf "$src" && mkdir -p "$src"
  git archive main | tar -x -C "$src"
  (cd "$src" && swift build -c release --product evalsheet >/dev/null)
  BASE=$src/.build/release/evalsheet
fi
W=$(mktemp -d /tmp/evalsheet-identical.XXXX)
echo "reference: $BASE"
echo "this tree: $NEW"
echo "work: $W"
fail=0

# Runs one command with both binaries in their own folder (same relative names), compares the
# output folders, stdout, stderr and exit code.
both() {  # both NAME args… (ARGS may use OUT for the output folder)
  local name=$1; shift
  for side in base new; do
    local bin=$([ $side = base ] && echo "$BASE" || echo "$NEW")
    mkdir -p "$W/$side/$name"
    local args=("${@//OUT/$W/$side/$name/out}")
    (cd "$ROOT" && "$bin" "${args[@]}" >"$W/$side/$name.stdout" 2>"$W/$side/$name.stderr"; echo $? >"$W/$side/$name.rc") || true
    sed -i "s#$W/$side/#W/#g" "$W/$side/$name.stdout" "$W/$side/$name.stderr"
    # With more than one worker, inputs finish (and are reported) in any order: compare the lines.
    if [[ " $* " != *" --jobs 1 "* ]]; then sort -o "$W/$side/$name.stderr" "$W/$side/$name.stderr"; fi
  done
  # Workbooks part by part, without the time they were written.
  for side in base new; do
    [ -d "$W/$side/$name/out" ] || continue
    python3 - "$W/$side/$name/out" <<'PY'
import os, sys, zipfile
for root, _, files in os.walk(sys.argv[1]):
    for f in files:
        if not f.endswith('.xlsx'): continue
        p = os.path.join(root, f)
        with zipfile.ZipFile(p) as z:
            for n in z.namelist():
                if n == 'docProps/core.xml': continue
                d = os.path.join(p + '.parts', n)
                os.makedirs(os.path.dirname(d), exist_ok=True)
                open(d, 'wb').write(z.read(n))
        os.remove(p)
PY
  done
  if ! diff -r "$W/base/$name" "$W/new/$name" >/dev/null || ! cmp -s "$W/base/$name.stdout" "$W/new/$name.stdout" \
     || ! cmp -s "$W/base/$name.stderr" "$W/new/$name.stderr" || ! cmp -s "$W/base/$name.rc" "$W/new/$name.rc"; then
    echo "DIFFERS: $name ($*)"
    diff -r "$W/base/$name" "$W/new/$name" | head -5 || true
    diff "$W/base/$name.stderr" "$W/new/$name.stderr" | head -5 || true
    fail=1
  fi
}

"$BASE" import samples/kiyose-2019/kiyose-2019.txt -o "$W/real-json" --quiet
python3 bench/make_synthetic_year.py "$W/real-json" "$SYNTH" "$W/synth-json" >/dev/null
python3 bench/make_synthetic_text_year.py samples/kiyose-2019/kiyose-2019.txt "$SYNTH" "$W/synth.txt" >/dev/null
"$BASE" export samples/kiyose-2019/kiyose-2019.txt -o "$W/real-xlsx" --quiet

# Line ends, BOM, encoding and emptiness, and a CR LF split across the reader's 1 MB chunks.
E="$W/edge"; mkdir -p "$E"
S=samples/kiyose-2019/kiyose-2019.txt
sed 's/$/\r/' "$S" > "$E/crlf.txt"; tr '\n' '\r' < "$S" > "$E/cr.txt"
{ printf '\xef\xbb\xbf'; cat "$S"; } > "$E/bom.txt"; { cat "$S"; printf '\xff\n'; } > "$E/bad-utf8-at-end.txt"
printf '  \n\t\n\xe3\x80\x80\n' > "$E/blank.txt"; : > "$E/empty.txt"; printf 'hello\tworld\nfoo\n' > "$E/no-heading.txt"
{ printf 'before\tthe sheet\n\n'; cat "$S"; } > "$E/text-before-first-sheet.txt"
python3 - "$W/synth.txt" "$E/crlf-across-chunks.txt" <<'PY'
import sys
d = open(sys.argv[1], 'rb').read().replace(b'\n', b'\r\n')
target = (1 << 20) - 1
i = d.index(b'\r\n', target - 5000)
out = b'x' * (target - i - 2) + b'\r\n' + d
assert out[target:target + 2] == b'\r\n'
open(sys.argv[2], 'wb').write(out)
PY

n=0
for f in "$E"/*.txt; do both "edge-$(basename "$f")" import "$f" -o OUT --jobs 1 --lang en; n=$((n + 1)); done
both real-year-text   import samples/kiyose-2019/kiyose-2019.txt -o OUT --jobs 1
both real-sheets-text import samples/kiyose-2019/511.txt samples/kiyose-2019/512.txt samples/kiyose-2019/513.txt samples/kiyose-2019/521.txt samples/kiyose-2019/522.txt samples/kiyose-2019/531.txt samples/kiyose-2019/532.txt samples/kiyose-2019/533.txt samples/kiyose-2019/541.txt -o OUT
both real-to-text     import samples/kiyose-2019/kiyose-2019.txt -o OUT --to text
both real-xlsx        import "$W/real-xlsx" -o OUT --jobs 1
both synth-json       import "$W/synth-json" -o OUT --jobs 2
both synth-text       import "$W/synth.txt" -o OUT --jobs 2
both synth-text-1     import "$W/synth.txt" -o OUT --jobs 1
n=$((n + 7))
for f in Tests/Fixtures/text-malformed/*.txt Tests/Fixtures/json-malformed/*.json Tests/Fixtures/attack/*.txt Tests/Fixtures/attack/*.xlsx; do
  [ -e "$f" ] || continue
  base=$(basename "$f")
  both "fault-ja-$base" import "$f" -o OUT --jobs 1
  both "fault-en-$base" import "$f" -o OUT --jobs 1 --lang en
  both "validate-$base" validate "$f"
  n=$((n + 3))
done
both batch-real          batch samples/kiyose-2019/kiyose-2019.txt -o OUT --jobs 2
both batch-real-1        batch samples/kiyose-2019/kiyose-2019.txt -o OUT --jobs 1 --strict --lang en
both batch-real-json     batch "$W/real-json" -o OUT --to json
both batch-real-text     batch "$W/real-json" -o OUT --to text --no-validate
both batch-real-xlsx     batch "$W/real-xlsx" -o OUT
both batch-synth         batch "$W/synth-json" -o OUT --jobs 2
both batch-text-faults   batch Tests/Fixtures/text-malformed -o OUT
both batch-json-faults   batch Tests/Fixtures/json-malformed -o OUT --lang en
n=$((n + 8))
# Export alone (workbooks part by part, messages, exit codes), refusals included.
both export-real         export samples/kiyose-2019/kiyose-2019.txt -o OUT --jobs 1
both export-synth        export "$W/synth-json" -o OUT --jobs 2
both export-synth-1      export "$W/synth-json" -o OUT --jobs 1 --lang en
both export-text-faults  export Tests/Fixtures/text-malformed -o OUT --jobs 1
both export-json-faults  export Tests/Fixtures/json-malformed -o OUT --jobs 1 --lang en
n=$((n + 5))
if [ $fail = 0 ]; then echo "identical: $n runs (outputs, stdout, stderr, exit codes)"; else echo "NOT identical (see above)"; exit 1; fi
