#!/usr/bin/env python3
"""Benchmark peer: writes the same workbooks as `evalsheet export` with openpyxl, replaying the plan
made by extract_plan.py (same cells, formats, merges, validations, names, print setup).

usage: write_openpyxl.py PLAN.json COUNT OUTDIR
"""
import json
import os
import sys

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.workbook.defined_name import DefinedName

plans = json.load(open(sys.argv[1]))
count, outdir = int(sys.argv[2]), sys.argv[3]
os.makedirs(outdir, exist_ok=True)
thin = Side(style="thin", color="7F7F7F")

for n in range(count):
    plan = plans[n % len(plans)]
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    styles = []
    for s in plan["styles"]:
        styles.append(dict(
            font=Font(name=s["font"][0], sz=s["font"][1], b=s["font"][2], color=s["font"][3]),
            fill=PatternFill("solid", fgColor=s["fill"]) if s["fill"] else PatternFill(),
            border=Border(left=thin, right=thin, top=thin, bottom=thin) if s["border"] else Border(),
            alignment=Alignment(horizontal=s["align"][0], vertical=s["align"][1], wrap_text=s["align"][2]),
            number_format=s["format"], protection=Protection(locked=s["locked"])))
    for sh in plan["sheets"]:
        ws = wb.create_sheet(sh["name"])
        for r, c, kind, v, st in sh["cells"]:
            cell = ws.cell(row=r + 1, column=c + 1, value=v)
            for k, val in styles[st].items():
                setattr(cell, k, val)
        for r0, c0, r1, c1 in sh["merges"]:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
        for col, w in sh["widths"].items():
            ws.column_dimensions[col].width = w
        for r, h in sh["heights"].items():
            ws.row_dimensions[int(r) + 1].height = h
        for dv in sh["validations"]:
            v = DataValidation(type=dv["type"], formula1=dv["formula1"], formula2=dv["formula2"],
                               prompt=dv["prompt"], promptTitle=dv["promptTitle"], error=dv["error"],
                               errorTitle=dv["errorTitle"], allow_blank=True)
            v.add(dv["sqref"])
            ws.add_data_validation(v)
        if sh["hidden"]:
            ws.sheet_state = "hidden"
        ws.page_setup.paperSize = 9
        ws.page_setup.orientation = "landscape" if sh["landscape"] else "portrait"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToHeight = 0
        ws.oddHeader.left.text = sh["header"]
        ws.oddFooter.right.text = sh["footer"]
        if sh["titleRows"]:
            ws.print_title_rows = sh["titleRows"]
        ws.protection.sheet = True
        ws.protection.insertRows = False
        ws.protection.deleteRows = False
    for name, ref in plan["names"].items():
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
    wb.save(os.path.join(outdir, f"P{n:04d}.xlsx"))
