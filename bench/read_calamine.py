#!/usr/bin/env python3
"""Benchmark peer: reads every sheet of every workbook in DIR with python-calamine (Rust)."""
import glob
import os
import sys

from python_calamine import CalamineWorkbook

cells = 0
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.xlsx"))):
    wb = CalamineWorkbook.from_path(f)
    for name in wb.sheet_names:
        for row in wb.get_sheet_by_name(name).to_python():
            cells += sum(1 for v in row if v != "")
print(cells)
