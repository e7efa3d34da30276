#!/usr/bin/env bash
# Builds the model, the form's template, the JSON form and the text form (EvalSheetModel,
# EvalSheetForm, StrictJSON, EvalSheetJSON, EvalSheetText) with plain swiftc (no SwiftPM) into static
# libraries, so that scripts can link small tools (the text-reader and JSON fuzzers) against them
# with extra flags.
#
#   scripts/build-text-reader-standalone.sh OUTDIR [swiftc flags…]
#
# Leaves OUTDIR/lib<Module>.a and the .swiftmodule files; link a tool with
#   swiftc [flags] -I OUTDIR main.swift -L OUTDIR -lEvalSheetText -lEvalSheetJSON -lEvalSheetForm -lStrictJSON -lEvalSheetModel
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$1"; shift
mkdir -p "$OUT"
for module in EvalSheetModel StrictJSON EvalSheetForm EvalSheetJSON EvalSheetText; do
    rm -f "$OUT/lib$module.a"
    # shellcheck disable=SC2046
    swiftc -parse-as-library -wmo -module-name "$module" "$@" -I "$OUT" \
        -emit-library -static -emit-module -emit-module-path "$OUT/$module.swiftmodule" \
        -o "$OUT/lib$module.a" $(find "$ROOT/Sources/$module" -name "*.swift" | sort)
done
