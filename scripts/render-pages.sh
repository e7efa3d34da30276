#!/usr/bin/env bash
# Renders one exported policy's pages to PNG with LibreOffice and poppler (for looking at the
# layout as a user would, and for the README pictures in docs/images/).
#   scripts/render-pages.sh [CODE] [OUTDIR]     default: 531 into out/pages
set -euo pipefail
cd "$(dirname "$0")/.."
code=${1:-531}
out=${2:-out/pages}
mkdir -p "$out"
swift build -c release --product evalsheet >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/release/evalsheet export "samples/kiyose-2019/$code.txt" -o "$work" --quiet
HOME="$work" soffice -env:UserInstallation=file://"$work/lo" --headless --norestore \
  --convert-to pdf --outdir "$work" "$work/$code.xlsx" >/dev/null
pdftoppm -png -r 70 "$work/$code.pdf" "$out/$code-page"
ls "$out"/"$code"-page*.png
