#!/usr/bin/python3
"""Sets one cell of a workbook through LibreOffice's own API (a headless soffice, UNO), recalculates
and saves it as .xlsx, as a department editing in LibreOffice would:

    /usr/bin/python3 set_cell_with_libreoffice.py IN.xlsx OUT.xlsx SHEET A1 NUMBER

Prints the value LibreOffice shows in the cell below the one set, after recalculating (for the
live 達成率 under an 実績値 it is the rate).
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

src, out, sheet_name, a1, number = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
profile = tempfile.mkdtemp(prefix="lo-uno-")
port = 3002 + os.getpid() % 1000
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
    sheet = doc.Sheets.getByName(sheet_name)
    cell = sheet.getCellRangeByName(a1)   # an unlocked input cell: no need to unprotect
    cell.setValue(number)
    doc.calculateAll()
    address = cell.getCellAddress()
    below = sheet.getCellByPosition(address.Column, address.Row + 1)
    print(below.getString())
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
finally:
    try:
        desktop.terminate()
    except Exception:
        pass
    office.wait(timeout=30)
