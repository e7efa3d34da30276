#!/usr/bin/env bash
# Regenerates the workbook fixtures of the import tests from the real year:
#   xlsx-resaved/libreoffice/<code>.xlsx  exported, then re-saved by LibreOffice (soffice --convert-to xlsx)
#   xlsx-resaved/openpyxl/<code>.xlsx     exported, then loaded and saved by openpyxl (drops cached formula results)
#   xlsx-edited/<edit>.xlsx               edited through LibreOffice's own API (edit_with_libreoffice.py)
#   xlsx-domain/<quirk>.xlsx              workbooks that are not usable evaluation sheets (make_domain_fixtures.py)
#   xlsx-faults/<fault>.xlsx              one fault each, by XML edits of 511.xlsx (make_import_fault_fixtures.py)
# Needs: swift, LibreOffice, python3 with openpyxl, Debian's /usr/bin/python3 with python3-uno.
set -euo pipefail
cd "$(dirname "$0")/../.."
fx=Tests/Fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --product evalsheet >/dev/null
.build/debug/evalsheet export samples/kiyose-2019/kiyose-2019.txt -o "$work/exported" --quiet

rm -rf "$fx/xlsx-resaved" "$fx/xlsx-edited" "$fx/xlsx-domain" "$fx/xlsx-faults"
mkdir -p "$fx/xlsx-resaved/libreoffice" "$fx/xlsx-resaved/openpyxl" "$fx/xlsx-edited" "$fx/xlsx-domain" "$fx/xlsx-faults"
HOME="$work" soffice -env:UserInstallation=file://"$work/lo" --headless --norestore \
  --convert-to xlsx --outdir "$fx/xlsx-resaved/libreoffice" "$work"/exported/*.xlsx >/dev/null
python3 - "$work/exported" "$fx/xlsx-resaved/openpyxl" <<'PY'
import glob, os, sys, openpyxl
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.xlsx"))):
    openpyxl.load_workbook(f).save(os.path.join(sys.argv[2], os.path.basename(f)))
PY
/usr/bin/python3 "$fx/edit_with_libreoffice.py" "$work/exported" "$fx/xlsx-edited" >/dev/null
python3 "$fx/make_domain_fixtures.py" "$work/exported" "$fx/xlsx-domain"
python3 "$fx/make_import_fault_fixtures.py" "$work/exported" "$fx/xlsx-faults"
echo "fixtures written under $fx/xlsx-resaved, xlsx-edited, xlsx-domain, xlsx-faults"
