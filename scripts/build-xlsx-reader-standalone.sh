#!/usr/bin/env bash
# Builds the XLSX and XLSXReader modules with plain swiftc (no SwiftPM) into static libraries,
# so that scripts can link small tools (fuzzer, benchmark) against them with extra flags.
#
#   scripts/build-xlsx-reader-standalone.sh OUTDIR [swiftc flags…]
#
# Leaves OUTDIR/libXLSX.a, OUTDIR/libXLSXReader.a and the .swiftmodule files; link a tool with
#   swiftc [flags] -I OUTDIR -I Sources/CZip main.swift -L OUTDIR -lXLSXReader -lXLSX -lzip
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$1"; shift
mkdir -p "$OUT"
rm -f "$OUT/libXLSX.a" "$OUT/libXLSXReader.a"
swiftc -parse-as-library -wmo -module-name XLSX "$@" \
    -emit-library -static -emit-module -emit-module-path "$OUT/XLSX.swiftmodule" \
    -o "$OUT/libXLSX.a" "$ROOT"/Sources/XLSX/*.swift
swiftc -parse-as-library -wmo -module-name XLSXReader "$@" -I "$OUT" -I "$ROOT/Sources/CZip" \
    -emit-library -static -emit-module -emit-module-path "$OUT/XLSXReader.swiftmodule" \
    -o "$OUT/libXLSXReader.a" "$ROOT"/Sources/XLSXReader/*.swift
