#!/usr/bin/env bash
# Builds the EvalSheetModel and EvalSheetText modules with plain swiftc (no SwiftPM) into static
# libraries, so that scripts can link small tools (the text-reader fuzzer) against them with extra
# flags.
#
#   scripts/build-text-reader-standalone.sh OUTDIR [swiftc flags…]
#
# Leaves OUTDIR/libEvalSheetModel.a, OUTDIR/libEvalSheetText.a and the .swiftmodule files; link a tool with
#   swiftc [flags] -I OUTDIR main.swift -L OUTDIR -lEvalSheetText -lEvalSheetModel
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$1"; shift
mkdir -p "$OUT"
rm -f "$OUT/libEvalSheetModel.a" "$OUT/libEvalSheetText.a"
swiftc -parse-as-library -wmo -module-name EvalSheetModel "$@" \
    -emit-library -static -emit-module -emit-module-path "$OUT/EvalSheetModel.swiftmodule" \
    -o "$OUT/libEvalSheetModel.a" $(find "$ROOT/Sources/EvalSheetModel" -name "*.swift" | sort)
swiftc -parse-as-library -wmo -module-name EvalSheetText "$@" -I "$OUT" \
    -emit-library -static -emit-module -emit-module-path "$OUT/EvalSheetText.swiftmodule" \
    -o "$OUT/libEvalSheetText.a" "$ROOT"/Sources/EvalSheetText/*.swift
