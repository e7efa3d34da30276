#!/usr/bin/env python3
"""Prints, for every text cell of the first worksheet, what each reader makes of it, as JSON:

  raw       the shared string as stored in the XML (entities decoded, `_xHHHH_` left as written)
  decoded   raw with `_xHHHH_` decoded as ECMA-376 says (left to right, UTF-16 surrogate pairs joined)
  openpyxl  openpyxl's value
  calamine  python-calamine's value
  style     the cell's `s` attribute

plus the shared-string table's `count` and `uniqueCount`.

Usage: cell_texts.py FILE.xlsx
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

try:
    import openpyxl
    from python_calamine import CalamineWorkbook
except ImportError as error:  # pragma: no cover
    print(f"openpyxl and python-calamine are needed for {sys.executable}: {error}", file=sys.stderr)
    sys.exit(2)

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")


def decode(text):
    units = []
    i = 0
    while i < len(text):
        m = ESCAPE.match(text, i)
        if m:
            units.append(int(m.group(1), 16))
            i = m.end()
        else:
            units.extend(int.from_bytes(text[i].encode("utf-16-le")[k:k + 2], "little")
                         for k in range(0, len(text[i].encode("utf-16-le")), 2))
            i += 1
    return b"".join(u.to_bytes(2, "little") for u in units).decode("utf-16-le", errors="surrogatepass")


def column_row(ref):
    m = re.match(r"([A-Z]+)([0-9]+)$", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def main(path):
    with zipfile.ZipFile(path) as z:
        sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
        strings = ["".join(t.text or "" for t in si.iter(NS + "t")) for si in sst.findall(NS + "si")]
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    book = openpyxl.load_workbook(path).worksheets[0]
    cal = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python(skip_empty_area=False)
    cells = {}
    for c in sheet.iter(NS + "c"):
        if c.get("t") != "s":
            continue
        ref = c.get("r")
        raw = strings[int(c.find(NS + "v").text)]
        row, col = column_row(ref)
        cells[ref] = {
            "raw": raw,
            "decoded": decode(raw),
            "openpyxl": book.cell(row, col).value,
            "calamine": cal[row - 1][col - 1] if row - 1 < len(cal) and col - 1 < len(cal[row - 1]) else None,
            "style": c.get("s"),
        }
    print(json.dumps({"cells": cells, "count": int(sst.get("count")), "uniqueCount": int(sst.get("uniqueCount"))},
                     ensure_ascii=False))


main(sys.argv[1])
