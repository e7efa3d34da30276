#!/usr/bin/env bash
# The floor for reading: inflate the parts an importer needs (workbook, rels, shared strings, styles,
# worksheets, custom properties) of every workbook in DIR with unzip -p, and throw the bytes away.
set -euo pipefail
for f in "$1"/*.xlsx; do
 unzip -p "$f" _rels/.rels xl/workbook.xml xl/_rels/workbook.xml.rels \
    xl/sharedStrings.xml xl/styles.xml 'xl/worksheets/sheet*.xml' docProps/custom.xml
done > /dev/null
