#!/usr/bin/python3
"""Fills a workbook through LibreOffice's own API (a headless soffice, UNO), as a department
working in LibreOffice would: optionally inserts a row, types values, recalculates, saves as .xlsx.

    /usr/bin/python3 fill_with_libreoffice.py IN.xlsx OUT.xlsx SPEC.json

SPEC: {"insert": [SHEET, ROW] or null (ROW 1-based: the new row takes that number),
       "cells": [[SHEET, "A1", number-or-text], ...], "show": [[SHEET, "A1"], ...]}
Prints "SHEET!A1=shown text" for every cell of "show" after recalculating.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from libreoffice_uno import load, office, save_xlsx  # noqa: E402

src, out, spec_path = sys.argv[1], sys.argv[2], sys.argv[3]
spec = json.load(open(spec_path, encoding="utf-8"))
with office() as desktop:
    doc = load(desktop, src)
    if spec.get("insert"):
        name, row = spec["insert"]
        sheet = doc.Sheets.getByName(name)
        sheet.unprotect("")            # the sheet allows inserting rows; the API asks to unprotect
        sheet.Rows.insertByIndex(row - 1, 1)
        sheet.protect("")
    for name, a1, value in spec["cells"]:
        sheet = doc.Sheets.getByName(name)
        cell = sheet.getCellRangeByName(a1)
        locked = cell.CellProtection.IsLocked
        if locked:
            sheet.unprotect("")
        if isinstance(value, str):
            cell.setString(value)
        else:
            cell.setValue(value)
        if locked:
            sheet.protect("")
    doc.calculateAll()
    for name, a1 in spec.get("show", []):
        print(f"{name}!{a1}=" + doc.Sheets.getByName(name).getCellRangeByName(a1).getString())
    save_xlsx(doc, out)
