#!/usr/bin/env python3
"""Benchmark peer: loads every value of every workbook in DIR with openpyxl (read-only mode, cached values)."""
import glob
import os
import sys

import openpyxl

cells = 0
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.xlsx"))):
    wb = openpyxl.load_workbook(f, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += sum(1 for v in row if v is not None)
    wb.close()
print(cells)
