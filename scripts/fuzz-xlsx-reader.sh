#!/usr/bin/env bash
# Fuzzes the XLSX reader with libFuzzer + AddressSanitizer.
#
#   scripts/fuzz-xlsx-reader.sh [SECONDS=60] [WORKDIR=.build/fuzz-xlsx-reader]
#
# Builds the XLSX and XLSXReader modules and scripts/fuzz/FuzzXLSXReader.swift with
# `swiftc -sanitize=fuzzer,address`, seeds a corpus with every fixture (whole .xlsx files, plus
# their worksheet/sharedStrings/styles/workbook XML joined by NUL bytes for the XML mode of the
# entry point), runs for SECONDS, then prints the number of executions and crashes. Exit status 1
# when a crash, leak, timeout or out-of-memory was found (reproducers are left in WORKDIR/artifacts).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_BUDGET="${1:-60}"
WORK="${2:-$ROOT/.build/fuzz-xlsx-reader}"
BUILD="$WORK/build"
CORPUS="$WORK/corpus"
ARTIFACTS="$WORK/artifacts"
mkdir -p "$BUILD" "$CORPUS" "$ARTIFACTS"

FLAGS=(-O -g -sanitize=fuzzer,address)
echo "== building (swiftc ${FLAGS[*]})"
"$ROOT/scripts/build-xlsx-reader-standalone.sh" "$BUILD" -O -g -sanitize=fuzzer,address 2>&1 | grep -v "ld.gold: warning" || true
swiftc -parse-as-library "${FLAGS[@]}" -I "$BUILD" -I "$ROOT/Sources/CZip" \
    "$ROOT/scripts/fuzz/FuzzXLSXReader.swift" -L "$BUILD" -lXLSXReader -lXLSX -lzip \
    -o "$BUILD/fuzz-xlsx-reader" 2>&1 | grep -v "ld.gold: warning" || true
test -x "$BUILD/fuzz-xlsx-reader"

echo "== seeding $CORPUS"
python3 - "$ROOT/Tests/Fixtures" "$CORPUS" <<'PY'
import hashlib, os, sys, zipfile
fixtures, corpus = sys.argv[1], sys.argv[2]
def save(data):
    with open(os.path.join(corpus, "seed-" + hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)
for sub in ("xlsx-quirks", "xlsx-hostile"):
    for name in sorted(os.listdir(os.path.join(fixtures, sub))):
        path = os.path.join(fixtures, sub, name)
        data = open(path, "rb").read()
        if len(data) <= 200_000:
            save(data)
        try:
            z = zipfile.ZipFile(path)
            names = {n.lower(): n for n in z.namelist()}
            def part(*candidates):
                for c in candidates:
                    if c in names:
                        info = z.getinfo(names[c])
                        if info.file_size <= 200_000 and info.compress_type in (0, 8) and not info.flag_bits & 1:
                            return z.read(names[c]).replace(b"\0", b" ")
                return b""
            for sheet in [n for n in names if "worksheets/sheet" in n][:2]:
                save(b"\0".join([part(sheet), part("xl/sharedstrings.xml", "book/strings.xml"),
                                 part("xl/styles.xml", "book/styles.xml"), part("xl/workbook.xml")]))
        except Exception:
            pass
PY
echo "   $(ls "$CORPUS" | wc -l) inputs in corpus"

. "$ROOT/scripts/fuzz/run-libfuzzer.sh"
run_libfuzzer fuzz-xlsx-reader "$ROOT/scripts/fuzz/xlsx.dict" 65536 10 2048
