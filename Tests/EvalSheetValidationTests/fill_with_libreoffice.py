#!/usr/bin/python3
"""Fills a workbook through LibreOffice's own API (a headless soffice, UNO), as a department
working in LibreOffice would: optionally inserts a row, types values, recalculates, saves as .xlsx.

    /usr/bin/python3 fill_with_libreoffice.py IN.xlsx OUT.xlsx SPEC.json

SPEC: {"insert": [SHEET, ROW] or null (ROW 1-based: the new row takes that number),
       "cells": [[SHEET, "A1", number-or-text], ...]}
Prints, one per line, "SHEET!A1=shown text" for every cell of SPEC's "show" list after recalculating.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

src, out, spec_path = sys.argv[1], sys.argv[2], sys.argv[3]
spec = json.load(open(spec_path, encoding="utf-8"))
profile = tempfile.mkdtemp(prefix="lo-uno-")
port = 4002 + os.getpid() % 1000
office = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                           f"--accept=socket,host=127.0.0.1,port={port};urp;"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(150):
        try:
            ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.2)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
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
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
finally:
    try:
        desktop.terminate()
    except Exception:
        pass
    office.wait(timeout=30)
